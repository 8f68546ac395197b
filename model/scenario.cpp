// Look-ups on the scenario's band tables.
#include "model/scenario.hpp"

#include <algorithm>

namespace kommunesim::model {
namespace {

int band_index(const std::vector<int>& from, int value) {
  const auto it = std::upper_bound(from.begin(), from.end(), value);
  return std::max(0, static_cast<int>(it - from.begin()) - 1);
}

}  // namespace

int RefusionSchedule::band_of(int months_in_state) const {
  return band_index(from_month, months_in_state);
}

double BandTable::at(int age_months, int duration_months) const {
  const int a = band_index(age_from_months, age_months);
  const int d = band_index(duration_from, duration_months);
  return values[static_cast<size_t>(a) * duration_from.size() + static_cast<size_t>(d)];
}

double AgeRates::at(int age_months) const {
  if (age_from_months.empty()) return 0.0;
  return monthly_probability[static_cast<size_t>(band_index(age_from_months, age_months))];
}

}  // namespace kommunesim::model
