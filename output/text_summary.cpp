// The terminal summary: per proposal, what it costs the municipality and what it is worth
// under each normative set.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

// Millions of DKK with one decimal, e.g. "-1.3".
std::string mdkk(double v) { return fmt::format("{:.1f}", v / 1e6); }

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
      "\nBaseline against calibration targets, {} (first year, mean of {} replicates): {} of {} "
      "within {:.0f} %\n",
      s.base_year, run.appraisal.plan.replicates, within, run.appraisal.calibration.size(),
      100 * s.calibration_tolerance);
  out += fmt::format("  {:<62} {:>10} {:>10} {:>8}\n", "target", "target", "baseline", "off");
  for (const auto& row : run.appraisal.calibration) {
    const auto& t = s.calibration[static_cast<size_t>(row.target)];
    out += fmt::format("  {:<62} {:>10} {:>10} {:>+7.1f}% {}\n", t.title, figure(t, t.value),
                       figure(t, row.simulated), 100 * row.deviation,
                       row.within ? "" : "OUTSIDE TOLERANCE");
  }
  return out;
}

}  // namespace

std::string text_summary(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  size_t title_width = 13;  // "normative set"
  for (const auto& n : s.norms) title_width = std::max(title_width, utf8_length(n.title));
  std::string out = fmt::format(
      "{} — {} replicates, {} years from {}; amounts in million DKK, "
      "mean [90 % interval]\n"
      "Net cost: what a proposal adds to the municipality's budget (negative: it saves). Net "
      "value: what it is\nworth under a normative set (positive: a gain; 'unclear' when the "
      "interval spans zero). Rank 1 is the best\nproposal under that set.\n",
      s.name, run.appraisal.plan.replicates, s.horizon_years, s.base_year);
  for (size_t a = 1; a < s.arms.size(); ++a) {
    const auto& arm = s.arms[a];
    out += fmt::format("\n{} ({})\n", arm.title, arm.id);
    bool first = true;
    for (const auto& row : run.appraisal.analysis.summaries) {
      if (row.arm != static_cast<int>(a)) continue;
      if (first) {
        out += fmt::format("  municipality's net cost, first budget year: {} [{}; {}]\n",
                           mdkk(row.municipality_cost_year1.mean),
                           mdkk(row.municipality_cost_year1.p5),
                           mdkk(row.municipality_cost_year1.p95));
        out += fmt::format("  municipality's net cost, four-year budget period: {} [{}; {}]\n",
                           mdkk(row.municipality_cost_budget_period.mean),
                           mdkk(row.municipality_cost_budget_period.p5),
                           mdkk(row.municipality_cost_budget_period.p95));
        // Effects over the longest horizon among the sets (of the first set that has it).
        const appraisal::ArmNormSummary* longest = &row;
        for (const auto& other : run.appraisal.analysis.summaries)
          if (other.arm == row.arm && s.norms[static_cast<size_t>(other.norm)].horizon_years >
                                          s.norms[static_cast<size_t>(longest->norm)].horizon_years)
            longest = &other;
        for (size_t m = 0; m < s.measures.size(); ++m)
          out += fmt::format("  {} ({}), change over {} years: {:.1f} [{:.1f}; {:.1f}]\n",
                             s.measures[m].title, s.measures[m].unit,
                             s.norms[static_cast<size_t>(longest->norm)].horizon_years,
                             longest->measure_change[m].mean, longest->measure_change[m].p5,
                             longest->measure_change[m].p95);
        out += fmt::format("  {:<{}} {:>8} {:>22} {:>5}\n", "normative set", title_width, "horizon",
                           "net value", "rank");
        first = false;
      }
      const auto& norm = s.norms[static_cast<size_t>(row.norm)];
      const std::string verdict = row.net_value.p5 > 0    ? "gain"
                                  : row.net_value.p95 < 0 ? "cost"
                                                          : "unclear";
      out += fmt::format("  {:<{}} {:>6} y {:>7} [{:>6}; {:>6}] {:>5}  {}\n", norm.title,
                         title_width, norm.horizon_years, mdkk(row.net_value.mean),
                         mdkk(row.net_value.p5), mdkk(row.net_value.p95), row.rank, verdict);
    }
    // Where the conclusion depends on the normative set: the sets giving a gain and a cost.
    std::string gains, costs;
    for (const auto& row : run.appraisal.analysis.summaries) {
      if (row.arm != static_cast<int>(a)) continue;
      std::string& list = row.net_value.mean > 0 ? gains : costs;
      list += (list.empty() ? "" : ", ") + s.norms[static_cast<size_t>(row.norm)].title;
    }
    if (!gains.empty() && !costs.empty())
      out +=
          fmt::format("  conclusion flips: net gain under {}; net cost under {}\n", gains, costs);
    else
      out += fmt::format("  conclusion holds: net {} under every normative set\n",
                         gains.empty() ? "cost" : "gain");
    std::set<int> departments;
    for (int p : arm.proposals)
      departments.insert(run.appraisal.reach[static_cast<size_t>(p)].begin(),
                         run.appraisal.reach[static_cast<size_t>(p)].end());
    std::string reach;
    for (int d : departments)
      reach += (reach.empty() ? "" : ", ") + s.departments[static_cast<size_t>(d)].title;
    out += "  can affect: " + reach + "\n";
  }
  out += calibration_summary(run);
  return out;
}

}  // namespace kommunesim::output
