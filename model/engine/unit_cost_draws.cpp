// Drawing unit costs within their register ranges.
#include "model/engine/unit_cost_draws.hpp"

#include "model/engine/effects.hpp"
#include "model/engine/parameter_values.hpp"

namespace kommunesim::model {
namespace {

// A parameter's draw is keyed by its id (32-bit FNV-1a), not its place in the register, so that
// adding or removing another parameter never changes it.
uint32_t id_key(const std::string& id) {
  uint32_t hash = 2166136261U;
  for (const char c : id) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 16777619U;
  }
  return hash;
}

}  // namespace

std::vector<int> drawn_unit_costs(const Scenario& scenario) {
  std::vector<bool> refusion(scenario.parameters.size(), false);
  for (const ParameterUse& use : scenario.parameter_uses)
    if (use.kind == ParameterUse::Kind::kRefusionShare)
      refusion[static_cast<size_t>(use.parameter)] = true;
  std::vector<int> drawn;
  for (size_t p = 0; p < scenario.parameters.size(); ++p) {
    const Parameter& parameter = scenario.parameters[p];
    if (parameter.role == ParameterRole::kModelCost && parameter.low < parameter.high &&
        !refusion[p] && parameter.scales_with < 0)
      drawn.push_back(static_cast<int>(p));
  }
  return drawn;
}

UnitCostDraws draw_unit_costs(const Scenario& scenario, RngKey key) {
  UnitCostDraws draws;
  if (!scenario.draw_unit_costs) return draws;
  for (const int p : drawn_unit_costs(scenario)) {
    const Parameter& parameter = scenario.parameters[static_cast<size_t>(p)];
    const double u = uniform(key, kNoPerson, 0, 0, Purpose::kUnitCost, id_key(parameter.id));
    draws.emplace_back(p, triangular_quantile(parameter.low, parameter.value, parameter.high, u));
  }
  // The costs that move with a drawn one, by the same factor.
  const size_t drawn = draws.size();
  for (size_t p = 0; p < scenario.parameters.size(); ++p) {
    const Parameter& follower = scenario.parameters[p];
    for (size_t i = 0; i < drawn; ++i)
      if (draws[i].first == follower.scales_with) {
        const Parameter& leader = scenario.parameters[static_cast<size_t>(follower.scales_with)];
        draws.emplace_back(static_cast<int>(p), follower.value * draws[i].second / leader.value);
      }
  }
  return draws;
}

Scenario with_unit_costs(const Scenario& scenario, const UnitCostDraws& draws, int held) {
  Scenario out = scenario;
  for (const auto& [parameter, value] : draws)
    if (parameter != held) set_parameter_value(out, parameter, value);
  return out;
}

}  // namespace kommunesim::model
