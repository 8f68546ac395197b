// Register parameters in the model: which of them modules and proposals read, and a copy of the
// scenario with one of them at another value (the tornado's question), without reloading.
#pragma once

#include <string_view>

#include "model/engine/scenario.hpp"

namespace kommunesim::model {

// The normative setting a register id names (and its measure or equity group), from the ids the
// engine reads: horizon_years, discount_rate, effect_scale, effect_half_life_months, deadweight,
// value_<measure>, equity_weight_<group>. The only place where these names are compared.
struct SettingOf {
  NormativeSetting setting = NormativeSetting::kNone;
  int index = 0;
};
SettingOf normative_setting(const Scenario& scenario, std::string_view id);

// Sets every parameter's role (from where modules and proposals read it) and normative setting.
// Called once, when the scenario is loaded or built.
void resolve_parameter_roles(Scenario& scenario);

// Sets the parameter everywhere the model reads it. A probability becomes the transition's
// hazard; an entry share rescales its rule so that the shares still sum to 1; an uncertain
// effect size becomes a point value for every replicate.
void set_parameter_value(Scenario& scenario, int parameter, double value);

}  // namespace kommunesim::model
