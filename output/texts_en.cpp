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
    .measure_change = "  {} ({}), change over {} years: {}{}\n",
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
    .can_affect = "  can affect: {}\n",
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
            .calibration_kinds = {"population", "persons", "flow", "spending"},
            .provenance = "Provenance",
            .provenance_headers = {"Item", "Value"},
            .provenance_items = {"Scenario", "Scenario folder", "Base year", "Replicates",
                                 "Replicate rule", "Sources of uncertainty", "Tax timing",
                                 "Price level", "Materiality threshold (DKK)", "Intervals",
                                 "Discounting", "Seed", "Engine version", "Engine commit",
                                 "Started (UTC)", "Command line", "Threads"},
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
    .interval_note =
        "mean [90 % interval of the mean]: the interval holds the true mean in 90 % of "
        "runs and narrows as replicates are added; the spread of single outcomes is "
        "wider (spread_p5/p95)",
    .discounting_note =
        "discounted to the first budget year, which is undiscounted; each later year's "
        "flows are discounted as one sum by whole years (year t by (1 + r)^-t)",
};

}  // namespace kommunesim::output
