// Calibration that fits: moves the register figures a scenario marks as calibrated (evidence
// "calibrated ...") within their ranges so that the baseline meets calibration.toml's targets.
//
// Each target's miss counts in units of its tolerance, r = (simulated - target) / (target x
// tolerance), and the fit minimises the sum of r^2 with Levenberg-Marquardt steps on the figures'
// logarithms, clamped to [low, high]; the slopes come from forward differences. Every evaluation
// simulates the baseline with the same seed, replicates and populations (common random numbers),
// so the fit is a deterministic function of the scenario and the seed.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "model/appraisal/calibration.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

struct FitOptions {
  uint32_t seed = 1;
  int replicates = 4;      // baseline replicates per evaluation
  int max_iterations = 8;  // Levenberg-Marquardt steps taken
};

struct FittedFigure {
  int parameter = 0;  // index into Scenario::parameters
  double before = 0, after = 0;
  bool at_bound = false;     // ends at its range's low or high
  bool reads_target = true;  // moving it changes some target's figure
};

struct CalibrationFit {
  std::vector<CalibrationRow> before, after;
  std::vector<FittedFigure> figures;  // every calibrated figure, moved or not
  int evaluations = 0;                // baseline simulations of `replicates` replicates
  int iterations = 0;
  bool all_within() const;
};

// The figures a fit may move: dynamics figures with evidence "calibrated..." and a range above 0.
std::vector<int> calibrated_figures(const Scenario& scenario);

// on_evaluation is called after each evaluation with the running count.
CalibrationFit fit_calibration(const Scenario& scenario, const FitOptions& options,
                               const std::function<void(int)>& on_evaluation = {});

}  // namespace kommunesim::appraisal
