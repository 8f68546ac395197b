// Integer tallies of what happened in a year of one simulation: person-months per cost slot,
// transition events, participant-months. Integers add up identically in any order, which is
// what makes results bit-identical for any thread count; money is computed from them later.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "model/engine/scenario.hpp"

namespace kommunesim::model {

constexpr int kAgeYearsTallied = 128;  // older persons are tallied at this age - 1

struct Tally {
  std::vector<uint64_t> state_months;        // per slot of CompiledModel::slots
  std::vector<uint64_t> group_state_months;  // per equity group, per slot: the group's share
  std::vector<uint64_t> events;              // per event slot (transition)
  // Results by age (CompiledModel::result_age_bands b; empty when b = 0): person-months per slot
  // and age band [slot * b + band], transitions per event slot and age band [event * b + band].
  std::vector<uint64_t> state_months_by_age;
  std::vector<uint64_t> events_by_age;
  // The cross-silo picture (CompiledModel::case_departments), by the mask of centres that had
  // the person as a case in the month: person-months, and person-months per slot
  // [mask * slots + slot]; by the mask of the household (its members' masks together):
  // household-months, their members' person-months, and those per slot.
  std::vector<uint64_t> known_person_months;
  std::vector<uint64_t> known_state_months;
  std::vector<uint64_t> known_household_months;
  std::vector<uint64_t> known_member_months;
  std::vector<uint64_t> known_household_state_months;
  std::array<uint64_t, kMaxProposalsPerArm> participant_months{};
  std::array<uint64_t, kMaxProposalsPerArm> admissions{};
  std::array<uint64_t, kAgeYearsTallied> person_months_by_age{};  // by age in whole years
  uint64_t person_months = 0;
  uint64_t births = 0;
  uint64_t deaths = 0;
  uint64_t out_migrants = 0;
  uint64_t in_migrants = 0;

  void reset(size_t slots, size_t event_slots, size_t equity_groups = 0, size_t age_bands = 0,
             size_t case_masks = 0);
  void add(const Tally& other);
  // Empties the cross-silo picture's counts (a tally that needs none).
  void drop_cross_silo();
  // Adds plus - minus, field by field (the total must not be negative).
  void add_difference(const Tally& plus, const Tally& minus);
  // The tally appended to `out` as words, and read back from `at` (advanced past it): what the
  // processes of a run exchange (processes.hpp).
  void save(std::vector<uint64_t>& out) const;
  static Tally load(const uint64_t*& at);
};

// A simulation's tallies, one per year, as words and back (Tally::save, Tally::load).
void save_years(const std::vector<Tally>& years, std::vector<uint64_t>& out);
std::vector<Tally> load_years(const uint64_t*& at);

}  // namespace kommunesim::model
