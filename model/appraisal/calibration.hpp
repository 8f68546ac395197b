// The baseline against the scenario's calibration targets: each target's year of the baseline
// (first dynamics group; the baseline has no effects, so every group's is the same), averaged
// over replicates.
#pragma once

#include <vector>

#include "model/engine/accounting.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/run_plan.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

using namespace kommunesim::model;  // the appraisal reads the engine's types

struct CalibrationRow {
  int target = 0;           // index into Scenario::calibration
  double target_value = 0;  // the target's figure (NaN when disclosure control suppressed it)
  double simulated = 0;     // mean over replicates
  // Of the mean, from the replicates (pairs sharing a population draw count as one): a miss of a
  // few standard errors may be Monte Carlo noise rather than the model. NaN with fewer than two
  // independent draws.
  double standard_error = 0;
  double deviation = 0;  // (simulated - target) / target
  bool within = false;   // |deviation| <= the target's tolerance
};

// What the modules cover of the municipality's net operating spending in the base year: the
// baseline's municipal service expenditure and transfers after refusion, over every department
// (financing and investment left out), mean over replicates.
struct Coverage {
  double modelled_dkk = 0;
  double net_operating_dkk = 0;  // the scenario's figure; 0: not declared
  double share() const { return net_operating_dkk > 0 ? modelled_dkk / net_operating_dkk : 0; }
};

Coverage coverage(const Scenario& scenario, const RunPlan& plan,
                  const std::vector<std::vector<YearAccount>>& accounts);

// Whether a target counts overlaps (CalibrationTarget::Kind::kOverlap): its replicates must tally
// the cross-silo picture (RunPlan::cross_silo_replicates).
bool counts_overlaps(const Scenario& scenario);

std::vector<CalibrationRow> calibrate(const Scenario& scenario, const CompiledModel& compiled,
                                      const RunPlan& plan, const RunResults& results);

}  // namespace kommunesim::appraisal
