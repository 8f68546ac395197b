// Levenberg-Marquardt on the calibrated figures' logarithms, one baseline simulation per
// evaluation.
#include "model/appraisal/calibration_fit.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "model/engine/initial_populations.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/parameter_values.hpp"
#include "model/engine/run_plan.hpp"

namespace kommunesim::appraisal {
namespace {

// The forward-difference step on a figure's logarithm: 5 % of its value, small against the
// ranges of calibrated figures (+/-20 %) and large against the Monte Carlo noise of a difference
// under common random numbers.
constexpr double kSlopeStep = 0.05;
// Damping: the first step's weight of the diagonal (Marquardt), its change after a step that
// lowers the misses and after one that does not, and the tries per iteration.
constexpr double kFirstDamping = 0.01, kDampingDown = 3, kDampingUp = 4;
constexpr int kTriesPerIteration = 5;
// Each figure's distance from its register value, in half-ranges, counts as a miss of this
// weight: figures that no target needs stay where the register puts them, and of two fits the
// one that moves less is preferred. A figure at a bound costs as much as a target missed by half
// its tolerance.
constexpr double kStayWeight = 0.5;
// Fitted values are kept to the digits the register file is written with (register_number).
constexpr int kSignificantDigits = 6;

double rounded(double value) {
  if (value == 0) return 0;
  const double scale =
      std::pow(10.0, kSignificantDigits - 1 - static_cast<int>(std::floor(std::log10(value))));
  return std::round(value * scale) / scale;
}

class Evaluator {
 public:
  // `start`, `low`, `high`: the figures' logarithms at their register values and bounds.
  Evaluator(const Scenario& scenario, std::vector<int> figures, const Eigen::VectorXd& start,
            const Eigen::VectorXd& low, const Eigen::VectorXd& high, const FitOptions& options,
            const std::function<void(int)>& on_evaluation)
      : scenario_(scenario),
        figures_(std::move(figures)),
        options_(options),
        on_evaluation_(on_evaluation),
        start_(start),
        stay_(kStayWeight * 2 * (high - low).cwiseInverse()) {
    for (const CalibrationTarget& t : scenario.calibration)
      last_year_ = std::max(last_year_, t.year - scenario.base_year);
  }

  // The baseline against every target with the figures at exp(u).
  std::vector<CalibrationRow> rows(const Eigen::VectorXd& u) {
    return rows_at(u.array().exp().matrix());
  }

  // The same with the figures at `values`.
  std::vector<CalibrationRow> rows_at(const Eigen::VectorXd& values) {
    Scenario s = scenario_;
    for (size_t j = 0; j < figures_.size(); ++j)
      set_parameter_value(s, figures_[j], values[static_cast<Eigen::Index>(j)]);
    const CompiledModel compiled = compile(s);
    InitialPopulations populations(s, compiled, options_.seed);
    RunPlan plan = plan_runs(s, options_.seed, options_.replicates);
    plan.months = std::min(plan.months, (last_year_ + 1) * kMonthsPerYear);  // the targets' years
    if (counts_overlaps(s)) plan.cross_silo_replicates = plan.replicates;
    populations.cover(plan.replicates);
    std::vector<size_t> baseline;
    for (int r = 0; r < plan.replicates; ++r)
      baseline.push_back(plan.unit_index(0, r, 0, s.arms.size()));
    const RunResults results = execute_units(s, compiled, populations, plan, baseline);
    ++evaluations_;
    if (on_evaluation_) on_evaluation_(evaluations_);
    return calibrate(s, compiled, plan, results);
  }

  // Each target's miss in units of its tolerance, then each figure's move (kStayWeight).
  Eigen::VectorXd misses(const std::vector<CalibrationRow>& rows, const Eigen::VectorXd& u) const {
    const auto targets = static_cast<Eigen::Index>(rows.size());
    Eigen::VectorXd r(targets + u.size());
    for (size_t t = 0; t < rows.size(); ++t)
      r[static_cast<Eigen::Index>(t)] =
          rows[t].deviation / scenario_.calibration[static_cast<size_t>(rows[t].target)].tolerance;
    r.tail(u.size()) = stay_.cwiseProduct(u - start_);
    return r;
  }

  int evaluations() const { return evaluations_; }
  const Eigen::VectorXd& start() const { return start_; }

 private:
  const Scenario& scenario_;
  std::vector<int> figures_;
  const FitOptions& options_;
  const std::function<void(int)>& on_evaluation_;
  Eigen::VectorXd start_;
  Eigen::VectorXd stay_;  // the weight of a move per unit of logarithm
  int last_year_ = 0;
  int evaluations_ = 0;
};

bool all_within(const std::vector<CalibrationRow>& rows) {
  return std::all_of(rows.begin(), rows.end(), [](const CalibrationRow& r) { return r.within; });
}

}  // namespace

bool CalibrationFit::all_within() const { return appraisal::all_within(after); }

std::vector<int> calibrated_figures(const Scenario& scenario) {
  std::vector<int> figures;
  for (size_t p = 0; p < scenario.parameters.size(); ++p) {
    const Parameter& parameter = scenario.parameters[p];
    if (parameter.role == ParameterRole::kModelDynamics &&
        parameter.evidence.rfind("calibrated", 0) == 0 && parameter.low > 0 &&
        parameter.low < parameter.high)
      figures.push_back(static_cast<int>(p));
  }
  return figures;
}

CalibrationFit fit_calibration(const Scenario& scenario, const FitOptions& options,
                               const std::function<void(int)>& on_evaluation) {
  if (scenario.calibration.empty())
    throw std::invalid_argument("the scenario has no calibration targets to fit");
  const std::vector<int> figures = calibrated_figures(scenario);
  if (figures.empty())
    throw std::invalid_argument(
        "no register figure is marked as calibrated (evidence \"calibrated ...\" with a range)");
  const auto n = static_cast<Eigen::Index>(figures.size());
  Eigen::VectorXd u(n), low(n), high(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const Parameter& p = scenario.parameters[static_cast<size_t>(figures[static_cast<size_t>(j)])];
    u[j] = std::log(p.value);  // within [low, high]: the loader checks it
    low[j] = std::log(p.low);
    high[j] = std::log(p.high);
  }
  Evaluator evaluate(scenario, figures, u, low, high, options, on_evaluation);
  CalibrationFit fit;
  Eigen::VectorXd registered(n);
  for (Eigen::Index j = 0; j < n; ++j)
    registered[j] = scenario.parameters[static_cast<size_t>(figures[static_cast<size_t>(j)])].value;
  fit.before = evaluate.rows_at(registered);
  std::vector<CalibrationRow> rows = fit.before;
  Eigen::VectorXd r = evaluate.misses(rows, u);
  std::vector<bool> reads(figures.size(), false);
  double damping = kFirstDamping;
  while (!all_within(rows) && fit.iterations < options.max_iterations) {
    ++fit.iterations;
    // Slopes by forward differences (backward at the top of a range).
    Eigen::MatrixXd jacobian(r.size(), n);
    for (Eigen::Index j = 0; j < n; ++j) {
      const double step = u[j] + kSlopeStep <= high[j] ? kSlopeStep : -kSlopeStep;
      Eigen::VectorXd moved = u;
      moved[j] += step;
      jacobian.col(j) = (evaluate.misses(evaluate.rows(moved), moved) - r) / step;
      if (!jacobian.col(j).head(static_cast<Eigen::Index>(rows.size())).isZero())
        reads[static_cast<size_t>(j)] = true;
    }
    const Eigen::MatrixXd normal = jacobian.transpose() * jacobian;
    const Eigen::VectorXd gradient = jacobian.transpose() * r;
    const double ridge = 1e-9 * std::max(1.0, normal.diagonal().maxCoeff());
    bool lowered = false;
    for (int attempt = 0; attempt < kTriesPerIteration && !lowered; ++attempt) {
      Eigen::MatrixXd damped = normal;
      damped.diagonal() += damping * normal.diagonal() + Eigen::VectorXd::Constant(n, ridge);
      const Eigen::VectorXd next = (u - damped.ldlt().solve(gradient)).cwiseMax(low).cwiseMin(high);
      if ((next - u).cwiseAbs().maxCoeff() < 1e-9) break;  // held by the bounds
      std::vector<CalibrationRow> next_rows = evaluate.rows(next);
      const Eigen::VectorXd next_r = evaluate.misses(next_rows, next);
      if (next_r.squaredNorm() < r.squaredNorm()) {
        u = next;
        rows = std::move(next_rows);
        r = next_r;
        damping /= kDampingDown;
        lowered = true;
      } else {
        damping *= kDampingUp;
      }
    }
    if (!lowered) break;  // no step lowers the misses: the best fit within the ranges
  }
  // The values as the register will hold them, and the targets at exactly those.
  Eigen::VectorXd written = u.array().exp().matrix();
  for (Eigen::Index j = 0; j < n; ++j)
    written[j] = u[j] == evaluate.start()[j] ? registered[j] : rounded(written[j]);
  fit.after = u == evaluate.start() ? rows : evaluate.rows_at(written);
  fit.evaluations = evaluate.evaluations();
  for (Eigen::Index j = 0; j < n; ++j) {
    const Parameter& p = scenario.parameters[static_cast<size_t>(figures[static_cast<size_t>(j)])];
    FittedFigure f;
    f.parameter = figures[static_cast<size_t>(j)];
    f.before = p.value;
    f.after = written[j];
    f.at_bound = std::abs(u[j] - low[j]) < 1e-12 || std::abs(u[j] - high[j]) < 1e-12;
    f.reads_target = fit.iterations == 0 || reads[static_cast<size_t>(j)];
    fit.figures.push_back(f);
  }
  return fit;
}

}  // namespace kommunesim::appraisal
