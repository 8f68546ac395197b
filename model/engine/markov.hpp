// The expected-value (cohort Markov) computation that cross-checks the microsimulation.
#pragma once

#include <Eigen/Dense>
#include <vector>

#include "model/engine/module_tables.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::model {

// Expected state shares of a closed cohort in one module, month by month: row t holds the
// shares at the start of month t (row 0 = initial). The cohort starts at age start_age_months
// with months in state 0 and ages one month per month. Modifiers are not applied, so this is
// exact only for modules whose transitions have none (the caller checks).
Eigen::MatrixXd expected_state_shares(const CompiledModel& compiled, int module,
                                      const Eigen::VectorXd& initial_shares, int start_age_months,
                                      int months);

}  // namespace kommunesim::model
