// Named units and the one place where rates, probabilities and hazards are converted.
#pragma once

#include <cmath>
#include <cstdint>

namespace kommunesim::model {

using Dkk = double;          // Danish kroner, fixed prices of the scenario's base year
using MonthIndex = int32_t;  // months since the base month (January of the base year = 0)
using Probability = double;  // in [0, 1], per month unless the name says otherwise
using Hazard = double;       // instantaneous rate per month, >= 0

constexpr int kMonthsPerYear = 12;

// A monthly probability p corresponds to the constant monthly hazard -ln(1 - p).
inline Hazard hazard_from_probability(Probability p) {
  return p >= 1.0 ? INFINITY : -std::log1p(-p);
}

// The hazard a transition table stores for a monthly probability: a probability of exactly 1
// becomes 40 (1 - e^-40 differs from 1 by 4e-18), so that tables stay finite.
inline Hazard table_hazard_from_probability(Probability p) {
  constexpr Hazard kCertain = 40.0;
  return p >= 1.0 ? kCertain : hazard_from_probability(p);
}

// The probability that an event with monthly hazard h happens within one month.
inline Probability probability_from_hazard(Hazard h) { return -std::expm1(-h); }

// An annual probability (e.g. a mortality rate) spread evenly over twelve months.
inline Probability monthly_probability_from_annual(Probability annual) {
  return probability_from_hazard(hazard_from_probability(annual) / kMonthsPerYear);
}

}  // namespace kommunesim::model
