// The baseline's figure of each calibration target's year.
#include "model/appraisal/calibration.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "model/appraisal/statistics.hpp"

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

// Persons in the target's states: every age, or its age band (bounds of the results' age bands,
// as the loader checks).
double person_months(const Scenario& scenario, const CompiledModel& compiled,
                     const CalibrationTarget& target, const Tally& year) {
  const size_t bands = scenario.result_age_bands.size();
  double sum = 0;
  for (size_t slot = 0; slot < compiled.slots.size(); ++slot) {
    const SlotInfo& info = compiled.slots[slot];
    if (info.module != target.module || ((target.state_mask >> info.state) & 1U) == 0) continue;
    if (target.max_age_years == 0) {
      sum += static_cast<double>(year.state_months[slot]);
      continue;
    }
    for (size_t b = 0; b < bands; ++b) {
      const int from = scenario.result_age_bands[b];
      if (from >= target.min_age_years && from < target.max_age_years)
        sum += static_cast<double>(year.state_months_by_age[slot * bands + b]);
    }
  }
  return sum;
}

double year_figure(const Scenario& scenario, const CompiledModel& compiled,
                   const CalibrationTarget& target, const Tally& year) {
  double sum = 0;
  switch (target.kind) {
    case CalibrationTarget::Kind::kPopulation:
      for (int a = target.min_age_years; a < target.max_age_years && a < kAgeYearsTallied; ++a)
        sum += static_cast<double>(year.person_months_by_age[static_cast<size_t>(a)]);
      return sum / kMonthsPerYear;
    case CalibrationTarget::Kind::kPersons:
      return person_months(scenario, compiled, target, year) / kMonthsPerYear;
    case CalibrationTarget::Kind::kFlow:
      for (int e = 0; e < compiled.event_slots; ++e) {
        const auto event = static_cast<size_t>(e);
        if (compiled.event_module[event] != target.module) continue;
        const Transition& tr =
            scenario.modules[static_cast<size_t>(target.module)]
                .transitions[static_cast<size_t>(compiled.event_transition[event])];
        if (((target.from_mask >> tr.from) & 1U) != 0 && ((target.state_mask >> tr.to) & 1U) != 0)
          sum += static_cast<double>(year.events[event]);
      }
      return sum;
    case CalibrationTarget::Kind::kOverlap: {
      // The combinations of centres (case masks) that count, from the cross-silo tallies.
      unsigned required = 0;
      for (int d : target.centres)
        for (size_t bit = 0; bit < compiled.case_departments.size(); ++bit)
          if (compiled.case_departments[bit] == d) required |= 1U << bit;
      const std::vector<uint64_t>& months =
          target.households ? year.known_household_months : year.known_person_months;
      for (size_t mask = 0; mask < months.size(); ++mask)
        if (std::popcount(mask) >= target.centres_at_least && (mask & required) == required)
          sum += static_cast<double>(months[mask]);
      return sum / kMonthsPerYear;
    }
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

Coverage coverage(const Scenario& scenario, const RunPlan& plan,
                  const std::vector<std::vector<YearAccount>>& accounts) {
  Coverage out;
  out.net_operating_dkk = scenario.net_operating_dkk;
  const size_t arms = scenario.arms.size();
  for (int r = 0; r < plan.replicates; ++r) {
    const YearAccount& year = accounts[plan.unit_index(0, r, 0, arms)].front();
    for (int d = 0; d < static_cast<int>(scenario.departments.size()); ++d)
      for (const BudgetType type :
           {BudgetType::kService, BudgetType::kTransferGuaranteed, BudgetType::kTransferOther})
        out.modelled_dkk += year.municipal(d, type);
  }
  out.modelled_dkk /= plan.replicates;
  return out;
}

bool counts_overlaps(const Scenario& scenario) {
  return std::any_of(
      scenario.calibration.begin(), scenario.calibration.end(),
      [](const CalibrationTarget& t) { return t.kind == CalibrationTarget::Kind::kOverlap; });
}

std::vector<CalibrationRow> calibrate(const Scenario& scenario, const CompiledModel& compiled,
                                      const RunPlan& plan, const RunResults& results) {
  std::vector<CalibrationRow> rows;
  const size_t arms = scenario.arms.size();
  for (size_t t = 0; t < scenario.calibration.size(); ++t) {
    const CalibrationTarget& target = scenario.calibration[t];
    const auto year = static_cast<size_t>(target.year - scenario.base_year);
    std::vector<double> figures;
    // An overlap is counted in the replicates that tallied the cross-silo picture.
    const int replicates = target.kind == CalibrationTarget::Kind::kOverlap
                               ? std::min(plan.replicates, plan.cross_silo_replicates)
                               : plan.replicates;
    for (int r = 0; r < replicates; ++r)
      figures.push_back(year_figure(scenario, compiled, target,
                                    results.tallies[plan.unit_index(0, r, 0, arms)].at(year)));
    const Summary summary = summarize(figures, plan.replicates_per_population);
    CalibrationRow row;
    row.target = static_cast<int>(t);
    row.simulated = summary.mean;
    row.standard_error = summary.std_error;
    row.target_value = target.value;
    row.deviation = (row.simulated - target.value) / target.value;
    row.within = std::abs(row.deviation) <= target.tolerance;
    rows.push_back(row);
  }
  return rows;
}

}  // namespace kommunesim::appraisal
