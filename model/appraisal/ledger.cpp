// The ledger: paired differences per department and payer, summarised over replicates.
#include "model/appraisal/ledger.hpp"

namespace kommunesim::appraisal {

std::vector<LedgerRow> ledger(const Scenario& scenario, const RunPlan& plan,
                              const Analysis& analysis) {
  std::vector<LedgerRow> rows;
  for (int g = 0; g < static_cast<int>(plan.dynamics_groups.size()); ++g)
    for (int a = 1; a < static_cast<int>(scenario.arms.size()); ++a)
      for (const auto& [first, span] : years_and_budget_period(scenario.horizon_years))
        for (int d = 0; d < static_cast<int>(scenario.departments.size()); ++d)
          for (int p = 0; p < kPayerCount; ++p) {
            const auto payer = static_cast<Payer>(p);
            rows.push_back(
                {a, g, first, span, d, payer,
                 paired_period_sum(scenario, plan, analysis, g, a, first, span,
                                   [&](const YearAccount& prop, const YearAccount& base) {
                                     return prop.at(d, payer) - base.at(d, payer);
                                   })});
          }
  return rows;
}

}  // namespace kommunesim::appraisal
