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
    const Summary s = summarize(values, 1);
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
    return summarize(values, 1);
  };
  const Summary few = summary_of(20), many = summary_of(2000);
  // Width of the interval of the mean falls about as 1/sqrt(n); the spread of outcomes stays.
  EXPECT_NEAR((few.mean_high - few.mean_low) / (many.mean_high - many.mean_low), 10.0, 3.0);
  EXPECT_NEAR(many.spread_high - many.spread_low, 2 * 1.645, 0.2);
  EXPECT_NEAR(few.std_error, 1 / std::sqrt(20.0), 0.1);
}

TEST(Statistics, OneReplicateHasNoIntervalOfTheMean) {
  const Summary s = summarize({4.0}, 1);
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

namespace {

// Replicates in pairs that share a population draw: x = mu + b_pair + e, b and e normal.
std::vector<double> paired_sample(int pairs, double between_sd, double within_sd,
                                  std::mt19937_64& rng) {
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<double> values;
  for (int d = 0; d < pairs; ++d) {
    const double b = between_sd * normal(rng);
    for (int k = 0; k < 2; ++k) values.push_back(3.0 + b + within_sd * normal(rng));
  }
  return values;
}

}  // namespace

TEST(Statistics, ReplicatesThatSharePopulationsGetTheirIntervalFromThePairs) {
  // With most of the variance between populations, an interval that took the replicates as
  // independent would hold the mean far less often than 90 %; the pairs' interval holds it.
  std::mt19937_64 rng(11);
  int by_pairs = 0, as_if_independent = 0;
  const int samples = 10000;
  for (int i = 0; i < samples; ++i) {
    const std::vector<double> v = paired_sample(10, 2.0, 0.5, rng);
    const Summary pairs = summarize(v, 2);
    const Summary naive = summarize(v, 1);
    by_pairs += pairs.mean_low <= 3.0 && 3.0 <= pairs.mean_high;
    as_if_independent += naive.mean_low <= 3.0 && 3.0 <= naive.mean_high;
  }
  EXPECT_NEAR(static_cast<double>(by_pairs) / samples, 0.90, 0.02);
  EXPECT_LT(static_cast<double>(as_if_independent) / samples, 0.80);
  EXPECT_EQ(degrees_of_freedom(20, 2), 9);
}

TEST(Statistics, TheShareBetweenPopulationsComesFromTheAnalysisOfVariance) {
  // Pairs (1, 3) and (5, 7): mean square within 2, between 2 * var(2, 6) = 16, so the
  // between-pair component is (16 - 2) / 2 = 7 of 7 + 2.
  EXPECT_NEAR(between_cluster_share({1, 3, 5, 7}, 2), 7.0 / 9.0, 1e-12);
  // Pairs that differ less than their members: no variance between them (not below zero).
  EXPECT_EQ(between_cluster_share({1, 7, 3, 5}, 2), 0.0);
  EXPECT_TRUE(std::isnan(between_cluster_share({1, 3}, 2)));  // one pair says nothing
  // On large samples the estimate approaches the true share, 4 / (4 + 1).
  std::mt19937_64 rng(5);
  EXPECT_NEAR(between_cluster_share(paired_sample(20000, 2.0, 1.0, rng), 2), 0.8, 0.01);
}

TEST(Statistics, TheShareADrawnSourceAddsIsTheVarianceItAdds) {
  // var(1, 2, 3, 4) = 5/3 with the source drawn, var(2, 2, 3, 3) = 1/3 without: it added 80 %.
  EXPECT_NEAR(added_variance_share({1, 2, 3, 4}, {2, 2, 3, 3}), 0.8, 1e-12);
  EXPECT_EQ(added_variance_share({2, 2, 3, 3}, {1, 2, 3, 4}), 0.0);
  EXPECT_TRUE(std::isnan(added_variance_share({2, 2}, {1, 3})));
}
