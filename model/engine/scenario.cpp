// Look-ups on the scenario: register parameters by id, normative settings, age-banded rates.
#include "model/engine/scenario.hpp"

#include <algorithm>
#include <cmath>

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

double NormativeSet::value(const Parameter& parameter) const {
  const auto index = static_cast<size_t>(parameter.setting_index);
  switch (parameter.setting) {
    case NormativeSetting::kNone:
      return parameter.value;
    case NormativeSetting::kHorizonYears:
      return horizon_years;
    case NormativeSetting::kDiscountRate:
      return discount.empty() ? 0.0 : discount.front().rate;
    case NormativeSetting::kEffectScale:
      return dynamics.effect_scale;
    case NormativeSetting::kEffectHalfLife:
      return dynamics.effect_half_life_months;
    case NormativeSetting::kDeadweight:
      return dynamics.deadweight;
    case NormativeSetting::kOutcomePrice:
      return measure_values[index];
    case NormativeSetting::kEquityWeight:
      return equity_weights[index];
  }
  return parameter.value;
}

bool NormativeSet::set(const Parameter& parameter, double value, int max_horizon_years) {
  const auto index = static_cast<size_t>(parameter.setting_index);
  switch (parameter.setting) {
    case NormativeSetting::kNone:
      return false;
    case NormativeSetting::kHorizonYears:
      horizon_years = std::clamp(static_cast<int>(std::lround(value)), 1, max_horizon_years);
      break;
    case NormativeSetting::kDiscountRate:
      discount = {{0, value}};
      break;
    case NormativeSetting::kEffectScale:
      dynamics.effect_scale = value;
      break;
    case NormativeSetting::kEffectHalfLife:
      dynamics.effect_half_life_months = value;
      dynamics.half_life_for_all = true;
      break;
    case NormativeSetting::kDeadweight:
      dynamics.deadweight = value;
      break;
    case NormativeSetting::kOutcomePrice:
      measure_values[index] = value;
      break;
    case NormativeSetting::kEquityWeight:
      equity_weights[index] = value;
      break;
  }
  return true;
}

double AgeRates::at(int age_months) const {
  if (age_from_months.empty()) return 0.0;
  return monthly_probability[static_cast<size_t>(band_index(age_from_months, age_months))];
}

int State::cost_condition_index(const Condition& condition) {
  const auto it = std::find(cost_conditions.begin(), cost_conditions.end(), condition);
  if (it != cost_conditions.end()) return static_cast<int>(it - cost_conditions.begin());
  if (cost_conditions.size() == kMaxCostConditions) return -1;
  cost_conditions.push_back(condition);
  return static_cast<int>(cost_conditions.size()) - 1;
}

}  // namespace kommunesim::model
