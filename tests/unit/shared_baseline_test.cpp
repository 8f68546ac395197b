// Shared-baseline arms: simulating each arm only where it differs from the baseline gives the
// same integer tallies as simulating every arm in full, for both bundled scenarios, several
// seeds and one or two threads.
#include "model/engine/shared_baseline.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <string>

#include "model/engine/run_plan.hpp"
#include "model/engine/synthetic_population.hpp"
#include "support/load_bundled.hpp"

using namespace kommunesim;
using namespace kommunesim::model;

namespace {

void expect_same(const Tally& a, const Tally& b, const std::string& where) {
  EXPECT_EQ(a.state_months, b.state_months) << where;
  EXPECT_EQ(a.group_state_months, b.group_state_months) << where;
  EXPECT_EQ(a.events, b.events) << where;
  EXPECT_EQ(a.state_months_by_age, b.state_months_by_age) << where;
  EXPECT_EQ(a.events_by_age, b.events_by_age) << where;
  EXPECT_EQ(a.known_person_months, b.known_person_months) << where;
  EXPECT_EQ(a.known_household_months, b.known_household_months) << where;
  EXPECT_EQ(a.known_state_months, b.known_state_months) << where;
  EXPECT_EQ(a.known_member_months, b.known_member_months) << where;
  EXPECT_EQ(a.known_household_state_months, b.known_household_state_months) << where;
  EXPECT_EQ(a.participant_months, b.participant_months) << where;
  EXPECT_EQ(a.admissions, b.admissions) << where;
  EXPECT_EQ(a.person_months_by_age, b.person_months_by_age) << where;
  EXPECT_EQ(a.person_months, b.person_months) << where;
  EXPECT_EQ(a.births, b.births) << where;
  EXPECT_EQ(a.deaths, b.deaths) << where;
  EXPECT_EQ(a.out_migrants, b.out_migrants) << where;
  EXPECT_EQ(a.in_migrants, b.in_migrants) << where;
}

// Both executions of the scenario's whole plan, tally by tally.
void expect_shared_equals_full(Scenario s, uint32_t seed, int replicates, int years, int threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(threads));
  s.horizon_years = years;
  const CompiledModel compiled = compile(s);
  InitialPopulations pop(s, compiled, seed);
  RunPlan plan = plan_runs(s, seed, replicates);
  plan.cross_silo_replicates = replicates;
  pop.cover(replicates);
  const RunResults full = execute_plan(s, compiled, pop, plan, {}, Execution::kFull);
  const RunResults shared = execute_plan(s, compiled, pop, plan, {}, Execution::kSharedBaseline);
  ASSERT_EQ(full.tallies.size(), shared.tallies.size());
  for (size_t u = 0; u < plan.units.size(); ++u) {
    ASSERT_EQ(full.tallies[u].size(), shared.tallies[u].size());
    for (size_t y = 0; y < full.tallies[u].size(); ++y)
      expect_same(full.tallies[u][y], shared.tallies[u][y],
                  s.name + " seed " + std::to_string(seed) + " threads " + std::to_string(threads) +
                      " arm " + s.arms[static_cast<size_t>(plan.units[u].arm)].id + " group " +
                      std::to_string(plan.units[u].dynamics_group) + " replicate " +
                      std::to_string(plan.units[u].replicate) + " year " + std::to_string(y));
  }
}

}  // namespace

TEST(SharedBaseline, MiniKommuneEqualsTheFullSimulationForSeveralSeedsAndThreads) {
  const Scenario s = test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO);
  for (uint32_t seed : {1u, 7u, 12345u})
    for (int threads : {1, 2}) expect_shared_equals_full(s, seed, 2, s.horizon_years, threads);
}

TEST(SharedBaseline, GlostrupLikeEqualsTheFullSimulationForSeveralSeedsAndThreads) {
  const Scenario s = test_support::load_bundled(KOMMUNESIM_DEFAULT_SCENARIO);
  for (uint32_t seed : {3u, 7u})
    for (int threads : {1, 2}) expect_shared_equals_full(s, seed, 1, 6, threads);
}
