// The ledger: paired differences per department and payer, summarised over replicates.
#include "model/appraisal/ledger.hpp"

#include <utility>

namespace kommunesim::appraisal {

std::vector<LedgerRow> ledger(const Scenario& scenario, const RunPlan& plan,
                              const Analysis& analysis) {
  std::vector<LedgerRow> rows;
  const size_t arms = scenario.arms.size();
  const int years = scenario.horizon_years;
  std::vector<std::pair<int, int>> periods;  // (first year, years)
  for (int y = 0; y < years; ++y) periods.push_back({y, 1});
  if (years >= kBudgetPeriodYears) periods.push_back({0, kBudgetPeriodYears});
  for (size_t g = 0; g < plan.dynamics_groups.size(); ++g)
    for (size_t a = 1; a < arms; ++a)
      for (const auto& [first, span] : periods)
        for (size_t d = 0; d < scenario.departments.size(); ++d)
          for (int p = 0; p < kPayerCount; ++p) {
            std::vector<double> values;
            for (int r = 0; r < plan.replicates; ++r) {
              const auto& prop =
                  analysis
                      .accounts[plan.unit_index(static_cast<int>(g), r, static_cast<int>(a), arms)];
              const auto& base =
                  analysis.accounts[plan.unit_index(static_cast<int>(g), r, 0, arms)];
              double net = 0;
              for (int y = first; y < first + span; ++y)
                net += prop[static_cast<size_t>(y)].at(static_cast<int>(d), static_cast<Payer>(p)) -
                       base[static_cast<size_t>(y)].at(static_cast<int>(d), static_cast<Payer>(p));
              values.push_back(net);
            }
            rows.push_back({static_cast<int>(a), static_cast<int>(g), first, span,
                            static_cast<int>(d), static_cast<Payer>(p),
                            summarize(values, plan.replicates_per_population)});
          }
  return rows;
}

}  // namespace kommunesim::appraisal
