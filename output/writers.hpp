// The writers of a run's output folder and the terminal summary.
#pragma once

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "output/run_record.hpp"

namespace kommunesim::output {

// summary.csv: one row per proposal (or package) and normative set.
void write_summary_csv(const RunRecord& run, const std::filesystem::path& file);
// results.sqlite: the result store (schema in docs/RESULTS_SCHEMA.md).
void write_results_sqlite(const RunRecord& run, const std::filesystem::path& file);
// manifest.json: inputs' SHA-256, engine version and commit, seed, threads, wall time.
void write_manifest(const RunRecord& run, const std::filesystem::path& file);
// ledger.csv: net DKK per department and payer, per proposal, each year and the budget period.
void write_ledger_csv(const RunRecord& run, const std::filesystem::path& file);
// budget.csv: the municipality's net cost by budget type (service, transfers in and outside the
// budget guarantee, financing), per proposal, each budget year and the budget period.
void write_budget_csv(const RunRecord& run, const std::filesystem::path& file);
// flips.csv: sign and rank under every normative set, and the pairs of sets that disagree.
void write_flips_csv(const RunRecord& run, const std::filesystem::path& file);
// switching.csv: the values of valuation parameters and of the effect scale at which a
// proposal's mean net value crosses zero.
void write_switching_csv(const RunRecord& run, const std::filesystem::path& file);
// tornado.csv: each parameter at the ends of its range, per proposal and set, by swing.
void write_tornado_csv(const RunRecord& run, const std::filesystem::path& file);
// assumptions.md: the register, the normative sets, where conclusions flip, the inputs, in the
// run's language.
void write_assumptions_md(const RunRecord& run, const std::filesystem::path& file);
// calibration.csv: the baseline's first year against each calibration target.
void write_calibration_csv(const RunRecord& run, const std::filesystem::path& file);
// "population", "persons" or "spending".
std::string calibration_kind_name(model::CalibrationTarget::Kind kind);
// workbook.xlsx: the decision tables for the budget material in the run's language (Danish:
// Oversigt, Budget, the budget forms, Hvem betaler, Perspektiver uenige, Skifteværdier, Tornado,
// Forudsætninger, Kalibrering, Kørslen).
void write_workbook_xlsx(const RunRecord& run, const std::filesystem::path& file);
// report.html: one self-contained interactive page; the chart libraries are read from
// `assets` (the npm packages vega, vega-lite, vega-embed) and inlined.
void write_report_html(const RunRecord& run, const std::filesystem::path& assets,
                       const std::filesystem::path& file);
// The normative sets simulated in a dynamics group, e.g. "municipal_budget_4y;public_sector_5y".
std::string group_norms(const RunRecord& run, int group);
// A file opened for writing, or an exception naming it.
std::ofstream open_for_writing(const std::filesystem::path& file);
// Throws, naming the file, when a write to `out` failed.
void check_written(const std::ofstream& out, const std::filesystem::path& file);
// A CSV text field (RFC 4180): quoted when it holds a comma, a quote or a line break, or when it
// starts with a formula character (= + - @ tab CR), which is then led by an apostrophe so that a
// spreadsheet shows the text instead of evaluating it. Ids need neither (their characters are
// restricted at load).
std::string csv_text(const std::string& s);
// A number with `precision` decimals, or an empty cell for NaN (not defined or not estimable).
std::string fixed_cell(double value, int precision);
// The six columns of a Summary: <prefix>_mean<suffix>, _se, _mean_low, _mean_high (the 90 %
// interval of the mean), _spread_p5, _spread_p95 (of the replicates' outcomes), each led by ','.
std::string summary_columns(std::string_view prefix, std::string_view suffix);
std::string summary_cells(const appraisal::Summary& s, int precision);
// A normative set's discount schedule, e.g. "3.5 % from year 0; 2.5 % from year 35".
std::string discount_schedule_text(const model::NormativeSet& norm, Language language);
// The table printed after a run, for a budget analyst.
std::string text_summary(const RunRecord& run);

}  // namespace kommunesim::output
