// A whole study as one value: appraise() simulates the baseline and every arm, takes paired
// differences, values them under every normative set, and derives every table a user can see.
// The writers only format an Appraisal.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/appraisal/analysis.hpp"
#include "model/appraisal/budget.hpp"
#include "model/appraisal/calibration.hpp"
#include "model/appraisal/capacity_use.hpp"
#include "model/appraisal/citizen_flows.hpp"
#include "model/appraisal/cross_silo.hpp"
#include "model/appraisal/flips.hpp"
#include "model/appraisal/ledger.hpp"
#include "model/appraisal/switching.hpp"
#include "model/appraisal/tornado.hpp"
#include "model/engine/cross_graph.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/run_plan.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

struct AppraisalOptions {
  // Overrides of the scenario's settings (from the command line).
  std::optional<int> replicates;
  std::optional<uint32_t> seed;
  std::optional<int> sensitivity_replicates;
  // The tornado and the switching values of dynamics parameters (re-simulations). Without them
  // the switching values of valuation parameters are still found.
  bool sensitivity = true;
  // Also move every dynamics figure of the modules and proposals (rates, relative risks, entry
  // shares, effect sizes) in the tornado: two re-simulations each per dynamics group.
  bool full_tornado = false;
  // Every arm and re-simulation in full instead of sharing the baseline: identical results,
  // slower; the reference path.
  Execution execution = Execution::kSharedBaseline;
  // The main run's simulations already done by the parts of a run (run --part, then merge): the
  // plan for the scenario's most replicates, its tallies complete. appraise() then simulates only
  // the sensitivity.
  const RunResults* main_results = nullptr;
};

// What appraise() reports while it works. advance() is called from worker threads.
class ProgressListener {
 public:
  // The phases, in the order they run; each counts simulated months (one per month of each
  // simulation, whether run alone or as an arm of a shared-baseline pass).
  enum class Phase { kSimulating, kTornado, kSwitching };
  virtual ~ProgressListener() = default;
  // Before the first simulation: the scenario as appraised, its population and the plan.
  virtual void planned(const Scenario& /*scenario*/, size_t /*persons*/, const RunPlan& /*plan*/) {}
  // Before each further batch of replicates: why more are needed.
  virtual void more_replicates(int /*from*/, int /*more*/, const Resolution& /*so_far*/) {}
  virtual void begin(Phase /*phase*/, uint64_t /*steps*/) {}
  // A phase's steps estimated again (the switching-value searches end early, their bound shrinks).
  virtual void replan(uint64_t /*steps*/) {}
  virtual void advance(uint64_t /*steps*/) {}
  virtual void end() {}
};

// How the number of replicates came about.
struct ReplicateRun {
  bool adaptive = false;  // batches until resolved (the scenario's rule), or a fixed count
  int first = 0;
  int batch = 0;
  int max = 0;
  Resolution resolution;  // after the last batch
  bool capped() const { return adaptive && !resolution.done(); }
};

// The re-simulations that the tornado and the dynamics switching values needed.
struct SensitivityRun {
  bool done = false;
  bool full_tornado = false;
  int replicates = 0;          // replicates each re-simulation ran
  size_t simulations = 0;      // further simulations
  int unexplored_figures = 0;  // dynamics figures with a range left out of the tornado
};

// What disclosure control (disclosure.hpp) hid, per table: cells whose own count was below the
// threshold, and cells hidden because a small count could be derived from them.
struct SuppressedCells {
  std::string table;
  size_t small = 0;
  size_t derivable = 0;
};
struct DisclosureReport {
  bool applied = false;  // the scenario is built on real data
  int threshold = 0;
  std::vector<SuppressedCells> tables;
};

struct Appraisal {
  Scenario scenario;  // as appraised: the command line's overrides applied
  CompiledModel compiled;
  RunPlan plan;
  size_t persons = 0;  // in the initial population
  RunResults results;  // tallies per unit and year, effect draws per replicate
  ReplicateRun replicates;
  Analysis analysis;  // accounts, paired differences, net values, summaries and ranks
  std::vector<LedgerRow> ledger;
  std::vector<BudgetRow> budget;            // the municipality's net cost by budget type
  std::vector<BudgetFormLine> budget_form;  // per proposal: department x budget type x year
  std::vector<CapacityUse> capacity;        // how full each proposal's places are, per year
  std::vector<FlipRow> flips;
  std::vector<SwitchingRow> switching;
  std::vector<TornadoRow> tornado;
  SensitivityRun sensitivity;
  std::vector<CalibrationRow> calibration;
  Coverage coverage;  // the modules' share of the municipality's net operating spending
  std::vector<std::vector<CitizenFlow>> flows;  // per arm
  std::vector<CrossSiloRow> cross_silo;         // who is known to which centres, per arm and year
  std::vector<GraphEdge> graph_edges;
  std::vector<std::vector<int>> reach;  // per proposal: department indices it can affect
  DisclosureReport disclosure;

  // The summary of arm (>= 1) under set `norm`.
  const ArmNormSummary& summary(int arm, int norm) const;
};

Appraisal appraise(const Scenario& scenario, const AppraisalOptions& options,
                   ProgressListener& progress);

// A part of a run (run --part): of the main run's simulations for the scenario's most replicates
// (a fixed count if options.replicates gives one), those of the replicates r with
// r % parts == part; the other units' tallies stay empty. A merge of every part's tallies is what
// AppraisalOptions::main_results takes.
struct PartRun {
  RunPlan plan;               // for the most replicates
  RunResults results;         // tallies of this part's units only
  std::vector<size_t> units;  // this part's unit indices
};
PartRun simulate_part(const Scenario& scenario, const AppraisalOptions& options, int part,
                      int parts, ProgressListener& progress);

}  // namespace kommunesim::appraisal
