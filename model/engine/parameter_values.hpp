// Register parameters in the model: which of them modules and proposals read, and a copy of the
// scenario with one of them at another value (the tornado's question), without reloading.
#pragma once

#include "model/engine/scenario.hpp"

namespace kommunesim::model {

// How the model reads a register parameter.
enum class ParameterRole : uint8_t {
  kNormative,      // read by valuation or dynamics settings of normative sets (or by nothing)
  kModelCost,      // a unit cost or refusion share: revalues stored tallies
  kModelDynamics,  // a rate, relative risk, entry share or effect size: changes the simulation
};
ParameterRole parameter_role(const Scenario& scenario, int parameter);

// Sets the parameter everywhere the model reads it. A probability becomes the transition's
// hazard; an entry share rescales its rule so that the shares still sum to 1; an uncertain
// effect size becomes a point value for every replicate.
void set_parameter_value(Scenario& scenario, int parameter, double value);

}  // namespace kommunesim::model
