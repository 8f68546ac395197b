// The month loop: the phases of step.hpp in order, parallel over household blocks with oneTBB.
#include "model/engine/simulation.hpp"

#include <tbb/enumerable_thread_specific.h>

#include <algorithm>

#include "model/engine/step.hpp"

namespace kommunesim::model {

namespace {

// The months in which the tables a sleeping person's tallies read may change: dated changes and
// the first months of cost conditions (CompiledModel::later, Condition::kFromMonth).
std::vector<MonthIndex> table_change_months(const CompiledModel& compiled) {
  std::vector<MonthIndex> months;
  for (const DatedTables& later : compiled.later) months.push_back(later.from);
  for (const ModuleTables& module : compiled.modules)
    for (const StateTable& st : module.states)
      for (const Condition& c : st.cost_conditions)
        if (c.kind == Condition::Kind::kFromMonth) months.push_back(c.from_month);
  std::sort(months.begin(), months.end());
  return months;
}

// The month before which households may sleep after `month` (StepContext::sleep_before): the
// next table change or the end of the run. 0 (nobody sleeps) when the cross-silo picture is
// tallied or households may move out (a draw every month).
MonthIndex sleep_before(const SimulationInput& input, const std::vector<MonthIndex>& changes,
                        MonthIndex month) {
  if (!input.sleep || input.cross_silo || input.scenario.demography.out_migration_monthly > 0)
    return 0;
  MonthIndex before = input.months;
  const auto next = std::upper_bound(changes.begin(), changes.end(), month);
  if (next != changes.end()) before = std::min(before, *next);
  return before;
}

}  // namespace

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
  const std::vector<MonthIndex> changes = table_change_months(input.compiled);
  // Sleeping households' tallies of later budget years, per thread: integer sums, the same
  // whichever thread adds them.
  tbb::enumerable_thread_specific<std::vector<Tally>> later;

  for (MonthIndex month = 0; month < input.months; ++month) {
    if (month % kMonthsPerYear == 0)
      result.years.push_back(empty_tally(input.compiled, input.cross_silo));
    Tally& year = result.years.back();
    const InForce now = in_force(input.scenario, input.compiled, month);
    const StepContext ctx{now.scenario, now.compiled,     input.arm,
                          effects,      input.dynamics,   input.key,
                          month,        input.cross_silo, sleep_before(input, changes, month)};
    const size_t households = pop.households();
    if (admits(ctx)) {
      for_each_block(households, blocks, [&](size_t first, size_t end, BlockOutput& out) {
        out.reset(input.compiled, input.cross_silo);
        household_phase(ctx, pop, first, end, out);
      });
      admission_phase(ctx, pop, blocks, year);
      for_each_block(households, blocks, [&](size_t first, size_t end, BlockOutput& out) {
        out.later = &later.local();
        person_phase(ctx, pop, first, end, out);
      });
    } else {
      // Without admissions the person phase of a block needs nothing from other blocks: one
      // pass, while the block's persons are still in the cache.
      for_each_block(households, blocks, [&](size_t first, size_t end, BlockOutput& out) {
        out.reset(input.compiled, input.cross_silo);
        out.later = &later.local();
        household_phase(ctx, pop, first, end, out);
        person_phase(ctx, pop, first, end, out);
      });
    }
    for (const BlockOutput& b : blocks) year.add(b.tally);
    demography_phase(ctx, pop, blocks, year);
    if (month % kMonthsPerYear == kMonthsPerYear - 1) pop.compact();
    if (on_month) on_month();
  }
  for (const std::vector<Tally>& years : later)
    for (size_t y = 0; y < years.size(); ++y) result.years[y].add(years[y]);
  return result;
}

}  // namespace kommunesim::model
