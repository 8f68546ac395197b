// Budget mechanics: the municipality's net cost by budget type adds up to its whole net cost and
// each line lands under its declared type; transfers book both sides; tax arrives when the
// scenario says; proposals' places are filled at most to capacity.
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

TEST(BudgetTypes, AnInvestmentIsBookedOnceInTheYearItStartsUnderItsOwnFrame) {
  // Job support with a 2 m DKK investment (anlæg) and its start moved to March of the second
  // year: the investment is 2 m in that year and nothing in the others, apart from the service
  // expenditure.
  Scenario s = test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO);
  Proposal& job_support = s.proposals[0];
  ASSERT_EQ(job_support.id, "job_support_parents");
  job_support.investment_dkk = 2e6;
  job_support.start_month = kMonthsPerYear + 2;
  const Appraisal a = test_support::appraise_quietly(s, 2);
  int with_start = 0;
  for (const BudgetRow& r : a.budget) {
    if (s.arms[static_cast<size_t>(r.arm)].id != "job_support_parents" || r.group != 0 ||
        r.type != BudgetType::kInvestment)
      continue;
    const bool holds_start = r.first_year <= 1 && 1 < r.first_year + r.years;
    with_start += holds_start ? 1 : 0;
    EXPECT_DOUBLE_EQ(r.net_cost.mean, holds_start ? 2e6 : 0.0)
        << "from year " << r.first_year << ", " << r.years << " years";
  }
  EXPECT_EQ(with_start, 2);  // the year itself and the budget period
}

TEST(Transfers, TheReceiverGetsWhatThePayerPaysBeforeRefusion) {
  // 100 persons a month on a benefit of 10,000 DKK that the municipality pays and the state
  // refunds at 80 %: the municipality 200,000, the state 800,000, the citizens -1,000,000.
  Module m = test_support::make_module({"on_benefit"}, {});
  CostLine benefit;
  benefit.dkk_per_month = 10000;
  benefit.refusion = 0;
  benefit.budget_type = BudgetType::kTransferGuaranteed;
  benefit.received_by = static_cast<int>(Payer::kCitizen);
  m.states[0].costs.push_back(benefit);
  Scenario s = test_support::make_scenario({m});
  s.refusions.push_back({"flat", {0}, {0.8}, false});
  const CompiledModel compiled = compile(s);
  const Population pop = test_support::make_cohort(s, 100, 40, 0);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 1});
  const YearAccount a = account_year(s, compiled, s.arms[0], result.years[0], 0);
  EXPECT_NEAR(a.at(0, Payer::kMunicipality), 200000, 1e-6);
  EXPECT_NEAR(a.at(0, Payer::kState), 800000, 1e-6);
  EXPECT_NEAR(a.at(0, Payer::kCitizen), -1000000, 1e-6);
  EXPECT_NEAR(a.municipal(0, BudgetType::kTransferGuaranteed), 200000, 1e-6);
}

namespace {

// One state, "on_benefit", whose benefit is paid at `when_holds` DKK a month to persons for whom
// `condition` holds and at `otherwise` to the others.
Module benefit_at_two_rates(const Condition& condition, Dkk when_holds, Dkk otherwise) {
  Module m = test_support::make_module({"on_benefit"}, {});
  m.states[0].cost_conditions = {condition};
  CostLine when, unless;
  when.dkk_per_month = when_holds;
  when.condition = 0;
  unless.dkk_per_month = otherwise;
  unless.condition = 0;
  unless.unless = true;
  m.states[0].costs = {when, unless};
  return m;
}

}  // namespace

TEST(PersonDependentCosts, AProviderGetsTheProviderRate) {
  // 50 households of an adult on kontanthjælp and a child of 5, and 50 of an adult alone: the
  // providers (a child in the household) get 15,000 DKK a month, the others 10,000. One month
  // costs 50 x 15,000 + 50 x 10,000 = 1,250,000 DKK.
  Condition has_children;
  has_children.kind = Condition::Kind::kHousehold;
  has_children.index = 0;
  Module m = benefit_at_two_rates(has_children, 15000, 10000);
  m.min_age_months = 18 * kMonthsPerYear;
  Scenario s = test_support::make_scenario({m});
  s.household_conditions.push_back({"has_children", false, -1, 0});
  const CompiledModel compiled = compile(s);
  Population pop;
  pop.clock_count = compiled.clock_count();
  for (uint32_t h = 0; h < 100; ++h) {
    pop.state_in(pop.add_person(h, -40 * kMonthsPerYear, h % 2 == 0), 0) = 0;
    if (h < 50) pop.add_person(h, -5 * kMonthsPerYear, false);
  }
  pop.index_sorted(100);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 1});
  const YearAccount a = account_year(s, compiled, s.arms[0], result.years[0], 0);
  EXPECT_NEAR(a.at(0, Payer::kMunicipality), 1250000, 1e-6);
}

TEST(PersonDependentCosts, ARateForAnAgeBandChangesOnTheBirthday) {
  // 100 persons aged 29 on a benefit of 10,000 DKK a month under 30 and 15,000 from 30: their
  // first year costs 100 x 12 x 10,000 = 12 m, the second, after their 30th birthday, 18 m.
  Condition under_30;
  under_30.kind = Condition::Kind::kAge;
  under_30.age_from = 0;
  under_30.age_to = 30;
  const Module m = benefit_at_two_rates(under_30, 10000, 15000);
  Scenario s = test_support::make_scenario({m}, 2);
  const CompiledModel compiled = compile(s);
  const Population pop = test_support::make_cohort(s, 100, 29, 0);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 24});
  const std::vector<YearAccount> years = account_years(s, compiled, s.arms[0], result.years);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_NEAR(years[0].at(0, Payer::kMunicipality), 12e6, 1e-6);
  EXPECT_NEAR(years[1].at(0, Payer::kMunicipality), 18e6, 1e-6);
}

TEST(TaxTiming, TheMunicipalitysTaxArrivesTheDeclaredYearsAfterItIsEarned) {
  // 10 persons move into work after month 12 (their first month in work is month 13) and
  // keep 1,000 DKK of municipal tax a month; under statsgaranti it arrives 3 years later.
  Module m = test_support::make_module({"out", "employed"}, {{0, 1, 0.0}});
  m.transitions[0].hazard.duration_from = {0, 12};
  m.transitions[0].hazard.values = {0.0, hazard_from_probability(1.0 - 1e-12)};
  CostLine tax;
  tax.dkk_per_month = -1000;
  tax.budget_type = BudgetType::kFinancing;
  m.states[1].costs.push_back(tax);
  Scenario s = test_support::make_scenario({m}, 5);
  s.financing = {"statsgaranti", 3, "test"};
  const CompiledModel compiled = compile(s);
  const Population pop = test_support::make_cohort(s, 10, 40, 0);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 60});
  const std::vector<YearAccount> years = account_years(s, compiled, s.arms[0], result.years);
  ASSERT_EQ(years.size(), 5u);
  // Earned: year 0 nothing (in work from month 13), year 1 11 months, years 2-4 12 months each.
  // Booked: years 0-2 nothing (what arrives then was earned before the run), year 3 year 0's,
  // year 4 year 1's.
  const std::vector<double> booked = {0, 0, 0, 0, -110000};
  for (size_t y = 0; y < years.size(); ++y) {
    EXPECT_NEAR(years[y].municipal(0, BudgetType::kFinancing), booked[y], 1e-6) << "year " << y;
    EXPECT_NEAR(years[y].at(0, Payer::kMunicipality), booked[y], 1e-6) << "year " << y;
  }
  // Without a lag the tax is booked as earned.
  s.financing = {};
  const std::vector<YearAccount> as_earned = account_years(s, compiled, s.arms[0], result.years);
  EXPECT_NEAR(as_earned[1].at(0, Payer::kMunicipality), -110000, 1e-6);
  EXPECT_NEAR(as_earned[4].at(0, Payer::kMunicipality), -120000, 1e-6);
}

TEST(CapacityUse, TheFillRateIsParticipantMonthsOverPlacesTimesMonthsRunning) {
  const Scenario s = test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO);
  const Appraisal a = test_support::appraise_quietly(s, 2);
  ASSERT_FALSE(a.capacity.empty());
  for (const CapacityUse& row : a.capacity) {
    const Proposal& p = s.proposals[static_cast<size_t>(row.proposal)];
    const int running = std::clamp((row.year + 1) * kMonthsPerYear - p.start_month, 0, 12);
    if (running == 0) {
      EXPECT_TRUE(std::isnan(row.fill_rate));
      continue;
    }
    EXPECT_NEAR(row.fill_rate, row.participant_months / (p.capacity * running), 1e-12);
    EXPECT_GE(row.fill_rate, 0.0);
    EXPECT_LE(row.fill_rate, 1.0);  // never more participants than places
  }
}

TEST(DatedChanges, ARateTakesItsNewValueFromTheMonthOfTheChange) {
  // 100 persons in state a, whose exit to b has probability 0 until a reform makes it certain
  // from month 6: every person is in a for months 0-6 (the month of the change is tallied where
  // it starts) and moves in month 6; b holds them for months 7-11.
  Module m = test_support::make_module({"a", "b"}, {{0, 1, 0.0}});
  Scenario s = test_support::make_scenario({m});
  Parameter p;
  p.id = "a_to_b";
  s.parameters.push_back(p);
  s.parameter_uses.push_back({ParameterUse::Kind::kTransitionProbability, 0, 0, 0, 0});
  s.dated_changes.push_back({0, 6, 1.0, "test"});
  const CompiledModel compiled = compile(s);
  ASSERT_EQ(compiled.later.size(), 1u);
  const Population pop = test_support::make_cohort(s, 100, 40, 0);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 12});
  const Tally& year = result.years[0];
  EXPECT_EQ(year.events[0], 100u);
  EXPECT_EQ(year.state_months[static_cast<size_t>(compiled.modules[0].states[0].slot)], 700u);
  EXPECT_EQ(year.state_months[static_cast<size_t>(compiled.modules[0].states[1].slot)], 500u);
}

TEST(AgeBands, ARateMayChangeAtAnAgeInMonths) {
  // An exit that is impossible before 18 years and 6 months (222 months) and certain from then:
  // persons aged 18 at the start leave in month 6, having spent months 0-6 in the state.
  Module m = test_support::make_module({"a", "b"}, {{0, 1, 0.0}});
  m.transitions[0].hazard.age_from_months = {0, 222};
  m.transitions[0].hazard.values = {0.0, hazard_from_probability(1.0 - 1e-12)};
  const Scenario s = test_support::make_scenario({m});
  const CompiledModel compiled = compile(s);
  const Population pop = test_support::make_cohort(s, 50, 18, 0);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 12});
  EXPECT_EQ(result.years[0].events[0], 50u);
  EXPECT_EQ(result.years[0].state_months[static_cast<size_t>(compiled.modules[0].states[0].slot)],
            350u);
}

TEST(Coverage, CountsTheBaselinesServiceAndTransfersButNotFinancing) {
  // Two replicates' baseline accounts in the base year: service 5.5 m and 6.5 m, transfers 1 m
  // (inside the budget guarantee) and 0.5 m (outside it), tax -2 m each. The modules cover
  // (7 m + 8 m) / 2 = 7.5 m of the municipality's 31 m. Later years (100 m) do not count.
  Scenario s = test_support::make_scenario({test_support::make_module({"a"}, {})}, 2);
  s.net_operating_dkk = 31e6;
  RunPlan plan;
  plan.replicates = 2;
  const auto year = [&](Dkk service) {
    YearAccount y;
    y.municipal_by_type.assign(s.departments.size() * kBudgetTypeCount, 0);
    y.municipal(0, BudgetType::kService) = service;
    y.municipal(0, BudgetType::kTransferGuaranteed) = 1e6;
    y.municipal(0, BudgetType::kTransferOther) = 0.5e6;
    y.municipal(0, BudgetType::kFinancing) = -2e6;
    return y;
  };
  const std::vector<std::vector<YearAccount>> accounts = {{year(5.5e6), year(100e6)},
                                                          {year(6.5e6), year(100e6)}};
  const Coverage c = coverage(s, plan, accounts);
  EXPECT_DOUBLE_EQ(c.modelled_dkk, 7.5e6);
  EXPECT_DOUBLE_EQ(c.share(), 7.5e6 / 31e6);
}

TEST(BudgetForm, ItsLinesAddUpToTheBudgetByTypeOwnerFirst) {
  // Each proposal's budget form: per year of the budget period and budget type, its department
  // lines add up to the budget table's change; the owning department's lines come first.
  const Scenario s = test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO);
  const Appraisal a = test_support::appraise_quietly(s, 2);
  ASSERT_FALSE(a.budget_form.empty());
  for (const BudgetRow& row : a.budget) {
    if (row.group != 0 || row.years != 1) continue;
    double sum = 0;
    for (const BudgetFormLine& line : a.budget_form)
      if (line.arm == row.arm && line.type == row.type)
        sum += line.dkk[static_cast<size_t>(row.first_year)];
    EXPECT_NEAR(sum, row.net_cost.mean, 1e-6 * (1 + std::abs(row.net_cost.mean)))
        << s.arms[static_cast<size_t>(row.arm)].id << " year " << row.first_year;
  }
  for (size_t arm = 1; arm < s.arms.size(); ++arm) {
    const int owner = s.proposals[static_cast<size_t>(s.arms[arm].proposals.front())].department;
    for (const BudgetFormLine& line : a.budget_form)
      if (line.arm == static_cast<int>(arm)) {
        EXPECT_EQ(line.department, owner) << s.arms[arm].id << ": the owner's lines first";
        break;
      }
  }
}
