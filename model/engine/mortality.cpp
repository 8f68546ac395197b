// The death month of mortality.hpp, age year by age year.
#include "model/engine/mortality.hpp"

#include <algorithm>
#include <cmath>

namespace kommunesim::model {

MonthIndex death_month(const AgeTable& mortality, MonthIndex first_month, int age_months,
                       double v) {
  double remaining = std::log(v);  // the log-survival still to be used up (<= 0)
  double month = first_month;
  int age = age_months;
  for (;;) {
    const bool last_year = age / kMonthsPerYear >= kAgeYearsTabled - 1;  // its rate holds on
    const double months_in_year = last_year ? INFINITY : kMonthsPerYear - age % kMonthsPerYear;
    const double per_month = std::log1p(-mortality.at(age));  // <= 0; -inf when certain
    if (per_month < 0) {
      // The first k >= 1 with k * per_month <= remaining, if it falls within this age year.
      const double k = std::max(1.0, std::ceil(remaining / per_month));
      if (k <= months_in_year) {
        const double dies = month + k - 1;
        return dies < kNeverDies ? static_cast<MonthIndex>(dies) : kNeverDies;
      }
    }
    if (last_year) return kNeverDies;
    remaining -= per_month * months_in_year;
    month += months_in_year;
    age += static_cast<int>(months_in_year);
  }
}

}  // namespace kommunesim::model
