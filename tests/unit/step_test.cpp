// The monthly step: competing risks, admission under capacity, determinism across threads.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <cmath>

#include "model/engine/run_plan.hpp"
#include "model/engine/simulation.hpp"
#include "support/scenario_builder.hpp"

using namespace kommunesim;
using namespace kommunesim::model;

namespace {

SimulationResult run_once(const Scenario& s, const Population& pop, int arm, int months,
                          uint32_t replicate = 0) {
  const CompiledModel compiled = compile(s);
  const EffectDraws draws = draw_effects(s, {1, replicate});
  return simulate({s,
                   compiled,
                   pop,
                   s.arms[static_cast<size_t>(arm)],
                   draws,
                   Dynamics{},
                   {1, replicate},
                   months});
}

std::vector<int> state_counts(const Population& pop, size_t module, size_t states) {
  std::vector<int> counts(states, 0);
  for (size_t p = 0; p < pop.persons(); ++p)
    if (pop.alive(p)) ++counts[pop.state_in(p, module)];
  return counts;
}

}  // namespace

TEST(CompetingRisks, DestinationsShareTheExitInProportionToTheirHazards) {
  // From A: to B with p = 0.3 and to C with p = 0.2 as separate monthly probabilities. As
  // competing hazards the exit probability is 1 - 0.7 * 0.8 = 0.44, split 0.3567 : 0.2233.
  const Scenario s = test_support::make_scenario(
      {test_support::make_module({"A", "B", "C"}, {{0, 1, 0.3}, {0, 2, 0.2}})});
  constexpr int kN = 200000;
  const auto result = run_once(s, test_support::make_cohort(s, kN, 30, 0), 0, 1);
  const auto counts = state_counts(result.final_population, 0, 3);
  const double hb = -std::log(0.7), hc = -std::log(0.8), leave = 0.44;
  const double expected_b = leave * hb / (hb + hc), expected_c = leave * hc / (hb + hc);
  // Four binomial standard errors.
  EXPECT_NEAR(counts[1] / double(kN), expected_b,
              4 * std::sqrt(expected_b * (1 - expected_b) / kN));
  EXPECT_NEAR(counts[2] / double(kN), expected_c,
              4 * std::sqrt(expected_c * (1 - expected_c) / kN));
}

TEST(CompetingRisks, CrudeProbabilitiesAreRealisedAsObserved) {
  // Observed (crude) shares 0.3 to B and 0.4 to C: as net probabilities they would realise
  // 0.2385 and 0.3415 (0.58 leaving); as crude ones 0.3 and 0.4 leave (0.70).
  Module m = test_support::make_module({"A", "B", "C"}, {{0, 1, 0.3}, {0, 2, 0.4}});
  m.crude_probabilities = true;
  const Scenario s = test_support::make_scenario({m});
  constexpr int kN = 200000;
  const auto counts = state_counts(
      run_once(s, test_support::make_cohort(s, kN, 30, 0), 0, 1).final_population, 0, 3);
  for (const auto& [state, expected] : {std::pair{1, 0.3}, std::pair{2, 0.4}})
    EXPECT_NEAR(counts[static_cast<size_t>(state)] / double(kN), expected,
                4 * std::sqrt(expected * (1 - expected) / kN));
  // Exits with different bands: B's share changes at 6 months in the state, C's at age 31.
  Module banded = test_support::make_module({"A", "B", "C"}, {{0, 1, 0.1}, {0, 2, 0.2}});
  banded.crude_probabilities = true;
  banded.transitions[0].hazard.duration_from = {0, 6};
  banded.transitions[0].hazard.values = {hazard_from_probability(0.1),
                                         hazard_from_probability(0.5)};
  banded.transitions[1].hazard.age_from_months = {0, 31 * 12};
  banded.transitions[1].hazard.values = {hazard_from_probability(0.2),
                                         hazard_from_probability(0.3)};
  const Scenario b = test_support::make_scenario({banded});
  Population pop = test_support::make_cohort(b, kN, 30, 0);
  for (uint32_t p = 0; p < kN; ++p) pop.months_in(p, 0) = 6;  // B at 0.5, C at 0.2 (age 30)
  const auto banded_counts = state_counts(run_once(b, pop, 0, 1).final_population, 0, 3);
  for (const auto& [state, expected] : {std::pair{1, 0.5}, std::pair{2, 0.2}})
    EXPECT_NEAR(banded_counts[static_cast<size_t>(state)] / double(kN), expected,
                4 * std::sqrt(expected * (1 - expected) / kN));
}

TEST(CompetingRisks, ProbabilitiesNeverSumAboveOne) {
  // Two transitions of 0.9 each: naive addition gives 1.8; as hazards nobody stays only 1 %.
  const Scenario s = test_support::make_scenario(
      {test_support::make_module({"A", "B", "C"}, {{0, 1, 0.9}, {0, 2, 0.9}})});
  constexpr int kN = 100000;
  const auto counts = state_counts(
      run_once(s, test_support::make_cohort(s, kN, 30, 0), 0, 1).final_population, 0, 3);
  EXPECT_NEAR(counts[0] / double(kN), 0.01, 4 * std::sqrt(0.01 * 0.99 / kN));
  EXPECT_NEAR(counts[1], counts[2], 4 * std::sqrt(kN * 0.25));
}

namespace {

// One module with a waiting state and a proposal admitting at most `capacity` persons.
Scenario admission_scenario(int capacity, AdmissionPriority priority) {
  Scenario s =
      test_support::make_scenario({test_support::make_module({"waiting", "done"}, {{0, 1, 0.01}})});
  Proposal p;
  p.id = "program";
  p.capacity = capacity;
  p.participation_months = 12;
  p.priority = priority;
  p.target.module = 0;
  p.target.state_mask = 1;
  s.proposals.push_back(p);
  s.arms.push_back({"program", "Program", {0}});
  return s;
}

// 100 persons 0-99 months in the waiting state, 10 places for one month: whether person p is
// admitted, under `priority`.
std::vector<bool> admitted_by(AdmissionPriority priority) {
  const Scenario s = admission_scenario(10, priority);
  Population pop = test_support::make_cohort(s, 100, 40, 0);
  for (uint32_t p = 0; p < 100; ++p) pop.months_in(p, 0) = static_cast<uint16_t>(p);
  const auto result = run_once(s, pop, 1, 1);
  EXPECT_EQ(result.years[0].admissions[0], 10u);
  std::vector<bool> admitted;
  for (uint32_t p = 0; p < 100; ++p)
    admitted.push_back(result.final_population.participation[Population::proposal_slot(p, 0)] != 0);
  return admitted;
}

}  // namespace

TEST(Admission, NeverAdmitsMoreThanCapacityAndPrefersTheLongestWaiting) {
  const std::vector<bool> admitted = admitted_by(AdmissionPriority::kLongestInState);
  for (uint32_t p = 0; p < 100; ++p) EXPECT_EQ(admitted[p], p >= 90) << "person " << p;
}

TEST(Admission, NewestInStateTakesTheNewCasesFirst) {
  // New home-care recipients first: the ten persons with the fewest months in the state.
  const std::vector<bool> admitted = admitted_by(AdmissionPriority::kNewestInState);
  for (uint32_t p = 0; p < 100; ++p) EXPECT_EQ(admitted[p], p < 10) << "person " << p;
}

TEST(Admission, RefillsFreedSlotsButNeverExceedsCapacity) {
  const Scenario s = admission_scenario(10, AdmissionPriority::kRandom);
  const auto result = run_once(s, test_support::make_cohort(s, 1000, 40, 0), 1, 24);
  // Participants leave when their 12 months end or when they leave the target group.
  for (const auto& year : result.years) EXPECT_LE(year.participant_months[0], 10u * 12u);
  EXPECT_GT(result.years[0].admissions[0], 10u);
}

TEST(Admission, AStandingProgrammeTakesPersonsAgainAfterTheGapOrRunsDry) {
  // Ten persons who stay in the target group, ten places of 12 months.
  Scenario s = admission_scenario(10, AdmissionPriority::kLongestInState);
  s.modules[0].transitions[0].hazard.values[0] = 0.0;
  const Population pop = test_support::make_cohort(s, 10, 40, 0);
  const auto once = run_once(s, pop, 1, 36);
  EXPECT_EQ(once.years[0].admissions[0], 10u);
  EXPECT_EQ(once.years[1].admissions[0] + once.years[2].admissions[0], 0u);
  EXPECT_EQ(once.years[2].participant_months[0], 0u);  // ran dry after the first year
  // Taken again 6 months after their participation ended: 12 months in, at least 6 out.
  s.proposals[0].readmission_after_months = 6;
  const auto again = run_once(s, pop, 1, 36);
  EXPECT_EQ(again.years[0].admissions[0], 10u);
  EXPECT_EQ(again.years[1].admissions[0], 10u);
  for (const auto& year : again.years) {
    EXPECT_GT(year.participant_months[0], 0u);
    EXPECT_LE(year.participant_months[0], 10u * 12u);
  }
  EXPECT_EQ(again.years[1].participant_months[0], 10u * 6u);  // months 12-17 out, 18-23 in
}

TEST(ResultsByAge, StateMonthsAndTransitionsAreTalliedInTheScenariosAgeBands) {
  // 1,000 persons aged 29 in A, leaving for B at 5 % a month, for two years: the first year's
  // months fall in the band [18, 30), the second year's in [30, ...). Each band's counts add up
  // to the totals.
  Scenario s =
      test_support::make_scenario({test_support::make_module({"A", "B"}, {{0, 1, 0.05}})}, 2);
  s.result_age_bands = {0, 18, 30};
  const auto result = run_once(s, test_support::make_cohort(s, 1000, 29, 0), 0, 24);
  const CompiledModel compiled = compile(s);
  ASSERT_EQ(compiled.result_age_bands, 3);
  for (size_t y = 0; y < 2; ++y) {
    const Tally& t = result.years[y];
    for (size_t slot = 0; slot < compiled.slots.size(); ++slot) {
      const uint64_t in_band = t.state_months_by_age[slot * 3 + (y == 0 ? 1 : 2)];
      EXPECT_EQ(in_band, t.state_months[slot]) << "year " << y << " slot " << slot;
      EXPECT_EQ(t.state_months_by_age[slot * 3 + (y == 0 ? 2 : 1)], 0u);
      EXPECT_EQ(t.state_months_by_age[slot * 3], 0u);
    }
    EXPECT_EQ(t.events_by_age[y == 0 ? 1 : 2], t.events[0]);
    EXPECT_GT(t.events[0], 0u);
  }
}

TEST(Determinism, ResultsAreBitIdenticalForOneAndTwoThreads) {
  Scenario s = admission_scenario(25, AdmissionPriority::kRandom);
  s.modules[0].transitions[0].hazard.values[0] = hazard_from_probability(0.05);
  s.demography.mortality = {{0}, {0.001}};
  s.demography.fertility = {{0}, {0.01}};
  s.demography.out_migration_monthly = 0.004;
  s.demography.in_migration_monthly = 0.004;
  const Population pop = test_support::make_cohort(s, 20000, 30, 0);
  const auto run_with = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<size_t>(threads));
    return run_once(s, pop, 1, 24);
  };
  const auto one = run_with(1), two = run_with(2);
  ASSERT_EQ(one.years.size(), two.years.size());
  for (size_t y = 0; y < one.years.size(); ++y) {
    EXPECT_EQ(one.years[y].state_months, two.years[y].state_months);
    EXPECT_EQ(one.years[y].events, two.years[y].events);
    EXPECT_EQ(one.years[y].admissions, two.years[y].admissions);
    EXPECT_EQ(one.years[y].births, two.years[y].births);
    EXPECT_EQ(one.years[y].in_migrants, two.years[y].in_migrants);
  }
  EXPECT_EQ(one.final_population.id, two.final_population.id);
  EXPECT_EQ(one.final_population.state, two.final_population.state);
}

TEST(Demography, CompactionKeepsOnlyResidentsAndTheirIds) {
  Scenario s =
      test_support::make_scenario({test_support::make_module({"A", "B"}, {{0, 1, 0.1}})}, 2);
  s.demography.mortality = {{0}, {0.02}};
  const Population pop = test_support::make_cohort(s, 5000, 50, 0);
  const auto result = run_once(s, pop, 0, 24);
  const Population& end = result.final_population;
  const uint64_t deaths = result.years[0].deaths + result.years[1].deaths;
  EXPECT_EQ(end.persons(), 5000u - deaths);
  for (size_t p = 0; p < end.persons(); ++p) EXPECT_TRUE(end.alive(p));
  EXPECT_TRUE(std::is_sorted(end.household.begin(), end.household.end()));
}

TEST(Entry, NewlyEligiblePersonsUseTheEntryRuleInMoversTheirAgesInitialShares) {
  // Module for ages 18+: the entry rule puts everyone in "young", the population's initial
  // shares put persons aged 30+ in "settled".
  Scenario s =
      test_support::make_scenario({test_support::make_module({"young", "settled"}, {}, 18, 120)});
  s.modules[0].entry.shares = {1.0, 0.0};
  s.population.initial_states.push_back({0, {18 * 12, 30 * 12}, {{1.0, 0.0}, {0.0, 1.0}}});
  Population pop;
  pop.add_person(0, -18 * 12, false);  // turns 18 in month 0
  pop.add_person(1, -40 * 12, true);   // an in-mover aged 40, not yet in the module
  pop.index_sorted(2);
  const auto result = run_once(s, pop, 0, 1);
  EXPECT_EQ(result.final_population.state_in(0, 0), 0);  // young
  EXPECT_EQ(result.final_population.state_in(1, 0), 1);  // settled
}

TEST(Entry, PersonsJoinAndLeaveAModuleAtItsAgesBeyondTheTabledOnes) {
  // The engine tables which modules admit each age up to 128 years; older ages are checked
  // module by module. A module for ages 129-130 years: one person reaches 129 in month 1,
  // another turns 131 in month 2 and leaves.
  const Scenario s =
      test_support::make_scenario({test_support::make_module({"old"}, {}, 129, 131)});
  Population pop;
  pop.add_person(0, -(129 * 12 - 1), false);
  pop.add_person(1, -(131 * 12 - 2), true);
  pop.index_sorted(2);
  const auto result = run_once(s, pop, 0, 3);
  EXPECT_EQ(result.final_population.state_in(0, 0), 0);
  EXPECT_EQ(result.final_population.state_in(1, 0), kNotInModule);
  EXPECT_EQ(result.years[0].state_months[0], 4u);  // months 1 and 2, months 0 and 1
  const CompiledModel compiled = compile(s);
  for (const int age : {-1, 0, 129 * 12 - 1, 129 * 12, 131 * 12 - 1, 131 * 12, 200 * 12})
    EXPECT_EQ(compiled.eligible_modules(s, age), s.modules[0].eligible(age) ? 1 : 0) << age;
}

TEST(DurationBands, ABandBeyond255MonthsIsReached) {
  // Leaving is certain from 300 months in state on (a spell of 25 years), impossible before.
  Module m = test_support::make_module({"in", "out"}, {{0, 1, 0.0}});
  m.transitions[0].hazard.duration_from = {0, 300};
  m.transitions[0].hazard.values = {0.0, hazard_from_probability(1.0 - 1e-12)};
  const Scenario s = test_support::make_scenario({m}, 3);
  Population pop = test_support::make_cohort(s, 200, 40, 0);
  for (uint32_t p = 0; p < 200; ++p) pop.months_in(p, 0) = static_cast<uint16_t>(200 + p % 50);
  // Starting at 200-249 months in the state, nobody reaches 300 within 36 months.
  const auto result = run_once(s, pop, 0, 36);
  EXPECT_EQ(state_counts(result.final_population, 0, 2)[1], 0);
  for (uint32_t p = 0; p < 200; ++p) pop.months_in(p, 0) = static_cast<uint16_t>(280 + p % 10);
  // Starting at 280-289 months, every one reaches 300 within 21 months and leaves.
  const auto later = run_once(s, pop, 0, 36);
  EXPECT_EQ(state_counts(later.final_population, 0, 2)[1], 200);
}

namespace {

// 100 single persons aged 40, all cases of the first centre; persons 0-49 of the second too.
Population singles_known_to_both_below_50(const Scenario& s) {
  Population pop = test_support::make_cohort(s, 100, 40, 1);
  for (uint32_t p = 50; p < 100; ++p) pop.state_in(p, 1) = 0;
  return pop;
}

// Exactly persons 0-49 of singles_known_to_both_below_50() were admitted.
void expect_admitted_persons_below_50(const SimulationResult& result) {
  for (uint32_t p = 0; p < 100; ++p)
    EXPECT_EQ(result.final_population.participation[Population::proposal_slot(p, 0)] != 0, p < 50)
        << "person " << p;
}

// 50 households of two: the first member (aged 40) a case of the first centre; the second (aged
// 10) a case of the second centre in households 0-24 and of none in 25-49.
Population households_of_two() {
  Population pop;
  for (uint32_t h = 0; h < 50; ++h) {
    const uint32_t first = pop.add_person(h, -40 * 12, true);
    const uint32_t second = pop.add_person(h, -10 * 12, false);
    pop.state_in(first, 0) = 1;
    pop.state_in(first, 1) = 0;
    pop.state_in(second, 0) = 0;
    pop.state_in(second, 1) = h < 25 ? 1 : 0;
  }
  pop.index_sorted(50);
  return pop;
}

// Exactly the first members of households 0-24 of households_of_two() were admitted.
void expect_admitted_first_members_of_the_first_25(const SimulationResult& result) {
  for (uint32_t p = 0; p < 100; ++p)
    EXPECT_EQ(result.final_population.participation[Population::proposal_slot(p, 0)] != 0,
              p % 2 == 0 && p / 2 < 25)
        << "person " << p;
}

// Two centres (test_support::make_two_centres); a proposal on the first module's cases, with
// room for everyone, known to at least two centres as `target` says.
Scenario two_centres_scenario(const TargetGroup& target) {
  Scenario s = test_support::make_two_centres();
  Proposal p;
  p.id = "coordinated";
  p.capacity = 1000;
  p.participation_months = 12;
  p.target = target;
  p.target.module = 0;
  p.target.state_mask = 0b10;
  s.proposals.push_back(p);
  s.arms.push_back({"coordinated", "Coordinated", {0}});
  return s;
}

}  // namespace

TEST(Admission, KnownToAtLeastTwoCentresCountsThePersonsOwnCases) {
  // 100 single persons, all cases of the first centre; persons 0-49 of the second as well.
  TargetGroup target;
  target.min_centres = 2;
  const Scenario s = two_centres_scenario(target);
  const Population pop = singles_known_to_both_below_50(s);
  expect_admitted_persons_below_50(run_once(s, pop, 1, 1));
}

TEST(Admission, AFamilyKnownToAtLeastTwoCentresCountsItsMembersTogether) {
  // households_of_two(): only the first members of households 0-24 are admitted: their family is
  // known to two centres, they themselves to one.
  TargetGroup target;
  target.min_household_centres = 2;
  const Scenario s = two_centres_scenario(target);
  const Population pop = households_of_two();
  expect_admitted_first_members_of_the_first_25(run_once(s, pop, 1, 1));
  // The same proposal counting only the person's own cases admits nobody.
  TargetGroup own;
  own.min_centres = 2;
  EXPECT_EQ(run_once(two_centres_scenario(own), pop, 1, 1).years[0].admissions[0], 0u);
}

namespace {

// make_two_centres with monthly costs in the case states: the first centre's case 10,000 DKK of
// municipal service, plus a state-paid line and a financing line that are not the municipality's
// spending on the person; the second centre's case 15,000 DKK of municipal transfers.
Scenario two_centres_with_costs(const TargetGroup& target) {
  Scenario s = two_centres_scenario(target);
  CostLine service{.department = 0, .payer = Payer::kMunicipality, .dkk_per_month = 10'000};
  CostLine state_paid{.department = 0, .payer = Payer::kState, .dkk_per_month = 100'000};
  CostLine tax{.department = 0,
               .payer = Payer::kMunicipality,
               .dkk_per_month = -20'000,
               .budget_type = BudgetType::kFinancing};
  s.modules[0].states[1].costs = {service, state_paid, tax};
  s.modules[1].states[1].costs = {{.department = 1,
                                   .payer = Payer::kMunicipality,
                                   .dkk_per_month = 15'000,
                                   .budget_type = BudgetType::kTransferOther}};
  return s;
}

}  // namespace

TEST(Admission, CostsMoreThanCountsTheMunicipalitysSpendingOnThePersonsStatesAYear) {
  // 100 single persons, all cases of the first centre (120,000 DKK a year of the municipality's
  // spending); persons 0-49 cases of the second as well (another 180,000 DKK).
  TargetGroup target;
  target.yearly_cost_above = 150'000;
  const Scenario s = two_centres_with_costs(target);
  const Population pop = singles_known_to_both_below_50(s);
  expect_admitted_persons_below_50(run_once(s, pop, 1, 1));
  // "More than": a person costing exactly the amount is not admitted.
  TargetGroup exactly;
  exactly.yearly_cost_above = 300'000;
  EXPECT_EQ(run_once(two_centres_with_costs(exactly), pop, 1, 1).years[0].admissions[0], 0u);
  exactly.yearly_cost_above = 299'999;
  EXPECT_EQ(run_once(two_centres_with_costs(exactly), pop, 1, 1).years[0].admissions[0], 50u);
}

TEST(Admission, AFamilyCostingMoreThanCountsItsMembersTogether) {
  // households_of_two(): the first member costs 120,000 DKK a year, the second 180,000 DKK in
  // households 0-24 and nothing in 25-49.
  TargetGroup target;
  target.household_yearly_cost_above = 200'000;
  const Scenario s = two_centres_with_costs(target);
  const Population pop = households_of_two();
  expect_admitted_first_members_of_the_first_25(run_once(s, pop, 1, 1));
  TargetGroup own;
  own.yearly_cost_above = 200'000;
  EXPECT_EQ(run_once(two_centres_with_costs(own), pop, 1, 1).years[0].admissions[0], 0u);
}
