// Look-ups on the scenario's age-banded rates.
#include "model/engine/scenario.hpp"

#include <algorithm>

namespace kommunesim::model {
namespace {

int band_index(const std::vector<int>& from, int value) {
  const auto it = std::upper_bound(from.begin(), from.end(), value);
  return std::max(0, static_cast<int>(it - from.begin()) - 1);
}

}  // namespace

int Scenario::parameter_index(std::string_view id) const {
  for (size_t i = 0; i < parameters.size(); ++i)
    if (parameters[i].id == id) return static_cast<int>(i);
  return -1;
}

double AgeRates::at(int age_months) const {
  if (age_from_months.empty()) return 0.0;
  return monthly_probability[static_cast<size_t>(band_index(age_from_months, age_months))];
}

}  // namespace kommunesim::model
