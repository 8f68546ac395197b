// Flips between normative sets, from the summaries' verdicts and resolved ranks.
#include "model/appraisal/flips.hpp"

namespace kommunesim::appraisal {

std::vector<FlipRow> flips(const Scenario& scenario, const Analysis& analysis) {
  const size_t norms = scenario.norms.size();
  // The verdict per (norm, arm) and the resolved top-ranked arm per norm (0: not resolved).
  const size_t arms = scenario.arms.size();
  std::vector<Verdict> verdict(norms * arms, Verdict::kTooCloseToCall);  // [norm * arms + arm]
  std::vector<int> top(norms, 0);
  for (const auto& row : analysis.summaries) {
    verdict[static_cast<size_t>(row.norm) * arms + static_cast<size_t>(row.arm)] = row.verdict;
    if (row.rank == 1 && row.rank_resolved) top[static_cast<size_t>(row.norm)] = row.arm;
  }
  const auto opposite = [](Verdict x, Verdict y) {
    return (x == Verdict::kNetGain && y == Verdict::kNetCost) ||
           (x == Verdict::kNetCost && y == Verdict::kNetGain);
  };
  std::vector<FlipRow> out;
  for (size_t a = 1; a < scenario.arms.size(); ++a)
    for (size_t i = 0; i < norms; ++i)
      for (size_t j = i + 1; j < norms; ++j) {
        FlipRow row{static_cast<int>(a),
                    static_cast<int>(i),
                    static_cast<int>(j),
                    opposite(verdict[i * arms + a], verdict[j * arms + a]),
                    top[i] != 0 && top[j] != 0 && top[i] != top[j],
                    {}};
        if (!row.sign_differs && !row.top_differs) continue;
        const NormativeSet &x = scenario.norms[i], &y = scenario.norms[j];
        if (x.perspective != y.perspective || x.owning_department_only != y.owning_department_only)
          row.differing.push_back("perspective");
        if (x.discount.size() > 1 || y.discount.size() > 1) {
          bool same = x.discount.size() == y.discount.size();
          for (size_t k = 0; same && k < x.discount.size(); ++k)
            same = x.discount[k].from_year == y.discount[k].from_year &&
                   x.discount[k].rate == y.discount[k].rate;
          if (!same) row.differing.push_back("discount_schedule");
        }
        for (const Parameter& p : scenario.parameters)
          if (x.value(p) != y.value(p)) row.differing.push_back(p.id);
        out.push_back(row);
      }
  return out;
}

}  // namespace kommunesim::appraisal
