// Summary statistics over Monte Carlo replicates. Two different things, kept apart by name:
// the estimate of the mean with its uncertainty (standard error, 90 % interval of the mean),
// which shrinks as 1/sqrt(replicates), and the spread of outcomes across replicates (what one
// realisation could look like), which does not.
#pragma once

#include <array>
#include <cmath>
#include <vector>

namespace kommunesim::appraisal {

constexpr double kIntervalLevel = 0.90;  // of every interval the outputs show

struct Summary {
  int replicates = 0;
  double mean = NAN;
  double std_error = NAN;  // of the mean; NaN with fewer than two replicates
  // The 90 % interval of the mean: mean -/+ t(0.95, n-1) * std_error.
  double mean_low = NAN;
  double mean_high = NAN;
  // The 5th and 95th percentiles of the replicates' outcomes (linear interpolation).
  double spread_low = NAN;
  double spread_high = NAN;
};

Summary summarize(std::vector<double> values);

// The six figures of a summary in the order the tables store them: mean, standard error, the
// interval of the mean (low, high), the spread (p5, p95).
inline std::array<double, 6> figures(const Summary& s) {
  return {s.mean, s.std_error, s.mean_low, s.mean_high, s.spread_low, s.spread_high};
}
double percentile(std::vector<double> sorted_values, double q);
double variance(const std::vector<double>& values);  // sample variance (n - 1)

// Quantile of Student's t distribution with `degrees_of_freedom` >= 1.
double student_t_quantile(double probability, int degrees_of_freedom);

// A share of replicates (e.g. those with a net gain) with its 90 % Wilson score interval.
struct Proportion {
  double share = NAN;
  double low = NAN;
  double high = NAN;
};
Proportion proportion(int successes, int trials);

}  // namespace kommunesim::appraisal
