// The counter-based generator: a pure function of its key and counter.
#include "model/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace kommunesim::model;

TEST(Rng, SameKeyAndCounterGiveTheSameNumber) {
  const RngKey key{42, 3};
  EXPECT_EQ(uniform(key, 7, 11, 2, Purpose::kTransition),
            uniform(key, 7, 11, 2, Purpose::kTransition));
}

TEST(Rng, EveryPartOfTheKeyAndCounterMatters) {
  const double base = uniform({42, 3}, 7, 11, 2, Purpose::kTransition);
  EXPECT_NE(base, uniform({43, 3}, 7, 11, 2, Purpose::kTransition));
  EXPECT_NE(base, uniform({42, 4}, 7, 11, 2, Purpose::kTransition));
  EXPECT_NE(base, uniform({42, 3}, 8, 11, 2, Purpose::kTransition));
  EXPECT_NE(base, uniform({42, 3}, 7, 12, 2, Purpose::kTransition));
  EXPECT_NE(base, uniform({42, 3}, 7, 11, 3, Purpose::kTransition));
  EXPECT_NE(base, uniform({42, 3}, 7, 11, 2, Purpose::kMortality));
}

TEST(Rng, UniformHasMeanOneHalfAndVarianceOneTwelfth) {
  // 200,000 draws; tolerance four standard errors of the mean (sd 1/sqrt(12)).
  constexpr int kN = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < kN; ++i) {
    const double u = uniform({1, 0}, static_cast<uint32_t>(i), 0, 0, Purpose::kTransition);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / kN;
  EXPECT_NEAR(mean, 0.5, 4 * std::sqrt(1.0 / 12 / kN));
  EXPECT_NEAR(sum2 / kN - mean * mean, 1.0 / 12, 0.002);
}

TEST(Rng, StandardNormalHasMeanZeroAndUnitVariance) {
  constexpr int kN = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < kN; ++i) {
    const double z = standard_normal({1, 0}, static_cast<uint32_t>(i), 0, 0, Purpose::kEffectSize);
    sum += z;
    sum2 += z * z;
  }
  EXPECT_NEAR(sum / kN, 0.0, 4 / std::sqrt(kN));
  EXPECT_NEAR(sum2 / kN, 1.0, 0.02);
}
