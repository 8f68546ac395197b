// Baseline figures of the first year for each calibration target.
#include "model/appraisal/calibration.hpp"

#include <cmath>

namespace kommunesim::appraisal {
namespace {

// The municipality's gross spending per person-month of a state's slot: its cost lines paid by
// the municipality that apply to the slot's persons, before the state's refusion, revenue lines
// left out.
double gross_municipal_dkk_per_month(const State& state, const SlotInfo& slot) {
  double sum = 0;
  for (const CostLine& line : state.costs)
    if (line.payer == Payer::kMunicipality && line.dkk_per_month > 0 && line.applies(slot.variant))
      sum += line.dkk_per_month;
  return sum;
}

double first_year_figure(const Scenario& scenario, const CompiledModel& compiled,
                         const CalibrationTarget& target, const Tally& year) {
  double sum = 0;
  switch (target.kind) {
    case CalibrationTarget::Kind::kPopulation:
      for (int a = target.min_age_years; a < target.max_age_years && a < kAgeYearsTallied; ++a)
        sum += static_cast<double>(year.person_months_by_age[static_cast<size_t>(a)]);
      return sum / kMonthsPerYear;
    case CalibrationTarget::Kind::kPersons:
      for (size_t slot = 0; slot < compiled.slots.size(); ++slot) {
        const SlotInfo& info = compiled.slots[slot];
        if (info.module == target.module && ((target.state_mask >> info.state) & 1U) != 0)
          sum += static_cast<double>(year.state_months[slot]);
      }
      return sum / kMonthsPerYear;
    case CalibrationTarget::Kind::kSpending:
      for (size_t slot = 0; slot < compiled.slots.size(); ++slot) {
        const SlotInfo& info = compiled.slots[slot];
        if (info.module != target.module) continue;
        const State& state = scenario.modules[static_cast<size_t>(info.module)]
                                 .states[static_cast<size_t>(info.state)];
        sum += static_cast<double>(year.state_months[slot]) *
               gross_municipal_dkk_per_month(state, info);
      }
      return sum;
  }
  return 0;
}

}  // namespace

std::vector<CalibrationRow> calibrate(const Scenario& scenario, const CompiledModel& compiled,
                                      const RunPlan& plan, const RunResults& results) {
  std::vector<CalibrationRow> rows;
  const size_t arms = scenario.arms.size();
  for (size_t t = 0; t < scenario.calibration.size(); ++t) {
    const CalibrationTarget& target = scenario.calibration[t];
    double sum = 0;
    for (int r = 0; r < plan.replicates; ++r)
      sum += first_year_figure(scenario, compiled, target,
                               results.tallies[plan.unit_index(0, r, 0, arms)].front());
    CalibrationRow row;
    row.target = static_cast<int>(t);
    row.simulated = sum / plan.replicates;
    row.deviation = (row.simulated - target.value) / target.value;
    row.within = std::abs(row.deviation) <= scenario.calibration_tolerance;
    rows.push_back(row);
  }
  return rows;
}

}  // namespace kommunesim::appraisal
