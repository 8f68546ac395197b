// Every text a person reads in the terminal, in one place per language (texts_da.cpp,
// texts_en.cpp). A text with {} is a format string (fmt); its arguments are listed beside it, and
// numbers come already written in the language's format (output/language.hpp). Danish municipal
// terms are the terms: nettoudgift, serviceudgifter, overførsler, budgetgaranti, overslagsår.
#pragma once

#include <array>
#include <string_view>

#include "output/language.hpp"

namespace kommunesim::output {

// The workbook's sheets: each sheet's name and its header row, in column order.
struct WorkbookTexts {
  std::string_view yes, no, not_within_horizon, none_within_range;
  std::string_view summary;
  std::array<std::string_view, 28> summary_headers;
  std::string_view budget, budget_proposal, budget_type;
  std::string_view thousands_at;                 // price level
  std::array<std::string_view, 5> budget_types;  // model::BudgetType order
  std::string_view budget_net_cost;
  std::string_view ledger;
  std::array<std::string_view, 10> ledger_headers;
  std::array<std::string_view, 4> payers;  // model::Payer order
  std::string_view flips;
  std::array<std::string_view, 6> flips_headers;
  std::string_view switching;
  std::array<std::string_view, 9> switching_headers;
  std::string_view tornado;
  std::array<std::string_view, 9> tornado_headers;
  std::string_view assumptions;
  std::array<std::string_view, 10> assumptions_headers;
  std::string_view value_in;  // set id
  std::string_view calibration;
  std::array<std::string_view, 10> calibration_headers;
  // population, persons, flow, spending, overlap
  std::array<std::string_view, 5> calibration_kinds;
  // The cross-silo picture, a sheet for persons and one for households (families): arm, year,
  // centres, their count, persons (households, their members), the spending; then a column per
  // department (its title and thousands_at).
  std::string_view cross_silo_persons, cross_silo_households;
  std::string_view disclosure, hidden;  // the Kørslen item; a suppressed amount
  std::array<std::string_view, 6> cross_silo_person_headers;
  std::array<std::string_view, 7> cross_silo_household_headers;
  std::string_view provenance;
  std::array<std::string_view, 2> provenance_headers;
  // Scenario, folder, base year, replicates, replicate rule, uncertainty, tax timing, price level,
  // materiality, intervals, discounting, seed, engine version, engine commit, started, command
  // line, threads, the cross-silo picture's replicates.
  std::array<std::string_view, 18> provenance_items;
  std::string_view input_sha;  // path
};

// assumptions.md: the headings, the lead texts and the tables' header rows (markdown).
struct AssumptionsTexts {
  // name; folder, seed, replicates, engine version, commit; interval note, discounting note,
  // materiality (DKK); uncertainty, tax timing, prices.
  std::string_view title, lead;
  std::string_view dated_changes;
  std::string_view normative, normative_header, sets_disagree, decides_flip;
  std::string_view range, triangular, lognormal;  // range: low, high
  std::string_view figures, figures_header;
  std::string_view sets, sets_header, owning_department, years;  // years: count
  std::string_view discount_from;                                // rate, year
  std::string_view flips, no_flips, flip, sign_differs, top_differs;
  std::string_view inputs;
};

// kommunesim compare: two runs side by side.
struct CompareTexts {
  std::string_view title, header;  // header: A's scenario, folder, replicates, seed, prices; B's
  std::string_view inputs_changed, no_input_changes, absent, arms_only, norms_only;  // run, ids
  std::string_view results, column_proposal, column_set, column_change, column_verdict, column_rank,
      changed_legend, no_row;
};

// kommunesim calibrate: the fit of the calibrated figures to the targets.
struct CalibrateTexts {
  std::string_view progress;  // evaluations so far (rewrites its line)
  // name, replicates, seed, within before, targets, within after, evaluations, iterations
  std::string_view header;
  std::string_view column_target, column_year, column_value, column_before, column_after,
      column_off;
  std::string_view figures;  // moved, calibrated figures
  std::string_view column_figure, column_range, at_bound;
  std::string_view unread;   // ids
  std::string_view all_met;  // count
  std::string_view not_met;  // titles, ids at a bound (or none)
  std::string_view none;
  std::string_view wrote;  // folder, folder
};

struct Texts {
  // Verdicts of a proposal under a set (appraisal::Verdict).
  std::string_view net_gain, net_cost, break_even, too_close_to_call;
  // Outcome changes (appraisal::Change).
  std::string_view increase, decrease, no_clear_change;

  // The replicate rule. replicates: count. one_replicate: for a count of 1. adaptive: first,
  // batch, max, "stopped at the cap: " or "", what is unresolved. fixed: what is unresolved.
  std::string_view replicates, one_replicate, replicates_adaptive, replicates_fixed, stopped_at_cap,
      all_resolved;
  std::string_view unresolved;  // verdicts left, verdicts, top ranks left, sets

  // Sources of uncertainty. drawn: what is drawn. unit_costs: figures. shares: share range.
  std::string_view drawn_per_replicate, drawn_always, drawn_unit_costs, drawn_population,
      population_share, unit_cost_share;
  // Disclosure control (diskretionering) of a scenario on real data.
  std::string_view disclosure_rule, disclosure_source, disclosure_counts;
  std::string_view share_range;  // median, lowest, highest (percent)

  // Tax timing. lag: years, base, years.
  std::string_view tax_without_lag, tax_with_lag;

  // Price level. level: year. prices: year, which figures, index, source.
  std::string_view prices_as_given, price_level, prices_without_level, prices, prices_all_stated,
      prices_converted, prices_converted_count, prices_and;

  // The terminal summary. header: name, replicates, horizon, base year, price level.
  std::string_view summary_header, summary_legend;       // legend: base year, materiality (m)
  std::string_view millions;                             // "m" beside a figure in millions
  std::string_view cost_first_year, cost_budget_period;  // interval
  std::string_view of_which;    // service, transfers guaranteed, other, financing, investment
  std::string_view investment;  // ; anlæg {}
  std::string_view places_used, places_low;  // capacity, years, counted, share; low, counted
  std::string_view measure_change;           // title, unit, years, figures
  std::string_view no_clear_measures;        // years, titles
  std::string_view column_set, column_horizon, column_net_value, column_chance, column_rank,
      column_payback, column_verdict, years_short;
  std::string_view conclusion_holds, conclusion_flips, conclusion_depends, verdict_under;
  std::string_view clear_in_centres;  // "centre change; ..." (m DKK)
  std::string_view no_centre_change;
  std::string_view ranking_legend, column_proposal;
  std::string_view calibration_header;  // replicates, within, targets, tolerance
  std::string_view column_target, column_year, column_baseline, column_off, column_se;
  std::string_view own_tolerance, outside_tolerance;
  std::string_view coverage;            // share, year, modelled, whole, source
  std::string_view known_to_no_centre;  // the cross-silo picture's combination of no centre

  // The run command on standard error, and its last line.
  std::string_view
      planned;  // name, persons, simulations, arms, replicates, groups, months, threads
  std::string_view
      more_replicates;  // first, last, after, verdicts left, verdicts, ranks left, sets
  std::string_view phase_simulating, phase_tornado, phase_switching, phase_writing;
  std::string_view time_left_seconds, time_left_minutes;  // seconds; minutes, seconds
  std::string_view sensitivity, tornado_scope;            // simulations, "N replicates"; figures
  std::string_view wrote;                                 // folder, files, seconds
  std::string_view batch_scenario;  // number, of how many, the package's folder name
  std::string_view wrote_part;      // folder, part, parts, simulations, replicates, seconds
  std::string_view wrote_batch;     // folder, scenarios, seconds

  WorkbookTexts workbook;
  AssumptionsTexts assumptions;
  CompareTexts compare;
  CalibrateTexts calibrate;

  // What the intervals are, and the discounting convention, beside every such figure.
  std::string_view interval_note, discounting_note;

  // report.html's texts, one JSON object the page reads: key -> text, where each {} is filled in
  // order by the page; `payers` (model::kPayerNames -> words), `parameters` (the engine's
  // normative figures in words) and `glossary` (term -> its explanation on hover). The verdict
  // words above are added by the writer.
  std::string_view report;
};

extern const Texts kDanishTexts;   // texts_da.cpp
extern const Texts kEnglishTexts;  // texts_en.cpp

inline const Texts& texts(Language language) {
  return language == Language::kDanish ? kDanishTexts : kEnglishTexts;
}

}  // namespace kommunesim::output
