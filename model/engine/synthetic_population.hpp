// The synthetic population: persons in households generated from aggregate figures, and their
// initial module states, deterministic for a seed.
#pragma once

#include <cstdint>

#include "model/engine/module_tables.hpp"
#include "model/engine/population.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::model {

// Generates `persons` persons (the scenario's figure when 0), scaled from its age structure.
// Draw d > 0 is another population from the same figures (independent random numbers).
Population synthesize_population(const Scenario& scenario, const CompiledModel& compiled,
                                 uint32_t seed, int persons = 0, int draw = 0);

// Draws the state and months in state of each eligible person for the modules that have
// initial shares. Months in state follow the stationary spell-duration distribution implied
// by the module's base exit hazards (the share of an ongoing spell at duration d is
// proportional to the probability of surviving in the state for d months).
void assign_initial_states(const Scenario& scenario, const CompiledModel& compiled, Population& pop,
                           uint32_t seed, int draw = 0);

}  // namespace kommunesim::model
