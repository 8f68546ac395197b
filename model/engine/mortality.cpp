// The death month of mortality.hpp.
#include "model/engine/mortality.hpp"

#include <algorithm>
#include <cmath>

namespace kommunesim::model {

LogMonthlySurvival log_monthly_survival(const AgeTable& mortality) {
  LogMonthlySurvival survival;
  for (size_t y = 0; y < survival.per_month.size(); ++y) {
    survival.per_month[y] = std::log1p(-mortality.by_year[y]);
    survival.to_year[y + 1] = survival.to_year[y] + kMonthsPerYear * survival.per_month[y];
  }
  return survival;
}

namespace {

constexpr int kLastYear = kAgeYearsTabled - 1;  // its rate holds on for every older age

MonthIndex month_index(double month) {
  return month < kNeverDies ? static_cast<MonthIndex>(month) : kNeverDies;
}

// death_month age year by age year: for any table, ages and draw.
MonthIndex death_month_year_by_year(const LogMonthlySurvival& survival, MonthIndex first_month,
                                    int age_months, double remaining) {
  double month = first_month;
  int age = age_months;
  for (;;) {
    const int year = std::min(age / kMonthsPerYear, kLastYear);
    const double per_month = survival.per_month[static_cast<size_t>(year)];  // -inf: certain
    if (year == kLastYear) {
      if (per_month == 0) return kNeverDies;
      return month_index(month + std::max(1.0, std::ceil(remaining / per_month)) - 1);
    }
    const int months_in_year = kMonthsPerYear - age % kMonthsPerYear;
    if (per_month < 0) {
      // The first k >= 1 with k * per_month <= remaining, if it falls within this age year.
      const double k = std::max(1.0, std::ceil(remaining / per_month));
      if (k <= months_in_year) return month_index(month + k - 1);
    }
    remaining -= per_month * months_in_year;
    month += months_in_year;
    age += months_in_year;
  }
}

}  // namespace

MonthIndex death_month(const LogMonthlySurvival& survival, MonthIndex first_month, int age_months,
                       double v) {
  const double log_v = std::log(v);  // <= 0
  const int first_year = age_months / kMonthsPerYear;
  const int into_year = age_months % kMonthsPerYear;
  if (first_year >= kLastYear)
    return death_month_year_by_year(survival, first_month, age_months, log_v);
  // Survival from birth to the start of first_month, and the level at which the person dies.
  const double at_start = survival.to_year[static_cast<size_t>(first_year)] +
                          survival.per_month[static_cast<size_t>(first_year)] * into_year;
  const double dies_at = at_start + log_v;
  const auto& to_year = survival.to_year;
  // The first age year by whose end survival from birth is at most dies_at (to_year falls).
  const auto end_of_year =
      std::partition_point(to_year.begin() + first_year + 1, to_year.begin() + kLastYear + 1,
                           [&](double s) { return s > dies_at; });
  const auto year = static_cast<int>(end_of_year - to_year.begin()) - 1;
  const double per_month = survival.per_month[static_cast<size_t>(year)];
  // Rare cases year by year: ages the search cannot start from, death only in the last year, and
  // a draw of 1 (which the search would meet in a year without mortality).
  if (!std::isfinite(at_start) || year == kLastYear || !(per_month < 0) || log_v == 0)
    return death_month_year_by_year(survival, first_month, age_months, log_v);
  const int from = year == first_year ? into_year : 0;  // month of the year the count starts in
  const double level = year == first_year ? at_start : to_year[static_cast<size_t>(year)];
  const int k = std::clamp(static_cast<int>(std::ceil((dies_at - level) / per_month)), 1,
                           kMonthsPerYear - from);
  return first_month + (year * kMonthsPerYear + from + k - 1 - age_months);
}

}  // namespace kommunesim::model
