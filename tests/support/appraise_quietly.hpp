// A whole study in a test: appraise() with a given number of replicates and no progress output.
#pragma once

#include "model/appraisal/appraisal.hpp"

namespace kommunesim::test_support {

// `sensitivity_replicates` 0: the tornado and dynamics switching values are not computed.
inline appraisal::Appraisal appraise_quietly(const model::Scenario& scenario, int replicates,
                                             int sensitivity_replicates = 0,
                                             bool full_tornado = false) {
  appraisal::ProgressListener quiet;
  appraisal::AppraisalOptions options;
  options.replicates = replicates;
  options.sensitivity = sensitivity_replicates > 0;
  if (sensitivity_replicates > 0) options.sensitivity_replicates = sensitivity_replicates;
  options.full_tornado = full_tornado;
  return appraisal::appraise(scenario, options, quiet);
}

}  // namespace kommunesim::test_support
