// The recipe of a study: simulate, analyse, calibrate, sensitivity, the decision tables.
#include "model/appraisal/appraisal.hpp"

#include <algorithm>
#include <stdexcept>

#include "model/appraisal/disclosure.hpp"
#include "model/appraisal/resimulator.hpp"
#include "model/engine/initial_populations.hpp"

namespace kommunesim::appraisal {
namespace {

// Dynamics figures with a range that the tornado leaves out unless asked for the full tornado
// (those marked explore are always in it).
int dynamics_figures(const Scenario& scenario) {
  int figures = 0;
  for (const Parameter& p : scenario.parameters)
    figures += p.role == ParameterRole::kModelDynamics && p.low < p.high && !p.explore;
  return figures;
}

}  // namespace

const ArmNormSummary& Appraisal::summary(int arm, int norm) const {
  const size_t proposals = scenario.arms.size() - 1;
  return analysis.summaries[static_cast<size_t>(norm) * proposals + static_cast<size_t>(arm) - 1];
}

namespace {

// The scenario as appraised: the command line's overrides applied.
Scenario appraised(const Scenario& scenario, const AppraisalOptions& options) {
  Scenario s = scenario;
  if (options.replicates) {  // a fixed count
    s.replicates = *options.replicates;
    s.replicate_batch = 0;
    s.max_replicates = s.replicates;
  }
  if (s.redraw_population && (s.replicates % kReplicatesPerPopulation != 0 ||
                              s.max_replicates % kReplicatesPerPopulation != 0 ||
                              s.replicate_batch % kReplicatesPerPopulation != 0))
    throw std::invalid_argument(
        "a population redrawn for every pair of replicates needs even replicate counts");
  if (options.seed) s.seed = *options.seed;
  if (options.sensitivity_replicates) s.sensitivity_replicates = *options.sensitivity_replicates;
  return s;
}

// The main run's results for `plan` from `all`, the complete results of the parts (the plan for
// the scenario's most replicates): the tallies of plan's units, and each replicate's draws as
// execute_units makes them.
RunResults taken_from(const Scenario& s, const RunPlan& plan, const RunResults& all) {
  const size_t arms = s.arms.size();
  const auto most = static_cast<size_t>(all.tallies.size() / arms / plan.dynamics_groups.size());
  if (most < static_cast<size_t>(plan.replicates))
    throw std::invalid_argument("the parts hold fewer replicates than the run needs");
  RunResults results;
  results.tallies.resize(plan.units.size());
  for (size_t u = 0; u < plan.units.size(); ++u) {
    const RunUnit& unit = plan.units[u];
    results.tallies[u] = all.tallies[(static_cast<size_t>(unit.dynamics_group) * most +
                                      static_cast<size_t>(unit.replicate)) *
                                         arms +
                                     static_cast<size_t>(unit.arm)];
  }
  for (int r = 0; r < plan.replicates; ++r) {
    const RngKey key{plan.seed, static_cast<uint32_t>(r)};
    results.effect_draws.push_back(draw_effects(s, key));
    results.unit_costs.push_back(draw_unit_costs(s, key));
  }
  return results;
}

}  // namespace

PartRun simulate_part(const Scenario& scenario, const AppraisalOptions& options, int part,
                      int parts, ProgressListener& progress) {
  const Scenario s = appraised(scenario, options);
  const CompiledModel compiled = compile(s);
  InitialPopulations populations(s, compiled, s.seed);
  PartRun out;
  out.plan = plan_runs(s, s.seed, s.max_replicates);
  out.plan.cross_silo_replicates = s.replicates;  // the first batch's, as appraise() has it
  populations.cover(out.plan.replicates);
  for (size_t u = 0; u < out.plan.units.size(); ++u)
    if (out.plan.units[u].replicate % parts == part) out.units.push_back(u);
  progress.planned(s, populations.first().persons(), out.plan);
  uint64_t simulations = 0;
  for (size_t u : out.units) simulations += out.plan.units[u].same_as < 0;
  progress.begin(ProgressListener::Phase::kSimulating,
                 simulations * static_cast<uint64_t>(out.plan.months));
  out.results = execute_units(
      s, compiled, populations, out.plan, out.units, [&] { progress.advance(1); },
      options.execution);
  progress.end();
  return out;
}

Appraisal appraise(const Scenario& scenario, const AppraisalOptions& options,
                   ProgressListener& progress) {
  Appraisal out;
  Scenario& s = out.scenario;
  s = appraised(scenario, options);

  out.compiled = compile(s);
  InitialPopulations populations(s, out.compiled, s.seed);
  out.persons = populations.first().persons();
  out.plan = plan_runs(s, s.seed, s.replicates);
  out.plan.cross_silo_replicates = out.plan.replicates;  // the first batch's
  populations.cover(out.plan.replicates);
  progress.planned(s, out.persons, out.plan);
  // A bar for the main run's simulations, unless the parts of the run made them.
  if (!options.main_results)
    progress.begin(ProgressListener::Phase::kSimulating,
                   out.plan.simulations() * static_cast<uint64_t>(out.plan.months));
  out.results = options.main_results ? taken_from(s, out.plan, *options.main_results)
                                     : execute_plan(
                                           s, out.compiled, populations, out.plan,
                                           [&] { progress.advance(1); }, options.execution);
  progress.end();
  out.analysis = analyse(s, out.compiled, out.plan, out.results);
  // More replicates in batches while a verdict or a top rank is unresolved: the rule reads only
  // results, so the count is the same for any number of threads.
  out.replicates = {s.replicate_batch > 0, s.replicates, s.replicate_batch, s.max_replicates,
                    resolution(out.analysis)};
  while (out.replicates.adaptive && !out.replicates.resolution.done() &&
         out.plan.replicates < s.max_replicates) {
    const int more = std::min(s.replicate_batch, s.max_replicates - out.plan.replicates);
    progress.more_replicates(out.plan.replicates, more, out.replicates.resolution);
    if (!options.main_results)
      progress.begin(ProgressListener::Phase::kSimulating,
                     out.plan.simulations() / static_cast<uint64_t>(out.plan.replicates) *
                         static_cast<uint64_t>(more) * static_cast<uint64_t>(out.plan.months));
    populations.cover(out.plan.replicates + more);
    if (options.main_results) {
      RunPlan larger = plan_runs(s, s.seed, out.plan.replicates + more);
      larger.cross_silo_replicates = out.plan.cross_silo_replicates;
      out.results = taken_from(s, larger, *options.main_results);
      out.plan = std::move(larger);
    } else {
      add_replicates(
          s, out.compiled, populations, out.plan, out.results, more, [&] { progress.advance(1); },
          options.execution);
    }
    progress.end();
    out.analysis = analyse(s, out.compiled, out.plan, out.results);
    out.replicates.resolution = resolution(out.analysis);
  }
  out.calibration = calibrate(s, out.compiled, out.plan, out.results);
  out.coverage = coverage(s, out.plan, out.analysis.accounts);

  Resimulator resimulator(
      s, out.compiled, populations, out.plan, out.results, out.analysis,
      s.sensitivity_replicates > 0 ? s.sensitivity_replicates : out.plan.replicates,
      options.execution);
  if (options.sensitivity) {
    resimulator.on_work([&](uint64_t months) { progress.advance(months); });
    out.tornado = tornado(
        s, out.plan, out.analysis, resimulator, options.full_tornado,
        [&](uint64_t months) { progress.begin(ProgressListener::Phase::kTornado, months); });
    progress.end();
    bool begun = false;
    out.switching = switching_values(s, out.plan, out.analysis, resimulator, [&](uint64_t months) {
      if (!begun) progress.begin(ProgressListener::Phase::kSwitching, months);
      progress.replan(months);
      begun = true;
    });
    if (begun) progress.end();
    out.sensitivity = {true, options.full_tornado, resimulator.replicates(),
                       resimulator.simulations(), options.full_tornado ? 0 : dynamics_figures(s)};
  } else {
    out.switching = valuation_switching_values(s, out.plan, out.analysis);
  }

  out.ledger = ledger(s, out.plan, out.analysis);
  out.budget = budget_by_type(s, out.plan, out.analysis);
  out.budget_form = budget_form(s, out.plan, out.analysis);
  out.capacity = capacity_use(s, out.plan, out.results);
  out.flips = flips(s, out.analysis);
  out.flows = citizen_flows(s, out.compiled, out.plan, out.results);
  out.cross_silo = cross_silo_picture(s, out.compiled, out.plan, out.results);
  out.graph_edges = dependency_edges(s);
  for (const Proposal& p : s.proposals) out.reach.push_back(reachable_departments(s, p));
  control_disclosure(out);  // last: every table is complete
  return out;
}

}  // namespace kommunesim::appraisal
