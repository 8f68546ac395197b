// The baseline against the scenario's calibration targets: each target's year of the baseline
// (first dynamics group; the baseline has no effects, so every group's is the same), averaged
// over replicates.
#pragma once

#include <vector>

#include "model/engine/module_tables.hpp"
#include "model/engine/run_plan.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

using namespace kommunesim::model;  // the appraisal reads the engine's types

struct CalibrationRow {
  int target = 0;        // index into Scenario::calibration
  double simulated = 0;  // mean over replicates
  // Of the mean, from the replicates (pairs sharing a population draw count as one): a miss of a
  // few standard errors may be Monte Carlo noise rather than the model. NaN with fewer than two
  // independent draws.
  double standard_error = 0;
  double deviation = 0;  // (simulated - target) / target
  bool within = false;   // |deviation| <= the target's tolerance
};

std::vector<CalibrationRow> calibrate(const Scenario& scenario, const CompiledModel& compiled,
                                      const RunPlan& plan, const RunResults& results);

}  // namespace kommunesim::appraisal
