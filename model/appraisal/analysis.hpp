// Paired differences (proposal minus baseline, replicate by replicate), net present values per
// normative set, the summaries and ranks, and the mean net value under any valuation.
#pragma once

#include <functional>
#include <vector>

#include "model/appraisal/statistics.hpp"
#include "model/engine/accounting.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/run_plan.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

using namespace kommunesim::model;  // the appraisal reads the engine's types

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
  std::vector<std::vector<YearAccount>> accounts;  // per unit, per year
  // Per unit of an arm >= 1, per year: its accounts minus its replicate's baseline (the same
  // dynamics group); empty for the baseline's units.
  std::vector<std::vector<YearAccount>> differences;
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

// The paired difference of two years' accounts (proposal minus baseline), field by field.
YearAccount difference(const YearAccount& proposal, const YearAccount& baseline);

// Accounts of one simulation per replicate (per year).
using AccountsOf = std::function<const std::vector<YearAccount>&(int replicate)>;

// The mean over the first `replicates` replicates of the proposal's net value against the
// baseline's, valued under `valuation`. Valuation never needs a new simulation.
double mean_net_value(const Scenario& scenario, int arm, const NormativeSet& valuation,
                      int replicates, const AccountsOf& proposal_accounts,
                      const AccountsOf& baseline_accounts);

// The same on the main run's simulations of dynamics group `group`, over every replicate.
double mean_net_value(const Scenario& scenario, const RunPlan& plan, const Analysis& analysis,
                      int arm, int group, const NormativeSet& valuation);

}  // namespace kommunesim::appraisal
