// Switching values: the value of a normative parameter, or of a figure the register marks
// `explore = true`, at which an arm's mean net value under a set crosses zero, the set's other
// values held. Every switching value of a run is found here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/appraisal/analysis.hpp"
#include "model/appraisal/resimulator.hpp"

namespace kommunesim::appraisal {

struct SwitchingRow {
  int arm = 0;
  int norm = 0;
  std::string parameter;        // register id
  double current = 0;           // the set's value
  double low = 0, high = 0;     // the register's range, searched
  std::optional<double> value;  // where the mean net value crosses zero, if it does
  // Dynamics parameters only (found by re-simulation): the mean net value changes sign between
  // these values, found after simulating this many further points.
  bool resimulated = false;
  double bracket_low = 0, bracket_high = 0;
  int simulated_points = 0;
};

// Dynamics parameters: regula falsi (Illinois variant) re-simulates within a bracket until the
// mean net value is within kSwitchingTolerance of the bracket's span of values from zero, or the
// bracket is a hundredth of the range wide, or after kSwitchingIterations simulations.
constexpr double kSwitchingTolerance = 0.01;
constexpr int kSwitchingIterations = 6;

// For each arm and normative set, the switching value of every normative parameter within its
// register range. Valuation parameters (discount rate, horizon, outcome prices, equity weights)
// revalue the stored accounts: a grid of 40 points, then bisection to machine precision (whole
// years for the horizon). Dynamics parameters (effect scale, effect half-life, deadweight)
// re-simulate: their sign is first read at the range's ends and the set's own value (the
// tornado's simulations, already kept by the resimulator), then refined as above. Rows: the
// valuation parameters per set, arm and parameter; then the dynamics parameters per parameter,
// set and arm; then the explored figures per figure, set and arm (the arms the figure can move),
// searched by re-simulation with the figure moved where the sign changes within its range.
// `planned` is called before the searches with a bound on the simulated months they will run
// (Resimulator::work_done counts them), and again after each step as the bound shrinks.
std::vector<SwitchingRow> switching_values(const Scenario& scenario, const RunPlan& plan,
                                           const Analysis& analysis, Resimulator& resimulator,
                                           const std::function<void(uint64_t)>& planned = {});
// The valuation parameters' rows only: no re-simulation.
std::vector<SwitchingRow> valuation_switching_values(const Scenario& scenario, const RunPlan& plan,
                                                     const Analysis& analysis);

}  // namespace kommunesim::appraisal
