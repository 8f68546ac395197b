// The budget view: paired differences of the municipality's net cost by budget type.
#include "model/appraisal/budget.hpp"

#include <algorithm>

namespace kommunesim::appraisal {

std::vector<BudgetRow> budget_by_type(const Scenario& scenario, const RunPlan& plan,
                                      const Analysis& analysis) {
  std::vector<BudgetRow> rows;
  const auto departments = static_cast<int>(scenario.departments.size());
  const int years = std::min(scenario.horizon_years, kBudgetPeriodYears);
  for (int g = 0; g < static_cast<int>(plan.dynamics_groups.size()); ++g)
    for (int a = 1; a < static_cast<int>(scenario.arms.size()); ++a)
      for (const auto& [first, span] : years_and_budget_period(years))
        for (int t = 0; t < kBudgetTypeCount; ++t) {
          const auto type = static_cast<BudgetType>(t);
          rows.push_back({a, g, first, span, type,
                          paired_period_sum(scenario, plan, analysis, g, a, first, span,
                                            [&](const YearAccount& prop, const YearAccount& base) {
                                              double change = 0;
                                              for (int d = 0; d < departments; ++d)
                                                change += prop.municipal(d, type) -
                                                          base.municipal(d, type);
                                              return change;
                                            })});
        }
  return rows;
}

std::vector<BudgetFormLine> budget_form(const Scenario& scenario, const RunPlan& plan,
                                        const Analysis& analysis) {
  std::vector<BudgetFormLine> lines;
  const auto departments = static_cast<int>(scenario.departments.size());
  const int years = std::min(scenario.horizon_years, kBudgetPeriodYears);
  for (int a = 1; a < static_cast<int>(scenario.arms.size()); ++a) {
    // The arm's owning department: its first proposal's.
    const int owner =
        scenario
            .proposals[static_cast<size_t>(scenario.arms[static_cast<size_t>(a)].proposals.front())]
            .department;
    std::vector<int> order{owner};
    for (int d = 0; d < departments; ++d)
      if (d != owner) order.push_back(d);
    for (const int d : order)
      for (int t = 0; t < kBudgetTypeCount; ++t) {
        const auto type = static_cast<BudgetType>(t);
        BudgetFormLine line{a, d, type, {}};
        bool changes = false;
        for (int y = 0; y < years; ++y) {
          const Summary change =
              paired_period_sum(scenario, plan, analysis, 0, a, y, 1,
                                [&](const YearAccount& prop, const YearAccount& base) {
                                  return prop.municipal(d, type) - base.municipal(d, type);
                                });
          line.dkk.push_back(change.mean);
          changes = changes || change.mean != 0;
        }
        if (changes) lines.push_back(line);
      }
  }
  return lines;
}

}  // namespace kommunesim::appraisal
