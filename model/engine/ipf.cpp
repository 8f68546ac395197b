// Two-margin IPF (Deming-Stephan) on an Eigen matrix.
#include "model/engine/ipf.hpp"

namespace kommunesim::model {

IpfResult fit_two_margins(const Eigen::MatrixXd& seed, const Eigen::VectorXd& row_totals,
                          const Eigen::VectorXd& column_totals, double tolerance,
                          int max_iterations) {
  IpfResult r{seed, 0, 0};
  for (; r.iterations < max_iterations; ++r.iterations) {
    const Eigen::VectorXd rows = r.table.rowwise().sum();
    for (Eigen::Index i = 0; i < r.table.rows(); ++i)
      if (rows(i) > 0) r.table.row(i) *= row_totals(i) / rows(i);
    const Eigen::RowVectorXd cols = r.table.colwise().sum();
    for (Eigen::Index j = 0; j < r.table.cols(); ++j)
      if (cols(j) > 0) r.table.col(j) *= column_totals(j) / cols(j);
    r.max_margin_error =
        std::max((r.table.rowwise().sum() - row_totals).cwiseAbs().maxCoeff(),
                 (r.table.colwise().sum().transpose() - column_totals).cwiseAbs().maxCoeff());
    if (r.max_margin_error < tolerance) break;
  }
  return r;
}

}  // namespace kommunesim::model
