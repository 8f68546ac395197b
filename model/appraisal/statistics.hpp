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
  double std_error = NAN;  // of the mean; NaN with fewer than two independent replicates
  // The 90 % interval of the mean: mean -/+ t(0.95, df) * std_error, df = independent
  // replicates (or clusters of them) - 1.
  double mean_low = NAN;
  double mean_high = NAN;
  // The 5th and 95th percentiles of the replicates' outcomes (linear interpolation).
  double spread_low = NAN;
  double spread_high = NAN;
};

// `per_cluster` consecutive replicates share a population draw (1: all independent): the
// standard error then comes from the cluster means, with clusters - 1 degrees of freedom. No
// default: a summary of replicates says how they cluster (RunPlan::replicates_per_population).
Summary summarize(std::vector<double> values, int per_cluster);

// Degrees of freedom of the interval of the mean of `replicates` in clusters of `per_cluster`.
inline int degrees_of_freedom(int replicates, int per_cluster) {
  return replicates / per_cluster - 1;
}

// The share of the variance of `values` that lies between clusters of `per_cluster`
// consecutive replicates (one-way random-effects analysis of variance; an estimate below zero
// is 0). NaN with fewer than two clusters or no variance.
double between_cluster_share(const std::vector<double>& values, int per_cluster);

// The share of the variance of `with` that drawing one more source of uncertainty added, from
// the same replicates without it: (var(with) - var(without)) / var(with), at least 0. NaN when
// `with` does not vary.
double added_variance_share(const std::vector<double>& with, const std::vector<double>& without);

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
