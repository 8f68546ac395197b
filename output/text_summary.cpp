// The terminal summary: per proposal, what it costs the municipality and what it is worth
// under each normative set.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

// Millions of DKK with one decimal, e.g. "-1.3".
// Million DKK with one decimal; a value that rounds to zero is "0.0", never "-0.0".
std::string mdkk(double v) {
  std::string text = fmt::format("{:.1f}", v / 1e6);
  return text == "-0.0" ? "0.0" : text;
}

// Characters (not bytes) of a UTF-8 text, for aligning columns.
size_t utf8_length(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// A figure as a reader would write it: DKK in millions, persons whole.
std::string figure(const model::CalibrationTarget& t, double v) {
  return t.kind == model::CalibrationTarget::Kind::kSpending ? fmt::format("{:.1f} m", v / 1e6)
                                                             : fmt::format("{:.0f}", v);
}

std::string calibration_summary(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  if (run.appraisal.calibration.empty()) return "";
  int within = 0;
  for (const auto& row : run.appraisal.calibration) within += row.within ? 1 : 0;
  std::string out = fmt::format(
      "\nBaseline against calibration targets (mean of {} replicates): {} of {} within their "
      "tolerance ({:.0f} % unless stated)\n",
      run.appraisal.plan.replicates, within, run.appraisal.calibration.size(),
      100 * s.calibration_tolerance);
  out += fmt::format("  {:<62} {:>4} {:>10} {:>10} {:>8} {:>6}\n", "target", "year", "target",
                     "baseline", "off", "s.e.");
  for (const auto& row : run.appraisal.calibration) {
    const auto& t = s.calibration[static_cast<size_t>(row.target)];
    const std::string own = t.tolerance == s.calibration_tolerance
                                ? ""
                                : fmt::format(" (tolerance {:.0f} %)", 100 * t.tolerance);
    const std::string se = std::isnan(row.standard_error)
                               ? "-"
                               : fmt::format("{:.1f}%", 100 * row.standard_error / t.value);
    out += fmt::format("  {:<62} {:>4} {:>10} {:>10} {:>+7.1f}% {:>6}{} {}\n", t.title, t.year,
                       figure(t, t.value), figure(t, row.simulated), 100 * row.deviation, se, own,
                       row.within ? "" : "OUTSIDE TOLERANCE");
  }
  return out;
}

// "1.9 [1.7; 2.2]": the mean and its 90 % interval, in million DKK.
std::string interval(double mean, double low, double high) {
  if (std::isnan(low)) return mdkk(mean);
  return fmt::format("{} [{}; {}]", mdkk(mean), mdkk(low), mdkk(high));
}

// `text` broken into lines of at most `width` characters at spaces.
std::string wrapped(const std::string& text, size_t width) {
  std::string out, line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && utf8_length(line) + 1 + utf8_length(word) > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + line + "\n";
}

// The closing ranking: every proposal's rank and verdict under every normative set, one line per
// proposal, the sets lettered.
std::string ranking_summary(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  if (s.arms.size() < 2 || s.norms.empty()) return "";
  std::string out =
      "\n" +
      wrapped(
          "Ranking under each normative set (1 = best; ? = within its uncertainty of a "
          "neighbour; verdict: net gain +, net cost -, too close to call ~, about break-even 0):",
          100);
  size_t width = 8;
  for (size_t a = 1; a < s.arms.size(); ++a) width = std::max(width, s.arms[a].id.size());
  out += fmt::format("  {:<{}}", "proposal", width);
  for (size_t n = 0; n < s.norms.size(); ++n)
    out += fmt::format(" {:>5}", std::string(1, static_cast<char>('A' + n % 26)));
  out += "\n";
  constexpr std::array<const char*, 4> kMark = {"+", "-", "0", "~"};
  for (size_t a = 1; a < s.arms.size(); ++a) {
    out += fmt::format("  {:<{}}", s.arms[a].id, width);
    for (size_t n = 0; n < s.norms.size(); ++n)
      for (const auto& row : run.appraisal.analysis.summaries)
        if (row.arm == static_cast<int>(a) && row.norm == static_cast<int>(n))
          out += fmt::format(" {:>5}", fmt::format("{}{}{}", row.rank, row.rank_resolved ? "" : "?",
                                                   kMark[static_cast<size_t>(row.verdict)]));
    out += "\n";
  }
  for (size_t n = 0; n < s.norms.size(); ++n)
    out += fmt::format("  {}: {}\n", static_cast<char>('A' + n % 26), s.norms[n].title);
  return out;
}

// What the modules cover of the municipality's net operating spending.
std::string coverage_summary(const RunRecord& run) {
  const auto& c = run.appraisal.coverage;
  const auto& s = run.appraisal.scenario;
  if (c.net_operating_dkk <= 0) return "";
  return wrapped(
             fmt::format("The modules cover {:.0f} % of the municipality's net operating spending "
                         "in {}: {} m of {} m DKK (the baseline's service expenditure and "
                         "transfers after refusion; the whole figure: {}).",
                         100 * c.share(), s.base_year, mdkk(c.modelled_dkk),
                         mdkk(c.net_operating_dkk), s.net_operating_source),
             100) +
         "\n";
}

// The four-year budget period's net cost by budget type (first dynamics group), e.g.
// "    of which service 8.4 [8.1; 8.7]; transfers -2.5 (budget guarantee), -0.4 (other); ...".
std::string budget_types_line(const RunRecord& run, int arm) {
  std::array<const appraisal::Summary*, model::kBudgetTypeCount> by_type{};
  for (const auto& row : run.appraisal.budget)
    if (row.arm == arm && row.group == 0 && row.years == appraisal::kBudgetPeriodYears)
      by_type[static_cast<size_t>(row.type)] = &row.net_cost;
  if (by_type[0] == nullptr) return "";
  const auto& service = *by_type[static_cast<size_t>(model::BudgetType::kService)];
  const double investment = by_type[static_cast<size_t>(model::BudgetType::kInvestment)]->mean;
  return fmt::format(
      "    of which service expenditure {}; transfers {} (budget guarantee), {} (other); "
      "financing {}{}\n",
      interval(service.mean, service.mean_low, service.mean_high),
      mdkk(by_type[static_cast<size_t>(model::BudgetType::kTransferGuaranteed)]->mean),
      mdkk(by_type[static_cast<size_t>(model::BudgetType::kTransferOther)]->mean),
      mdkk(by_type[static_cast<size_t>(model::BudgetType::kFinancing)]->mean),
      investment == 0 ? std::string() : "; investment (anlæg) " + mdkk(investment));
}

// How full the proposal's places are, e.g. "places used (30): 2025 48 %, 2026 71 %, 2027 70 %,
// 2028 65 %; 20 years 40 %; under half used in 12 of 20 years".
std::string capacity_line(const RunRecord& run, int arm) {
  const auto& s = run.appraisal.scenario;
  if (s.arms[static_cast<size_t>(arm)].proposals.size() != 1) return "";
  const int p = s.arms[static_cast<size_t>(arm)].proposals.front();
  std::string years;
  double used = 0, places = 0;
  int low = 0, counted = 0;
  for (const auto& row : run.appraisal.capacity) {
    if (row.proposal != p || std::isnan(row.fill_rate)) continue;
    if (row.year < appraisal::kBudgetPeriodYears)
      years += fmt::format("{}{} {:.0f} %", years.empty() ? "" : ", ", s.base_year + row.year,
                           100 * row.fill_rate);
    used += row.participant_months;
    places += row.places * model::kMonthsPerYear;
    low += row.fill_rate < appraisal::kLowFillRate;
    ++counted;
  }
  if (counted == 0) return "";
  std::string line = fmt::format("  places used ({}): {}; {} years {:.0f} %",
                                 s.proposals[static_cast<size_t>(p)].capacity, years, counted,
                                 100 * used / places);
  if (low > 0)
    line += fmt::format("; LOW: under half the places used in {} of {} years", low, counted);
  return line + "\n";
}

}  // namespace

std::string text_summary(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  size_t title_width = 13;  // "normative set"
  for (const auto& n : s.norms) title_width = std::max(title_width, utf8_length(n.title));
  std::string out = fmt::format(
      "{} — {}, {} years from {}; amounts in million DKK at {}, mean [90 % interval of the "
      "mean]\n"
      "Net cost: what a proposal adds to the municipality's budget (negative: it saves). Net "
      "value: what it is\nworth under a normative set, discounted to {} (positive: a gain). "
      "Verdict: net gain or net cost when the\ninterval excludes zero; about break-even when it "
      "lies within {:.1f} m of zero; otherwise too close to call.\nRank 1 is the best proposal "
      "under that set; '?' marks a rank whose gap to a neighbour is within its uncertainty.\n{}",
      s.name, replicates_text(run.appraisal), s.horizon_years, s.base_year, price_level_text(s),
      s.base_year, s.materiality_dkk / 1e6,
      wrapped(uncertainty_sources_text(run.appraisal) + " " + financing_text(s) + " " +
                  prices_text(s, false),
              100));
  for (size_t a = 1; a < s.arms.size(); ++a) {
    const auto& arm = s.arms[a];
    out += fmt::format("\n{} ({})\n", arm.title, arm.id);
    bool first = true;
    for (const auto& row : run.appraisal.analysis.summaries) {
      if (row.arm != static_cast<int>(a)) continue;
      if (first) {
        const auto& y1 = row.municipality_cost_year1;
        const auto& b4 = row.municipality_cost_budget_period;
        out += fmt::format("  municipality's net cost, first budget year (undiscounted): {}\n",
                           interval(y1.mean, y1.mean_low, y1.mean_high));
        out +=
            fmt::format("  municipality's net cost, four-year budget period (undiscounted): {}\n",
                        interval(b4.mean, b4.mean_low, b4.mean_high));
        out += budget_types_line(run, static_cast<int>(a));
        out += capacity_line(run, static_cast<int>(a));
        // Effects over the longest horizon among the sets (of the first set that has it).
        const appraisal::ArmNormSummary* longest = &row;
        for (const auto& other : run.appraisal.analysis.summaries)
          if (other.arm == row.arm && s.norms[static_cast<size_t>(other.norm)].horizon_years >
                                          s.norms[static_cast<size_t>(longest->norm)].horizon_years)
            longest = &other;
        for (size_t m = 0; m < s.measures.size(); ++m) {
          const auto& c = longest->measure_change[m];
          const std::string figures =
              std::isnan(c.mean_low)
                  ? fmt::format("{:.1f}", c.mean)
                  : fmt::format("{:.1f} [{:.1f}; {:.1f}]", c.mean, c.mean_low, c.mean_high);
          out += fmt::format("  {} ({}), change over {} years: {}{}\n", s.measures[m].title,
                             s.measures[m].unit,
                             s.norms[static_cast<size_t>(longest->norm)].horizon_years, figures,
                             longest->measure_direction[m] == appraisal::Change::kNoClearChange
                                 ? "  no clear change"
                                 : "");
        }
        out += fmt::format("  {:<{}} {:>7} {:>26} {:>8} {:>5} {:>7}  {}\n", "normative set",
                           title_width, "horizon", "net value", "P(gain)", "rank", "payback",
                           "verdict");
        first = false;
      }
      const auto& norm = s.norms[static_cast<size_t>(row.norm)];
      out +=
          fmt::format("  {:<{}} {:>5} y {:>26} {:>7.0f}% {:>4}{} {:>7}  {}\n", norm.title,
                      title_width, norm.horizon_years,
                      interval(row.net_value.mean, row.net_value.mean_low, row.net_value.mean_high),
                      100 * row.chance_of_gain.share, row.rank, row.rank_resolved ? " " : "?",
                      row.payback_year >= 0 ? std::to_string(s.base_year + row.payback_year) : "-",
                      verdict_words(row.verdict));
    }
    // Where the conclusion depends on the normative set: the sets under each verdict.
    std::vector<std::string> under(4);
    for (const auto& row : run.appraisal.analysis.summaries) {
      if (row.arm != static_cast<int>(a)) continue;
      std::string& list = under[static_cast<size_t>(row.verdict)];
      list += (list.empty() ? "" : ", ") + s.norms[static_cast<size_t>(row.norm)].title;
    }
    std::string conclusion;
    size_t kinds = 0, only = 0;
    for (size_t v = 0; v < under.size(); ++v) {
      if (under[v].empty()) continue;
      ++kinds;
      only = v;
      conclusion += fmt::format("{}{} under {}", conclusion.empty() ? "" : "; ",
                                verdict_words(static_cast<appraisal::Verdict>(v)), under[v]);
    }
    const bool flips = !under[static_cast<size_t>(appraisal::Verdict::kNetGain)].empty() &&
                       !under[static_cast<size_t>(appraisal::Verdict::kNetCost)].empty();
    if (kinds == 1)
      out += fmt::format("  conclusion holds: {} under every normative set\n",
                         verdict_words(static_cast<appraisal::Verdict>(only)));
    else
      out +=
          fmt::format("  conclusion {}: {}\n", flips ? "flips" : "depends on the set", conclusion);
    std::set<int> departments;
    for (int p : arm.proposals)
      departments.insert(run.appraisal.reach[static_cast<size_t>(p)].begin(),
                         run.appraisal.reach[static_cast<size_t>(p)].end());
    std::string reach;
    for (int d : departments)
      reach += (reach.empty() ? "" : ", ") + s.departments[static_cast<size_t>(d)].title;
    out += "  can affect: " + reach + "\n";
  }
  out += ranking_summary(run);
  out += calibration_summary(run);
  out += coverage_summary(run);
  return out;
}

}  // namespace kommunesim::output
