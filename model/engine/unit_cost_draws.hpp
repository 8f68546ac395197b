// Unit costs drawn per replicate within their register ranges, when the scenario asks for it:
// the uncertainty of what a month in a state or a proposal costs, beside the individual
// randomness and the effect sizes. Refusion shares are law, not estimates, and are never drawn.
#pragma once

#include <utility>
#include <vector>

#include "model/engine/rng.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::model {

// One replicate's draw: (register parameter, value) for every drawn unit cost; empty when the
// scenario keeps its unit costs at their register values.
using UnitCostDraws = std::vector<std::pair<int, double>>;

// The register parameters that are drawn on their own: unit costs (never refusion shares) with
// low < high that do not scale with another.
std::vector<int> drawn_unit_costs(const Scenario& scenario);

// Replicate `key.replicate`'s draw: triangular over [low, high] with the register value as its
// mode, keyed by (seed, replicate, parameter id), so a draw never depends on which others exist;
// then every cost that scales with a drawn one, by the same factor (its range is not used).
UnitCostDraws draw_unit_costs(const Scenario& scenario, RngKey key);

// The scenario with `draws` in place, except register parameter `held` (or none for -1), which
// keeps the scenario's value: the tornado moves it while the others stay drawn.
Scenario with_unit_costs(const Scenario& scenario, const UnitCostDraws& draws, int held = -1);

}  // namespace kommunesim::model
