// What `kommunesim calibrate` prints and keeps beside the fitted scenario: every target before
// and after, the figures that moved, and what could not be met.
#pragma once

#include <string>

#include "model/appraisal/calibration_fit.hpp"
#include "output/language.hpp"

namespace kommunesim::output {

std::string calibration_fit_text(const model::Scenario& scenario,
                                 const appraisal::CalibrationFit& fit,
                                 const appraisal::FitOptions& options, Language language);

}  // namespace kommunesim::output
