// The phases of one simulated month. Each parallel phase works on a block of households and
// writes only to its own households' persons and its own BlockOutput; the serial phases
// (admission, births, in-migration) run in block order, so results never depend on threads.
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "model/engine/effects.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/population.hpp"
#include "model/engine/rng.hpp"
#include "model/engine/scenario.hpp"
#include "model/engine/tally.hpp"

namespace kommunesim::model {

struct StepContext {
  const Scenario& scenario;
  const CompiledModel& compiled;
  const Arm& arm;
  const ArmEffects& effects;
  const Dynamics& dynamics;
  RngKey key;
  MonthIndex month;
  bool cross_silo = false;  // tally the cross-silo picture (Tally::known_person_months ...)
  // Households whose members have nothing to decide in the months after this one (no module
  // entry, exit, birth or death, no change of slot or household condition; see quiet_months)
  // sleep through them up to, not including, this month: their tallies are paid at once
  // (BlockOutput::later for later budget years) and their households are passed over until they
  // wake. 0: nobody sleeps. Sleep changes no result.
  MonthIndex sleep_before = 0;
};

// Throws std::logic_error unless `pop` holds a clock for every module of `compiled` that has one.
void require_clocks(const Population& pop, const CompiledModel& compiled);

struct Candidate {
  double priority;  // lower is admitted first
  uint32_t person;
};

// Households per parallel block: fixed, so that block boundaries never depend on threads.
constexpr size_t kHouseholdsPerBlock = 1024;
inline size_t block_count(size_t households) {
  return (households + kHouseholdsPerBlock - 1) / kHouseholdsPerBlock;
}

// The routine draws (PersonMonthDraws' Philox blocks) of a block's sorted person slots for one
// month, computed many at a time before the persons are updated.
struct BlockDraws {
  std::vector<uint32_t> words;
  uint32_t first_slot = 0, end_slot = 0;
  size_t width = 0;  // words per person
  // A slot's words, or null for a person added since the last compaction (they draw one by one).
  const uint32_t* of(uint32_t slot) const {
    return slot >= first_slot && slot < end_slot ? words.data() + (slot - first_slot) * width
                                                 : nullptr;
  }
  int blocks() const { return static_cast<int>(width / 4); }  // Philox blocks per person
  // Scratch for a block with sleeping households: the awake persons' ids, rows and draws.
  std::vector<uint32_t> awake_ids, awake_rows, awake_words;
};

struct BlockOutput {
  Tally tally;
  std::vector<uint32_t> mothers;  // births this month
  std::array<std::vector<Candidate>, kMaxProposalsPerArm> candidates;
  std::array<uint32_t, kMaxProposalsPerArm> participants{};  // currently participating
  uint32_t living_households = 0;         // households with living members after this month's moves
  std::vector<uint32_t> household_slots;  // the tally slots of one household's month
  // Where months of later budget years that sleeping households were tallied for go, by year:
  // the running thread's (simulation.cpp), added to the years' tallies when the simulation ends.
  std::vector<Tally>* later = nullptr;
  Tally& later_year(int year, const CompiledModel& compiled);
  // With sleeping households (StepContext::sleep_before), kept over the months: the block's
  // households to simulate this month, ascending; the sleeping ones as a min-heap of (wake month,
  // household); the households [0, households_seen) are in one of the two or gone for good.
  std::vector<uint32_t> awake;
  std::vector<std::pair<int32_t, uint32_t>> sleeping;
  size_t households_seen = 0;
  void reset(const CompiledModel& compiled, bool cross_silo);
};

// A year's tally with every count zero, sized for the compiled model, with the cross-silo
// picture's counts or without them (empty).
Tally empty_tally(const CompiledModel& compiled, bool cross_silo);

// Runs phase(first_household, end_household, blocks[b]) for every block of `households`
// households, in parallel. `blocks` is resized to one output per block; outputs it adds are
// default-constructed (the household phase resets them).
template <class Phase>
void for_each_block(size_t households, std::vector<BlockOutput>& blocks, Phase&& phase) {
  const size_t count = block_count(households);
  blocks.resize(count);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, count, 1),
                    [&](const tbb::blocked_range<size_t>& range) {
                      for (size_t b = range.begin(); b != range.end(); ++b)
                        phase(b * kHouseholdsPerBlock,
                              std::min(households, (b + 1) * kHouseholdsPerBlock), blocks[b]);
                    });
}

// Phase 1: out-migration of whole households, household condition bits from start-of-month
// states, the end of participation for those who left a target group, and admission candidates.
void household_phase(const StepContext& ctx, Population& pop, size_t first_household,
                     size_t end_household, BlockOutput& out);

// Whether any proposal of the arm admits this month (has started): without one, phase 2 does
// nothing and phases 1 and 3 can run block by block in one pass.
bool admits(const StepContext& ctx);

// Phase 2 (serial): admit candidates, in block order, by priority, up to each proposal's capacity.
void admission_phase(const StepContext& ctx, Population& pop, std::vector<BlockOutput>& blocks,
                     Tally& year);

// Phase 3: every living person's module transitions, tallies, mortality and births.
void person_phase(const StepContext& ctx, Population& pop, size_t first_household,
                  size_t end_household, BlockOutput& out);

// The running thread's scratch for a block's draws: one per thread rather than one per block, so
// that a large population does not keep every block's random numbers (a block is worked on one
// thread from start to end, without waiting for other work).
BlockDraws& thread_draws();

// Phase 3's draws for households [first_household, end_household), or for those of them in
// `awake_households` (the others sleep) unless it is null.
void draw_persons(const StepContext& ctx, const Population& pop, size_t first_household,
                  size_t end_household, const std::vector<uint32_t>* awake_households,
                  BlockDraws& draws);

// Phase 3 for the living members of one household, with its block's draws.
void household_persons(const StepContext& ctx, Population& pop, size_t household,
                       const BlockDraws& draws, BlockOutput& out);

// A newborn of `mother` this month, in her household (its sex drawn by the mother's id); returns
// its slot.
uint32_t add_newborn(const StepContext& ctx, Population& pop, uint32_t mother);

// Phase 4 (serial): newborns, in-migrating households, and rebuilt household member lists.
void demography_phase(const StepContext& ctx, Population& pop,
                      const std::vector<BlockOutput>& blocks, Tally& year);

// The target group's conditions beyond age and state (in_target_group): household conditions,
// centres and costs.
bool meets_target_conditions(const StepContext& ctx, const Population& pop, uint32_t person,
                             const TargetGroup& target, uint64_t household_bits);

// Whether a living person is in a proposal's target group at the start of the month (its
// household's condition bits `household_bits`). Age and state, which rule out most persons,
// are checked here, inline.
inline bool in_target_group(const StepContext& ctx, const Population& pop, uint32_t person,
                            int age_months, const TargetGroup& target, uint64_t household_bits) {
  if (age_months < target.min_age_months || age_months >= target.max_age_months) return false;
  const uint8_t s = pop.state_in(person, static_cast<size_t>(target.module));
  if (s == kNotInModule || ((target.state_mask >> s) & 1u) == 0) return false;
  return meets_target_conditions(ctx, pop, person, target, household_bits);
}

// A candidate's priority for admission to a proposal (lower is admitted first): the longest in
// the target state, or a random draw keyed by person, month and proposal.
double admission_priority(const StepContext& ctx, const Population& pop, uint32_t person,
                          int proposal_index);

}  // namespace kommunesim::model
