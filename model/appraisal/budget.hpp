// The budget view of a proposal: the change in the municipality's net cost by budget type
// (service under the service ceiling, income transfers in and outside the budget guarantee,
// financing) in each year of the budget period (the budget year and three overslagsår) and over
// it. Transfer savings make no room under the service ceiling, so a budget team reads these
// apart, not as one net figure.
#pragma once

#include <vector>

#include "model/appraisal/analysis.hpp"

namespace kommunesim::appraisal {

struct BudgetRow {
  int arm = 0;
  int group = 0;
  int first_year = 0;  // year index
  int years = 1;       // 1, or kBudgetPeriodYears for the budget period
  BudgetType type = BudgetType::kService;
  Summary net_cost;  // arm minus baseline, all departments, DKK (negative = saving)
};

// Per dynamics group and arm >= 1: each year of the budget period and the period (when the
// horizon holds it), each budget type.
std::vector<BudgetRow> budget_by_type(const Scenario& scenario, const RunPlan& plan,
                                      const Analysis& analysis);

// One line of a proposal's budget form (udvidelses- or reduktionsforslag): the change in one
// department's net cost of one budget type in each year of the budget period, mean over
// replicates of the first dynamics group, DKK (expenditure +, savings and income -).
struct BudgetFormLine {
  int arm = 0;
  int department = 0;
  BudgetType type = BudgetType::kService;
  std::vector<double> dkk;  // per year of the budget period within the horizon
};

// Per arm >= 1, the department and budget type lines that change (any year's mean not 0): the
// owning department's first, then the derived consequences (afledte konsekvenser) elsewhere.
std::vector<BudgetFormLine> budget_form(const Scenario& scenario, const RunPlan& plan,
                                        const Analysis& analysis);

}  // namespace kommunesim::appraisal
