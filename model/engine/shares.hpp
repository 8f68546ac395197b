// Drawing a category from shares (probabilities summing to 1) with one uniform number.
#pragma once

#include <vector>

namespace kommunesim::model {

// The first index whose cumulative share exceeds u; the last index if rounding leaves a gap.
inline int draw_from_shares(const std::vector<double>& shares, double u) {
  double cumulative = 0;
  for (size_t i = 0; i < shares.size(); ++i) {
    cumulative += shares[i];
    if (u < cumulative) return static_cast<int>(i);
  }
  return static_cast<int>(shares.size()) - 1;
}

}  // namespace kommunesim::model
