// Planning and executing the units of a run.
#include "model/engine/run_plan.hpp"

#include <algorithm>
#include <numeric>

#include "model/engine/processes.hpp"
#include "model/engine/shared_baseline.hpp"
#include "model/engine/simulation.hpp"

namespace kommunesim::model {

RunPlan plan_runs(const Scenario& scenario, uint32_t seed, int replicates) {
  RunPlan plan;
  plan.seed = seed;
  plan.replicates = replicates;
  plan.months = scenario.months();
  plan.replicates_per_population = scenario.redraw_population ? kReplicatesPerPopulation : 1;
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

namespace {

// Every simulated unit in full, one simulation each.
void simulate_each(const Scenario& scenario, const CompiledModel& compiled,
                   const InitialPopulations& populations, const RunPlan& plan,
                   const std::vector<size_t>& simulated, RunResults& results,
                   const std::function<void()>& on_month) {
  processes::share<std::vector<Tally>>(
      simulated.size(),
      [&](size_t i) {
        const RunUnit& unit = plan.units[simulated[i]];
        const SimulationInput input{scenario,
                                    compiled,
                                    populations.of(unit.replicate),
                                    scenario.arms[static_cast<size_t>(unit.arm)],
                                    results.effect_draws[static_cast<size_t>(unit.replicate)],
                                    plan.dynamics_groups[static_cast<size_t>(unit.dynamics_group)],
                                    RngKey{plan.seed, static_cast<uint32_t>(unit.replicate)},
                                    plan.months,
                                    plan.cross_silo(unit)};
        return simulate(input, on_month).years;
      },
      [&](size_t i, std::vector<Tally>&& years) {
        results.tallies[simulated[i]] = std::move(years);
      },
      save_years, load_years);
}

// Per replicate, the baseline once and every arm on the households where it differs.
void simulate_sharing_baselines(const Scenario& scenario, const CompiledModel& compiled,
                                const InitialPopulations& populations, const RunPlan& plan,
                                const std::vector<size_t>& simulated, RunResults& results,
                                const std::function<void()>& on_month) {
  std::vector<std::vector<size_t>> arms_of(static_cast<size_t>(plan.replicates));
  std::vector<int64_t> baseline_of(static_cast<size_t>(plan.replicates), -1);
  for (size_t u : simulated) {
    const RunUnit& unit = plan.units[u];
    if (unit.arm == 0)
      baseline_of[static_cast<size_t>(unit.replicate)] = static_cast<int64_t>(u);
    else
      arms_of[static_cast<size_t>(unit.replicate)].push_back(u);
  }
  const auto simulate_replicate = [&](size_t replicate) {
    const int r = static_cast<int>(replicate);
    const auto& units = arms_of[replicate];
    if (units.empty() && baseline_of[replicate] < 0) return SharedBaselineResult{};
    std::vector<ArmPath> paths;
    for (size_t u : units)
      paths.push_back({&scenario.arms[static_cast<size_t>(plan.units[u].arm)],
                       plan.dynamics_groups[static_cast<size_t>(plan.units[u].dynamics_group)],
                       plan.cross_silo(plan.units[u])});
    return simulate_shared_baseline(
        scenario, compiled, populations.of(r), paths, results.effect_draws[replicate],
        RngKey{plan.seed, static_cast<uint32_t>(r)}, plan.months,
        [&] {
          // One step per unit simulated (the baseline counts once, whether asked for or not).
          if (on_month) on_month();
        },
        r < plan.cross_silo_replicates);
  };
  const auto store = [&](size_t r, SharedBaselineResult&& shared) {
    if (shared.baseline.empty()) return;  // nothing of the replicate was asked for
    results.tallies[plan.unit_index(0, static_cast<int>(r), 0, scenario.arms.size())] =
        std::move(shared.baseline);
    const auto& units = arms_of[r];
    for (size_t i = 0; i < units.size(); ++i) results.tallies[units[i]] = std::move(shared.arms[i]);
  };
  processes::share<SharedBaselineResult>(static_cast<size_t>(plan.replicates), simulate_replicate,
                                         store, save_shared, load_shared);
}

}  // namespace

RunResults execute_units(const Scenario& scenario, const CompiledModel& compiled,
                         const InitialPopulations& populations, const RunPlan& plan,
                         const std::vector<size_t>& unit_indices,
                         const std::function<void()>& on_month, Execution execution) {
  RunResults results;
  results.tallies.resize(plan.units.size());
  for (int r = 0; r < plan.replicates; ++r) {
    const RngKey key{plan.seed, static_cast<uint32_t>(r)};
    results.effect_draws.push_back(draw_effects(scenario, key));
    results.unit_costs.push_back(draw_unit_costs(scenario, key));
  }
  // A unit that shares another's simulation brings that one along.
  std::vector<size_t> simulated;
  for (size_t u : unit_indices)
    simulated.push_back(plan.units[u].same_as < 0 ? u : static_cast<size_t>(plan.units[u].same_as));
  std::sort(simulated.begin(), simulated.end());
  simulated.erase(std::unique(simulated.begin(), simulated.end()), simulated.end());
  if (execution == Execution::kSharedBaseline)
    simulate_sharing_baselines(scenario, compiled, populations, plan, simulated, results, on_month);
  else
    simulate_each(scenario, compiled, populations, plan, simulated, results, on_month);
  for (size_t u : unit_indices)
    if (plan.units[u].same_as >= 0) {
      results.tallies[u] = results.tallies[static_cast<size_t>(plan.units[u].same_as)];
      // Only the first dynamics group's units keep the picture.
      if (!plan.cross_silo(plan.units[u]))
        for (Tally& year : results.tallies[u]) year.drop_cross_silo();
    }
  return results;
}

RunResults execute_plan(const Scenario& scenario, const CompiledModel& compiled,
                        const InitialPopulations& populations, const RunPlan& plan,
                        const std::function<void()>& on_month, Execution execution) {
  std::vector<size_t> all(plan.units.size());
  std::iota(all.begin(), all.end(), size_t{0});
  return execute_units(scenario, compiled, populations, plan, all, on_month, execution);
}

void add_replicates(const Scenario& scenario, const CompiledModel& compiled,
                    const InitialPopulations& populations, RunPlan& plan, RunResults& results,
                    int more, const std::function<void()>& on_month, Execution execution) {
  RunPlan larger = plan_runs(scenario, plan.seed, plan.replicates + more);
  larger.cross_silo_replicates = plan.cross_silo_replicates;
  std::vector<size_t> added;
  for (size_t u = 0; u < larger.units.size(); ++u)
    if (larger.units[u].replicate >= plan.replicates) added.push_back(u);
  RunResults merged =
      execute_units(scenario, compiled, populations, larger, added, on_month, execution);
  const size_t arms = scenario.arms.size();
  for (size_t u = 0; u < plan.units.size(); ++u) {
    const RunUnit& unit = plan.units[u];
    merged.tallies[larger.unit_index(unit.dynamics_group, unit.replicate, unit.arm, arms)] =
        std::move(results.tallies[u]);
  }
  plan = std::move(larger);
  results = std::move(merged);
}

}  // namespace kommunesim::model
