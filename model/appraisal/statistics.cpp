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

double student_t_quantile(double probability, int degrees_of_freedom) {
  return boost::math::quantile(boost::math::students_t(degrees_of_freedom), probability);
}

Summary summarize(std::vector<double> values) {
  Summary s;
  s.replicates = static_cast<int>(values.size());
  if (values.empty()) return s;
  double total = 0;
  for (double v : values) total += v;
  const auto n = static_cast<double>(values.size());
  s.mean = total / n;
  const double tail = (1 - kIntervalLevel) / 2;
  if (values.size() >= 2) {
    s.std_error = std::sqrt(variance(values) / n);
    const double half = student_t_quantile(1 - tail, s.replicates - 1) * s.std_error;
    s.mean_low = s.mean - half;
    s.mean_high = s.mean + half;
  }
  s.spread_low = percentile(values, tail);
  s.spread_high = percentile(values, 1 - tail);
  return s;
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
