// Flips between normative sets, from the summaries' means and ranks.
#include "model/appraisal/flips.hpp"

namespace kommunesim::appraisal {

std::vector<FlipRow> flips(const Scenario& scenario, const Analysis& analysis) {
  const size_t norms = scenario.norms.size();
  // Mean net value per (norm, arm) and the top-ranked arm per norm, from the summaries.
  std::vector<std::vector<double>> mean(norms, std::vector<double>(scenario.arms.size(), 0.0));
  std::vector<int> top(norms, 0);
  for (const auto& row : analysis.summaries) {
    mean[static_cast<size_t>(row.norm)][static_cast<size_t>(row.arm)] = row.net_value.mean;
    if (row.rank == 1) top[static_cast<size_t>(row.norm)] = row.arm;
  }
  std::vector<FlipRow> out;
  for (size_t a = 1; a < scenario.arms.size(); ++a)
    for (size_t i = 0; i < norms; ++i)
      for (size_t j = i + 1; j < norms; ++j) {
        FlipRow row{static_cast<int>(a), static_cast<int>(i),
                    static_cast<int>(j), (mean[i][a] > 0) != (mean[j][a] > 0),
                    top[i] != top[j],    {}};
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
