// The run plan: independent units of work (dynamics group x replicate x arm), executed in
// parallel and stored by unit index, so output order never depends on scheduling. A unit is a
// value that a later distributed runner can send to another process.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "model/engine/effects.hpp"
#include "model/engine/initial_populations.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/scenario.hpp"
#include "model/engine/tally.hpp"
#include "model/engine/unit_cost_draws.hpp"

namespace kommunesim::model {

struct RunUnit {
  int dynamics_group = 0;
  int replicate = 0;
  int arm = 0;
  // The unit whose simulation this one shares, or -1: the baseline carries no effects, so
  // every dynamics group's baseline is the first group's.
  int64_t same_as = -1;
};

struct RunPlan {
  uint32_t seed = 1;
  int replicates = 1;
  int months = 12;
  // Replicates that start from one population draw: 1 when every replicate shares the
  // scenario's population (they are then independent given it), kReplicatesPerPopulation when
  // it is redrawn (replicates 2d and 2d + 1 share draw d, and only the pairs are independent).
  int replicates_per_population = 1;
  std::vector<Dynamics> dynamics_groups;  // distinct dynamics values among the normative sets
  std::vector<int> norm_group;            // per normative set: its dynamics group
  std::vector<RunUnit> units;
  // The replicates whose simulations of the first dynamics group tally the cross-silo picture:
  // the main run's first ones (a descriptive mean needs no more, and the picture's tallies cost
  // about a tenth of a simulation's time); re-simulations and calibration fits need none (0).
  int cross_silo_replicates = 0;
  bool cross_silo(const RunUnit& unit) const {
    return unit.dynamics_group == 0 && unit.replicate < cross_silo_replicates;
  }
  size_t simulations() const;  // units that simulate (the others share a simulation)
  size_t unit_index(int group, int replicate, int arm, size_t arms) const {
    return (static_cast<size_t>(group) * static_cast<size_t>(replicates) +
            static_cast<size_t>(replicate)) *
               arms +
           static_cast<size_t>(arm);
  }
};

// Normative sets that differ only in valuation (or whose effective dynamics are equal) share one
// dynamics group, so adding a valuation-only set never adds a simulation.
RunPlan plan_runs(const Scenario& scenario, uint32_t seed, int replicates);

struct RunResults {
  std::vector<std::vector<Tally>> tallies;  // per unit, per year
  std::vector<EffectDraws> effect_draws;    // per replicate
  std::vector<UnitCostDraws> unit_costs;    // per replicate (empty: the register values)
};

// How the units are simulated: per replicate the baseline once and every arm only where it
// differs from it (engine/shared_baseline.hpp), or every unit in full. Both give identical
// tallies; the full path stays as the reference the shared one is tested against.
enum class Execution : uint8_t { kSharedBaseline, kFull };

// on_month is called once per simulated unit and month, from worker threads.
// Every replicate starts from populations.of(replicate); cover the plan's replicates first.
RunResults execute_plan(const Scenario& scenario, const CompiledModel& compiled,
                        const InitialPopulations& populations, const RunPlan& plan,
                        const std::function<void()>& on_month = {},
                        Execution execution = Execution::kSharedBaseline);

// Extends a plan and its results by `more` replicates, simulating only the new ones. Replicate k
// is keyed by (seed, k) alone, so the result equals a plan made with the larger count.
void add_replicates(const Scenario& scenario, const CompiledModel& compiled,
                    const InitialPopulations& populations, RunPlan& plan, RunResults& results,
                    int more, const std::function<void()>& on_month = {},
                    Execution execution = Execution::kSharedBaseline);

RunResults execute_units(const Scenario& scenario, const CompiledModel& compiled,
                         const InitialPopulations& populations, const RunPlan& plan,
                         const std::vector<size_t>& unit_indices,
                         const std::function<void()>& on_month = {},
                         Execution execution = Execution::kSharedBaseline);

}  // namespace kommunesim::model
