// The calibration fit as a table of targets and a list of moved figures.
#include "output/calibration_fit_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "output/texts.hpp"
#include "output/words.hpp"

namespace kommunesim::output {
namespace {

std::string off_text(double deviation, Language language) {
  return (deviation >= 0 ? "+" : "") + decimal(100 * deviation, 1, language) + "%";
}

std::string joined(const std::vector<std::string>& items, std::string_view none) {
  if (items.empty()) return std::string(none);
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::string calibration_fit_text(const model::Scenario& scenario,
                                 const appraisal::CalibrationFit& fit,
                                 const appraisal::FitOptions& options, Language language) {
  const CalibrateTexts& words = texts(language).calibrate;
  const auto within = [](const std::vector<appraisal::CalibrationRow>& rows) {
    return std::count_if(rows.begin(), rows.end(),
                         [](const appraisal::CalibrationRow& r) { return r.within; });
  };
  std::string out = fmt::format(fmt::runtime(words.header), scenario.name, options.replicates,
                                options.seed, within(fit.before), fit.before.size(),
                                within(fit.after), fit.evaluations, fit.iterations);
  out += fmt::format("  {} {} {} {} {} {}\n", padded(std::string(words.column_target), 50),
                     padded(std::string(words.column_year), 4, false),
                     padded(std::string(words.column_value), 10, false),
                     padded(std::string(words.column_before), 10, false),
                     padded(std::string(words.column_after), 10, false),
                     padded(std::string(words.column_off), 9, false));
  std::vector<std::string> missed;
  for (size_t i = 0; i < fit.after.size(); ++i) {
    const appraisal::CalibrationRow& row = fit.after[i];
    const model::CalibrationTarget& t = scenario.calibration[static_cast<size_t>(row.target)];
    out += fmt::format("  {} {:>4} {} {} {} {} {}\n", padded(t.title, 50), t.year,
                       padded(calibration_figure(t, t.value, language), 10, false),
                       padded(calibration_figure(t, fit.before[i].simulated, language), 10, false),
                       padded(calibration_figure(t, row.simulated, language), 10, false),
                       padded(off_text(row.deviation, language), 9, false),
                       row.within ? "" : texts(language).outside_tolerance);
    if (!row.within) missed.push_back(t.title);
  }
  size_t moved = 0;
  std::string lines;
  std::vector<std::string> unread, at_bound;
  for (const appraisal::FittedFigure& f : fit.figures) {
    const model::Parameter& p = scenario.parameters[static_cast<size_t>(f.parameter)];
    if (!f.reads_target) unread.push_back(p.id);
    if (f.at_bound) at_bound.push_back(p.id);
    if (f.after == f.before) continue;
    ++moved;
    lines += fmt::format("  {} {} -> {}  [{}; {}] {}\n", padded(p.id, 60), plain_number(f.before),
                         plain_number(f.after), plain_number(p.low), plain_number(p.high),
                         f.at_bound ? words.at_bound : "");
  }
  out += fmt::format(fmt::runtime(words.figures), moved, fit.figures.size());
  out += fmt::format("  {} {}  {}\n", padded(std::string(words.column_figure), 60),
                     std::string(words.column_before) + " -> " + std::string(words.column_after),
                     words.column_range);
  out += lines;
  if (!unread.empty())
    out += wrapped(fmt::format(fmt::runtime(words.unread), joined(unread, words.none)), 100, "  ");
  out += missed.empty()
             ? fmt::format(fmt::runtime(words.all_met), fit.after.size())
             : "\n" + wrapped(fmt::format(fmt::runtime(words.not_met), joined(missed, words.none),
                                          joined(at_bound, words.none)),
                              100, "  ");
  return out;
}

}  // namespace kommunesim::output
