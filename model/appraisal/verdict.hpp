// The one rule that turns an estimate into a word. Every output (terminal, csv, sqlite, workbook,
// report) shows the verdict computed here and never derives its own.
#pragma once

#include <cstdint>

#include "model/appraisal/statistics.hpp"

namespace kommunesim::appraisal {

enum class Verdict : uint8_t {
  kNetGain,         // the 90 % interval of the mean lies above zero
  kNetCost,         // ... below zero
  kBreakEven,       // the interval spans zero but lies within the materiality threshold
  kTooCloseToCall,  // the interval spans zero and reaches beyond the threshold (or n < 2)
};

// The verdict on a net value (positive = gain), with the scenario's materiality threshold in DKK.
Verdict net_value_verdict(const Summary& net_value, double materiality_dkk);

// Whether a verdict settles the decision: gain, cost or immaterial either way.
inline bool resolved(Verdict v) { return v != Verdict::kTooCloseToCall; }

enum class Change : uint8_t {
  kIncrease,       // the 90 % interval of the mean lies above zero
  kDecrease,       // ... below zero
  kNoClearChange,  // the interval spans zero (or n < 2): Monte Carlo noise, not harm or benefit
};

Change change_direction(const Summary& change);

}  // namespace kommunesim::appraisal
