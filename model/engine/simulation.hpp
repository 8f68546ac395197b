// One simulation: one arm, one replicate, one set of dynamics values, month by month.
#pragma once

#include <functional>
#include <vector>

#include "model/engine/effects.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/population.hpp"
#include "model/engine/scenario.hpp"
#include "model/engine/tally.hpp"

namespace kommunesim::model {

struct SimulationInput {
  const Scenario& scenario;
  const CompiledModel& compiled;
  const Population& initial;  // copied; the input is never changed
  const Arm& arm;
  const EffectDraws& effect_draws;
  Dynamics dynamics;
  RngKey key;
  int months = 0;
  bool cross_silo = false;  // tally the cross-silo picture
  // Let households with nothing to decide sleep (StepContext::sleep_before). Results are the same
  // without; off only to test that.
  bool sleep = true;
};

struct SimulationResult {
  std::vector<Tally> years;  // one per budget year (the last may be partial)
  Population final_population;
};

// Runs the simulation; on_month is called after each month (from a worker thread).
SimulationResult simulate(const SimulationInput& input, const std::function<void()>& on_month = {});
// The same from `population` instead of input.initial, which it uses up (no copy is kept): for a
// single simulation of a large population.
SimulationResult simulate(const SimulationInput& input, Population population,
                          const std::function<void()>& on_month = {});

}  // namespace kommunesim::model
