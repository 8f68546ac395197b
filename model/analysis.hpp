// Decision analysis from paired differences (proposal minus baseline, replicate by replicate).
#pragma once

#include <vector>

#include "model/accounting.hpp"
#include "model/module_tables.hpp"
#include "model/run_plan.hpp"
#include "model/scenario.hpp"
#include "model/statistics.hpp"

namespace kommunesim::model {

constexpr int kBudgetPeriodYears = 4;  // the budget year and three overslagsår

struct ArmNormSummary {
  int arm = 0;  // >= 1 (0 is the baseline)
  int norm = 0;
  Summary net_value;                // NPV of savings under the norm, DKK (positive = gain)
  Summary municipality_cost_year1;  // change in the municipality's net cost, first budget year
  Summary municipality_cost_budget_period;  // same, over the four-year budget period
  Summary municipality_cost_horizon;        // same, summed over the norm's horizon, undiscounted
  std::vector<Summary> measure_change;      // per measure, summed over the norm's horizon
  int rank = 0;                             // 1 = highest mean net value under this norm
};

struct Analysis {
  std::vector<std::vector<YearAccount>> accounts;     // per unit, per year
  std::vector<std::vector<std::vector<double>>> npv;  // [norm][arm][replicate]
  std::vector<ArmNormSummary> summaries;              // per norm, per arm >= 1
};

// Every unit's accounts, per year, from the tallies: a unit that shares another's simulation
// gets the accounts of that simulation's tallies.
std::vector<std::vector<YearAccount>> account_units(const Scenario& scenario,
                                                    const CompiledModel& compiled,
                                                    const RunPlan& plan, const RunResults& results);

Analysis analyse(const Scenario& scenario, const CompiledModel& compiled, const RunPlan& plan,
                 const RunResults& results);

}  // namespace kommunesim::model
