// Means, percentiles and variances, in a fixed summation order.
#include "model/appraisal/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace kommunesim::appraisal {

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

Summary summarize(std::vector<double> values) {
  Summary s;
  if (values.empty()) return {NAN, NAN, NAN};
  double total = 0;
  for (double v : values) total += v;
  s.mean = total / static_cast<double>(values.size());
  s.p5 = percentile(values, 0.05);
  s.p95 = percentile(values, 0.95);
  return s;
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

}  // namespace kommunesim::appraisal
