// Proposal effects: drawing effect sizes per replicate and turning them into the per-arm
// look-up that the monthly step applies to participants.
#include <vector>
#pragma once

#include "model/engine/module_tables.hpp"
#include "model/engine/rng.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::model {

// Relative risks of every proposal's effects for one replicate: [proposal][effect].
using EffectDraws = std::vector<std::vector<double>>;

// The value at probability u of the triangular distribution over [low, high] with `mode`.
double triangular_quantile(double low, double mode, double high, double u);

double draw_relative_risk(const EffectSize& size, RngKey key, uint32_t proposal, uint32_t effect);
EffectDraws draw_effects(const Scenario& scenario, RngKey key);

struct ArmEffect {
  int slot = 0;       // proposal slot within the arm
  double log_rr = 0;  // scaled by the effect scale, less the deadweight share
};

// Per event slot (transition), the effects that an arm's participants carry on it.
struct ArmEffects {
  std::vector<std::vector<ArmEffect>> by_event;
  bool any = false;
};

ArmEffects arm_effects(const Scenario& scenario, const CompiledModel& compiled, const Arm& arm,
                       const EffectDraws& draws, const Dynamics& dynamics);

// Weight of an effect for a participation counter: 1 while participating, fading with the
// half-life after the end, 0 for never admitted.
double effect_weight(uint16_t participation, int participation_months, double half_life_months);

}  // namespace kommunesim::model
