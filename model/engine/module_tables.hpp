// Modules compiled once, at load time, into flat look-up tables for the monthly update:
// band look-ups become array indexing and every tallied person-month lands in an integer slot.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "model/engine/scenario.hpp"

namespace kommunesim::model {

constexpr int kAgeYearsTabled = 128;  // ages beyond are looked up as this age
constexpr int kDurationTabled = 256;  // months in state tabled; beyond, the bands are searched

// The band of a duration in months: tabled for the first kDurationTabled months (nearly every
// look-up), searched among the bands' lower bounds beyond, so that a band of any length works
// (førtidspension spells last decades).
struct DurationBands {
  std::array<uint8_t, kDurationTabled> tabled{};
  std::vector<int> from{0};  // lower bounds in months, ascending, the first 0
  int band(int months) const {
    if (months < kDurationTabled) return tabled[static_cast<size_t>(months)];
    return static_cast<int>(std::upper_bound(from.begin(), from.end(), months) - from.begin()) - 1;
  }
};
DurationBands duration_bands_of(const std::vector<int>& from);

// Ages in months up to which rates are tabled month by month (older ages read the last month).
constexpr int kAgeMonthsTabled = kAgeYearsTabled * kMonthsPerYear;

struct TransitionTable {
  uint8_t to = 0;
  std::vector<uint8_t> age_band;  // per age in months (kAgeMonthsTabled): the age band
  DurationBands duration_band;
  int duration_bands = 1;
  std::vector<double> hazard;  // [age band][duration band]
  std::vector<Modifier> modifiers;
  int event_slot = 0;              // index of this transition in tallies' event counts
  bool duration_by_clock = false;  // the duration bands read the module's clock
  double base_hazard(int age_months, int months_in_state) const {
    const int a = age_band[static_cast<size_t>(
        age_months < kAgeMonthsTabled ? std::max(age_months, 0) : kAgeMonthsTabled - 1)];
    return hazard[static_cast<size_t>(a * duration_bands + duration_band.band(months_in_state))];
  }
};

struct StateTable {
  int first_transition = 0;  // range into ModuleTables::transitions
  int transition_count = 0;
  int slot = 0;  // first tally slot of this state
  // The state's cost conditions: a person-month's slot is slot + band * variants + the bits of
  // the conditions that hold (variants = 2^conditions).
  std::vector<Condition> cost_conditions;
  int variants = 1;
  bool one_slot = false;       // no cost condition and one band: every month is in `slot`
  bool band_by_clock = false;  // the refusion band reads the module's clock
  uint8_t case_bit = 0;        // a case state: its department's bit in a case mask; else 0
  DurationBands cost_band;     // months in state (or on the clock) -> slot offset (refusion band)
  // Per age in whole years: a probability of leaving the state this month that no person of that
  // age reaches without a proposal's effect (every duration band, every modifier that raises a
  // risk). A draw at or above it means no transition, without computing the hazards. 0 when no
  // exit has a hazard at that age: then nobody leaves, with or without an effect, and no draw.
  std::array<double, kAgeYearsTabled> leave_bound{};
};

struct ModuleTables {
  std::vector<TransitionTable> transitions;  // grouped by from-state
  std::vector<StateTable> states;
  // The population's initial state shares by age band, for persons who join the module above
  // its minimum age (in-movers); empty when the population file gives none.
  std::vector<int> initial_age_from_months;
  std::vector<std::vector<double>> initial_shares;
  int clock = -1;  // the module's clock slot in Population::clocks, or -1
};

// Where each tally slot's person-months go in money: the slot's (module, state, refusion band).
struct SlotInfo {
  int module = 0;
  int state = 0;
  double state_share = 0;  // refusion share of refunded cost lines in this band
  unsigned variant = 0;    // which of the state's cost conditions hold (CostLine::applies)
};

// The share of a cost line's amount in a tally slot that the state refunds (refusion in the slot's
// duration band), 0 for a line without refusion.
inline double refunded_share(const CostLine& line, const SlotInfo& slot) {
  return line.refusion >= 0 ? slot.state_share : 0.0;
}

// Whether a cost line is the municipality's spending on the person: its service and transfers
// (financing and investment are not spent on a person).
inline bool is_municipal_spending(const CostLine& line) {
  return line.payer == Payer::kMunicipality && line.budget_type != BudgetType::kFinancing &&
         line.budget_type != BudgetType::kInvestment;
}

// An age-banded monthly rate tabled by age in whole years.
struct AgeTable {
  std::array<double, kAgeYearsTabled> by_year{};
  double at(int age_months) const {
    const int years = age_months / kMonthsPerYear;
    return by_year[static_cast<size_t>(years < kAgeYearsTabled ? years : kAgeYearsTabled - 1)];
  }
};

// The logarithm of surviving, per age year one month's, log(1 - monthly mortality), and from birth
// to the start of each age year: computed once per table (log_monthly_survival in mortality.hpp),
// so that a death month is found by a search rather than year by year.
struct LogMonthlySurvival {
  std::array<double, kAgeYearsTabled> per_month{};
  std::array<double, kAgeYearsTabled + 1> to_year{};
};

// The household conditions (Scenario::household_conditions) as look-ups: the condition bits a
// living member sets, by role and by the member's state in each module a condition reads.
struct HouseholdConditionBits {
  std::array<uint64_t, 2> any_state{};  // by role (0 child, 1 adult): conditions on no module
  std::vector<int> modules;             // the modules some condition reads
  // [(i * kMaxStates + state) * 2 + role]: conditions on modules[i] that the state meets
  std::vector<uint64_t> by_state;
  uint64_t of(size_t i, uint8_t state, bool adult) const {
    return by_state[(i * kMaxStates + state) * 2 + (adult ? 1 : 0)];
  }
};
HouseholdConditionBits household_condition_bits(const Scenario& scenario);

struct CompiledModel;

// From `from` on, the scenario with the dated changes up to then applied, and its tables.
struct DatedTables {
  MonthIndex from = 0;
  std::shared_ptr<const Scenario> scenario;
  std::shared_ptr<const CompiledModel> compiled;
};

struct CompiledModel {
  std::vector<ModuleTables> modules;
  std::vector<DatedTables> later;  // per month of a dated change, ascending (same layout)
  AgeTable mortality;
  LogMonthlySurvival log_monthly_survival;  // of mortality
  AgeTable fertility;
  std::vector<SlotInfo> slots;  // person-month tally slots
  // Per slot: the municipality's spending on a person-month in it (is_municipal_spending, net of
  // refusion) at the scenario's register unit costs, as a proposal's cost criterion reads it.
  std::vector<Dkk> slot_municipal_dkk;
  int event_slots = 0;                // one per transition, over all modules
  std::vector<int> event_module;      // per event slot
  std::vector<int> event_transition;  // per event slot: index in the module's transitions
  std::vector<int> equity_flags;      // per equity group: the history flag that defines it
  uint16_t equity_history_mask = 0;   // the history flags of equity_flags: a person with none of
                                      // them is in no equity group
  HouseholdConditionBits household_conditions;
  // The modules with a clock, ascending; module clocked_modules[c] keeps clock slot c.
  std::vector<int> clocked_modules;
  // Clocks per person (Population::clock_count).
  int clock_count() const { return static_cast<int>(clocked_modules.size()); }
  // Per age in months below kAgeMonthsTabled: bit m set when module m admits persons of that age
  // (Module::eligible). eligible_modules answers for any age.
  std::vector<uint8_t> eligible_by_age;
  uint8_t eligible_modules(const Scenario& scenario, int age_months) const {
    if (age_months >= 0 && age_months < kAgeMonthsTabled)
      return eligible_by_age[static_cast<size_t>(age_months)];
    return eligible_at(scenario, age_months);
  }
  static uint8_t eligible_at(const Scenario& scenario, int age_months) {
    uint8_t mask = 0;
    for (size_t m = 0; m < scenario.modules.size(); ++m)
      if (scenario.modules[m].eligible(age_months)) mask = static_cast<uint8_t>(mask | (1u << m));
    return mask;
  }
  // Results by age: the scenario's result age band of each age in whole years; 0 bands when the
  // scenario asks for none.
  int result_age_bands = 0;
  std::array<uint8_t, kAgeYearsTabled> result_age_band{};
  // The cross-silo picture (State::is_case): the departments (centres) with case states, in the
  // scenario's order, bit i of a case mask standing for case_departments[i] (a department owns a
  // module, so a mask has at most kMaxModules bits).
  std::vector<int> case_departments;
  size_t case_masks() const { return size_t{1} << case_departments.size(); }
};

CompiledModel compile(const Scenario& scenario);

// The departments with a case state (CompiledModel::case_departments).
std::vector<int> case_departments(const Scenario& scenario);

// The scenario and tables in force in `month`: the base ones before the first dated change.
struct InForce {
  const Scenario& scenario;
  const CompiledModel& compiled;
};
InForce in_force(const Scenario& scenario, const CompiledModel& compiled, MonthIndex month);

// Per state of a module whose probabilities are crude: the largest sum of its exits' crude
// monthly probabilities over ages and durations (it must stay below 1).
std::vector<double> largest_crude_exit(const Module& module);

}  // namespace kommunesim::model
