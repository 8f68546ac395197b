"""Reads a run's workbook.xlsx with an independent reader (openpyxl) and checks it against the
run's results.sqlite: the summary (Oversigt), Budget, calibration and ledger (Hvem betaler)
sheets hold real numbers equal to the store's, the cross-silo sheets (På tværs) hold the store's
persons, families and spending by combination of centres, each proposal's budget form (named by its title)
totals the store's budget figures, every sheet has a frozen header row and prints (print area,
A4 landscape, one page wide and at most two tall), and DKK cells carry a thousands-separator
format. The workbook is checked in its default language, Danish.

    /usr/bin/python3 check_workbook.py RUN_DIR
"""
import math
import sqlite3
import sys

import openpyxl

SHEETS = ["Oversigt", "Budget", "Hvem betaler", "Perspektiver uenige", "Skifteværdier", "Tornado",
          "Forudsætninger", "Kørslen", "På tværs, personer", "På tværs, familier"]


# The payers as the Danish workbook names them, and as results.sqlite does.
PAYERS = {"kommune": "municipality", "stat": "state", "region": "region", "borger": "citizen"}


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def equal_number(cell_value, want):
    """A workbook cell holds a number (not text) equal to the store's."""
    return isinstance(cell_value, (int, float)) and close(cell_value, want)


def main(run_dir):
    failures = []
    book = openpyxl.load_workbook(f"{run_dir}/workbook.xlsx")
    db = sqlite3.connect(f"{run_dir}/results.sqlite")
    for name in SHEETS:
        if name not in book.sheetnames:
            failures.append(f"no sheet {name}")
        elif book[name].freeze_panes != "A2":
            failures.append(f"{name}: header row not frozen ({book[name].freeze_panes})")

    summary = book["Oversigt"]
    header = [c.value for c in summary[1]]
    col = {h: i for i, h in enumerate(header)}
    expected = {
        (arm, norm): row
        for arm, norm, *row in db.execute(
            "SELECT arm, norm, net_value_mean_dkk, net_value_mean_low_dkk, net_value_mean_high_dkk, "
            "municipality_net_cost_year1_mean_dkk, municipality_net_cost_4y_mean_dkk, rank FROM summary")
    }
    # The verdict in words, the same words as the terminal and the report.
    words = {"net_gain": "nettogevinst", "net_cost": "nettoudgift", "break_even": "omtrent i balance",
             "too_close_to_call": "for tæt til at afgøre"}
    verdicts = {(arm, norm): v for arm, norm, v in db.execute("SELECT arm, norm, verdict FROM summary")}
    seen = 0
    for cells in summary.iter_rows(min_row=2):
        key = (cells[col["Forslag"]].value, cells[col["Perspektiv"]].value)
        want = expected.get(key)
        if want is None:
            failures.append(f"Summary: {key} is not in results.sqlite")
            continue
        seen += 1
        shown = cells[col["Vurdering"]].value
        if shown != words[verdicts[key]]:
            failures.append(f"Summary {key}: verdict {shown!r}, results.sqlite {verdicts[key]!r}")
        got = [cells[col[h]] for h in ["Nettoværdi, middelværdi (kr., tilbagediskonteret)",
                                        "Nettoværdi, 90 %-interval for middelværdien, lav (kr.)",
                                        "Nettoværdi, 90 %-interval for middelværdien, høj (kr.)",
                                        "Kommunens nettoudgift, budgetåret, middelværdi (kr., ikke diskonteret)",
                                        "Kommunens nettoudgift, budgetår og tre overslagsår, middelværdi (kr., ikke diskonteret)",
                                        "Placering"]]
        for cell, value in zip(got, want):
            if not isinstance(cell.value, (int, float)):
                failures.append(f"Summary {key}: {cell.coordinate} holds text {cell.value!r}, not a number")
            elif not close(cell.value, value):
                failures.append(f"Summary {key}: {cell.coordinate} = {cell.value}, results.sqlite {value}")
        if got[0].number_format != "#,##0":
            failures.append(f"Summary: DKK cell {got[0].coordinate} has format {got[0].number_format!r}")
    if seen != len(expected):
        failures.append(f"Summary: {seen} rows, results.sqlite {len(expected)}")

    if "Kalibrering" in book.sheetnames:
        calibration = dict(db.execute("SELECT target, baseline FROM calibration"))
        for cells in book["Kalibrering"].iter_rows(min_row=2):
            target, baseline = cells[0].value, cells[5].value
            if not close(baseline, calibration[target]):
                failures.append(f"Calibration {target}: {baseline}, results.sqlite {calibration[target]}")

    # Ledger: the budget period's mean net cost per proposal, department and payer equals the
    # mean over replicates of the store's paired differences summed over its first four years.
    base_year = int(dict(db.execute("SELECT key, value FROM run_info"))["base_year"])
    ledger = {
        (g, arm, dept, payer): value
        for g, arm, dept, payer, value in db.execute(
            "SELECT dynamics_group, arm, department, payer, AVG(total) FROM ("
            " SELECT dynamics_group, arm, replicate, department, payer, SUM(dkk) AS total"
            " FROM flow_differences WHERE year < ? GROUP BY dynamics_group, arm, replicate, department, payer)"
            " GROUP BY dynamics_group, arm, department, payer", (base_year + 4,))
    }
    checked = 0
    for cells in book["Hvem betaler"].iter_rows(min_row=2):
        proposal, group, _, first, years, dept, payer, mean = [c.value for c in cells[:8]]
        if years != 4:
            continue
        checked += 1
        want = ledger[(group, proposal, dept, PAYERS[payer])]
        if not math.isclose(mean, want, rel_tol=1e-9, abs_tol=1e-3):
            failures.append(f"Ledger {proposal} {dept} {payer}: {mean}, results.sqlite {want}")
    if checked == 0:
        failures.append("Ledger: no budget-period rows")

    # Budget: each proposal's budget-period change by budget type, in 1.000 kr., equals the store's.
    titles = {"Serviceudgifter (serviceramme)": "service",
              "Overførsler, budgetgaranti": "transfer_guaranteed",
              "Overførsler, øvrige": "transfer_other",
              "Finansiering (skat, udligning)": "financing",
              "Anlæg": "investment"}
    budget = {
        (arm, kind): value
        for arm, kind, value in db.execute(
            "SELECT arm, budget_type, municipality_net_cost_mean_dkk FROM budget"
            " WHERE dynamics_group = 0 AND last_year - first_year = 3")
    }
    budget_rows = 0
    for cells in book["Budget"].iter_rows(min_row=2):
        proposal, title = cells[0].value, cells[1].value
        if title not in titles:
            continue
        budget_rows += 1
        got = cells[6].value
        want = budget[(proposal, titles[title])] / 1000
        if not equal_number(got, want):
            failures.append(f"Budget {proposal} {title}: {got}, results.sqlite {want} (1.000 kr.)")
    if budget_rows == 0:
        failures.append("Budget: no rows by budget type")
    # Every amount column of the budget form states the run's price level (results.sqlite run_info).
    # The store keeps the level in English ("2024 prices"); the Danish workbook says "2024-priser".
    price_level = db.execute("SELECT value FROM run_info WHERE key = 'price_level'").fetchone()[0]
    price_level = price_level.replace(" prices", "-priser")
    for header in [c.value for c in book["Budget"][1]][2:]:
        if f"1.000 kr., {price_level}" not in str(header):
            failures.append(f"Budget column '{header}' does not state the price level '{price_level}'")

    # Budget forms: one sheet per proposal ("NN id"), its total per year of the budget period (the
    # budget year and three overslagsår, 1.000 kr.) equal to the store's change over all budget
    # types, and set to print on one A4 page in landscape.
    arms = [a for a in db.execute("SELECT arm, title FROM arms WHERE arm_index > 0 ORDER BY arm_index")]
    yearly = {
        (arm, year): value
        for arm, year, value in db.execute(
            "SELECT arm, first_year, SUM(municipality_net_cost_mean_dkk) FROM budget"
            " WHERE dynamics_group = 0 AND first_year = last_year GROUP BY arm, first_year")
    }
    forms = 0
    for index, (arm, title) in enumerate(arms, start=1):
        # Named by the proposal's title (not its id), as Excel allows: 31 characters, no []:*?/\.
        name = f"{index:02} " + "".join("-" if c in "[]:*?/\\" else c for c in title)
        name = name[:31].rstrip()
        if name not in book.sheetnames:
            failures.append(f"no budget form sheet '{name}'")
            continue
        sheet = book[name]
        forms += 1
        total = [row for row in sheet.iter_rows() if row[0].value == "I alt, kommunen"]
        if len(total) != 1:
            failures.append(f"{name}: no single total row")
            continue
        for cell, year in zip(total[0][2:], range(base_year, base_year + 4)):
            want = yearly[(arm, year)] / 1000
            if not equal_number(cell.value, want):
                failures.append(f"{name} {year}: {cell.value}, results.sqlite {want} (1.000 kr.)")
        if sheet.page_setup.fitToHeight not in (None, 1, "1"):  # 1 is the default, left out
            failures.append(f"{name}: a budget form is not set to print on one page")

    # The cross-silo picture: per arm, year and combination of centres (named by the departments'
    # titles, joined by " + "), the persons known to it and the spending on them, and the families
    # and their members; the spending in 1.000 kr.
    titles = dict(db.execute("SELECT department, title FROM departments"))
    def centre_names(centres):
        return " + ".join(titles[d] for d in centres.split("+")) if centres else "Ikke kendt af noget center"
    picture = {(arm, year, centre_names(centres)): row for arm, year, centres, *row in db.execute(
        "SELECT arm, year, centres, centre_count, persons, municipal_dkk, households, household_members,"
        " household_municipal_dkk FROM cross_silo")}
    cross_rows = 0
    for name, counted in [("På tværs, personer", "persons"), ("På tværs, familier", "households")]:
        for cells in book[name].iter_rows(min_row=2):
            values = [c.value for c in cells]
            key = tuple(values[:3])
            want = picture.get(key)
            if want is None:
                failures.append(f"{name} {key}: not in results.sqlite")
                continue
            count, persons, persons_dkk, households, members, households_dkk = want
            expected = [count, persons, persons_dkk / 1000] if counted == "persons" else \
                [count, households, members, households_dkk / 1000]
            for got, value in zip(values[3:], expected):
                if not equal_number(got, value):
                    failures.append(f"{name} {key}: {got}, results.sqlite {value}")
            # The departments' columns add up to the total.
            if not math.isclose(sum(values[len(expected) + 3:]), values[len(expected) + 2], rel_tol=1e-9, abs_tol=1e-6):
                failures.append(f"{name} {key}: the departments' columns do not add up to the total")
            cross_rows += 1
    if len([k for k, v in picture.items() if k[2] != "Ikke kendt af noget center" and v[0] >= 2 and v[3] > 0]) == 0:
        failures.append("cross_silo: no family known to two or more centres")

    # Every sheet prints: its used range as the print area, on A4 landscape, one page wide and at
    # most two tall (budget material, not 800 pages).
    for sheet in book.worksheets:
        setup = sheet.page_setup
        if (setup.orientation != "landscape" or str(setup.paperSize) != "9"
                or sheet.sheet_properties.pageSetUpPr is None or sheet.sheet_properties.pageSetUpPr.fitToPage is not True
                or int(setup.fitToWidth or 1) != 1 or int(setup.fitToHeight or 1) not in (1, 2)):
            failures.append(f"{sheet.title}: not set to print on at most two A4 pages in landscape")
        if not sheet.print_area:
            failures.append(f"{sheet.title}: no print area")

    if failures:
        print("\n".join(failures))
        return 1
    print(f"workbook.xlsx: {seen} summary rows, {budget_rows} budget-type rows, {checked} "
          f"budget-period ledger rows, {forms} budget forms and {cross_rows} cross-silo rows equal "
          f"results.sqlite")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
