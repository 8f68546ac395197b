// Mortality as a waiting time: the death month drawn once has the law of a draw every month.
#include "model/engine/mortality.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "model/engine/rng.hpp"

using namespace kommunesim::model;

namespace {

// A table with monthly mortality `q` from `from_year` on and none before.
AgeTable table_from(int from_year, double q) {
  AgeTable t;
  for (int y = from_year; y < kAgeYearsTabled; ++y) t.by_year[static_cast<size_t>(y)] = q;
  return t;
}

}  // namespace

TEST(DeathMonth, IsTheFirstMonthByWhoseEndSurvivalIsAtMostTheDraw) {
  const AgeTable t = table_from(0, 0.01);
  const double five_months = std::pow(0.99, 5);
  // Surviving five months has probability 0.99^5: a draw just above it dies in the fifth month,
  // one just below in the sixth.
  EXPECT_EQ(death_month(log_monthly_survival(t), 10, 40 * 12, five_months * (1 + 1e-9)), 14);
  EXPECT_EQ(death_month(log_monthly_survival(t), 10, 40 * 12, five_months * (1 - 1e-9)), 15);
  // A draw of 1 dies in the first month (survival is below 1 after any month with mortality).
  EXPECT_EQ(death_month(log_monthly_survival(t), 10, 40 * 12, 1.0), 10);
}

TEST(DeathMonth, FollowsTheRateOfEachAgeYear) {
  // No mortality before 31, certain death in the first month at 31: a person aged 30 years and
  // 6 months in month 10 dies in month 16 whatever the draw.
  const AgeTable t = table_from(31, 1.0);
  for (const double v : {1e-12, 0.5, 1.0})
    EXPECT_EQ(death_month(log_monthly_survival(t), 10, 30 * 12 + 6, v), 16);
  // Without any mortality nobody dies; after the table's last age its rate holds on.
  EXPECT_EQ(death_month(log_monthly_survival(table_from(0, 0.0)), 0, 0, 0.5), kNeverDies);
  EXPECT_EQ(death_month(log_monthly_survival(table_from(kAgeYearsTabled - 1, 0.5)), 0,
                        kAgeYearsTabled * 12, 0.3),
            1);
}

TEST(DeathMonth, HasTheLawOfAMonthlyDraw) {
  // Monthly mortality 0.002 before 70, 0.005 from 70: persons aged 69 years and 6 months.
  AgeTable t = table_from(0, 0.002);
  for (int y = 70; y < kAgeYearsTabled; ++y) t.by_year[static_cast<size_t>(y)] = 0.005;
  constexpr int kPersons = 200000;
  int within_6 = 0, within_24 = 0;
  for (uint32_t i = 0; i < kPersons; ++i) {
    const double v = 1.0 - uniform({3, 1}, i, 0, 0, Purpose::kDeath);
    const MonthIndex dies = death_month(log_monthly_survival(t), 0, 69 * 12 + 6, v);
    within_6 += dies < 6 ? 1 : 0;
    within_24 += dies < 24 ? 1 : 0;
  }
  // A monthly draw dies within 6 months with 1 - 0.998^6, within 24 with 1 - 0.998^6 0.995^18.
  const auto expect_share = [&](int count, double p) {
    const double se = std::sqrt(p * (1 - p) / kPersons);
    EXPECT_NEAR(static_cast<double>(count) / kPersons, p, 4 * se);
  };
  expect_share(within_6, 1 - std::pow(0.998, 6));
  expect_share(within_24, 1 - std::pow(0.998, 6) * std::pow(0.995, 18));
}

TEST(DeathMonth, FoundBySearchIsTheMonthOfAMonthByMonthProduct) {
  // A table like a life table (rising with age, certain death at 125): for 20,000 persons of all
  // ages and draws, the death month is where survival, multiplied month by month, falls to v.
  AgeTable t;
  for (int y = 0; y < kAgeYearsTabled; ++y)
    t.by_year[static_cast<size_t>(y)] =
        y >= 125 ? 1.0 : std::min(0.5, 0.00002 * std::exp(0.09 * y));
  const LogMonthlySurvival survival = log_monthly_survival(t);
  for (uint32_t i = 0; i < 20000; ++i) {
    const double v = 1.0 - uniform({5, 2}, i, 0, 0, Purpose::kDeath);
    const int age = static_cast<int>(uniform({5, 2}, i, 1, 0, Purpose::kDeath) * 110 * 12);
    double log_survival = 0;
    MonthIndex expected = 0;
    for (int a = age;; ++a, ++expected) {
      const double q = t.at(a);
      log_survival += std::log1p(-q);
      if (q > 0 && log_survival <= std::log(v)) break;
    }
    ASSERT_EQ(death_month(survival, 0, age, v), expected) << "age " << age << ", v " << v;
  }
}
