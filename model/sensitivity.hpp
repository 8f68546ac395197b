// Sensitivity analysis that may need new simulations: the tornado over register parameters and
// the switching value of the effect scale. Valuation parameters are revalued from stored
// accounts; dynamics parameters re-simulate the proposal arms only (the baseline has no
// effects to change), on the same random numbers as the main run.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "model/analysis.hpp"
#include "model/module_tables.hpp"
#include "model/population.hpp"
#include "model/run_plan.hpp"
#include "model/scenario.hpp"

namespace kommunesim::model {

// Sets a dynamics parameter the engine reads (effect_scale, effect_half_life_months,
// deadweight); returns false for any other id.
bool set_dynamics_parameter(const std::string& id, Dynamics& dynamics, double value);

// Simulations under values the main run did not simulate: other dynamics settings of a set, or
// a register figure of the modules or proposals at another value. Each runs once, for the first
// `replicates` replicates and as many years as the set asking for it counts, and is kept for
// later questions that need no more years.
class Resimulator {
 public:
  Resimulator(const Scenario& scenario, const CompiledModel& compiled, const Population& initial,
              const RunPlan& plan, const RunResults& results, const Analysis& analysis,
              int replicates);
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

  int replicates() const { return replicates_; }
  size_t simulations() const { return simulations_; }

 private:
  struct Variant;  // the scenario with one figure moved
  struct Simulated {
    int months = 0;
    std::vector<std::vector<YearAccount>> accounts;  // per replicate, per year
  };
  Variant& variant(int parameter, double value);
  const Simulated& simulated(Variant& model, int arm, const Dynamics& dynamics, int months);
  // The arm's mean net value under set `norm` from simulations on replicates(): the arm's and the
  // baseline's (nullptr: the main run's baseline), corrected to all replicates as above.
  double from_subset(int arm, int norm, const Simulated& proposal, const Simulated* baseline);

  const Scenario& scenario_;
  const CompiledModel& compiled_;
  const Population& initial_;
  const RunPlan& plan_;
  const RunResults& results_;
  const Analysis& analysis_;
  int replicates_ = 1;
  std::unique_ptr<Variant> unmoved_;
  std::map<std::pair<int, double>, std::unique_ptr<Variant>> variants_;
  size_t simulations_ = 0;
};

struct TornadoRow {
  int arm = 0;
  int norm = 0;
  std::string parameter;
  double low = 0, high = 0;  // the register's range
  double base = 0;           // mean net value at the set's values
  double at_low = 0, at_high = 0;
  double swing() const { return std::abs(at_high - at_low); }
};

// For each arm and normative set, the mean net value with each register parameter moved to the
// low and the high end of its range, the others at the set's values; sorted by swing within each
// (arm, set). Normative parameters and unit costs always; the dynamics figures of modules and
// proposals (rates, relative risks, entry shares, effect sizes) only with `model_dynamics`, as
// each costs two re-simulations of the baseline and every arm per dynamics group. Parameters
// with an empty range, and effect sizes of proposals outside the arm, give no row.
// on_done is called after each (set, arm), of which there are norms x (arms - 1).
std::vector<TornadoRow> tornado(const Scenario& scenario, const RunPlan& plan,
                                const Analysis& analysis, Resimulator& resimulator,
                                bool model_dynamics, const std::function<void()>& on_done = {});

struct DynamicsSwitching {
  int arm = 0;
  int norm = 0;
  std::string parameter;  // effect_scale, effect_half_life_months or deadweight
  double current = 0, low = 0, high = 0;
  std::optional<double> value;  // where the mean net value crosses zero
  double bracket_low = 0;       // the mean net value changes sign between these values
  double bracket_high = 0;
  int simulated_points = 0;  // values simulated to find it
};

// The value of each dynamics parameter of the register (effect scale, effect half-life,
// deadweight) at which each arm's mean net value under each set crosses zero, the others at the
// set's values. The sign is first read at the register's low and high ends and at the set's own
// value (the tornado's simulations); within a bracket, regula falsi (Illinois variant)
// re-simulates until the mean net value is within kSwitchingTolerance of the bracket's span of
// values from zero, or the bracket is a hundredth of the range wide, or after
// kSwitchingIterations simulations.
constexpr double kSwitchingTolerance = 0.01;
constexpr int kSwitchingIterations = 6;
std::vector<DynamicsSwitching> dynamics_switching(const Scenario& scenario,
                                                  Resimulator& resimulator);

}  // namespace kommunesim::model
