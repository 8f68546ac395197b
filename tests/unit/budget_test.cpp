// The budget view: the municipality's net cost split by budget type adds up to its whole net cost,
// and each line lands under the type its cost line declares.
#include <gtest/gtest.h>

#include <cmath>

#include "model/appraisal/appraisal.hpp"
#include "support/appraise_quietly.hpp"
#include "support/load_bundled.hpp"

using namespace kommunesim;
using namespace kommunesim::model;
using namespace kommunesim::appraisal;

TEST(BudgetTypes, ServiceTransfersAndFinancingAddUpToTheMunicipalitysNetCost) {
  const Scenario s = test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO);
  const Appraisal a = test_support::appraise_quietly(s, 2);
  const auto departments = static_cast<int>(s.departments.size());
  for (const auto& years : a.analysis.accounts)
    for (const YearAccount& year : years) {
      double by_type = 0, total = 0;
      for (int d = 0; d < departments; ++d) {
        total += year.at(d, Payer::kMunicipality);
        for (int t = 0; t < kBudgetTypeCount; ++t) by_type += year.municipal(d, BudgetType(t));
      }
      EXPECT_NEAR(by_type, total, 1e-6 * std::max(1.0, std::abs(total)));
    }
  // Job support: its caseworkers are service expenditure, the kontanthjælp it saves a transfer
  // inside the budget guarantee, the tax of the jobs it finds financing.
  const auto row = [&](const std::string& arm, BudgetType type) -> const Summary& {
    for (const BudgetRow& r : a.budget)
      if (s.arms[static_cast<size_t>(r.arm)].id == arm && r.group == 0 &&
          r.years == kBudgetPeriodYears && r.type == type)
        return r.net_cost;
    throw std::runtime_error("no budget row for " + arm);
  };
  EXPECT_GT(row("job_support_parents", BudgetType::kService).mean, 0);
  EXPECT_LT(row("job_support_parents", BudgetType::kTransferGuaranteed).mean, 0);
  EXPECT_LT(row("job_support_parents", BudgetType::kFinancing).mean, 0);
}
