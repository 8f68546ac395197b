// Verdict and change words.
#include "output/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "model/engine/unit_cost_draws.hpp"

namespace kommunesim::output {

using appraisal::Change;
using appraisal::Verdict;

std::string_view verdict_words(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNetGain:
      return "net gain";
    case Verdict::kNetCost:
      return "net cost";
    case Verdict::kBreakEven:
      return "about break-even";
    case Verdict::kTooCloseToCall:
      break;
  }
  return "too close to call";
}

std::string_view verdict_id(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNetGain:
      return "net_gain";
    case Verdict::kNetCost:
      return "net_cost";
    case Verdict::kBreakEven:
      return "break_even";
    case Verdict::kTooCloseToCall:
      break;
  }
  return "too_close_to_call";
}

std::string verdict_reason(Verdict verdict, double materiality_dkk) {
  switch (verdict) {
    case Verdict::kNetGain:
      return "net gain: the 90 % interval of the mean lies above zero";
    case Verdict::kNetCost:
      return "net cost: the 90 % interval of the mean lies below zero";
    case Verdict::kBreakEven:
      return fmt::format(
          "about break-even: the 90 % interval of the mean lies within {:.0f} DKK of zero, the "
          "materiality threshold",
          materiality_dkk);
    case Verdict::kTooCloseToCall:
      break;
  }
  return "too close to call: the difference is smaller than its uncertainty";
}

std::string_view change_words(Change change) {
  switch (change) {
    case Change::kIncrease:
      return "increase";
    case Change::kDecrease:
      return "decrease";
    case Change::kNoClearChange:
      break;
  }
  return "no clear change";
}

std::string_view change_id(Change change) {
  return change == Change::kNoClearChange ? "no_clear_change" : change_words(change);
}

// How the replicate count came about, e.g. "40 replicates (batches of 10 until resolved;
// stopped at the cap: 3 of 42 verdicts and 1 of 7 top ranks unresolved)".
std::string replicates_text(const appraisal::Appraisal& a) {
  const auto& r = a.replicates;
  const auto& left = r.resolution;
  const std::string unresolved =
      left.done()
          ? std::string("all resolved")
          : fmt::format("{} of {} verdicts and {} of {} top ranks unresolved", left.unresolved_rows,
                        left.rows, left.unresolved_top_ranks, left.sets);
  const std::string count =
      fmt::format("{} replicate{}", a.plan.replicates, a.plan.replicates == 1 ? "" : "s");
  if (!r.adaptive) return count + " (a fixed count; " + unresolved + ")";
  return count + fmt::format(
                     " (from {}, {} more at a time while a verdict or top rank was unresolved, "
                     "at most {}; {}{})",
                     r.first, r.batch, r.max, r.capped() ? "stopped at the cap: " : "", unresolved);
}

namespace {

// "median 12 % (3-40 %)" of the shares that are defined, or "" when none is.
std::string share_range(const std::vector<double>& shares) {
  std::vector<double> defined;
  for (double v : shares)
    if (!std::isnan(v)) defined.push_back(v);
  if (defined.empty()) return "";
  const auto [low, high] = std::minmax_element(defined.begin(), defined.end());
  return fmt::format("median {:.0f} % ({:.0f}-{:.0f} %)", 100 * appraisal::percentile(defined, 0.5),
                     100 * *low, 100 * *high);
}

}  // namespace

std::string price_level_text(const model::Scenario& s) {
  return s.prices.year == 0 ? "prices as given" : fmt::format("{} prices", s.prices.year);
}

std::string prices_text(const model::Scenario& s, bool with_source) {
  if (s.prices.year == 0)
    return "Amounts are at the prices the register states them in (the scenario declares no "
           "[prices] level).";
  std::map<int, int> converted;  // price year -> unit costs stated at it
  for (const auto& p : s.parameters)
    if (p.price_year != 0) ++converted[p.price_year];
  std::string which;
  for (const auto& [year, count] : converted)
    which += fmt::format("{}{} at {} prices", which.empty() ? "" : " and ", count, year);
  return fmt::format(
      "Amounts are at {} prices{}. Index: {}{}.", s.prices.year,
      which.empty() ? std::string(": every unit cost is stated at them")
                    : ": unit costs stated at other years' prices are converted (" + which + ")",
      s.prices.description, with_source ? " (" + s.prices.source + ")" : "");
}

std::string price_conversion_text(const model::Parameter& p, const model::Scenario& s) {
  if (p.price_year == 0) return "";
  return fmt::format("stated at {} prices as {:g}; x {:.4f} to {} prices", p.price_year,
                     p.value / p.price_factor, p.price_factor, s.prices.year);
}

std::vector<std::string> dated_change_lines(const model::Scenario& s) {
  std::vector<std::string> lines;
  for (const auto& c : s.dated_changes) {
    const auto& p = s.parameters[static_cast<size_t>(c.parameter)];
    lines.push_back(fmt::format(
        "from {}-{:02d}: {} {:g} -> {:g} ({})", s.base_year + c.month / model::kMonthsPerYear,
        c.month % model::kMonthsPerYear + 1, p.id, p.value, c.value, c.source));
  }
  return lines;
}

std::string source_text(const model::Parameter& p, const model::Scenario& s) {
  return p.price_year == 0 ? p.source : p.source + " (" + price_conversion_text(p, s) + ")";
}

std::string financing_text(const model::Scenario& s) {
  if (s.financing.tax_lag_years <= 0)
    return "Municipal income tax is booked in the year it is earned (the scenario declares no "
           "[financing] lag).";
  return fmt::format(
      "Municipal income tax (financing) reaches the municipality {} years after it is earned "
      "({}); tax earned before the run (arriving in its first {} years) is left out.",
      s.financing.tax_lag_years, s.financing.tax_base, s.financing.tax_lag_years);
}

std::string uncertainty_sources_text(const appraisal::Appraisal& a) {
  const auto& s = a.scenario;
  std::string drawn = "individual randomness, effect sizes within their distributions";
  if (s.draw_unit_costs)
    drawn += fmt::format(", unit costs within their register ranges ({} figures)",
                         model::drawn_unit_costs(s).size());
  if (s.redraw_population)
    drawn += ", and a synthetic population drawn anew for every pair of replicates";
  std::string out = "Drawn per replicate: " + drawn +
                    ". The normative sets are a separate dimension, never mixed into an interval.";
  std::vector<double> population, unit_costs;
  for (const auto& row : a.analysis.summaries) {
    population.push_back(row.population_variance_share);
    unit_costs.push_back(row.unit_cost_variance_share);
  }
  if (const std::string p = share_range(population); !p.empty())
    out += " Share of a net value's variance between population draws: " + p +
           " over the proposal x set rows.";
  if (const std::string c = share_range(unit_costs); !c.empty())
    out += " Share added by drawing unit costs: " + c + ".";
  return out;
}

}  // namespace kommunesim::output
