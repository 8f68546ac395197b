// Who pays, who gains: each arm's net cost per department and payer, each year and over the
// budget period (budget year plus three overslagsår).
#pragma once

#include <vector>

#include "model/appraisal/analysis.hpp"

namespace kommunesim::appraisal {

struct LedgerRow {
  int arm = 0;
  int group = 0;
  int first_year = 0;  // year index; the budget period spans kBudgetPeriodYears
  int years = 1;
  int department = 0;
  Payer payer = Payer::kMunicipality;
  Summary net_cost;  // arm minus baseline, DKK (negative = saving)
};

// Net cost per department and payer: each year, and the four-year budget period, per dynamics
// group and arm >= 1.
std::vector<LedgerRow> ledger(const Scenario& scenario, const RunPlan& plan,
                              const Analysis& analysis);

}  // namespace kommunesim::appraisal
