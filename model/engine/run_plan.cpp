// Planning and executing the units of a run.
#include "model/engine/run_plan.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <numeric>

#include "model/engine/simulation.hpp"

namespace kommunesim::model {

RunPlan plan_runs(const Scenario& scenario, uint32_t seed, int replicates) {
  RunPlan plan;
  plan.seed = seed;
  plan.replicates = replicates;
  plan.months = scenario.months();
  for (const NormativeSet& norm : scenario.norms) {
    size_t g = 0;
    while (g < plan.dynamics_groups.size() &&
           !(plan.dynamics_groups[g].effective() == norm.dynamics.effective()))
      ++g;
    if (g == plan.dynamics_groups.size()) plan.dynamics_groups.push_back(norm.dynamics);
    plan.norm_group.push_back(static_cast<int>(g));
  }
  if (plan.dynamics_groups.empty()) plan.dynamics_groups.push_back(Dynamics{});
  for (size_t g = 0; g < plan.dynamics_groups.size(); ++g)
    for (int r = 0; r < replicates; ++r)
      for (size_t a = 0; a < scenario.arms.size(); ++a) {
        RunUnit unit{static_cast<int>(g), r, static_cast<int>(a)};
        if (a == 0 && g > 0)
          unit.same_as = static_cast<int64_t>(plan.unit_index(0, r, 0, scenario.arms.size()));
        plan.units.push_back(unit);
      }
  return plan;
}

size_t RunPlan::simulations() const {
  return static_cast<size_t>(
      std::count_if(units.begin(), units.end(), [](const RunUnit& u) { return u.same_as < 0; }));
}

RunResults execute_units(const Scenario& scenario, const CompiledModel& compiled,
                         const Population& initial, const RunPlan& plan,
                         const std::vector<size_t>& unit_indices,
                         const std::function<void()>& on_month) {
  RunResults results;
  results.tallies.resize(plan.units.size());
  for (int r = 0; r < plan.replicates; ++r)
    results.effect_draws.push_back(
        draw_effects(scenario, RngKey{plan.seed, static_cast<uint32_t>(r)}));
  // A unit that shares another's simulation brings that one along.
  std::vector<size_t> simulated;
  for (size_t u : unit_indices)
    simulated.push_back(plan.units[u].same_as < 0 ? u : static_cast<size_t>(plan.units[u].same_as));
  std::sort(simulated.begin(), simulated.end());
  simulated.erase(std::unique(simulated.begin(), simulated.end()), simulated.end());
  tbb::parallel_for(size_t{0}, simulated.size(), [&](size_t i) {
    const RunUnit& unit = plan.units[simulated[i]];
    const SimulationInput input{scenario,
                                compiled,
                                initial,
                                scenario.arms[static_cast<size_t>(unit.arm)],
                                results.effect_draws[static_cast<size_t>(unit.replicate)],
                                plan.dynamics_groups[static_cast<size_t>(unit.dynamics_group)],
                                RngKey{plan.seed, static_cast<uint32_t>(unit.replicate)},
                                plan.months};
    results.tallies[simulated[i]] = simulate(input, on_month).years;
  });
  for (size_t u : unit_indices)
    if (plan.units[u].same_as >= 0)
      results.tallies[u] = results.tallies[static_cast<size_t>(plan.units[u].same_as)];
  return results;
}

RunResults execute_plan(const Scenario& scenario, const CompiledModel& compiled,
                        const Population& initial, const RunPlan& plan,
                        const std::function<void()>& on_month) {
  std::vector<size_t> all(plan.units.size());
  std::iota(all.begin(), all.end(), size_t{0});
  return execute_units(scenario, compiled, initial, plan, all, on_month);
}

}  // namespace kommunesim::model
