// Money and outcomes from tallies: every DKK attributed to a department and a payer.
#pragma once

#include <vector>

#include "model/engine/module_tables.hpp"
#include "model/engine/scenario.hpp"
#include "model/engine/tally.hpp"

namespace kommunesim::model {

struct YearAccount {
  std::vector<Dkk> dkk;  // [department * kPayerCount + payer]; costs positive, revenue negative
  std::vector<double> measures;  // per scenario measure
  // The citizen payer's part of dkk that arises in each equity group's states:
  // [group * departments + department].
  std::vector<Dkk> citizen_by_group;
  // The arm's proposals' own costs (fixed and per participant), already in dkk at the owning
  // departments: what a benefit-cost ratio divides by. Negative for a reduction's fixed saving.
  Dkk programme_cost = 0;
  // The municipality's part of dkk by budget type: [department * kBudgetTypeCount + type], net of
  // the state's refusion. Proposals' own costs are service expenditure.
  std::vector<Dkk> municipal_by_type;
  double admissions = 0;  // persons admitted to the arm's proposals in the year
  Dkk& at(int department, Payer payer) {
    return dkk[static_cast<size_t>(department * kPayerCount + static_cast<int>(payer))];
  }
  Dkk at(int department, Payer payer) const {
    return dkk[static_cast<size_t>(department * kPayerCount + static_cast<int>(payer))];
  }
  Dkk& municipal(int department, BudgetType type) {
    return municipal_by_type[static_cast<size_t>(department * kBudgetTypeCount +
                                                 static_cast<int>(type))];
  }
  Dkk municipal(int department, BudgetType type) const {
    return municipal_by_type[static_cast<size_t>(department * kBudgetTypeCount +
                                                 static_cast<int>(type))];
  }
};

// Costs of states (with refusion by duration band), proposal costs for an arm, outcome measures.
YearAccount account_year(const Scenario& scenario, const CompiledModel& compiled, const Arm& arm,
                         const Tally& tally, int year_index);

// The accounts of every year of a simulation of `arm`. The municipality's financing lines arrive
// scenario.financing.tax_lag_years later: year t books what was earned in year t - lag. What
// arrives in the first `lag` years was earned before the run, the same in every arm; it is not
// booked, so differences between arms are exact and levels leave it out.
std::vector<YearAccount> account_years(const Scenario& scenario, const CompiledModel& compiled,
                                       const Arm& arm, const std::vector<Tally>& years);

}  // namespace kommunesim::model
