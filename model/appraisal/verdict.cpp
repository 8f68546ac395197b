// Verdicts from intervals of the mean.
#include "model/appraisal/verdict.hpp"

namespace kommunesim::appraisal {

Verdict net_value_verdict(const Summary& net_value, double materiality_dkk) {
  if (net_value.mean_low > 0) return Verdict::kNetGain;
  if (net_value.mean_high < 0) return Verdict::kNetCost;
  if (net_value.mean_low >= -materiality_dkk && net_value.mean_high <= materiality_dkk)
    return Verdict::kBreakEven;
  return Verdict::kTooCloseToCall;  // also when the interval is NaN (one replicate)
}

Change change_direction(const Summary& change) {
  if (change.mean_low > 0) return Change::kIncrease;
  if (change.mean_high < 0) return Change::kDecrease;
  return Change::kNoClearChange;
}

}  // namespace kommunesim::appraisal
