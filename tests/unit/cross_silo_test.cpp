// The cross-silo picture: a person-month is counted under the combination of centres whose case
// states hold the person, the combinations add up to the population, and their cases' costs add
// up to what the centres spend.
#include "model/appraisal/cross_silo.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "model/appraisal/appraisal.hpp"
#include "model/engine/simulation.hpp"
#include "support/appraise_quietly.hpp"
#include "support/load_bundled.hpp"
#include "support/scenario_builder.hpp"

using namespace kommunesim;
using namespace kommunesim::model;
using namespace kommunesim::appraisal;

TEST(CrossSilo, APersonMonthCountsUnderTheCentresWhoseCaseStatesHoldThePerson) {
  // Two centres, each with one module: "case" is a case, "none" is not. 100 single persons start
  // as a case of both; each month a fifth of the first centre's cases end, the second's never do.
  const Scenario s = test_support::make_two_centres({{1, 0, 0.2}});
  const CompiledModel compiled = compile(s);
  ASSERT_EQ(compiled.case_departments, (std::vector<int>{0, 1}));
  const Population pop = test_support::make_cohort(s, 100, 40, 1);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const Tally year =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 12, true}).years[0];

  ASSERT_EQ(year.known_person_months.size(), 4u);
  uint64_t all = 0;
  for (uint64_t months : year.known_person_months) all += months;
  EXPECT_EQ(all, year.person_months);
  EXPECT_EQ(year.person_months, 1200u);
  // Nobody is known to the first centre alone or to none: the second centre keeps every case.
  EXPECT_EQ(year.known_person_months[0b00], 0u);
  EXPECT_EQ(year.known_person_months[0b01], 0u);
  // The months known to both are the first module's case months; the rest are the second's alone.
  const auto case_months = [&](size_t m) {
    return year.state_months[static_cast<size_t>(compiled.modules[m].states[1].slot)];
  };
  EXPECT_EQ(year.known_person_months[0b11], case_months(0));
  EXPECT_EQ(year.known_person_months[0b10], 1200u - case_months(0));
  EXPECT_GT(year.known_person_months[0b10], 0u);
  // Each person is a household of one.
  EXPECT_EQ(year.known_household_months, year.known_person_months);
  EXPECT_EQ(year.known_member_months, year.known_person_months);
  EXPECT_EQ(year.known_household_state_months, year.known_state_months);
  // Months in a state by combination: the second module's case holds both combinations, the
  // first module's states one each.
  const size_t slots = compiled.slots.size();
  const auto months_in = [&](size_t mask, size_t m, size_t state) {
    return year.known_state_months[mask * slots +
                                   static_cast<size_t>(compiled.modules[m].states[state].slot)];
  };
  for (size_t mask : {0b10u, 0b11u})
    EXPECT_EQ(months_in(mask, 1, 1), year.known_person_months[mask]);
  EXPECT_EQ(months_in(0b11, 0, 1), year.known_person_months[0b11]);
  EXPECT_EQ(months_in(0b10, 0, 0), year.known_person_months[0b10]);
  EXPECT_EQ(months_in(0b11, 0, 0) + months_in(0b10, 0, 1), 0u);
}

TEST(CrossSilo, TheCombinationsAddUpToThePopulationAndTheirCasesToTheCentresSpending) {
  // The combinations' costs add up, centre by centre, to the municipality's service and transfer
  // spending (in the baseline, which has no proposals' own costs).
  const Scenario s = test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO);
  const Appraisal a = test_support::appraise_quietly(s, 2);
  ASSERT_FALSE(a.cross_silo.empty());
  const size_t arms = s.arms.size(), departments = s.departments.size();
  for (size_t arm = 0; arm < arms; ++arm)
    for (int y = 0; y < s.horizon_years; ++y) {
      double persons = 0, households = 0, members = 0;
      std::vector<double> cost(departments, 0.0), household_cost(departments, 0.0);
      bool multi = false;
      for (const CrossSiloRow& row : a.cross_silo) {
        if (row.arm != static_cast<int>(arm) || row.year != y) continue;
        persons += row.persons;
        households += row.households;
        members += row.members;
        for (size_t d = 0; d < departments; ++d) {
          cost[d] += row.cost[d];
          household_cost[d] += row.household_cost[d];
        }
        // Mini-kommune's centres serve adults and children apart: only a family is known to both.
        multi = multi || (row.centre_count() >= 2 && row.households > 0);
      }
      double person_years = 0;
      std::vector<double> spending(departments, 0.0);
      for (int r = 0; r < a.plan.replicates; ++r) {
        const size_t u = a.plan.unit_index(0, r, static_cast<int>(arm), arms);
        person_years +=
            static_cast<double>(a.results.tallies[u][static_cast<size_t>(y)].person_months) / 12 /
            a.plan.replicates;
        const YearAccount& account = a.analysis.accounts[u][static_cast<size_t>(y)];
        for (size_t d = 0; d < departments; ++d)
          for (BudgetType t :
               {BudgetType::kService, BudgetType::kTransferGuaranteed, BudgetType::kTransferOther})
            spending[d] += account.municipal(static_cast<int>(d), t) / a.plan.replicates;
      }
      const std::string where = s.arms[arm].id + " year " + std::to_string(y);
      EXPECT_NEAR(persons, person_years, 1e-9 * person_years) << where;
      EXPECT_NEAR(members, person_years, 1e-9 * person_years) << where;
      EXPECT_GT(households, 0) << where;
      EXPECT_LT(households, persons) << where;
      EXPECT_TRUE(multi) << where << ": no family known to two centres";
      if (arm != 0) continue;
      for (size_t d = 0; d < departments; ++d) {
        const double tolerance = 1e-6 * std::max(1.0, std::abs(spending[d]));
        EXPECT_NEAR(cost[d], spending[d], tolerance) << where << " " << s.departments[d].id;
        EXPECT_NEAR(household_cost[d], spending[d], tolerance)
            << where << " " << s.departments[d].id;
      }
    }
}
