// The month loop: the phases of step.hpp in order, parallel over household blocks with oneTBB.
#include "model/engine/simulation.hpp"

#include "model/engine/step.hpp"

namespace kommunesim::model {

SimulationResult simulate(const SimulationInput& input, const std::function<void()>& on_month) {
  return simulate(input, input.initial, on_month);
}

SimulationResult simulate(const SimulationInput& input, Population population,
                          const std::function<void()>& on_month) {
  SimulationResult result;
  Population& pop = result.final_population;
  pop = std::move(population);
  require_clocks(pop, input.compiled);
  pop.reserve_growth();
  const ArmEffects effects =
      arm_effects(input.scenario, input.compiled, input.arm, input.effect_draws, input.dynamics);
  std::vector<BlockOutput> blocks;

  for (MonthIndex month = 0; month < input.months; ++month) {
    if (month % kMonthsPerYear == 0)
      result.years.push_back(empty_tally(input.compiled, input.cross_silo));
    Tally& year = result.years.back();
    const InForce now = in_force(input.scenario, input.compiled, month);
    const StepContext ctx{now.scenario,   now.compiled, input.arm, effects,
                          input.dynamics, input.key,    month,     input.cross_silo};
    const size_t households = pop.households();
    if (admits(ctx)) {
      for_each_block(households, blocks, [&](size_t first, size_t end, BlockOutput& out) {
        out.reset(input.compiled, input.cross_silo);
        household_phase(ctx, pop, first, end, out);
      });
      admission_phase(ctx, pop, blocks, year);
      for_each_block(households, blocks, [&](size_t first, size_t end, BlockOutput& out) {
        person_phase(ctx, pop, first, end, out);
      });
    } else {
      // Without admissions the person phase of a block needs nothing from other blocks: one
      // pass, while the block's persons are still in the cache.
      for_each_block(households, blocks, [&](size_t first, size_t end, BlockOutput& out) {
        out.reset(input.compiled, input.cross_silo);
        household_phase(ctx, pop, first, end, out);
        person_phase(ctx, pop, first, end, out);
      });
    }
    for (const BlockOutput& b : blocks) year.add(b.tally);
    demography_phase(ctx, pop, blocks, year);
    if (month % kMonthsPerYear == kMonthsPerYear - 1) pop.compact();
    if (on_month) on_month();
  }
  return result;
}

}  // namespace kommunesim::model
