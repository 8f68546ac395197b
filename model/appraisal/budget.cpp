// The budget view: paired differences of the municipality's net cost by budget type.
#include "model/appraisal/budget.hpp"

#include <algorithm>
#include <utility>

namespace kommunesim::appraisal {

std::vector<BudgetRow> budget_by_type(const Scenario& scenario, const RunPlan& plan,
                                      const Analysis& analysis) {
  std::vector<BudgetRow> rows;
  const size_t arms = scenario.arms.size();
  const int years = std::min(scenario.horizon_years, kBudgetPeriodYears);
  std::vector<std::pair<int, int>> periods;  // (first year, years)
  for (int y = 0; y < years; ++y) periods.push_back({y, 1});
  if (years == kBudgetPeriodYears) periods.push_back({0, kBudgetPeriodYears});
  const auto departments = static_cast<int>(scenario.departments.size());
  for (size_t g = 0; g < plan.dynamics_groups.size(); ++g)
    for (size_t a = 1; a < arms; ++a)
      for (const auto& [first, span] : periods)
        for (int t = 0; t < kBudgetTypeCount; ++t) {
          const auto type = static_cast<BudgetType>(t);
          std::vector<double> values;
          for (int r = 0; r < plan.replicates; ++r) {
            const auto& prop =
                analysis
                    .accounts[plan.unit_index(static_cast<int>(g), r, static_cast<int>(a), arms)];
            const auto& base = analysis.accounts[plan.unit_index(static_cast<int>(g), r, 0, arms)];
            double net = 0;
            for (int y = first; y < first + span; ++y)
              for (int d = 0; d < departments; ++d)
                net += prop[static_cast<size_t>(y)].municipal(d, type) -
                       base[static_cast<size_t>(y)].municipal(d, type);
            values.push_back(net);
          }
          rows.push_back({static_cast<int>(a), static_cast<int>(g), first, span, type,
                          summarize(values, plan.replicates_per_population)});
        }
  return rows;
}

}  // namespace kommunesim::appraisal
