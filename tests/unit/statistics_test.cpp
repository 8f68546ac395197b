// The uncertainty a reader is shown: intervals of the mean that hold the mean as often as they
// say, shares with their intervals, one verdict rule, payback years and benefit-cost ratios.
#include "model/appraisal/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "model/appraisal/analysis.hpp"
#include "model/appraisal/verdict.hpp"

using namespace kommunesim::appraisal;

namespace {

// Share of `samples` samples of size n from a normal distribution whose 90 % interval of the mean
// holds the true mean.
double coverage(int n, int samples, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(3.0, 2.0);
  int covered = 0;
  for (int i = 0; i < samples; ++i) {
    std::vector<double> values(static_cast<size_t>(n));
    for (double& v : values) v = normal(rng);
    const Summary s = summarize(values);
    covered += s.mean_low <= 3.0 && 3.0 <= s.mean_high;
  }
  return static_cast<double>(covered) / samples;
}

Summary interval(double low, double high) {
  Summary s;
  s.replicates = 10;
  s.mean = (low + high) / 2;
  s.mean_low = low;
  s.mean_high = high;
  return s;
}

}  // namespace

TEST(Statistics, TheIntervalOfTheMeanHoldsTheTrueMeanInNinetyPercentOfSamples) {
  for (int n : {2, 5, 20}) {
    const double share = coverage(n, 10000, 20250101u + static_cast<unsigned>(n));
    EXPECT_NEAR(share, 0.90, 0.02) << n << " replicates";
  }
}

TEST(Statistics, TheIntervalOfTheMeanNarrowsAsReplicatesAreAddedAndTheSpreadDoesNot) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal(0.0, 1.0);
  const auto summary_of = [&](int n) {
    std::vector<double> values(static_cast<size_t>(n));
    for (double& v : values) v = normal(rng);
    return summarize(values);
  };
  const Summary few = summary_of(20), many = summary_of(2000);
  // Width of the interval of the mean falls about as 1/sqrt(n); the spread of outcomes stays.
  EXPECT_NEAR((few.mean_high - few.mean_low) / (many.mean_high - many.mean_low), 10.0, 3.0);
  EXPECT_NEAR(many.spread_high - many.spread_low, 2 * 1.645, 0.2);
  EXPECT_NEAR(few.std_error, 1 / std::sqrt(20.0), 0.1);
}

TEST(Statistics, OneReplicateHasNoIntervalOfTheMean) {
  const Summary s = summarize({4.0});
  EXPECT_EQ(s.mean, 4.0);
  EXPECT_TRUE(std::isnan(s.std_error));
  EXPECT_TRUE(std::isnan(s.mean_low));
  EXPECT_EQ(net_value_verdict(s, 1e9), Verdict::kTooCloseToCall);
}

TEST(Statistics, StudentsTQuantilesMatchTheTable) {
  EXPECT_NEAR(student_t_quantile(0.95, 1), 6.3138, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.95, 4), 2.1318, 1e-4);
  EXPECT_NEAR(student_t_quantile(0.95, 39), 1.6849, 1e-4);
}

TEST(Statistics, AShareOfNoneStillHasAnUpperBound) {
  // Wilson's score interval at 90 %: 0 of 10 replicates with a gain leaves up to 21 %.
  const Proportion p = proportion(0, 10);
  EXPECT_EQ(p.share, 0.0);
  EXPECT_EQ(p.low, 0.0);
  EXPECT_NEAR(p.high, 0.2130, 1e-3);
  const Proportion half = proportion(20, 40);
  EXPECT_NEAR(half.low + half.high, 1.0, 1e-12);
}

TEST(Verdict, OneRuleForGainCostBreakEvenAndTooCloseToCall) {
  EXPECT_EQ(net_value_verdict(interval(1, 5), 0), Verdict::kNetGain);
  EXPECT_EQ(net_value_verdict(interval(-5, -1), 0), Verdict::kNetCost);
  EXPECT_EQ(net_value_verdict(interval(-50, 80), 100), Verdict::kBreakEven);
  EXPECT_EQ(net_value_verdict(interval(-50, 180), 100), Verdict::kTooCloseToCall);
  // A clear gain smaller than the threshold is still a gain: the threshold only settles
  // intervals that span zero.
  EXPECT_EQ(net_value_verdict(interval(10, 20), 100), Verdict::kNetGain);
  EXPECT_EQ(change_direction(interval(-38.8, -0.01)), Change::kDecrease);
  EXPECT_EQ(change_direction(interval(-38.8, 0.0)), Change::kNoClearChange);
  EXPECT_EQ(change_direction(interval(0.0, 0.0)), Change::kNoClearChange);
}

TEST(DecisionFigures, PaybackIsTheYearFromWhichTheCumulativeNetValueStaysAboveZero) {
  // Cumulative: -10, -4, 1, -1, 3, 8: above zero for good from year index 4.
  EXPECT_EQ(payback_year({-10, 6, 5, -2, 4, 5}), 4);
  EXPECT_EQ(payback_year({2, 1}), 0);
  EXPECT_EQ(payback_year({-10, 6, 3}), -1);  // -10, -4, -1: not within the horizon
  EXPECT_EQ(payback_year({}), -1);
}

TEST(DecisionFigures, BenefitCostRatioDividesWhatTheProgrammeBringsByWhatItCosts) {
  // A programme costing 4 m (PV) whose net value is +2 m brings 6 m: ratio 1.5.
  EXPECT_DOUBLE_EQ(benefit_cost_ratio(2e6, 4e6), 1.5);
  EXPECT_DOUBLE_EQ(benefit_cost_ratio(-4e6, 4e6), 0.0);    // brings nothing back
  EXPECT_TRUE(std::isnan(benefit_cost_ratio(1e6, -3e6)));  // a reduction saves up front
  EXPECT_TRUE(std::isnan(benefit_cost_ratio(0, 0)));
}
