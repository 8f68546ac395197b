// The simulated persons as structure-of-arrays, grouped in households.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

#include "model/engine/scenario.hpp"

namespace kommunesim::model {

// Per-person flag bits.
constexpr uint8_t kAlive = 1;  // living in the municipality (not dead, not moved away)
constexpr uint8_t kFemale = 2;

struct Population {
  // Per person slot. Slots are compacted once a year (the dead and the moved-away removed);
  // a person's id never changes and keys every random draw about the person.
  std::vector<uint32_t> id;
  std::vector<uint32_t> household;
  std::vector<int32_t> birth_month;  // month index, negative before the base month
  // The month the person dies in, drawn in their first simulated month (mortality.hpp);
  // kDeathNotDrawn before.
  std::vector<int32_t> death_month;
  std::vector<uint8_t> flags;
  std::vector<uint16_t> history;          // history flag bits ("was ever placed")
  std::vector<uint8_t> state;             // per module slot (module_slot)
  std::vector<uint16_t> months_in_state;  // per module slot
  // Per proposal slot (proposal_slot): 0 never admitted; 1..n months since admission while
  // participating; kEnded | k: participation ended k months ago.
  std::vector<uint16_t> participation;
  // Per clock slot (clock_slot), for the modules that declare a clock (Module::clock): a
  // ClockValue. clock_count is fixed when the population is made (CompiledModel::clock_count).
  int clock_count = 0;
  std::vector<uint64_t> clocks;

  // Where a person's values for a module (or an arm's k-th proposal) lie in the arrays above.
  static size_t module_slot(size_t person, size_t module) { return person * kMaxModules + module; }
  static size_t proposal_slot(size_t person, size_t k) { return person * kMaxProposalsPerArm + k; }
  uint8_t& state_in(size_t person, size_t module) { return state[module_slot(person, module)]; }
  uint8_t state_in(size_t person, size_t module) const {
    return state[module_slot(person, module)];
  }
  uint16_t& months_in(size_t person, size_t module) {
    return months_in_state[module_slot(person, module)];
  }
  uint16_t months_in(size_t person, size_t module) const {
    return months_in_state[module_slot(person, module)];
  }
  uint16_t& participation_in(size_t person, size_t k) {
    return participation[proposal_slot(person, k)];
  }
  uint16_t participation_in(size_t person, size_t k) const {
    return participation[proposal_slot(person, k)];
  }
  uint64_t& clock_in(size_t person, size_t clock) {
    return clocks[person * static_cast<size_t>(clock_count) + clock];
  }
  uint64_t clock_in(size_t person, size_t clock) const {
    return clocks[person * static_cast<size_t>(clock_count) + clock];
  }

  // Per household. Slots [0, sorted_slots) are ordered by household, so household h's members
  // there are the slots [first_slot[h], first_slot[h + 1]). Persons added since (births,
  // in-movers) are listed in compressed rows: added_members[added_offset[h] .. added_offset[h+1]).
  // Members who died or moved away stay listed until the next compaction; check alive().
  uint32_t sorted_slots = 0;
  std::vector<uint32_t> first_slot;    // size households + 1
  std::vector<uint32_t> added_offset;  // size households + 1
  std::vector<uint32_t> added_members;
  std::vector<uint64_t> condition_bits;  // household conditions of the current month
  // The first month in which the household is simulated again: its members sleep through the
  // months before it, which were tallied when they fell asleep (step.hpp); 0 when awake;
  // kHouseholdGone when no member lives in the municipality any more.
  std::vector<int32_t> wake_month;
  // The id that keys each household's draws: empty when it is the household's index; a branch
  // (a part of the population, engine/shared_baseline.cpp) keeps each household's index in the
  // whole population, so that its households draw what they draw there.
  std::vector<uint32_t> household_ids;
  uint32_t household_key(size_t h) const {
    return household_ids.empty() ? static_cast<uint32_t>(h) : household_ids[h];
  }

  size_t persons() const { return household.size(); }
  size_t households() const { return first_slot.empty() ? 0 : first_slot.size() - 1; }
  bool alive(size_t p) const { return (flags[p] & kAlive) != 0; }

  uint32_t next_id = 0;

  // Adds a person with no module state and the next id; returns the slot.
  uint32_t add_person(uint32_t household_id, int32_t birth_month_index, bool female);
  // Adds a copy of person `p` of `other` (every state, no participation) to household
  // `household_id`; returns the slot.
  uint32_t add_copy(const Population& other, uint32_t p, uint32_t household_id);
  // Removes persons no longer living in the municipality and orders the rest by household, so
  // members are adjacent in memory. Keeps ids, household ids and the member lists valid, and room
  // for a year's newcomers (reserve_growth).
  void compact();
  // After compact(): removes the households without members and renumbers the others, keeping
  // their order. Only for a part of a population (household_ids given), whose households' draws
  // are keyed by household_ids rather than by their indices.
  void drop_empty_households();
  // Reserves room for a year of births and in-movers, so that adding them never doubles an
  // array's capacity.
  void reserve_growth();
  // Reserves room for n persons in every per-person array.
  void reserve(size_t n);
  // Indexes households after persons were added in household order (a new population).
  void index_sorted(size_t household_count);
  // Indexes the persons added since the last compaction, for household_count households.
  void index_added(size_t household_count);
  // Calls f(slot) for every listed member of household h (living or not).
  template <class F>
  void for_each_member(size_t h, F&& f) const {
    for (uint32_t p = first_slot[h]; p < first_slot[h + 1]; ++p) f(p);
    for (uint32_t i = added_offset[h]; i < added_offset[h + 1]; ++i) f(added_members[i]);
  }
  // Bytes of simulation state per person slot, household arrays included pro rata.
  double bytes_per_person() const;
};

constexpr uint16_t kEnded = 0x8000;
// Population::wake_month of a household without living members: nobody joins it again (newborns
// join their mother's household, in-movers new ones), so it is never simulated again.
constexpr int32_t kHouseholdGone = INT32_MAX;

// A clock's value packed in 64 bits: the months counted (bits 48-63) and, for the reset rule, one
// bit per recent month that the person spent outside the clock's states (bit 0: last month).
struct ClockValue {
  static constexpr uint64_t kWindowBits = (uint64_t{1} << kClockWindowLimit) - 1;
  static uint16_t months(uint64_t v) { return static_cast<uint16_t>(v >> kClockWindowLimit); }
  static uint64_t of(uint16_t months) { return static_cast<uint64_t>(months) << kClockWindowLimit; }
  // The outside-months of the clock's window, the last `window` months.
  static int months_outside(uint64_t v, const Clock& clock) {
    return std::popcount(v & ((uint64_t{1} << clock.window_months) - 1));
  }
  // The value after a month inside the clock's states (counting, first restarting when the
  // person spent `reset_outside` of the last `window` months outside) or outside them.
  static uint64_t after_month(uint64_t v, bool inside, const Clock& clock) {
    const uint64_t window = v & kWindowBits;
    if (!inside) return (v & ~kWindowBits) | ((window << 1 | 1) & kWindowBits);
    // A restart counts this month as the first and forgets the months outside that caused it.
    if (months_outside(v, clock) >= clock.reset_months_outside) return of(1);
    const uint16_t counted = months(v);
    return of(counted < 0xFFFF ? static_cast<uint16_t>(counted + 1) : counted) |
           ((window << 1) & kWindowBits);
  }
  // The months it counts this month: 0 when the month restarts it.
  static uint16_t reading(uint64_t v, const Clock& clock) {
    return months_outside(v, clock) >= clock.reset_months_outside ? 0 : months(v);
  }
};

}  // namespace kommunesim::model
