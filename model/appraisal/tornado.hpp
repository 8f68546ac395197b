// The tornado: how far each register parameter, moved over its stated range, moves each arm's
// mean net value under each normative set.
#pragma once

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "model/appraisal/resimulator.hpp"

namespace kommunesim::appraisal {

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
// `planned` is called once, before simulating, with the simulated months the tornado will run
// (Resimulator::work); the resimulator reports them as they are done.
std::vector<TornadoRow> tornado(const Scenario& scenario, const RunPlan& plan,
                                const Analysis& analysis, Resimulator& resimulator,
                                bool model_dynamics,
                                const std::function<void(uint64_t)>& planned = {});

}  // namespace kommunesim::appraisal
