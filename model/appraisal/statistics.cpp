// Means, intervals, percentiles and variances, in a fixed summation order.
#include "model/appraisal/statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace kommunesim::appraisal {

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double variance(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double ss = 0;
  for (double v : values) ss += (v - mean) * (v - mean);
  return ss / static_cast<double>(values.size() - 1);
}

namespace {

// The means of consecutive clusters of `per_cluster` values (an incomplete last one is left out).
std::vector<double> cluster_means(const std::vector<double>& values, int per_cluster) {
  std::vector<double> means;
  const auto k = static_cast<size_t>(std::max(per_cluster, 1));
  for (size_t start = 0; start + k <= values.size(); start += k) {
    double total = 0;
    for (size_t i = start; i < start + k; ++i) total += values[i];
    means.push_back(total / static_cast<double>(k));
  }
  return means;
}

}  // namespace

double student_t_quantile(double probability, int degrees_of_freedom) {
  return boost::math::quantile(boost::math::students_t(degrees_of_freedom), probability);
}

Summary summarize(std::vector<double> values, int per_cluster) {
  Summary s;
  s.replicates = static_cast<int>(values.size());
  if (values.empty()) return s;
  double total = 0;
  for (double v : values) total += v;
  const auto n = static_cast<double>(values.size());
  s.mean = total / n;
  const double tail = (1 - kIntervalLevel) / 2;
  const std::vector<double> independent =
      per_cluster > 1 ? cluster_means(values, per_cluster) : values;
  if (independent.size() >= 2) {
    s.std_error = std::sqrt(variance(independent) / static_cast<double>(independent.size()));
    const double half =
        student_t_quantile(1 - tail, static_cast<int>(independent.size()) - 1) * s.std_error;
    s.mean_low = s.mean - half;
    s.mean_high = s.mean + half;
  }
  s.spread_low = percentile(values, tail);
  s.spread_high = percentile(values, 1 - tail);
  return s;
}

double between_cluster_share(const std::vector<double>& values, int per_cluster) {
  const std::vector<double> means = cluster_means(values, per_cluster);
  if (per_cluster < 2 || means.size() < 2) return NAN;
  const auto k = static_cast<double>(per_cluster);
  double within = 0;
  for (size_t i = 0; i < means.size() * static_cast<size_t>(per_cluster); ++i) {
    const double d = values[i] - means[i / static_cast<size_t>(per_cluster)];
    within += d * d;
  }
  const double mean_square_within = within / (static_cast<double>(means.size()) * (k - 1));
  const double mean_square_between = k * variance(means);
  const double between = std::max(0.0, (mean_square_between - mean_square_within) / k);
  const double total = between + mean_square_within;
  return total > 0 ? between / total : NAN;
}

double added_variance_share(const std::vector<double>& with, const std::vector<double>& without) {
  const double v = variance(with);
  if (!(v > 0)) return NAN;
  return std::max(0.0, (v - variance(without)) / v);
}

Proportion proportion(int successes, int trials) {
  if (trials <= 0) return {};
  const double z = boost::math::quantile(boost::math::normal(), 1 - (1 - kIntervalLevel) / 2);
  const auto n = static_cast<double>(trials);
  const double p = successes / n;
  const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
  const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
  return {p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

}  // namespace kommunesim::appraisal
