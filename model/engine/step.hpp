// The phases of one simulated month. Each parallel phase works on a block of households and
// writes only to its own households' persons and its own BlockOutput; the serial phases
// (admission, births, in-migration) run in block order, so results never depend on threads.
#pragma once

#include <cstdint>
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
};

struct Candidate {
  double priority;  // lower is admitted first
  uint32_t person;
};

struct BlockOutput {
  Tally tally;
  std::vector<uint32_t> mothers;  // births this month
  std::array<std::vector<Candidate>, kMaxProposalsPerArm> candidates;
  std::array<uint32_t, kMaxProposalsPerArm> participants{};  // currently participating
  uint32_t living_households = 0;  // households with living members after this month's moves
  void reset(const CompiledModel& compiled);
};

// Phase 1: out-migration of whole households, household condition bits from start-of-month
// states, the end of participation for those who left a target group, and admission candidates.
void household_phase(const StepContext& ctx, Population& pop, size_t first_household,
                     size_t end_household, BlockOutput& out);

// Phase 2 (serial): admit candidates, in block order, by priority, up to each proposal's capacity.
void admission_phase(const StepContext& ctx, Population& pop, std::vector<BlockOutput>& blocks,
                     Tally& year);

// Phase 3: every living person's module transitions, tallies, mortality and births.
void person_phase(const StepContext& ctx, Population& pop, size_t first_household,
                  size_t end_household, BlockOutput& out);

// Phase 3 for the living members of one household.
void household_persons(const StepContext& ctx, Population& pop, size_t household, BlockOutput& out);

// Phase 4 (serial): newborns, in-migrating households, and rebuilt household member lists.
void demography_phase(const StepContext& ctx, Population& pop,
                      const std::vector<BlockOutput>& blocks, Tally& year);

bool in_target_group(const Population& pop, uint32_t person, int age_months,
                     const TargetGroup& target, uint64_t household_bits);

// A candidate's priority for admission to a proposal (lower is admitted first): the longest in
// the target state, or a random draw keyed by person, month and proposal.
double admission_priority(const StepContext& ctx, const Population& pop, uint32_t person,
                          int proposal_index);

}  // namespace kommunesim::model
