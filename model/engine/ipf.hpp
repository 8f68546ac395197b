// Iterative proportional fitting: scale a seed table until its margins match given totals.
#pragma once

#include <Eigen/Dense>

namespace kommunesim::model {

struct IpfResult {
  Eigen::MatrixXd table;
  int iterations = 0;
  double max_margin_error = 0;  // largest absolute difference from a target margin
};

IpfResult fit_two_margins(const Eigen::MatrixXd& seed, const Eigen::VectorXd& row_totals,
                          const Eigen::VectorXd& column_totals, double tolerance = 1e-9,
                          int max_iterations = 1000);

}  // namespace kommunesim::model
