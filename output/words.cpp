// Verdict and change words.
#include "output/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "model/engine/unit_cost_draws.hpp"
#include "output/texts.hpp"

namespace kommunesim::output {

using appraisal::Change;
using appraisal::Verdict;

std::string_view verdict_words(Verdict verdict, Language language) {
  const Texts& t = texts(language);
  switch (verdict) {
    case Verdict::kNetGain:
      return t.net_gain;
    case Verdict::kNetCost:
      return t.net_cost;
    case Verdict::kBreakEven:
      return t.break_even;
    case Verdict::kTooCloseToCall:
      break;
  }
  return t.too_close_to_call;
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

std::string_view change_words(Change change, Language language) {
  const Texts& t = texts(language);
  switch (change) {
    case Change::kIncrease:
      return t.increase;
    case Change::kDecrease:
      return t.decrease;
    case Change::kNoClearChange:
      break;
  }
  return t.no_clear_change;
}

std::string_view change_id(Change change) {
  switch (change) {
    case Change::kIncrease:
      return "increase";
    case Change::kDecrease:
      return "decrease";
    case Change::kNoClearChange:
      break;
  }
  return "no_clear_change";
}

// How the replicate count came about, e.g. "40 replicates (batches of 10 until resolved;
// stopped at the cap: 3 of 42 verdicts and 1 of 7 top ranks unresolved)".
std::string replicate_count_text(int replicates, Language language) {
  const Texts& t = texts(language);
  return replicates == 1 ? std::string(t.one_replicate)
                         : fmt::format(fmt::runtime(t.replicates), replicates);
}

std::string replicates_text(const appraisal::Appraisal& a, Language language) {
  const Texts& t = texts(language);
  const auto& r = a.replicates;
  const auto& left = r.resolution;
  const std::string unresolved = left.done()
                                     ? std::string(t.all_resolved)
                                     : fmt::format(fmt::runtime(t.unresolved), left.unresolved_rows,
                                                   left.rows, left.unresolved_top_ranks, left.sets);
  const std::string count = replicate_count_text(a.plan.replicates, language);
  if (!r.adaptive) return count + fmt::format(fmt::runtime(t.replicates_fixed), unresolved);
  return count + fmt::format(fmt::runtime(t.replicates_adaptive), r.first, r.batch, r.max,
                             r.capped() ? t.stopped_at_cap : "", unresolved);
}

std::string disclosure_text(const appraisal::Appraisal& a, Language language) {
  const auto& d = a.disclosure;
  if (!d.applied) return "";
  const Texts& t = texts(language);
  size_t small = 0, derivable = 0;
  for (const auto& table : d.tables) {
    small += table.small;
    derivable += table.derivable;
  }
  const std::string& source = a.scenario.disclosure.source;
  return fmt::format(fmt::runtime(t.disclosure_rule), d.threshold) +
         (source.empty() ? "" : fmt::format(fmt::runtime(t.disclosure_source), source)) +
         fmt::format(fmt::runtime(t.disclosure_counts), small, d.threshold, derivable);
}

namespace {

// "median 12 % (3-40 %)" of the shares that are defined, or "" when none is.
std::string share_range(const std::vector<double>& shares, Language language) {
  std::vector<double> defined;
  for (double v : shares)
    if (!std::isnan(v)) defined.push_back(v);
  if (defined.empty()) return "";
  const auto [low, high] = std::minmax_element(defined.begin(), defined.end());
  return fmt::format(fmt::runtime(texts(language).share_range),
                     decimal(100 * appraisal::percentile(defined, 0.5), 0, language),
                     decimal(100 * *low, 0, language), decimal(100 * *high, 0, language));
}

}  // namespace

std::string price_level_text(const model::Scenario& s, Language language) {
  const Texts& t = texts(language);
  return s.prices.year == 0 ? std::string(t.prices_as_given)
                            : fmt::format(fmt::runtime(t.price_level), s.prices.year);
}

std::string prices_text(const model::Scenario& s, bool with_source, Language language) {
  const Texts& t = texts(language);
  if (s.prices.year == 0) return std::string(t.prices_without_level);
  std::map<int, int> converted;  // price year -> unit costs stated at it
  for (const auto& p : s.parameters)
    if (p.price_year != 0) ++converted[p.price_year];
  std::string which;
  for (const auto& [year, count] : converted)
    which += (which.empty() ? "" : std::string(t.prices_and)) +
             fmt::format(fmt::runtime(t.prices_converted_count), count, year);
  return fmt::format(fmt::runtime(t.prices), s.prices.year,
                     which.empty() ? std::string(t.prices_all_stated)
                                   : fmt::format(fmt::runtime(t.prices_converted), which),
                     s.prices.description, with_source ? " (" + s.prices.source + ")" : "");
}

std::string price_conversion_text(const model::Parameter& p, const model::Scenario& s) {
  if (p.price_year == 0) return "";
  return fmt::format("stated at {} prices as {}; x {:.4f} to {} prices", p.price_year,
                     plain_number(p.value / p.price_factor), p.price_factor, s.prices.year);
}

std::vector<std::string> dated_change_lines(const model::Scenario& s) {
  std::vector<std::string> lines;
  for (const auto& c : s.dated_changes) {
    const auto& p = s.parameters[static_cast<size_t>(c.parameter)];
    lines.push_back(fmt::format("from {}-{:02d}: {} {} -> {} ({})",
                                s.base_year + c.month / model::kMonthsPerYear,
                                c.month % model::kMonthsPerYear + 1, p.id, plain_number(p.value),
                                plain_number(c.value), c.source));
  }
  return lines;
}

std::string source_text(const model::Parameter& p, const model::Scenario& s) {
  return p.price_year == 0 ? p.source : p.source + " (" + price_conversion_text(p, s) + ")";
}

std::string financing_text(const model::Scenario& s, Language language) {
  const Texts& t = texts(language);
  if (s.financing.tax_lag_years <= 0) return std::string(t.tax_without_lag);
  return fmt::format(fmt::runtime(t.tax_with_lag), s.financing.tax_lag_years, s.financing.tax_base);
}

std::string uncertainty_sources_text(const appraisal::Appraisal& a, Language language) {
  const Texts& t = texts(language);
  const auto& s = a.scenario;
  std::string drawn(t.drawn_always);
  if (s.draw_unit_costs)
    drawn += fmt::format(fmt::runtime(t.drawn_unit_costs), model::drawn_unit_costs(s).size());
  if (s.redraw_population) drawn += t.drawn_population;
  std::string out = fmt::format(fmt::runtime(t.drawn_per_replicate), drawn);
  std::vector<double> population, unit_costs;
  for (const auto& row : a.analysis.summaries) {
    population.push_back(row.population_variance_share);
    unit_costs.push_back(row.unit_cost_variance_share);
  }
  if (const std::string p = share_range(population, language); !p.empty())
    out += fmt::format(fmt::runtime(t.population_share), p);
  if (const std::string c = share_range(unit_costs, language); !c.empty())
    out += fmt::format(fmt::runtime(t.unit_cost_share), c);
  return out;
}

std::string time_left_text(double elapsed_seconds, double fraction, Language language) {
  if (!(fraction > 0 && fraction < 1)) return "";
  const Texts& t = texts(language);
  const auto left = static_cast<long>(std::ceil(elapsed_seconds * (1 - fraction) / fraction));
  if (left < 60) return fmt::format(fmt::runtime(t.time_left_seconds), left);
  return fmt::format(fmt::runtime(t.time_left_minutes), left / 60, left % 60);
}

size_t utf8_length(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string padded(const std::string& text, size_t width, bool left_aligned) {
  const size_t length = utf8_length(text);
  if (length >= width) return text;
  const std::string fill(width - length, ' ');
  return left_aligned ? text + fill : fill + text;
}

std::string mdkk(double v, Language language) { return decimal(v / 1e6, 1, language); }

std::string calibration_figure(const model::CalibrationTarget& t, double v, Language language,
                               int hidden_below) {
  if (std::isnan(v) && hidden_below > 0) return fmt::format("<{}", hidden_below);
  return t.kind == model::CalibrationTarget::Kind::kSpending
             ? mdkk(v, language) + " " + std::string(texts(language).millions)
             : decimal(v, 0, language);
}

std::string wrapped(const std::string& text, size_t width, const std::string& indent) {
  std::string out, line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && line != indent && utf8_length(line) + 1 + utf8_length(word) > width) {
      out += line + "\n";
      line = indent;
    }
    line += (line.empty() || line == indent ? "" : " ") + word;
    start = end + 1;
  }
  return out + line + "\n";
}

namespace {

std::string joined_centres(const model::Scenario& scenario, const model::CompiledModel& compiled,
                           unsigned centres, bool titles) {
  std::string out;
  for (size_t i = 0; i < compiled.case_departments.size(); ++i) {
    if (((centres >> i) & 1u) == 0) continue;
    const model::Department& d =
        scenario.departments[static_cast<size_t>(compiled.case_departments[i])];
    out += (out.empty() ? "" : titles ? " + " : "+") + (titles ? d.title : d.id);
  }
  return out;
}

}  // namespace

int cross_silo_replicates(const appraisal::Appraisal& appraisal) {
  return std::min(appraisal.plan.replicates, appraisal.plan.cross_silo_replicates);
}

std::string centre_ids(const model::Scenario& scenario, const model::CompiledModel& compiled,
                       unsigned centres) {
  return joined_centres(scenario, compiled, centres, false);
}

std::string centre_titles(const model::Scenario& scenario, const model::CompiledModel& compiled,
                          unsigned centres, Language language) {
  if (centres == 0) return std::string(texts(language).known_to_no_centre);
  return joined_centres(scenario, compiled, centres, true);
}

}  // namespace kommunesim::output
