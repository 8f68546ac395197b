// Sensitivity analysis that may need new simulations: the tornado over register parameters and
// the switching value of the effect scale. Valuation parameters are revalued from stored
// accounts; dynamics parameters re-simulate the proposal arms only (the baseline has no
// effects to change), on the same random numbers as the main run.
#pragma once

#include <functional>
#include <map>
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

// Simulations of proposal arms under dynamics values the main run did not simulate, each run
// once and kept.
class Resimulator {
 public:
  Resimulator(const Scenario& scenario, const CompiledModel& compiled, const Population& initial,
              const RunPlan& plan, const RunResults& results, const Analysis& analysis);

  // Mean net value over replicates of `arm` under `norm`'s valuation, simulated with `dynamics`.
  double mean_net_value(int arm, const NormativeSet& norm, const Dynamics& dynamics);
  size_t simulations() const { return simulations_; }

 private:
  const std::vector<std::vector<YearAccount>>& accounts(int arm, const Dynamics& dynamics);

  const Scenario& scenario_;
  const CompiledModel& compiled_;
  const Population& initial_;
  const RunPlan& plan_;
  const RunResults& results_;
  const Analysis& analysis_;
  std::map<std::tuple<int, double, double, double>, std::vector<std::vector<YearAccount>>> cache_;
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

// For each arm and normative set, the mean net value with each parameter the engine reads moved
// to the low and the high end of its range, the others at the set's values; sorted by swing
// within each (arm, set).
std::vector<TornadoRow> tornado(const Scenario& scenario, const RunPlan& plan,
                                const Analysis& analysis, Resimulator& resimulator);

struct EffectScaleSwitching {
  int arm = 0;
  int norm = 0;
  double current = 0, low = 0, high = 0;
  std::optional<double> value;  // the middle of the final bracket
  double bracket_low = 0;       // the mean net value changes sign between these scales
  double bracket_high = 0;
};

// The effect scale at which each arm's mean net value under each set crosses zero: bracketed on
// a grid of kEffectScaleGrid steps over the register range (simulated once and shared by all
// sets), then bisected with re-simulations until the bracket is 1 % of a grid step wide.
constexpr int kEffectScaleGrid = 5;
std::vector<EffectScaleSwitching> effect_scale_switching(const Scenario& scenario,
                                                         Resimulator& resimulator);

}  // namespace kommunesim::model
