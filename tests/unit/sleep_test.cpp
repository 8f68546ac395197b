// Sleeping households (StepContext::sleep_before): passing over the months in which a household
// has nothing to decide changes no tally and no person.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>

#include "model/engine/effects.hpp"
#include "model/engine/simulation.hpp"
#include "model/engine/synthetic_population.hpp"
#include "support/load_bundled.hpp"

using namespace kommunesim;
using namespace kommunesim::model;

namespace {

// Simulates arm `arm` of `s` for `months` months without sleep, and with it on one thread and on
// two, and expects every tally and the final population to be the same, and some household to
// have slept.
void expect_sleep_changes_nothing(const Scenario& s, size_t arm, int months, int persons) {
  const CompiledModel compiled = compile(s);
  const Population initial = synthesize_population(s, compiled, 11, persons);
  const EffectDraws draws = draw_effects(s, {11, 0});
  const auto simulate_with = [&](bool sleep, size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    SimulationInput input{s, compiled, initial, s.arms[arm], draws, Dynamics{}, {11, 0}, months};
    input.sleep = sleep;
    return simulate(input);
  };
  const SimulationResult awake = simulate_with(false, 2), sleeping = simulate_with(true, 2);
  std::vector<uint64_t> awake_words, sleeping_words, one_thread_words;
  save_years(awake.years, awake_words);
  save_years(sleeping.years, sleeping_words);
  save_years(simulate_with(true, 1).years, one_thread_words);
  EXPECT_EQ(awake_words, sleeping_words);
  EXPECT_EQ(sleeping_words, one_thread_words);
  const Population &a = awake.final_population, &b = sleeping.final_population;
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.flags, b.flags);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.months_in_state, b.months_in_state);
  EXPECT_EQ(a.history, b.history);
  EXPECT_EQ(a.participation, b.participation);
  EXPECT_TRUE(std::all_of(a.wake_month.begin(), a.wake_month.end(), [](int w) { return w == 0; }));
  EXPECT_TRUE(std::any_of(b.wake_month.begin(), b.wake_month.end(), [](int w) { return w > 0; }))
      << "nobody slept: the test compared a run with itself";
}

}  // namespace

TEST(Sleep, ALifelongCohortIsTalliedAsWithoutSleep) {
  // Children before the modules' ages, adults after both events or past the ages: mostly asleep.
  const Scenario s = test_support::load_bundled(KOMMUNESIM_COHORT_SCENARIO);
  expect_sleep_changes_nothing(s, 0, 100 * kMonthsPerYear, 3000);
}

TEST(Sleep, TheDefaultScenarioWithoutMigrationIsTalliedAsWithoutSleep) {
  // Cost bands, cost conditions on age and household, dated changes, fertility and every
  // proposal: households sleep only where nobody has anything to decide.
  Scenario s = test_support::load_bundled(KOMMUNESIM_DEFAULT_SCENARIO);
  s.demography.out_migration_monthly = 0;  // a monthly draw for every household: nobody sleeps
  for (size_t arm = 0; arm < s.arms.size(); ++arm)
    expect_sleep_changes_nothing(s, arm, 6 * kMonthsPerYear, 4000);
}
