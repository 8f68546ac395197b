// Summary statistics over Monte Carlo replicates.
#pragma once

#include <vector>

namespace kommunesim::appraisal {

struct Summary {
  double mean = 0;
  double p5 = 0;
  double p95 = 0;
};

// Mean and the 5th and 95th percentiles (linear interpolation between order statistics).
Summary summarize(std::vector<double> values);
double percentile(std::vector<double> sorted_values, double q);
double variance(const std::vector<double>& values);

}  // namespace kommunesim::appraisal
