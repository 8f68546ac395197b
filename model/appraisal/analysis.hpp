// Paired differences (proposal minus baseline, replicate by replicate), net present values per
// normative set, the summaries and ranks, and the mean net value under any valuation.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "model/appraisal/statistics.hpp"
#include "model/appraisal/verdict.hpp"
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
  Summary net_value;  // NPV of savings under the norm, DKK (positive = gain)
  Verdict verdict = Verdict::kTooCloseToCall;  // of the net value: the one rule (verdict.hpp)
  Summary municipality_cost_year1;  // change in the municipality's net cost, first budget year
  Summary municipality_cost_budget_period;  // same, over the four-year budget period
  Summary municipality_cost_horizon;        // same, summed over the norm's horizon, undiscounted
  std::vector<Summary> measure_change;      // per measure, summed over the norm's horizon
  std::vector<Change> measure_direction;    // per measure: increase, decrease or no clear change

  // Ranks. The rank orders the means; whether it is resolved depends on the paired differences.
  int rank = 0;  // 1 = highest mean net value under this norm
  // Paired, replicate by replicate: this proposal's net value minus the next-ranked one's
  // (replicates 0 for the last-ranked).
  Summary gap_to_next;
  // The gaps to the neighbours above and below are resolved (net_value_verdict of the gap).
  bool rank_resolved = false;
  std::vector<double> rank_probability;  // [rank - 1]: share of replicates at that rank

  // Decision figures.
  Proportion chance_of_gain;  // share of replicates with a net value above zero
  // First year index from which the cumulative mean discounted net value stays above zero to
  // the end of the horizon; -1: not within the horizon.
  int payback_year = -1;
  Summary programme_cost;   // the proposals' own costs, discounted (PV) under the norm
  Summary money_net_value;  // the net value without valued outcomes: discounted savings
  // (net value + PV of programme cost) / PV of programme cost, from the means; NaN when the
  // programme costs nothing or saves (a reduction).
  double benefit_cost_ratio = NAN;
  // Per measure: discounted money net cost (-money_net_value) per unit of change over the
  // horizon, from the means; NaN when the change is not clear.
  std::vector<double> net_cost_per_unit;
  Summary participants;                    // persons admitted within the horizon
  double net_value_per_participant = NAN;  // mean net value / mean participants

  // Where the net value's variance across replicates comes from, when the scenario draws these
  // sources (else NaN); the rest is individual randomness and effect sizes.
  double population_variance_share = NAN;  // between population draws (analysis of variance)
  double unit_cost_variance_share = NAN;   // added by drawing the unit costs
};

struct Analysis {
  std::vector<std::vector<YearAccount>> accounts;  // per unit, per year
  // Per unit of an arm >= 1, per year: its accounts minus its replicate's baseline (the same
  // dynamics group); empty for the baseline's units.
  std::vector<std::vector<YearAccount>> differences;
  std::vector<std::vector<std::vector<double>>> npv;  // [norm][arm][replicate]
  std::vector<ArmNormSummary> summaries;              // per norm, per arm >= 1
};

// The first year index from which the cumulative sum of `yearly` net values stays above zero to
// the end; -1 when it does not within the years given.
int payback_year(const std::vector<double>& yearly);

// (net value + programme cost) / programme cost, both discounted; NaN when the programme costs
// nothing or saves (a reduction), where the ratio has no meaning.
double benefit_cost_ratio(double net_value, double programme_cost);

// Whether the decision is resolved: every proposal's verdict under every set, and under every set
// the rank-1 proposal's gap to the second.
struct Resolution {
  int rows = 0;
  int unresolved_rows = 0;
  int sets = 0;
  int unresolved_top_ranks = 0;
  bool done() const { return unresolved_rows == 0 && unresolved_top_ranks == 0; }
};
Resolution resolution(const Analysis& analysis);

// `scenario` with the drawn unit costs of each of the first `replicates` replicates, `held` (a
// register parameter, or -1) keeping the scenario's value; empty when the scenario does not draw
// unit costs.
std::vector<Scenario> costed_scenarios(const Scenario& scenario, const RunResults& results,
                                       int replicates, int held);

// Which unit costs accounts use: each replicate's draw (the register values when the scenario
// does not draw them), or the register values.
enum class UnitCosts : uint8_t { kDrawn, kRegister };

// Every unit's accounts, per year, from the tallies: a unit that shares another's simulation
// gets the accounts of that simulation's tallies. With drawn unit costs, register parameter
// `held` (or none for -1) keeps the scenario's value.
std::vector<std::vector<YearAccount>> account_units(const Scenario& scenario,
                                                    const CompiledModel& compiled,
                                                    const RunPlan& plan, const RunResults& results,
                                                    UnitCosts costs = UnitCosts::kDrawn,
                                                    int held = -1);

Analysis analyse(const Scenario& scenario, const CompiledModel& compiled, const RunPlan& plan,
                 const RunResults& results);

// The paired difference of two years' accounts (proposal minus baseline), field by field.
YearAccount difference(const YearAccount& proposal, const YearAccount& baseline);

// The periods a year-by-year table shows: each of the first `years` years, then the budget period
// when they hold it, as (first year index, years).
std::vector<std::pair<int, int>> years_and_budget_period(int years);

// Arm `arm`'s paired difference from its replicate's baseline (dynamics group `group`), as
// year_difference(proposal year, baseline year) gives it, summed over the `years` years from year
// index `first`: one sum per replicate, summarised.
template <class YearDifference>
Summary paired_period_sum(const Scenario& scenario, const RunPlan& plan, const Analysis& analysis,
                          int group, int arm, int first, int years,
                          YearDifference&& year_difference) {
  const size_t arms = scenario.arms.size();
  std::vector<double> values;
  for (int r = 0; r < plan.replicates; ++r) {
    const auto& prop = analysis.accounts[plan.unit_index(group, r, arm, arms)];
    const auto& base = analysis.accounts[plan.unit_index(group, r, 0, arms)];
    double net = 0;
    for (int y = first; y < first + years; ++y)
      net += year_difference(prop[static_cast<size_t>(y)], base[static_cast<size_t>(y)]);
    values.push_back(net);
  }
  return summarize(values, plan.replicates_per_population);
}

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
