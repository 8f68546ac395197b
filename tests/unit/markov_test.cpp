// The expected-value cross-check: a module without modifiers, simulated on a large closed
// cohort, must follow the cohort Markov expectation within sampling error.
#include "model/engine/markov.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "model/engine/simulation.hpp"
#include "scenarios/loader/load_scenario.hpp"

using namespace kommunesim;
using namespace kommunesim::model;

TEST(MarkovCrossCheck, SimulatedSharesMatchTheCohortExpectation) {
  // The bundled jobcentre module (age and duration bands, refusion) without its modifiers.
  auto loaded = scenarios::load_scenario(KOMMUNESIM_TEST_SCENARIO);
  ASSERT_TRUE(loaded.loaded);
  Scenario s = loaded.loaded->scenario;
  const int module = 0;
  ASSERT_EQ(s.modules[module].id, "jobcentre");
  for (auto& m : s.modules)
    for (auto& tr : m.transitions) tr.modifiers.clear();
  s.demography = Demography{};
  s.demography.adult_age_months = 18 * 12;
  s.arms.resize(1);
  const CompiledModel compiled = compile(s);

  constexpr int kPersons = 200000;
  constexpr int kStartAge = 28 * 12;  // crosses the 30-year age band during the run
  constexpr int kMonths = 36;
  const size_t states = s.modules[module].states.size();
  Population pop;
  pop.clock_count = compiled.clock_count();
  Eigen::VectorXd initial = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(states));
  for (uint32_t i = 0; i < kPersons; ++i) {
    const uint32_t p = pop.add_person(i, -kStartAge, i % 2 == 0);
    const auto state = static_cast<uint8_t>(i % states);
    pop.state_in(p, module) = state;
    initial(state) += 1.0 / kPersons;
  }
  pop.index_sorted(kPersons);
  const Eigen::MatrixXd expected =
      expected_state_shares(compiled, module, initial, kStartAge, kMonths);

  const EffectDraws draws = draw_effects(s, {3, 0});
  const auto result = simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {3, 0}, kMonths});
  std::vector<double> simulated(states, 0.0);
  for (size_t p = 0; p < result.final_population.persons(); ++p)
    simulated[result.final_population.state_in(p, module)] += 1.0 / kPersons;
  for (size_t st = 0; st < states; ++st) {
    const double e = expected(kMonths, static_cast<Eigen::Index>(st));
    // Four binomial standard errors (persons move independently: no modifiers, no households).
    EXPECT_NEAR(simulated[st], e, 4 * std::sqrt(e * (1 - e) / kPersons) + 1e-9)
        << s.modules[module].states[st].id;
  }
}
