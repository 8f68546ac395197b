// Decision analysis that exposes assumptions: who pays and who gains (ledger), where the
// conclusion flips between normative sets, and the switching values of valuation parameters.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/analysis.hpp"
#include "model/run_plan.hpp"
#include "model/scenario.hpp"
#include "model/statistics.hpp"

namespace kommunesim::model {

// The mean net value of an arm over replicates, valued under `valuation` on the simulations of
// dynamics group `group`. Valuation never needs a new simulation.
double mean_net_value(const Scenario& scenario, const RunPlan& plan, const Analysis& analysis,
                      int arm, int group, const NormativeSet& valuation);

// Accounts of one simulation per replicate (per year).
using AccountsOf = std::function<const std::vector<YearAccount>&(int replicate)>;

// The same for accounts given per replicate (e.g. from re-simulations): the mean over the first
// `replicates` replicates of the proposal's net value against the baseline's.
double mean_net_value(const Scenario& scenario, int arm, const NormativeSet& valuation,
                      int replicates, const AccountsOf& proposal_accounts,
                      const AccountsOf& baseline_accounts);

struct LedgerRow {
  int arm = 0;
  int group = 0;
  int first_year = 0;  // year index; the budget period spans kBudgetPeriodYears
  int years = 1;
  int department = 0;
  Payer payer = Payer::kMunicipality;
  Summary net_cost;  // arm minus baseline, DKK (negative = saving)
};

// Net cost per department and payer: each year, and the four-year budget period.
std::vector<LedgerRow> ledger(const Scenario& scenario, const RunPlan& plan,
                              const Analysis& analysis);

struct FlipRow {
  int arm = 0;
  int norm_a = 0;
  int norm_b = 0;
  bool sign_differs = false;           // net gain under one set, net cost under the other
  bool top_differs = false;            // the top-ranked arm differs between the sets
  std::vector<std::string> differing;  // parameters (and perspective) in which the sets differ
};

// Every pair of normative sets, per arm, under which the sign or the top-ranked arm differs.
std::vector<FlipRow> flips(const Scenario& scenario, const Analysis& analysis);

struct SwitchingRow {
  int arm = 0;
  int norm = 0;
  std::string parameter;        // register id
  double current = 0;           // the set's value
  double low = 0, high = 0;     // the register's range, searched
  std::optional<double> value;  // where the mean net value crosses zero, if it does
};

// For each arm and normative set, the value of each valuation parameter (discount rate,
// horizon, outcome prices) at which the mean net value crosses zero within the register range.
std::vector<SwitchingRow> switching_values(const Scenario& scenario, const RunPlan& plan,
                                           const Analysis& analysis);

}  // namespace kommunesim::model
