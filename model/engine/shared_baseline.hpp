// The baseline and the arms of one replicate simulated together: the baseline in full, each arm
// only on the households where it differs from the baseline. A household differs once one of
// its members is admitted to one of the arm's proposals (through household conditions the whole
// household may then move differently), until it is the same as the baseline's again (the
// participation and its effect ended, every member's states equal); every other household
// follows the baseline's path exactly, because every draw is keyed by person or household and
// month, and demography does not depend on module states. An arm's tallies are the baseline's with
// its differing households' counts (logged by the baseline household by household) replaced by the
// arm's own: exact integers, so every output is bit-identical to simulating each arm in full
// (tests/unit/shared_baseline_test.cpp).
#pragma once

#include <functional>
#include <vector>

#include "model/engine/effects.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/population.hpp"
#include "model/engine/scenario.hpp"
#include "model/engine/tally.hpp"

namespace kommunesim::model {

struct ArmPath {
  const Arm* arm = nullptr;  // an arm with proposals
  Dynamics dynamics;
  bool cross_silo = false;  // the arm's tallies hold the cross-silo picture
  // The arm's own effect sizes (a scenario whose effect sizes were moved, which the baseline does
  // not read), or null for those of the call.
  const EffectDraws* effect_draws = nullptr;
};

struct SharedBaselineResult {
  std::vector<Tally> baseline;           // per year
  std::vector<std::vector<Tally>> arms;  // per arm path, per year
};

// Simulates the baseline and every arm path of one replicate for `months` months. on_month is
// called 1 + arms.size() times after each month (one per simulation it stands for). cross_silo:
// the baseline's tallies hold the cross-silo picture (they do whenever an arm's do).
SharedBaselineResult simulate_shared_baseline(
    const Scenario& scenario, const CompiledModel& compiled, const Population& initial,
    const std::vector<ArmPath>& arms, const EffectDraws& effect_draws, RngKey key, int months,
    const std::function<void()>& on_month = {}, bool cross_silo = false);

// A result as words and back, for the processes of a run (processes.hpp).
void save_shared(const SharedBaselineResult& result, std::vector<uint64_t>& out);
SharedBaselineResult load_shared(const uint64_t*& at);

}  // namespace kommunesim::model
