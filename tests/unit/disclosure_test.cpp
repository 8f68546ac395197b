// Disclosure control of a scenario on real data (issue 16, item 5): small counts are suppressed,
// and so are the cells a small count could be derived from.
#include "model/appraisal/disclosure.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace kommunesim;
using namespace kommunesim::appraisal;

namespace {

CrossSiloRow row(int arm, unsigned centres, double persons, double households) {
  CrossSiloRow r;
  r.arm = arm;
  r.centres = centres;
  r.persons = persons;
  r.cost = {1000 * persons, 0};
  r.households = households;
  r.members = 2 * households;
  r.household_cost = {0, 2000 * households};
  return r;
}

Appraisal real_data_appraisal() {
  Appraisal a;
  a.scenario.disclosure.real_data = true;
  a.scenario.disclosure.threshold = 5;
  return a;
}

size_t hidden(const std::vector<CrossSiloRow>& rows, bool households) {
  size_t n = 0;
  for (const auto& r : rows) n += std::isnan(households ? r.households : r.persons);
  return n;
}

TEST(Disclosure,
     ASmallCellIsHiddenWithItsSpendingAndTheNextSmallestUntilTheHiddenAddUpToTheThreshold) {
  Appraisal a = real_data_appraisal();
  // Known to one centre (or none): 3 persons hidden, then the next smallest, 8 (together 11 >=
  // 5), else 3 would follow from the total; 100 shown. Known to two or more: nothing small.
  a.cross_silo = {row(0, 0b000, 100, 60), row(0, 0b001, 3, 20), row(0, 0b010, 8, 30),
                  row(0, 0b011, 9, 6), row(0, 0b111, 12, 8)};
  control_disclosure(a);
  const auto& r = a.cross_silo;
  EXPECT_EQ(r[0].persons, 100);
  EXPECT_TRUE(std::isnan(r[1].persons));
  EXPECT_TRUE(std::isnan(r[1].cost[0]));
  EXPECT_TRUE(std::isnan(r[2].persons));  // derivable from the total otherwise
  EXPECT_EQ(r[3].persons, 9);
  EXPECT_EQ(r[4].persons, 12);
  EXPECT_EQ(hidden(r, true), 0u);  // households are counted on their own: none small
  EXPECT_EQ(r[1].households, 20);
  EXPECT_EQ(r[1].household_cost[1], 40000);
  ASSERT_EQ(a.disclosure.tables.size(), 6u);
  EXPECT_EQ(a.disclosure.tables[0].small, 1u);
  EXPECT_EQ(a.disclosure.tables[0].derivable, 1u);
}

TEST(Disclosure, EachArmYearAndGroupOfCentresIsProtectedOnItsOwn) {
  Appraisal a = real_data_appraisal();
  a.cross_silo = {row(0, 0b011, 2, 1), row(0, 0b101, 2, 1), row(0, 0b110, 7, 7),
                  row(1, 0b011, 6, 6), row(1, 0b101, 8, 8)};
  control_disclosure(a);
  const auto& r = a.cross_silo;
  // Arm 0, two or more centres: 2 and 2 hidden (4 < 5), so 7 too.
  EXPECT_TRUE(std::isnan(r[0].persons) && std::isnan(r[1].persons) && std::isnan(r[2].persons));
  EXPECT_TRUE(std::isnan(r[0].households) && std::isnan(r[1].households) &&
              std::isnan(r[2].households) && std::isnan(r[2].members));
  // Arm 1 has no small cell.
  EXPECT_EQ(r[3].persons, 6);
  EXPECT_EQ(r[4].households, 8);
}

TEST(Disclosure, SmallCountsOfCalibrationCapacityFlowsAndParticipantsAreHiddenNotSpending) {
  Appraisal a = real_data_appraisal();
  model::CalibrationTarget persons, spending;
  persons.kind = model::CalibrationTarget::Kind::kPersons;
  spending.kind = model::CalibrationTarget::Kind::kSpending;
  a.scenario.calibration = {persons, spending, persons};
  a.calibration = {
      {0, 3, 3.5, 0.2, 0.16, true}, {1, 2, 2.5, 0.1, 0.25, false}, {2, 40, 42, 1, 0.05, true}};
  a.capacity = {{0, 0, 10, 48, 4, 0.4}, {0, 1, 10, 120, 12, 1.0}};
  a.flows = {{{0, 0, 1, 2.5}, {0, 1, 0, 0}, {0, 1, 2, 30}}};
  ArmNormSummary few, many;
  few.participants.mean = 4;
  few.net_value_per_participant = 1000;
  many.participants.mean = 50;
  a.analysis.summaries = {few, many};
  control_disclosure(a);
  EXPECT_TRUE(std::isnan(a.calibration[0].target_value) && std::isnan(a.calibration[0].simulated) &&
              std::isnan(a.calibration[0].deviation));
  EXPECT_EQ(a.calibration[1].simulated, 2.5);  // spending (DKK), not a count
  EXPECT_EQ(a.calibration[2].simulated, 42);
  // 48 participant-months are 4 full-year places: hidden with the fill rate; 4 admissions too.
  EXPECT_TRUE(std::isnan(a.capacity[0].participant_months) && std::isnan(a.capacity[0].fill_rate) &&
              std::isnan(a.capacity[0].admissions));
  EXPECT_EQ(a.capacity[1].participant_months, 120);
  EXPECT_TRUE(std::isnan(a.flows[0][0].events));
  EXPECT_EQ(a.flows[0][1].events, 0);  // none is shown
  EXPECT_EQ(a.flows[0][2].events, 30);
  EXPECT_TRUE(std::isnan(a.analysis.summaries[0].participants.mean));
  EXPECT_TRUE(std::isnan(a.analysis.summaries[0].net_value_per_participant));
  EXPECT_EQ(a.analysis.summaries[1].participants.mean, 50);
}

TEST(Disclosure, NothingIsHiddenWithoutRealData) {
  Appraisal a;
  a.cross_silo = {row(0, 0b001, 1, 1)};
  control_disclosure(a);
  EXPECT_EQ(a.cross_silo[0].persons, 1);
  EXPECT_FALSE(a.disclosure.applied);
}

}  // namespace
