// Disclosure control of the appraisal's tables (disclosure.hpp).
#include "model/appraisal/disclosure.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace kommunesim::appraisal {
namespace {

constexpr double kHidden = NAN;

// The cross-silo picture, counted by persons or by households: primary suppression of small
// cells, then secondary suppression within each arm, year and group (at most one centre, two or
// more) until what is hidden adds up to the threshold.
void control_cross_silo(std::vector<CrossSiloRow>& rows, bool by_household, int threshold,
                        SuppressedCells& out) {
  const auto count = [&](const CrossSiloRow& r) { return by_household ? r.households : r.persons; };
  const auto hide = [&](CrossSiloRow& r) {
    if (by_household) {
      r.households = r.members = kHidden;
      std::fill(r.household_cost.begin(), r.household_cost.end(), kHidden);
    } else {
      r.persons = kHidden;
      std::fill(r.cost.begin(), r.cost.end(), kHidden);
    }
  };
  std::map<std::tuple<int, int, bool>, std::vector<CrossSiloRow*>> groups;
  for (CrossSiloRow& r : rows) groups[{r.arm, r.year, r.centre_count() >= 2}].push_back(&r);
  for (auto& [key, group] : groups) {
    double hidden = 0;
    size_t hidden_cells = 0;
    for (CrossSiloRow* r : group)
      if (!shown_count(count(*r), threshold)) {
        hidden += count(*r);
        ++hidden_cells;
        hide(*r);
        ++out.small;
      }
    if (hidden_cells == 0) continue;
    // The smallest shown cells next, until the hidden ones add up to the threshold.
    std::vector<CrossSiloRow*> shown;
    for (CrossSiloRow* r : group)
      if (!std::isnan(count(*r)) && count(*r) > 0) shown.push_back(r);
    std::sort(shown.begin(), shown.end(), [&](const CrossSiloRow* a, const CrossSiloRow* b) {
      return count(*a) != count(*b) ? count(*a) < count(*b) : a->centres < b->centres;
    });
    for (CrossSiloRow* r : shown) {
      if (hidden >= threshold) break;
      hidden += count(*r);
      hide(*r);
      ++out.derivable;
    }
  }
}

}  // namespace

bool shown_count(double count, int threshold) { return count == 0 || count >= threshold; }

void control_disclosure(Appraisal& a) {
  const Disclosure& rule = a.scenario.disclosure;
  if (!rule.real_data) return;
  const int t = rule.threshold;
  DisclosureReport& report = a.disclosure;
  report.applied = true;
  report.threshold = t;

  SuppressedCells persons{"cross_silo (persons)"}, households{"cross_silo (households)"};
  control_cross_silo(a.cross_silo, false, t, persons);
  control_cross_silo(a.cross_silo, true, t, households);

  SuppressedCells calibration{"calibration"};
  for (CalibrationRow& row : a.calibration) {
    const CalibrationTarget& target = a.scenario.calibration[static_cast<size_t>(row.target)];
    if (target.kind == CalibrationTarget::Kind::kSpending) continue;
    if (shown_count(row.target_value, t) && shown_count(row.simulated, t)) continue;
    row.target_value = row.simulated = row.standard_error = row.deviation = kHidden;
    ++calibration.small;
  }

  SuppressedCells capacity{"capacity_use"};
  for (CapacityUse& row : a.capacity) {
    if (!shown_count(row.admissions, t)) {
      row.admissions = kHidden;
      ++capacity.small;
    }
    if (!shown_count(row.participant_months / kMonthsPerYear, t)) {
      row.participant_months = row.fill_rate = kHidden;
      ++capacity.small;
    }
  }

  SuppressedCells flows{"citizen_flows"};
  for (auto& arm : a.flows)
    for (CitizenFlow& f : arm)
      if (!shown_count(f.events, t)) {
        f.events = kHidden;
        ++flows.small;
      }

  SuppressedCells summary{"summary (participants)"};
  for (ArmNormSummary& s : a.analysis.summaries)
    if (!shown_count(s.participants.mean, t)) {
      s.participants.mean = s.participants.std_error = s.participants.mean_low =
          s.participants.mean_high = s.participants.spread_low = s.participants.spread_high =
              kHidden;
      s.net_value_per_participant = kHidden;
      ++summary.small;
    }
  report.tables = {persons, households, calibration, capacity, flows, summary};
}

}  // namespace kommunesim::appraisal
