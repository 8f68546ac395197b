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

Appraisal appraise(const Scenario& scenario, const AppraisalOptions& options,
                   ProgressListener& progress) {
  Appraisal out;
  Scenario& s = out.scenario;
  s = scenario;
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

  out.compiled = compile(s);
  InitialPopulations populations(s, out.compiled, s.seed);
  out.persons = populations.first().persons();
  out.plan = plan_runs(s, s.seed, s.replicates);
  out.plan.cross_silo_replicates = out.plan.replicates;  // the first batch's
  populations.cover(out.plan.replicates);
  progress.planned(s, out.persons, out.plan);
  progress.begin(ProgressListener::Phase::kSimulating,
                 out.plan.simulations() * static_cast<uint64_t>(out.plan.months));
  out.results = execute_plan(
      s, out.compiled, populations, out.plan, [&] { progress.advance(1); }, options.execution);
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
    progress.begin(ProgressListener::Phase::kSimulating,
                   out.plan.simulations() / static_cast<uint64_t>(out.plan.replicates) *
                       static_cast<uint64_t>(more) * static_cast<uint64_t>(out.plan.months));
    populations.cover(out.plan.replicates + more);
    add_replicates(
        s, out.compiled, populations, out.plan, out.results, more, [&] { progress.advance(1); },
        options.execution);
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
