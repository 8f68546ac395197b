// Synthesizing the population draws that replicates start from.
#include "model/engine/initial_populations.hpp"

#include <stdexcept>
#include <string>

#include "model/engine/synthetic_population.hpp"

namespace kommunesim::model {

InitialPopulations::InitialPopulations(const Scenario& scenario, const CompiledModel& compiled,
                                       uint32_t seed)
    : scenario_(&scenario),
      compiled_(&compiled),
      seed_(seed),
      replicates_per_draw_(scenario.redraw_population ? kReplicatesPerPopulation : 0) {
  draws_.push_back(synthesize_population(scenario, compiled, seed));
}

void InitialPopulations::cover(int replicates) {
  if (replicates <= 0) return;
  const auto needed = static_cast<size_t>(draw_of(replicates - 1)) + 1;
  while (draws_.size() < needed)
    draws_.push_back(
        synthesize_population(*scenario_, *compiled_, seed_, 0, static_cast<int>(draws_.size())));
}

const Population& InitialPopulations::of(int replicate) const {
  const auto draw = static_cast<size_t>(draw_of(replicate));
  if (draw >= draws_.size())
    throw std::logic_error("population draw " + std::to_string(draw) +
                           " was not synthesized before its replicates ran");
  return draws_[draw];
}

}  // namespace kommunesim::model
