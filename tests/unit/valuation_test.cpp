// Money: refusion by duration, proposal costs, discounting and net present value.
#include "model/appraisal/valuation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "model/engine/accounting.hpp"
#include "model/engine/effects.hpp"
#include "support/scenario_builder.hpp"

using namespace kommunesim;
using namespace kommunesim::model;
using namespace kommunesim::appraisal;

namespace {

// One state costing 10,000 DKK a month with the 80/40/30/20 % refusion staircase.
Scenario refusion_scenario() {
  Scenario s = test_support::make_scenario({test_support::make_module({"benefit"}, {})});
  s.refusions.push_back({"staircase", {0, 1, 6, 12}, {0.8, 0.4, 0.3, 0.2}});
  s.modules[0].states[0].costs.push_back({0, Payer::kMunicipality, 10000, 0});
  return s;
}

}  // namespace

TEST(Accounting, RefusionFallsWithMonthsInState) {
  const Scenario s = refusion_scenario();
  const CompiledModel compiled = compile(s);
  ASSERT_EQ(compiled.slots.size(), 4u);  // one tally slot per refusion band
  // One person-month in each band: months 0, 1-5, 6-11, 12+.
  Tally tally;
  tally.reset(compiled.slots.size(), 0);
  tally.state_months = {1, 1, 1, 1};
  const YearAccount a = account_year(s, compiled, s.arms[0], tally, 0);
  EXPECT_DOUBLE_EQ(a.at(0, Payer::kMunicipality), 10000 * (0.2 + 0.6 + 0.7 + 0.8));
  EXPECT_DOUBLE_EQ(a.at(0, Payer::kState), 10000 * (0.8 + 0.4 + 0.3 + 0.2));
}

TEST(Accounting, ProposalsPayFixedCostsFromTheirStartMonthAndPerParticipantMonth) {
  Scenario s = refusion_scenario();
  Proposal p;
  p.fixed_dkk_per_year = 120000;
  p.dkk_per_participant_month = 500;
  p.start_month = 3;  // April of the first year
  s.proposals.push_back(p);
  s.arms.push_back({"p", "P", {0}});
  const CompiledModel compiled = compile(s);
  Tally tally;
  tally.reset(compiled.slots.size(), 0);
  tally.participant_months[0] = 20;
  EXPECT_DOUBLE_EQ(account_year(s, compiled, s.arms[1], tally, 0).at(0, Payer::kMunicipality),
                   9 * 10000 + 20 * 500);
  EXPECT_DOUBLE_EQ(account_year(s, compiled, s.arms[1], tally, 1).at(0, Payer::kMunicipality),
                   120000 + 20 * 500);
}

TEST(Discounting, ConstantRate) {
  const std::vector<DiscountBand> flat{{0, 0.035}};
  EXPECT_DOUBLE_EQ(discount_factor(flat, 0), 1.0);
  EXPECT_NEAR(discount_factor(flat, 1), 1 / 1.035, 1e-15);
  EXPECT_NEAR(discount_factor(flat, 10), std::pow(1.035, -10), 1e-15);
}

TEST(Discounting, DecliningScheduleIsPiecewise) {
  // The Finance Ministry's 2023 schedule: 3.5 % for years 0-35, 2.5 % for 36-70, 1.5 % after.
  const std::vector<DiscountBand> fm{{0, 0.035}, {35, 0.025}, {70, 0.015}};
  EXPECT_NEAR(discount_factor(fm, 35), std::pow(1.035, -35), 1e-15);
  EXPECT_NEAR(discount_factor(fm, 40), std::pow(1.035, -35) * std::pow(1.025, -5), 1e-15);
  EXPECT_NEAR(discount_factor(fm, 75),
              std::pow(1.035, -35) * std::pow(1.025, -35) * std::pow(1.015, -5), 1e-15);
}

TEST(NetPresentValue, DiscountedSavingsInThePerspectiveOverTheHorizon) {
  const auto account = [](double municipality, double state) {
    YearAccount a;
    a.dkk = {municipality, state, 0, 0};
    return a;
  };
  // Baseline costs 100 (municipality) + 50 (state) a year; the proposal costs 120 + 20 in year
  // 0 and 80 + 20 in years 1 and 2.
  const std::vector<YearAccount> base{account(100, 50), account(100, 50), account(100, 50)};
  const std::vector<YearAccount> prop{account(120, 20), account(80, 20), account(80, 20)};
  NormativeSet municipal;
  municipal.perspective[0] = true;
  municipal.discount = {{0, 0.0}};
  municipal.horizon_years = 2;
  EXPECT_DOUBLE_EQ(net_present_value(prop, base, municipal, {true}), -20 + 20);
  NormativeSet public_sector = municipal;
  public_sector.perspective[1] = true;
  public_sector.discount = {{0, 0.05}};
  public_sector.horizon_years = 3;
  EXPECT_NEAR(net_present_value(prop, base, public_sector, {true}),
              10 + 50 / 1.05 + 50 / (1.05 * 1.05), 1e-9);
}

TEST(NetPresentValue, EquityWeightsWeighTheirGroupsCitizensMoney) {
  // One department; citizens' money: -100 a year in the baseline, -160 with the proposal (the
  // citizens gain 60), of which -40 and -70 arise in the equity group's states.
  const auto account = [](double municipality, double citizen, double citizen_in_group) {
    YearAccount a;
    a.dkk = {municipality, 0, 0, citizen};
    a.citizen_by_group = {citizen_in_group};
    return a;
  };
  const std::vector<YearAccount> base{account(100, -100, -40)};
  const std::vector<YearAccount> prop{account(130, -160, -70)};
  NormativeSet society;
  society.perspective = {true, true, true, true};
  society.discount = {{0, 0.0}};
  society.horizon_years = 1;
  society.equity_weights = {1.0};
  EXPECT_DOUBLE_EQ(net_present_value(prop, base, society, {true}), -30 + 60);
  // Weight 2: the group's gain of 30 counts twice, the other citizens' 30 once.
  society.equity_weights = {2.0};
  EXPECT_DOUBLE_EQ(net_present_value(prop, base, society, {true}), -30 + 30 + 2 * 30);
  // Without citizens in the perspective the weight changes nothing.
  NormativeSet municipal = society;
  municipal.perspective = {true, false, false, false};
  EXPECT_DOUBLE_EQ(net_present_value(prop, base, municipal, {true}), -30);
}

TEST(Effects, EffectScaleAndDeadweightShrinkTheLogRelativeRisk) {
  Scenario s = test_support::make_scenario({test_support::make_module({"A", "B"}, {{0, 1, 0.1}})});
  Proposal p;
  p.effects.push_back({0, 0, {EffectSize::Kind::kPoint, 2.0, 2.0, 2.0}});
  s.proposals.push_back(p);
  s.arms.push_back({"p", "P", {0}});
  const CompiledModel compiled = compile(s);
  const EffectDraws draws = draw_effects(s, {1, 0});
  Dynamics d;
  d.effect_scale = 0.5;
  d.deadweight = 0.2;
  const ArmEffects e = arm_effects(s, compiled, s.arms[1], draws, d);
  ASSERT_EQ(e.by_event[0].size(), 1u);
  EXPECT_NEAR(e.by_event[0][0].log_rr, 0.8 * 0.5 * std::log(2.0), 1e-15);
}

TEST(NetPresentValue, TheOwningDepartmentsViewCountsOnlyItsOwnBudget) {
  // Two departments: the proposal's own (0) pays 100 more, the other (1) saves 150.
  const auto account = [](double own, double other) {
    YearAccount a;
    a.dkk = {own, 0, 0, 0, other, 0, 0, 0};
    return a;
  };
  Scenario s = test_support::make_scenario({});
  s.departments.push_back({"other", "Other"});
  Proposal p;
  p.department = 0;
  s.proposals.push_back(p);
  s.arms.push_back({"p", "P", {0}});
  NormativeSet silo;
  silo.perspective[0] = true;
  silo.owning_department_only = true;
  silo.discount = {{0, 0.0}};
  silo.horizon_years = 1;
  NormativeSet municipality = silo;
  municipality.owning_department_only = false;
  const std::vector<YearAccount> base{account(0, 150)}, prop{account(100, 0)};
  EXPECT_DOUBLE_EQ(net_present_value(prop, base, silo, counted_departments(s, s.arms[1], silo)),
                   -100);
  EXPECT_DOUBLE_EQ(
      net_present_value(prop, base, municipality, counted_departments(s, s.arms[1], municipality)),
      50);
}
