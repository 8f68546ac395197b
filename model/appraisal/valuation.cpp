// Discounting and NPV.
#include "model/appraisal/valuation.hpp"

#include <algorithm>
#include <cmath>

namespace kommunesim::appraisal {

double discount_factor(const std::vector<DiscountBand>& schedule, int year) {
  double factor = 1.0;
  for (size_t i = 0; i < schedule.size(); ++i) {
    const int from = schedule[i].from_year;
    const int to = i + 1 < schedule.size() ? schedule[i + 1].from_year : year;
    const int years = std::max(0, std::min(year, to) - from);
    factor *= std::pow(1.0 + schedule[i].rate, -years);
  }
  return factor;
}

Dkk perspective_cost(const YearAccount& account, const NormativeSet& norm,
                     const std::vector<bool>& counted_departments) {
  Dkk total = 0;
  const size_t departments = counted_departments.size();
  const bool citizens = norm.perspective[static_cast<size_t>(Payer::kCitizen)];
  for (size_t d = 0; d < departments; ++d) {
    if (!counted_departments[d]) continue;
    for (int p = 0; p < kPayerCount; ++p)
      if (norm.perspective[static_cast<size_t>(p)])
        total += account.at(static_cast<int>(d), static_cast<Payer>(p));
    if (citizens)
      for (size_t g = 0; g < norm.equity_weights.size(); ++g)
        total += (norm.equity_weights[g] - 1) * account.citizen_by_group[g * departments + d];
  }
  return total;
}

std::vector<bool> counted_departments(const Scenario& scenario, const Arm& arm,
                                      const NormativeSet& norm) {
  std::vector<bool> counted(scenario.departments.size(), !norm.owning_department_only);
  if (norm.owning_department_only)
    for (int p : arm.proposals)
      counted[static_cast<size_t>(scenario.proposals[static_cast<size_t>(p)].department)] = true;
  return counted;
}

std::vector<DiscountedYear> discounted_years(const std::vector<YearAccount>& proposal,
                                             const std::vector<YearAccount>& baseline,
                                             const NormativeSet& norm,
                                             const std::vector<bool>& counted_departments) {
  const size_t years =
      std::min({proposal.size(), baseline.size(), static_cast<size_t>(norm.horizon_years)});
  const bool municipality = norm.perspective[static_cast<size_t>(Payer::kMunicipality)];
  std::vector<DiscountedYear> out(years);
  for (size_t y = 0; y < years; ++y) {
    const double saving = perspective_cost(baseline[y], norm, counted_departments) -
                          perspective_cost(proposal[y], norm, counted_departments);
    double outcome_value = 0;
    for (size_t m = 0; m < norm.measure_values.size(); ++m)
      outcome_value += norm.measure_values[m] * (proposal[y].measures[m] - baseline[y].measures[m]);
    const double factor = discount_factor(norm.discount, static_cast<int>(y));
    out[y].net_value = factor * (saving + outcome_value);
    out[y].saving = factor * saving;
    if (municipality)
      out[y].programme_cost = factor * (proposal[y].programme_cost - baseline[y].programme_cost);
  }
  return out;
}

double net_present_value(const std::vector<YearAccount>& proposal,
                         const std::vector<YearAccount>& baseline, const NormativeSet& norm,
                         const std::vector<bool>& counted_departments) {
  double npv = 0;
  for (const DiscountedYear& year : discounted_years(proposal, baseline, norm, counted_departments))
    npv += year.net_value;
  return npv;
}

}  // namespace kommunesim::appraisal
