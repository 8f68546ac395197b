// The words for verdicts and changes, the same in every output. The rule that picks a verdict
// is the appraisal's (model/appraisal/verdict.hpp); here it only gets its name.
#pragma once

#include <string>
#include <string_view>

#include "model/appraisal/appraisal.hpp"
#include "output/language.hpp"

namespace kommunesim::output {

// "net gain", "net cost", "about break-even", "too close to call" (Danish: "nettogevinst", ...).
std::string_view verdict_words(appraisal::Verdict verdict, Language language);
// The same as an identifier for tables: "net_gain", "net_cost", "break_even", "too_close_to_call".
std::string_view verdict_id(appraisal::Verdict verdict);
// Why: e.g. "too close to call: the difference is smaller than its uncertainty".
std::string verdict_reason(appraisal::Verdict verdict, double materiality_dkk);
// "increase", "decrease", "no clear change".
std::string_view change_words(appraisal::Change change, Language language);
std::string_view change_id(appraisal::Change change);  // "increase", "decrease", "no_clear_change"

// "40 replicates", "1 replicate" (Danish: "40 replikationer", "1 replikation").
std::string replicate_count_text(int replicates, Language language);

// How the replicate count came about, e.g. "40 replicates (from 10, 10 more at a time ...)".
std::string replicates_text(const appraisal::Appraisal& appraisal, Language language);
// What disclosure control hid in the run (appraisal/disclosure.hpp), or "" when it does not apply.
std::string disclosure_text(const appraisal::Appraisal& appraisal, Language language);

// What each replicate draws anew, and (when the scenario draws them) how much of a net value's
// variance the population and the unit costs account for, e.g. "Drawn per replicate: ...".
std::string uncertainty_sources_text(const appraisal::Appraisal& appraisal, Language language);

// When the municipality's tax arrives, e.g. "Municipal income tax reaches the municipality 3
// years after it is earned (statsgaranti)".
std::string financing_text(const model::Scenario& scenario, Language language);

// The price level of every amount: "2024 prices", or "prices as given" when the scenario declares
// none.
std::string price_level_text(const model::Scenario& scenario, Language language);

// The price level as a sentence: the level, the index and how many unit costs it converted, e.g.
// "Amounts are at 2024 prices: 2 unit costs stated at 2019 prices and 8 at 2022 prices are
// converted with the consumer price index ...".
std::string prices_text(const model::Scenario& scenario, bool with_source, Language language);

// A unit cost's conversion, e.g. "stated at 2019 prices as 470000; x 1.148 to 2024 prices", or ""
// for one stated at the scenario's prices.
std::string price_conversion_text(const model::Parameter& parameter,
                                  const model::Scenario& scenario);

// A parameter's source, followed by its price conversion in brackets when it has one.
std::string source_text(const model::Parameter& parameter, const model::Scenario& scenario);

// The dated changes of the modules' figures, one line each: "from 2027-01: <id> 0.006 -> 0
// (source)"; empty when there are none.
std::vector<std::string> dated_change_lines(const model::Scenario& scenario);

// The time left of a phase `fraction` done after `elapsed_seconds`, at the rate so far: "about
// 1 min 05 s left", "about 12 s left"; "" before anything is done and once all is.
std::string time_left_text(double elapsed_seconds, double fraction, Language language);

// Characters (not bytes) of a UTF-8 text, for aligning columns and wrapping lines.
size_t utf8_length(const std::string& text);
// `text` padded with spaces to `width` characters (not bytes): left-aligned, or right-aligned.
std::string padded(const std::string& text, size_t width, bool left_aligned = true);
// Million DKK with one decimal in the language's format, e.g. "-1.3" or "-1,3"; a value that
// rounds to zero is written without a sign.
std::string mdkk(double v, Language language);
// A calibration target's figure as a reader would write it: DKK in millions ("12,3 mio."),
// persons and events whole; a figure that disclosure control hid (NaN) as "<5" when
// `hidden_below` is its threshold.
std::string calibration_figure(const model::CalibrationTarget& t, double v, Language language,
                               int hidden_below = 0);

// The replicates the cross-silo picture is the mean of (the main run's first ones).
int cross_silo_replicates(const appraisal::Appraisal& appraisal);

// A combination of centres (a case mask of CompiledModel::case_departments): their department
// ids joined by '+', e.g. "jobcentre+children_family"; "" for known to none.
std::string centre_ids(const model::Scenario& scenario, const model::CompiledModel& compiled,
                       unsigned centres);
// The same in words: the departments' titles joined by " + "; "Known to no centre" (Danish:
// "Ikke kendt af noget center") for none.
std::string centre_titles(const model::Scenario& scenario, const model::CompiledModel& compiled,
                          unsigned centres, Language language);

// Text broken at spaces into lines of at most `width` characters (UTF-8 characters counted), each
// line after the first led by `indent`; ends with a newline.
std::string wrapped(const std::string& text, size_t width, const std::string& indent = "");

}  // namespace kommunesim::output
