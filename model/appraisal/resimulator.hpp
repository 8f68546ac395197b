// Simulations under values the main run did not simulate, for the tornado and the switching
// values: other dynamics settings of a normative set, or a register figure of the modules or
// proposals at another value. Valuation parameters never come here (they revalue stored
// accounts); the re-simulations run on the same random numbers as the main run.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "model/appraisal/analysis.hpp"
#include "model/engine/initial_populations.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/run_plan.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

using namespace kommunesim::model;  // the appraisal reads the engine's types

// Whether moving register parameter `parameter` can change arm `arm`: a figure that only
// proposals read (their costs, effect sizes or effect half-lives) leaves the arms without them
// unmoved.
bool moves_arm(const Scenario& scenario, int parameter, int arm);

// Simulations under values the main run did not simulate: other dynamics settings of a set, or
// a register figure of the modules or proposals at another value. Each runs once, for the first
// `replicates` replicates and as many years as the set asking for it counts, and is kept for
// later questions that need no more years.
class Resimulator {
 public:
  // With Execution::kFull, prepare does nothing and every re-simulation runs alone, in full: the
  // reference the shared-baseline passes are checked against.
  Resimulator(const Scenario& scenario, const CompiledModel& compiled,
              const InitialPopulations& populations, const RunPlan& plan, const RunResults& results,
              const Analysis& analysis, int replicates,
              Execution execution = Execution::kSharedBaseline);
  ~Resimulator();

  // Mean net value of `arm` under set `norm`'s valuation, simulated with `dynamics`. Dynamics the
  // main run simulated are answered from its accounts. Others are simulated on the first
  // replicates(); their paired difference from the set's own dynamics on those replicates is
  // added to the set's mean over all replicates (with common random numbers the difference is
  // far more precise than either mean). With all replicates this is the plain mean. Only the
  // proposal arm is re-simulated: the baseline carries no effects.
  double mean_net_value(int arm, int norm, const Dynamics& dynamics);

  // Mean net value of `arm` under set `norm` with register parameter `parameter`, a figure of
  // the modules or proposals, at `value`. A unit cost revalues the main run's tallies (every
  // replicate, no simulation); a dynamics figure re-simulates the baseline and the arm with the
  // set's dynamics, corrected as above (an effect size re-simulates only the arm).
  double mean_net_value_at(int arm, int norm, int parameter, double value);

  // An arm with other dynamics, simulated for at least `months` months.
  struct Wanted {
    int arm = 0;
    Dynamics dynamics;
    int months = 0;
  };
  // Simulates now every one of `wanted` that mean_net_value would have to simulate, in one pass
  // per replicate and length that simulates the baseline once for all of them
  // (engine/shared_baseline.hpp); mean_net_value then finds them. The results are those of
  // simulating each alone.
  void prepare(const std::vector<Wanted>& wanted);
  // The same for mean_net_value_at(arm, norm, parameter, value) of a dynamics figure: the arms
  // of `wanted` (each with its set's dynamics) on the scenario with the figure at `value`, and
  // the moved baseline where the figure changes it.
  void prepare_at(int parameter, double value, const std::vector<Wanted>& wanted);
  // prepare (parameter -1) or prepare_at for each of `moves` at once: their simulations in one
  // round, so that independent passes run side by side. The results are the same.
  struct Moved {
    int parameter = -1;
    double value = 0;
    std::vector<Wanted> wanted;
  };
  void prepare_all(const std::vector<Moved>& moves);
  // The simulated months that prepare_all(moves) would run now (one per month of each
  // simulation, a baseline shared by passes counted once), for progress reports.
  uint64_t work_all(const std::vector<Moved>& moves);
  // Called with a count of simulated months as they are done, from worker threads.
  void on_work(std::function<void(uint64_t)> report) { on_work_ = std::move(report); }
  // The simulated months done so far.
  uint64_t work_done() const { return work_done_.load(std::memory_order_relaxed); }

  // The months a re-simulation for set `set` runs: its horizon, within the plan's.
  int months_for(const NormativeSet& set) const {
    return std::min(plan_.months, set.horizon_years * kMonthsPerYear);
  }

  int replicates() const { return replicates_; }
  size_t simulations() const { return simulations_; }

 private:
  struct Variant;  // the scenario with one figure moved
  // A simulation of a variant: its arm and effective dynamics (equal ones simulate identically).
  using SimKey = std::tuple<int, double, double, bool>;
  static SimKey sim_key(int arm, const Dynamics& dynamics);
  struct Simulated {
    int months = 0;
    std::vector<std::vector<YearAccount>> accounts;  // per replicate, per year
  };
  Variant& variant(int parameter, double value);
  void prepare_in(Variant& model, const std::vector<Wanted>& wanted);
  struct Pass;
  // The pass that simulates what `wanted` misses on `model`, or nothing when nothing is missing.
  std::optional<Pass> pass_for(Variant& model, const std::vector<Wanted>& wanted);
  // The passes' simulations, every (pass, replicate) side by side, kept in their variants.
  void run_passes(std::vector<Pass>& passes);
  // What prepare_in(model, wanted) must simulate: each missing simulation once, for the longest
  // months asked.
  std::map<SimKey, Wanted> missing_in(const Variant& model,
                                      const std::vector<Wanted>& wanted) const;
  // Passes simulated together: one baseline for all of their arms. Passes whose baseline is the
  // scenario's own (nothing moved, or only effect sizes, which the baseline does not read) and
  // that run for the same months share one call; any other pass has its own.
  struct PassShape {
    bool baseline_unchanged = true;
    int months = 0;
    size_t arms = 0;
  };
  struct Call {
    std::vector<size_t> passes;
    std::vector<size_t> first_path;  // per pass: where its arms begin among the call's
    size_t paths = 0;
    int months = 0;
    bool baseline_unchanged = true;
  };
  static std::vector<Call> calls_of(const std::vector<PassShape>& passes);
  // prepare_at's wanted simulations: with the moved baseline where the figure changes it.
  static std::vector<Wanted> with_moved_baseline(const Variant& v,
                                                 const std::vector<Wanted>& wanted);
  // The main run's dynamics group that simulated `dynamics`, or -1.
  int main_run_group(const Dynamics& dynamics) const;
  const Simulated& simulated(Variant& model, int arm, const Dynamics& dynamics, int months);
  // The variant's scenario with each re-simulated replicate's drawn unit costs, when the
  // scenario draws them.
  void prepare_unit_costs(Variant& model);
  // The accounts of replicate r's simulation of `arm` on the variant, at r's unit costs.
  std::vector<YearAccount> account(const Variant& model, int r, int arm,
                                   const std::vector<Tally>& years) const;
  // The arm's mean net value under set `norm` from simulations on replicates(): the arm's and the
  // baseline's (nullptr: the main run's baseline), corrected to all replicates as above.
  double from_subset(int arm, int norm, const Simulated& proposal, const Simulated* baseline);

  const Scenario& scenario_;
  const CompiledModel& compiled_;
  const InitialPopulations& populations_;
  const RunPlan& plan_;
  const RunResults& results_;
  const Analysis& analysis_;
  int replicates_ = 1;
  Execution execution_ = Execution::kSharedBaseline;
  std::unique_ptr<Variant> unmoved_;
  std::map<std::pair<int, double>, std::unique_ptr<Variant>> variants_;
  size_t simulations_ = 0;
  std::function<void(uint64_t)> on_work_;
  std::atomic<uint64_t> work_done_{0};
  void month_done() {
    work_done_.fetch_add(1, std::memory_order_relaxed);
    if (on_work_) on_work_(1);
  }
};

}  // namespace kommunesim::appraisal
