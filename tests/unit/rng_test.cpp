// The counter-based generator: a pure function of its key and counter.
#include "model/engine/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace kommunesim::model;

TEST(Rng, SameKeyAndCounterGiveTheSameNumber) {
  const RngKey key{42, 3};
  EXPECT_EQ(uniform(key, 7, 11, 2, Purpose::kEntry), uniform(key, 7, 11, 2, Purpose::kEntry));
}

TEST(Rng, EveryPartOfTheKeyAndCounterMatters) {
  const double base = uniform({42, 3}, 7, 11, 2, Purpose::kEntry);
  EXPECT_NE(base, uniform({43, 3}, 7, 11, 2, Purpose::kEntry));
  EXPECT_NE(base, uniform({42, 4}, 7, 11, 2, Purpose::kEntry));
  EXPECT_NE(base, uniform({42, 3}, 8, 11, 2, Purpose::kEntry));
  EXPECT_NE(base, uniform({42, 3}, 7, 12, 2, Purpose::kEntry));
  EXPECT_NE(base, uniform({42, 3}, 7, 11, 3, Purpose::kEntry));
  EXPECT_NE(base, uniform({42, 3}, 7, 11, 2, Purpose::kAdmission));
}

TEST(Rng, UniformHasMeanOneHalfAndVarianceOneTwelfth) {
  // 200,000 draws; tolerance four standard errors of the mean (sd 1/sqrt(12)).
  constexpr int kN = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < kN; ++i) {
    const double u = uniform({1, 0}, static_cast<uint32_t>(i), 0, 0, Purpose::kEntry);
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

TEST(PersonMonthDraws, LanesAreFixedWhateverTheOrderOfUse) {
  const RngKey key{5, 1};
  PersonMonthDraws forward(key, 17, 9), backward(key, 17, 9);
  std::vector<double> a, b(PersonMonthDraws::kLanes);
  for (int lane = 0; lane < PersonMonthDraws::kLanes; ++lane) a.push_back(forward(lane));
  for (int lane = PersonMonthDraws::kLanes - 1; lane >= 0; --lane)
    b[static_cast<size_t>(lane)] = backward(lane);
  EXPECT_EQ(a, b);
  for (size_t i = 1; i < a.size(); ++i) EXPECT_NE(a[i], a[i - 1]);
  // Another person or month gives other numbers.
  EXPECT_NE(PersonMonthDraws(key, 18, 9)(0), a[0]);
  EXPECT_NE(PersonMonthDraws(key, 17, 10)(0), a[0]);
}

TEST(PersonMonthDraws, EveryLaneIsUniform) {
  // 100,000 person-months; each lane's mean within four standard errors of 1/2.
  constexpr int kN = 100000;
  std::vector<double> sums(PersonMonthDraws::kLanes, 0.0);
  for (int i = 0; i < kN; ++i) {
    PersonMonthDraws draws({2, 0}, static_cast<uint32_t>(i), 3);
    for (int lane = 0; lane < PersonMonthDraws::kLanes; ++lane) {
      const double u = draws(lane);
      ASSERT_GT(u, 0.0);
      ASSERT_LT(u, 1.0);
      sums[static_cast<size_t>(lane)] += u;
    }
  }
  for (double s : sums) EXPECT_NEAR(s / kN, 0.5, 4 * std::sqrt(1.0 / 12 / kN));
}

TEST(PhiloxBlocks, AreWordForWordTheBlocksOfOneCallPerSubject) {
  // Batches of every length around the vector width, and ids up to the top of the range.
  std::vector<uint32_t> ids;
  for (uint32_t i = 0; i < 37; ++i) ids.push_back(i * 2654435761u);
  for (const RngKey key : {RngKey{0, 0}, RngKey{20240101, 7}, RngKey{0xFFFFFFFFu, 0xFFFFFFFFu}})
    for (size_t count = 0; count <= ids.size(); ++count) {
      std::vector<uint32_t> out(count * 5, 0xDEADBEEFu);
      philox_blocks(key, ids.data(), count, -14, 3, Purpose::kPersonMonth, out.data(), 5);
      for (size_t i = 0; i < count; ++i) {
        const auto expected = rng_detail::block(key, ids[i], -14, 3, Purpose::kPersonMonth, 0);
        for (size_t j = 0; j < 4; ++j) EXPECT_EQ(out[i * 5 + j], expected[j]);
        EXPECT_EQ(out[i * 5 + 4], 0xDEADBEEFu);  // the stride's gap is left alone
      }
    }
}

TEST(PersonMonthDraws, PrecomputedBlocksGiveTheSameDraws) {
  const RngKey key{5, 2};
  const uint32_t person = 123456;
  std::vector<uint32_t> words(8);
  for (uint16_t b = 0; b < 2; ++b)
    philox_blocks(key, &person, 1, 40, b, Purpose::kPersonMonth, words.data() + 4 * b, 4);
  PersonMonthDraws lazy(key, person, 40), ready(key, person, 40, words.data(), 2);
  for (int lane = 0; lane < PersonMonthDraws::kLanes; ++lane) EXPECT_EQ(ready(lane), lazy(lane));
}
