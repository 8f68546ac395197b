// Conversions between probabilities, hazards and annual rates.
#include "model/engine/units.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace kommunesim::model;

TEST(Units, HazardAndProbabilityAreInverse) {
  for (double p : {0.0, 0.001, 0.2, 0.5, 0.99})
    EXPECT_NEAR(probability_from_hazard(hazard_from_probability(p)), p, 1e-15);
  EXPECT_NEAR(hazard_from_probability(0.5), std::log(2.0), 1e-15);
}

TEST(Units, AnnualProbabilityCompoundsToTheSameYear) {
  const double monthly = monthly_probability_from_annual(0.12);
  EXPECT_NEAR(1 - std::pow(1 - monthly, 12), 0.12, 1e-12);
  EXPECT_GT(monthly, 0.12 / 12);  // survivors are exposed again: more than a twelfth
}
