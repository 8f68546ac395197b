// The English texts (`--lang en`).
#include "output/texts.hpp"

namespace kommunesim::output {

const Texts kEnglishTexts = {
    .net_gain = "net gain",
    .net_cost = "net cost",
    .break_even = "about break-even",
    .too_close_to_call = "too close to call",
    .increase = "increase",
    .decrease = "decrease",
    .no_clear_change = "no clear change",

    .replicates = "{} replicates",
    .one_replicate = "1 replicate",
    .replicates_adaptive =
        " (from {}, {} more at a time while a verdict or top rank was "
        "unresolved, at most {}; {}{})",
    .replicates_fixed = " (a fixed count; {})",
    .stopped_at_cap = "stopped at the cap: ",
    .all_resolved = "all resolved",
    .unresolved = "{} of {} verdicts and {} of {} top ranks unresolved",

    .drawn_per_replicate =
        "Drawn per replicate: {}. The normative sets are a separate dimension, "
        "never mixed into an interval.",
    .drawn_always = "individual randomness, effect sizes within their distributions",
    .drawn_unit_costs = ", unit costs within their register ranges ({} figures)",
    .drawn_population = ", and a synthetic population drawn anew for every pair of replicates",
    .population_share =
        " Share of a net value's variance between population draws: {} over the "
        "proposal x set rows.",
    .unit_cost_share = " Share added by drawing unit costs: {}.",
    .disclosure_rule =
        "Built on the municipality's own data: counts below {} persons, families or events are "
        "suppressed in every output (disclosure control), and so are figures they could be "
        "derived from. results.sqlite holds no counts per replicate or by age.",
    .disclosure_source = " The rule comes from: {}.",
    .disclosure_counts =
        " Suppressed in this run: {} cells below {} and {} cells they could be derived from.",
    .share_range = "median {} % ({}-{} %)",

    .tax_without_lag =
        "Municipal income tax is booked in the year it is earned (the scenario "
        "declares no [financing] lag).",
    .tax_with_lag =
        "Municipal income tax (financing) reaches the municipality {0} years after it "
        "is earned ({1}); tax earned before the run (arriving in its first {0} years) "
        "is left out.",

    .prices_as_given = "prices as given",
    .price_level = "{} prices",
    .prices_without_level =
        "Amounts are at the prices the register states them in (the scenario "
        "declares no [prices] level).",
    .prices = "Amounts are at {} prices{}. Index: {}{}.",
    .prices_all_stated = ": every unit cost is stated at them",
    .prices_converted = ": unit costs stated at other years' prices are converted ({})",
    .prices_converted_count = "{} at {} prices",
    .prices_and = " and ",

    .summary_header =
        "{} — {}, {} years from {}; amounts in million DKK at {}, mean [90 % "
        "interval of the mean]\n",
    .summary_legend =
        "Net cost: what a proposal adds to the municipality's budget (negative: it saves). Net "
        "value: what it is\nworth under a normative set, discounted to {} (positive: a gain). "
        "Verdict: net gain or net cost when the\ninterval excludes zero; about break-even when it "
        "lies within {} m of zero; otherwise too close to call.\nRank 1 is the best proposal "
        "under that set; '?' marks a rank whose gap to a neighbour is within its uncertainty.\n",
    .millions = "m",
    .cost_first_year = "  municipality's net cost, first budget year (undiscounted): {}\n",
    .cost_budget_period = "  municipality's net cost, four-year budget period (undiscounted): {}\n",
    .of_which =
        "    of which service expenditure {}; transfers {} (budget guarantee), {} (other); "
        "financing {}{}\n",
    .investment = "; investment (anlæg) {}",
    .places_used = "  places used ({}): {}; {} years {} %",
    .places_low = "; LOW: under half the places used in {} of {} years",
    .measure_change = "  {} ({}), change over {} years: {}\n",
    .no_clear_measures = "  no clear change over {} years: {}\n",
    .column_set = "normative set",
    .column_horizon = "horizon",
    .column_net_value = "net value",
    .column_chance = "P(gain)",
    .column_rank = "rank",
    .column_payback = "payback",
    .column_verdict = "verdict",
    .years_short = "y",
    .conclusion_holds = "  conclusion holds: {} under every normative set\n",
    .conclusion_flips = "  conclusion flips: {}\n",
    .conclusion_depends = "  conclusion depends on the set: {}\n",
    .verdict_under = "{} under {}",
    .clear_in_centres =
        "  clearly and materially changes the municipality's net cost over the budget period (m "
        "DKK): {}\n",
    .no_centre_change =
        "  clearly and materially changes no centre's net cost over the budget period\n",
    .ranking_legend =
        "Ranking under each normative set (1 = best; ? = within its uncertainty of a "
        "neighbour; verdict: net gain +, net cost -, too close to call ~, about "
        "break-even 0):",
    .column_proposal = "proposal",
    .calibration_header =
        "\nBaseline against calibration targets (mean of {} replicates): {} of "
        "{} within their tolerance ({} % unless stated)\n",
    .column_target = "target",
    .column_year = "year",
    .column_baseline = "baseline",
    .column_off = "off",
    .column_se = "s.e.",
    .own_tolerance = " (tolerance {} %)",
    .outside_tolerance = "OUTSIDE TOLERANCE",
    .coverage =
        "The modules cover {} % of the municipality's net operating spending in {}: {} m "
        "of {} m DKK (the baseline's service expenditure and transfers after refusion; the "
        "whole figure: {}).",
    .known_to_no_centre = "Known to no centre",

    .planned =
        "{}: {} persons, {} simulations ({} arms x {} replicates x {} dynamics groups, one "
        "baseline per replicate) of {} months on {} threads\n",
    .more_replicates =
        "replicates {}-{}: after {}, {} of {} verdicts and {} of {} top ranks are "
        "still unresolved\n",
    .phase_simulating = "simulating",
    .phase_tornado = "tornado",
    .phase_switching = "switching values",
    .phase_writing = "writing",
    .time_left_seconds = "about {} s left",
    .time_left_minutes = "about {} min {:02} s left",
    .sensitivity =
        "sensitivity: {} further simulations ({} each) for the tornado and the dynamics "
        "switching values\n",
    .tornado_scope =
        "tornado: normative parameters, unit costs and the dynamics figures marked "
        "explore; the other {} dynamics figures of the modules and proposals (rates, "
        "relative risks, shares, effect sizes) are explored with --full-tornado\n",
    .wrote = "\nwrote {}/ ({}) in {} s\n",
    .batch_scenario = "\n== Scenario {} of {}: {} ==\n",
    .wrote_part =
        "\nwrote {}/ (part {} of {}: {} of the main run's simulations for {} replicates) in {} "
        "s; merge the parts with: kommunesim merge PART_FOLDERS... --out DIR\n",
    .wrote_batch =
        "\nwrote {}/: a folder per scenario ({} in all), summary.csv across the scenarios and "
        "manifest.json, in {} s\n",
    .workbook =
        {
            .yes = "yes",
            .no = "no",
            .not_within_horizon = "not within the horizon",
            .none_within_range = "none within range",
            .summary = "Summary",
            .summary_headers = {"Proposal",
                                "Title",
                                "Normative set",
                                "Horizon (years)",
                                "Verdict",
                                "Net value, mean (DKK, discounted)",
                                "Net value, standard error of the mean (DKK)",
                                "Net value, 90 % interval of the mean, low (DKK)",
                                "Net value, 90 % interval of the mean, high (DKK)",
                                "Net value, spread of outcomes, p5 (DKK)",
                                "Net value, spread of outcomes, p95 (DKK)",
                                "Chance of a net gain",
                                "Chance of a net gain, 90 % interval, low",
                                "Chance of a net gain, 90 % interval, high",
                                "Rank",
                                "Rank resolved",
                                "Chance of rank 1",
                                "Payback year",
                                "Benefit-cost ratio",
                                "Programme cost, present value (DKK)",
                                "Participants",
                                "Net value per participant (DKK)",
                                "Municipality net cost, first year, mean (DKK, undiscounted)",
                                "Municipality net cost, first year, 90 % interval of the mean, "
                                "low (DKK)",
                                "Municipality net cost, first year, 90 % interval of the mean, "
                                "high (DKK)",
                                "Municipality net cost, 4-year budget period, mean (DKK, "
                                "undiscounted)",
                                "Municipality net cost, 4-year budget period, 90 % interval of "
                                "the mean, low (DKK)",
                                "Municipality net cost, 4-year budget period, 90 % interval of "
                                "the mean, high (DKK)"},
            .budget = "Budget",
            .budget_proposal = "Proposal",
            .budget_type = "Budget type",
            .thousands_at = "(1.000 kr., {})",
            .budget_types = {"Service expenditure (service ceiling)", "Transfers, budget guarantee",
                             "Transfers, other", "Financing (tax, equalisation)",
                             "Investment (anlæg)"},
            .budget_net_cost = "Net cost, municipality",
            .ledger = "Ledger",
            .ledger_headers = {"Proposal", "Dynamics group", "Normative sets", "First year",
                               "Years", "Department", "Payer", "Net cost, mean (DKK, undiscounted)",
                               "Net cost, 90 % interval of the mean, low (DKK)",
                               "Net cost, 90 % interval of the mean, high (DKK)"},
            .payers = {"municipality", "state", "region", "citizen"},
            .flips = "Flips",
            .flips_headers = {"Proposal", "Normative set", "Other normative set",
                              "Verdict differs (net gain versus net cost)",
                              "Top-ranked proposal differs", "Parameters in which the sets differ"},
            .switching = "Switching values",
            .switching_headers = {"Proposal", "Normative set", "Parameter", "Unit", "Set's value",
                                  "Searched low", "Searched high", "Switching value", "Note"},
            .tornado = "Tornado",
            .tornado_headers = {"Proposal", "Normative set", "Parameter", "Low", "High",
                                "Net value at the set's values (DKK)", "Net value at low (DKK)",
                                "Net value at high (DKK)", "Swing (DKK)"},
            .assumptions = "Assumptions",
            .assumptions_headers = {"Parameter", "Description", "Unit", "Value", "Low", "High",
                                    "Category", "Evidence", "Owner", "Source"},
            .value_in = "Value in {}",
            .calibration = "Calibration",
            .calibration_headers = {"Target", "Title", "Kind", "Year",
                                    "Target value (persons, events or DKK)",
                                    "Baseline (persons, events or DKK)", "Deviation (share)",
                                    "Tolerance (share)", "Within tolerance", "Source"},
            .calibration_kinds = {"population", "persons", "flow", "spending",
                                  "known to several centres"},
            .cross_silo_persons = "Across centres, persons",
            .cross_silo_households = "Across centres, families",
            .disclosure = "Disclosure control",
            .hidden = "suppressed",
            .cross_silo_person_headers = {"Arm", "Year", "Known to (centres with a case)",
                                          "Centres", "Persons (full-year)",
                                          "Municipality's spending, total"},
            .cross_silo_household_headers = {"Arm", "Year",
                                             "Known to (the family's members together)", "Centres",
                                             "Households (full-year)",
                                             "Members (full-year persons)",
                                             "Municipality's spending, total"},
            .provenance = "Provenance",
            .provenance_headers = {"Item", "Value"},
            .provenance_items = {"Scenario", "Scenario folder", "Base year", "Replicates",
                                 "Replicate rule", "Sources of uncertainty", "Tax timing",
                                 "Price level", "Materiality threshold (DKK)", "Intervals",
                                 "Discounting", "Seed", "Engine version", "Engine commit",
                                 "Started (UTC)", "Command line", "Threads",
                                 "Replicates behind the cross-silo picture"},
            .input_sha = "Input {} (SHA-256)",
        },
    .assumptions =
        {
            .title = "# Assumptions of {}\n\n",
            .lead = "Scenario folder `{}`, seed {}, {}, engine {} ({}).\n\nFigures over "
                    "replicates: the {}. Net values are {}. Verdicts: a net gain or net cost when "
                    "the interval of the mean excludes zero, about break-even when it lies within "
                    "{} DKK of zero (the scenario's materiality threshold), otherwise too close to "
                    "call.\n\n{}\n\n{}\n\n{}\n\n",
            .dated_changes = "## Dated changes\n\nFigures of the modules that take another value "
                             "from a month inside the horizon (a reform); the tornado moves a "
                             "figure's value before its changes.\n\n",
            .normative = "## Normative parameters\n\nBold parameters take different values in "
                         "different normative sets; \"decides a flip\" marks those in which two "
                         "sets that reach different conclusions differ.\n\n",
            .normative_header = "| parameter | unit | default | range | category | evidence | "
                                "source |",
            .sets_disagree = " (sets disagree)",
            .decides_flip = " (decides a flip)",
            .range = "{} to {}",
            .triangular = " (triangular)",
            .lognormal = " (lognormal, 90 %)",
            .figures = "\n## Figures of the modules and proposals\n\nUnit costs, rates, relative "
                       "risks, entry shares and effect sizes, each read where the modules and "
                       "proposals name it. Normative sets cannot override them: every set uses the "
                       "value shown. The tornado explores their ranges (dynamics figures only in a "
                       "run with `--full-tornado`).\n\n",
            .figures_header = "| parameter | unit | value | range | category | evidence | owner | "
                              "largest tornado swing (DKK) | source |",
            .sets = "\n## Normative sets\n\n",
            .sets_header = "| set | title | perspective | horizon | discount | dynamics group |",
            .owning_department = "owning department's municipal budget",
            .years = "{} years",
            .discount_from = "{} % from year {}",
            .flips = "\n## Where conclusions flip\n\n",
            .no_flips = "No proposal is a resolved net gain under one set and a resolved net cost "
                        "under another, and no two sets have different resolved top-ranked "
                        "proposals.\n",
            .flip = "- **{}**: {} between `{}` and `{}`; the sets differ in {}.\n",
            .sign_differs = "net gain versus net cost",
            .top_differs = "the top-ranked proposal differs",
            .inputs = "\n## Inputs\n\n| file | SHA-256 |\n|---|---|\n",
        },
    .compare =
        {
            .title = "kommunesim: two runs compared",
            .header = "Comparison: A = {} ({}; {} replicates, seed {}, {}), B = {} ({}; {} "
                      "replicates, seed {}, {})\n",
            .inputs_changed = "\nChanged inputs (the register and the normative sets' values):\n",
            .no_input_changes = "\nNo changed inputs in the register or the normative sets.\n",
            .absent = "absent",
            .arms_only = "  proposals only in {}: {}\n",
            .norms_only = "  normative sets only in {}: {}\n",
            .results = "\nResults (net value, mean in million DKK; verdict and rank, A -> B):\n",
            .column_proposal = "proposal",
            .column_set = "normative set",
            .column_change = "change",
            .column_verdict = "verdict",
            .column_rank = "rank",
            .changed_legend = "* the verdict or the rank changed",
            .no_row = "-",
        },
    .calibrate =
        {
            .progress = "\rcalibrating: {} baseline simulations",
            .header = "Calibration of {} ({} replicates, seed {}): {} of {} targets within "
                      "tolerance before, {} after ({} baseline simulations, {} steps)\n",
            .column_target = "target",
            .column_year = "year",
            .column_value = "value",
            .column_before = "before",
            .column_after = "after",
            .column_off = "off by",
            .figures = "\nCalibrated figures moved within their ranges ({} of {}):\n",
            .column_figure = "figure",
            .column_range = "range",
            .at_bound = "AT A BOUND",
            .unread = "Changes no target and stays as it was: {}",
            .all_met = "\nAll {} targets are met.\n",
            .not_met = "Targets not met within the figures' ranges: {}. Figures at a bound: {}. "
                       "Check the target, widen a range with a source, or mark another figure as "
                       "calibrated.",
            .none = "none",
            .wrote =
                "wrote {} (the scenario with the new values; run it with: kommunesim run {})\n",
        },
    .interval_note =
        "mean [90 % interval of the mean]: the interval holds the true mean in 90 % of "
        "runs and narrows as replicates are added; the spread of single outcomes is "
        "wider (spread_p5/p95)",
    .discounting_note =
        "discounted to the first budget year, which is undiscounted; each later year's "
        "flows are discounted as one sum by whole years (year t by (1 + r)^-t)",
    .report = R"json({
 "page_title": "{}: budget proposals",
 "title": "{}: budget proposals under {} views",
 "subtitle": "{} replicates, {} from {}, amounts at {}, seed {}; kommunesim {}, run {}",
 "nav_answer": "Answer",
 "nav_decision": "Decision",
 "nav_plane": "Cost and effect",
 "nav_ledger": "Who pays",
 "nav_flows": "Flows",
 "nav_cross": "Across centres",
 "nav_paths": "Time paths",
 "nav_tornado": "Tornado",
 "nav_sliders": "Own view",
 "nav_assumptions": "Assumptions",
 "answer_heading": "The answer: the proposals under the budget view “{}”",
 "answer_lead": "{}; m DKK at {}; mean [90 % interval].",
 "view_words": "{}, {}, {}",
 "owning_centre": "the owning centre",
 "discounted_at": "discounted at {} %",
 "undiscounted": "undiscounted",
 "and": " and ",
 "col_rank": "Rank",
 "col_proposal": "Proposal",
 "col_verdict": "Verdict",
 "col_net_value": "Net value, m DKK",
 "col_chance": "Chance of a net gain",
 "col_chance_top": "Chance of rank 1",
 "col_payback": "Payback year",
 "col_bcr": "Benefit-cost ratio",
 "col_per_participant": "Net value per participant, DKK",
 "col_net_mean": "Net value, mean (m DKK)",
 "col_interval": "90 % interval of the mean",
 "col_parameter": "Assumption",
 "col_set_value": "Set's value",
 "col_searched": "Searched",
 "col_switching": "Switching value",
 "col_unit": "Unit",
 "col_value": "Value",
 "col_range": "Range",
 "col_evidence": "Evidence",
 "col_source": "Source",
 "col_target": "Target",
 "col_target_value": "Target value",
 "col_baseline": "Baseline",
 "col_off": "Off",
 "decides_above": "{} if {} is above {} (assumed: {}).",
 "decides_below": "{} if {} is below {} (assumed: {}).",
 "decides_nothing": "None of the {} assumptions searched turns it.",
 "views_agree": "All {} views agree.",
 "views_disagree": "{} under {}.",
 "verdict_under": "{} under {}",
 "unpriced_harm": "⚠ {}: {}",
 "unpriced_gain": "{}: {}",
 "change_over": "{} {} in {}",
 "decision_heading": "1. The decision",
 "decision_lead": "Net cost to the municipality: what the proposal adds to the municipal budget (negative: it saves). Net value under a view: what the proposal is worth in that view (positive: a net gain). Figures are means over the replicates with the 90 % interval of the mean: it holds the true mean in 90 % of runs and narrows as replicates are added (the spread of single outcomes is wider; it is in summary.csv).",
 "verdict_rule": "Verdict: a net gain or net cost when the interval of the mean excludes zero; about break-even when it lies within {} DKK of zero; otherwise too close to call. {}. {} {} Net values are {}.",
 "same_under_every_set": "{} under every view.",
 "depends_on_view": "The conclusion depends on the view: {}.",
 "card_costs": "It costs the municipality <b>{} m DKK</b> in {} (net cost {} m {}); over {}-{} the net cost is <b>{} m DKK</b> {} (undiscounted).",
 "card_saves": "It saves the municipality <b>{} m DKK</b> in {} (net cost {} m {}); over {}-{} the net cost is <b>{} m DKK</b> {} (undiscounted).",
 "card_effects": "Clear effects over {}: {}.",
 "no_clear_effect": "no clear change in any outcome",
 "figures_heading": "Decision figures under one view",
 "label_set": "View:",
 "label_measure": "Outcome:",
 "label_proposal": "Proposal:",
 "label_dynamics_of": "Simulated with the dynamics of:",
 "label_start_from": "Start from:",
 "label_discount_rate": "Discount rate:",
 "label_horizon": "Horizon:",
 "millions": "m",
 "not_resolved": "(not resolved)",
 "not_within_horizon": "not within the horizon",
 "not_defined": "not defined",
 "none_within_range": "none within range",
 "figures_legend": "Payback year: the first year from which the cumulative mean discounted net value stays above zero. Benefit-cost ratio: (net value + the programme's own cost) / the programme's own cost, both discounted; not defined for a reduction.",
 "flips_heading": "Flip table: verdict and rank under each view",
 "flips_lead": "Cells marked yellow are a net gain where the first view finds a net cost (or the reverse), or a resolved top rank that differs from the first view's. A verdict that is too close to call is no flip: the interval of the mean spans zero.",
 "versus": "vs",
 "flip_both": "verdict and top-ranked proposal differ; the views differ in: {}",
 "flip_verdict": "verdict differs; the views differ in: {}",
 "flip_top": "top-ranked proposal differs; the views differ in: {}",
 "disagreeing_pairs": "{} disagreeing pairs of views",
 "rank_legend": "#: rank by mean; ? marks a rank whose gap to a neighbour is within its uncertainty.",
 "plane_heading": "2. Cost and effect",
 "plane_x": "{} ({}), change over {}",
 "plane_y": "Net value, m DKK (up = gain), 90 % interval",
 "ledger_heading": "3. Who pays, who gains",
 "ledger_lead": "Net DKK per centre and payer over the budget period (the budget year and three overslagsår); negative is a saving. Every proposal on one scale: the silo view of the budget.",
 "ledger_x": "Net cost over the budget period, m DKK (left of 0 = saving)",
 "ledger_payer": "Payer",
 "ledger_department": "Centre",
 "flows_heading": "4. Citizen flows between states",
 "flows_lead": "Moves between each module's states over the whole horizon (mean per replicate): the proposal minus the baseline. Rows are the state citizens move from, columns the state they move to; hover for both counts.",
 "cross_heading": "5. Citizens across centres",
 "cross_lead": "How many citizens and families are known to which centres, and what they cost. A centre knows a citizen in a month when one of its modules has the citizen in a state that is a case: an effort or a benefit (the modules say which states are cases; an ordinary daycare or school place is not one). Persons and families are full-year persons and households (months / 12), mean over the first {} replicates (a descriptive picture; the proposals' verdicts use all of them); a family counts under the centres its members together are known to. The spending is the municipality's service and transfers after refusion, in the modules' states, {}. A municipality may not link its registers person by person across departments; the model's population is synthetic, so the picture needs no linkage.",
 "cross_summary": "In {}, {} families with {} persons are known to at least two centres when a family's members are counted together; they cost the municipality {} m DKK, {} of the modules' spending. {} full-year persons are themselves known to at least two centres ({} m DKK).",
 "cross_baseline": "Baseline (no proposals)",
 "cross_centres": "Known to",
 "cross_count": "Centres",
 "cross_households": "Families",
 "cross_members": "Persons in the families",
 "cross_household_cost": "The families' spending, m DKK",
 "cross_persons": "Persons, themselves known",
 "cross_person_cost": "Their spending, m DKK",
 "cross_change": "Families, proposal - baseline",
 "label_arm": "Arm:",
 "label_year": "Year:",
 "flows_to": "to",
 "flows_from": "from",
 "flows_change": "Moves, proposal - baseline",
 "flows_baseline": "baseline",
 "paths_heading": "6. Time paths",
 "paths_year": "Year",
 "paths_cost": "Municipality's net cost, m DKK (90 % interval)",
 "paths_effect": "{} ({}), 90 % interval",
 "tornado_heading": "7. Tornado and switching values",
 "tornado_note": "The {} largest swings of {} assumptions; all are in tornado.csv and the workbook.",
 "tornado_x": "Mean net value (m DKK) with the assumption at its range's ends",
 "tornado_at_low": "at low (m DKK)",
 "tornado_at_high": "at high (m DKK)",
 "switching_heading": "Switching values: where the mean net value crosses zero",
 "sliders_heading": "8. Your own view",
 "sliders_lead": "Start from a view and move its valuation: the net values, the ranking and the comparison with every view are recomputed here from the per-year flows in this file. Dynamics (how much of an effect to believe, its fading, deadweight) are fixed per simulated view; changing them needs a new run. The view is kept in the page address, so it can be sent to a colleague.",
 "reset": "Reset",
 "owning_only": "owning centre only",
 "kr_per": "DKK per {}",
 "to": "to",
 "equity_weight_of": "Equity weight, {}",
 "equity_weight_note": "on their money as citizens (counts when citizens are in the view)",
 "fixed_dynamics": "Fixed, as simulated for this view: effect scale {}, effect half-life {}, deadweight {}.",
 "half_life_per_proposal": "as each proposal's evidence gives it (else {} months)",
 "declining_schedule": "the view's declining schedule ({})",
 "rate_from_year": "{} % from year {}",
 "years_n": "{} years",
 "months_n": "{} months",
 "versus_set": "vs {}",
 "verdict_flips": "verdict flips",
 "no_flip": "no flip",
 "top_here": "; top here, not there",
 "top_in_view": "Top-ranked in this view: {}.",
 "assumptions_heading": "10. Assumptions and provenance (click to open)",
 "register_heading": "Parameter register",
 "differs_in_a_flip": "(differs in a pair that flips)",
 "calibration_heading": "Calibration: the baseline against the targets",
 "no_calibration": "The scenario has no calibration targets.",
 "provenance_heading": "Provenance",
 "prov_scenario": "Scenario",
 "prov_engine": "Engine",
 "prov_started": "Started (UTC)",
 "prov_command": "Command",
 "prov_seed": "Seed",
 "prov_replicates": "Replicates",
 "prov_sensitivity": "Sensitivity replicates",
 "prov_threads": "Threads",
 "prov_prices": "Price level",
 "prov_disclosure": "Disclosure control",
 "hidden": "suppressed",
 "cross_summary_hidden": "In {} at least {} families with at least {} persons are known to two or more centres, their members counted together; they cost the municipality at least DKK {} m. At least {} full-year persons are themselves known to two or more centres (at least DKK {} m). Counts below {} are suppressed (disclosure control), and so are figures they could be derived from.",
 "price_of": "the price of one {} ({})",
 "payers": {
  "municipality": "municipality",
  "state": "state",
  "region": "region",
  "citizen": "citizens"
 },
 "parameters": {
  "effect_scale": "the share of the effect that holds",
  "deadweight": "the deadweight",
  "effect_half_life_months": "the effect's half-life",
  "horizon_years": "the horizon",
  "discount_rate": "the discount rate"
 },
 "glossary": {
  "kontanthjælp": "Social assistance: the municipality's income benefit for persons without other support",
  "uddannelseshjælp": "Social assistance for persons under 30 without an education",
  "refusion": "The state's refund of part of a municipality's benefit spending, falling with the duration of support",
  "anbringelse": "Placement of a child outside the home: foster care or a residential institution",
  "overslagsår": "The three years after the budget year in the municipal budget (budget period of four years)",
  "førtidspension": "Disability pension",
  "fleksjob": "Reduced-hours job with a municipal wage subsidy",
  "ressourceforløb": "An interdisciplinary course for persons far from the labour market",
  "sygedagpenge": "Sickness benefit",
  "dagpenge": "Unemployment insurance benefit; the municipality co-finances it",
  "SØM": "Den Socialøkonomiske Investeringsmodel: the state's social-investment calculation model",
  "WELLBY": "One point of life satisfaction (0-10) for one person for one year",
  "deadweight": "The share of an effect that would have happened anyway"
 },
 "col_decides": "Decided by",
 "col_views": "The other views",
 "col_unpriced": "Unpriced outcomes",
 "chance_of_gain": "{} chance of gain",
 "nothing_unpriced": "no clear unpriced change",
 "views_count": "{} of {} others",
 "nav_sheets": "Proposal sheets",
 "sheets_heading": "9. Proposal sheets",
 "sheets_lead": "One sheet per proposal for the committee: the budget form in 1,000 DKK, the verdict and the effects. Printed, each sheet fills one A4 page.",
 "print_sheets": "Print all proposal sheets",
 "sheet_centre": "Centre",
 "sheet_type": "Type",
 "budget_year": "budget year",
 "outlook_year": "overslagsår",
 "derived_consequences": "Derived consequences in other centres",
 "total_municipality": "Total, municipality",
 "col_horizon": "Horizon",
 "kind_expansion": "Expansion proposal",
 "kind_reduction": "Reduction proposal",
 "kind_package": "Package of proposals",
 "sheet_owner": "Proposed by: {}",
 "sheet_budget": "Budget, 1,000 DKK at {} (expenditure +, savings and income -)",
 "sheet_verdict": "Verdict under the budget view “{}”",
 "sheet_net_value": "net value {} m DKK {}, {} chance of a gain.",
 "sheet_effects": "Effects over {} (mean [90 % interval])",
 "sheet_footer": "{}. Run {} with kommunesim {}.",
 "budget_types": [
  "Service (service ceiling)",
  "Transfers, budget guarantee",
  "Transfers, other",
  "Financing (tax, equalisation)",
  "Investment (anlæg)"
 ],
 "unpriced_gains": "+ {} unpriced gain(s)",
 "unpriced_everywhere": "(no price in any of the {} views)",
 "unpriced_all_but": "(no price in any view but {})",
 "unpriced_in_named": "(no price in {})",
 "years_one": "{} year"
})json",
};

}  // namespace kommunesim::output
