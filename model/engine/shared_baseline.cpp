// The baseline and the arms of one replicate in lockstep: the phases of step.hpp on the whole
// population for the baseline, and on each arm's differing households for the arm.
#include "model/engine/shared_baseline.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "model/engine/simulation.hpp"
#include "model/engine/step.hpp"

namespace kommunesim::model {
namespace {

// Runs phase(first_household, end_household, block) over fixed blocks of a population's
// households in parallel; the blocks never depend on the number of threads.
template <class Phase>
void for_each_block(size_t households, std::vector<BlockOutput>& blocks, Phase&& phase) {
  const size_t count = (households + kHouseholdsPerBlock - 1) / kHouseholdsPerBlock;
  blocks.resize(count);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, count, 1),
                    [&](const tbb::blocked_range<size_t>& range) {
                      for (size_t b = range.begin(); b != range.end(); ++b)
                        phase(b * kHouseholdsPerBlock,
                              std::min(households, (b + 1) * kHouseholdsPerBlock), blocks[b]);
                    });
}

// A path on part of the population: the arm's own, or the baseline's on the same households.
struct Path {
  Population pop;  // household_ids: each local household's index in the whole population
  std::vector<BlockOutput> blocks;
  std::vector<Tally> years;
};

// An arm's households that differ from the baseline, on both paths.
struct Branch {
  const Arm* arm = nullptr;
  Dynamics dynamics;
  ArmEffects effects;
  Path own;                       // the arm's path
  Path shadow;                    // the baseline's path on the same households
  std::vector<int32_t> local_of;  // per household of the whole population: local index or -1
};

// A candidate for admission, from the baseline's path (a household that does not differ yet) or
// from the arm's own path.
struct Entrant {
  double priority = 0;
  uint32_t id = 0;
  bool from_baseline = false;
  uint32_t slot = 0;       // in the baseline's population, or in the arm's own
  uint32_t household = 0;  // in the whole population (from the baseline)
};

// Every candidate of one proposal on the baseline's path, from its start-of-month states, in
// household order. An arm takes those in its households that do not differ yet (equal to the
// arm's there, since nobody in them was ever admitted).
std::vector<Entrant> baseline_candidates(const StepContext& ctx, const Population& base,
                                         int proposal_index) {
  const size_t households = base.households();
  const size_t count = (households + kHouseholdsPerBlock - 1) / kHouseholdsPerBlock;
  std::vector<std::vector<Entrant>> per_block(count);
  const Proposal& proposal = ctx.scenario.proposals[static_cast<size_t>(proposal_index)];
  tbb::parallel_for(size_t{0}, count, [&](size_t b) {
    const size_t end = std::min(households, (b + 1) * kHouseholdsPerBlock);
    for (size_t h = b * kHouseholdsPerBlock; h < end; ++h)
      base.for_each_member(h, [&](uint32_t q) {
        if (!base.alive(q) || !in_target_group(base, q, ctx.month - base.birth_month[q],
                                               proposal.target, base.condition_bits[h]))
          return;
        per_block[b].push_back({admission_priority(ctx, base, q, proposal_index), base.id[q], true,
                                q, static_cast<uint32_t>(h)});
      });
  });
  std::vector<Entrant> all;
  for (auto& block : per_block) all.insert(all.end(), block.begin(), block.end());
  return all;
}

// Copies household h of the baseline's path into both paths of the branch, as a new local
// household (indexed later, with index_added); returns the own path's slot of each member by id.
void diverge(Branch& branch, const Population& base, size_t h,
             std::unordered_map<uint32_t, uint32_t>& own_slot_of) {
  const auto local = static_cast<uint32_t>(branch.own.pop.household_ids.size());
  base.for_each_member(h, [&](uint32_t q) {
    if (!base.alive(q)) return;
    own_slot_of[base.id[q]] = branch.own.pop.add_copy(base, q, local);
    branch.shadow.pop.add_copy(base, q, local);
  });
  branch.own.pop.household_ids.push_back(static_cast<uint32_t>(h));
  branch.shadow.pop.household_ids.push_back(static_cast<uint32_t>(h));
  branch.local_of[h] = static_cast<int32_t>(local);
}

// Admission for the arm, as admission_phase does it on the arm's whole population: the
// candidates of both origins, by priority (ties by person id), up to each proposal's free
// capacity. Admitting someone in a household that did not differ yet makes it differ.
void admit(const StepContext& ctx, Branch& branch, const Population& base,
           const std::vector<std::vector<Entrant>>& base_candidates) {
  std::unordered_map<uint32_t, uint32_t> own_slot_of;  // persons copied this month
  const size_t households_before = branch.own.pop.household_ids.size();
  // Every proposal's candidates first, from the states at the start of the month: admission to
  // one proposal must not hide its household's members from the next.
  const size_t proposals = ctx.arm.proposals.size();
  std::vector<std::vector<Entrant>> entrants(proposals);
  std::vector<long> participants(proposals, 0);
  for (size_t k = 0; k < proposals; ++k) {
    const Proposal& proposal = ctx.scenario.proposals[static_cast<size_t>(ctx.arm.proposals[k])];
    if (ctx.month < proposal.start_month) continue;
    for (const BlockOutput& b : branch.own.blocks) {
      participants[k] += b.participants[k];
      for (const Candidate& c : b.candidates[k])
        entrants[k].push_back({c.priority, branch.own.pop.id[c.person], false, c.person, 0});
    }
    for (const Entrant& e : base_candidates[static_cast<size_t>(ctx.arm.proposals[k])])
      if (branch.local_of[e.household] < 0) entrants[k].push_back(e);
  }
  for (size_t k = 0; k < proposals; ++k) {
    const Proposal& proposal = ctx.scenario.proposals[static_cast<size_t>(ctx.arm.proposals[k])];
    auto& candidates = entrants[k];
    const long free_slots = proposal.capacity - participants[k];
    if (ctx.month < proposal.start_month || free_slots <= 0 || candidates.empty()) continue;
    const auto admitted = std::min<size_t>(static_cast<size_t>(free_slots), candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(admitted),
                      candidates.end(), [](const Entrant& a, const Entrant& b) {
                        return a.priority != b.priority ? a.priority < b.priority : a.id < b.id;
                      });
    for (size_t i = 0; i < admitted; ++i) {
      const Entrant& e = candidates[i];
      uint32_t slot = e.slot;
      if (e.from_baseline) {
        if (branch.local_of[e.household] < 0) diverge(branch, base, e.household, own_slot_of);
        slot = own_slot_of.at(e.id);
      }
      branch.own.pop.participation_in(slot, k) = 1;
    }
    branch.own.years.back().admissions[k] += admitted;
  }
  // Index the households that differ from this month on; their household conditions are the
  // baseline's of this month (computed before any of them differed).
  const size_t households = branch.own.pop.household_ids.size();
  if (households == households_before) return;
  for (Path* path : {&branch.own, &branch.shadow}) {
    path->pop.index_added(households);
    for (size_t local = households_before; local < households; ++local)
      path->pop.condition_bits[local] = base.condition_bits[path->pop.household_ids[local]];
  }
}

// This month's newborns of a path's mothers, with the ids the baseline's path gave them (births
// do not depend on module states, so the same mothers give birth on every path).
void add_newborns(const StepContext& ctx, Path& path,
                  const std::unordered_map<uint32_t, uint32_t>& newborn_of_mother) {
  bool any = false;
  for (const BlockOutput& b : path.blocks)
    for (uint32_t mother : b.mothers) {
      const bool female =
          uniform(ctx.key, path.pop.id[mother], ctx.month, 0, Purpose::kNewbornSex) <
          ctx.scenario.demography.female_share_of_births;
      const uint32_t slot = path.pop.add_person(path.pop.household[mother], ctx.month + 1, female);
      path.pop.id[slot] = newborn_of_mother.at(path.pop.id[mother]);
      any = true;
    }
  if (any) path.pop.index_added(path.pop.household_ids.size());
}

void start_year(std::vector<Tally>& years, const CompiledModel& compiled) {
  years.emplace_back();
  years.back().reset(compiled.slots.size(), static_cast<size_t>(compiled.event_slots),
                     compiled.equity_flags.size());
}

}  // namespace

SharedBaselineResult simulate_shared_baseline(const Scenario& scenario,
                                              const CompiledModel& compiled,
                                              const Population& initial,
                                              const std::vector<ArmPath>& arms,
                                              const EffectDraws& effect_draws, RngKey key,
                                              int months, const std::function<void()>& on_month) {
  const Arm& baseline_arm = scenario.arms.front();
  const Dynamics no_dynamics;
  const ArmEffects no_effects =
      arm_effects(scenario, compiled, baseline_arm, effect_draws, no_dynamics);
  Path base;
  base.pop = initial;
  std::vector<std::unique_ptr<Branch>> branches;
  std::vector<int> proposals_run;  // every proposal of some arm, once
  for (const ArmPath& path : arms)
    for (int p : path.arm->proposals)
      if (std::find(proposals_run.begin(), proposals_run.end(), p) == proposals_run.end())
        proposals_run.push_back(p);
  for (const ArmPath& path : arms) {
    auto b = std::make_unique<Branch>();
    b->arm = path.arm;
    b->dynamics = path.dynamics;
    b->effects = arm_effects(scenario, compiled, *path.arm, effect_draws, path.dynamics);
    for (Path* p : {&b->own, &b->shadow}) p->pop.index_sorted(0);
    branches.push_back(std::move(b));
  }

  for (MonthIndex month = 0; month < months; ++month) {
    if (month % kMonthsPerYear == 0) {
      start_year(base.years, compiled);
      for (auto& b : branches)
        for (Path* p : {&b->own, &b->shadow}) start_year(p->years, compiled);
    }
    const StepContext base_ctx{scenario,    compiled, baseline_arm, no_effects,
                               no_dynamics, key,      month};
    const auto arm_ctx = [&](const Branch& b) {
      return StepContext{scenario, compiled, *b.arm, b.effects, b.dynamics, key, month};
    };
    // Start of the month: every path's household phase, then each arm's admission, which reads
    // the baseline's start-of-month states for the households that do not differ yet.
    for_each_block(base.pop.households(), base.blocks,
                   [&](size_t first, size_t end, BlockOutput& out) {
                     out.reset(compiled);
                     household_phase(base_ctx, base.pop, first, end, out);
                   });
    // The baseline's candidates of every proposal an arm runs, once for all arms.
    std::vector<std::vector<Entrant>> base_candidates(scenario.proposals.size());
    for (int p : proposals_run)
      if (month >= scenario.proposals[static_cast<size_t>(p)].start_month)
        base_candidates[static_cast<size_t>(p)] = baseline_candidates(base_ctx, base.pop, p);
    for (auto& b : branches) {
      b->local_of.resize(base.pop.households(), -1);
      const StepContext ctx = arm_ctx(*b);
      for (auto [path, path_ctx] : {std::pair{&b->own, &ctx}, std::pair{&b->shadow, &base_ctx}})
        for_each_block(path->pop.households(), path->blocks,
                       [&](size_t first, size_t end, BlockOutput& out) {
                         out.reset(compiled);
                         household_phase(*path_ctx, path->pop, first, end, out);
                       });
      admit(ctx, *b, base.pop, base_candidates);
    }
    // Every path's persons.
    for_each_block(base.pop.households(), base.blocks,
                   [&](size_t first, size_t end, BlockOutput& out) {
                     person_phase(base_ctx, base.pop, first, end, out);
                   });
    for (auto& b : branches) {
      const StepContext ctx = arm_ctx(*b);
      for (auto [path, path_ctx] : {std::pair{&b->own, &ctx}, std::pair{&b->shadow, &base_ctx}}) {
        // The admission may have added households: rerun the household phase's bookkeeping only
        // for the blocks' outputs, never for the persons (their month is already set up).
        const size_t households = path->pop.households();
        const size_t count = (households + kHouseholdsPerBlock - 1) / kHouseholdsPerBlock;
        while (path->blocks.size() < count) {
          path->blocks.emplace_back();
          path->blocks.back().reset(compiled);
        }
        tbb::parallel_for(size_t{0}, count, [&](size_t i) {
          person_phase(*path_ctx, path->pop, i * kHouseholdsPerBlock,
                       std::min(households, (i + 1) * kHouseholdsPerBlock), path->blocks[i]);
        });
      }
    }
    for (const BlockOutput& out : base.blocks) base.years.back().add(out.tally);
    for (auto& b : branches)
      for (Path* p : {&b->own, &b->shadow})
        for (const BlockOutput& out : p->blocks) p->years.back().add(out.tally);
    // Demography: the baseline's in full; the branches take their newborns' ids from it.
    std::unordered_map<uint32_t, uint32_t> newborn_of_mother;
    uint32_t next_newborn = base.pop.next_id;
    for (const BlockOutput& out : base.blocks)
      for (uint32_t mother : out.mothers) newborn_of_mother[base.pop.id[mother]] = next_newborn++;
    demography_phase(base_ctx, base.pop, base.blocks, base.years.back());
    for (auto& b : branches) {
      const StepContext ctx = arm_ctx(*b);
      add_newborns(ctx, b->own, newborn_of_mother);
      add_newborns(base_ctx, b->shadow, newborn_of_mother);
    }
    if (month % kMonthsPerYear == kMonthsPerYear - 1) {
      base.pop.compact();
      for (auto& b : branches)
        for (Path* p : {&b->own, &b->shadow}) p->pop.compact();
    }
    if (on_month)
      for (size_t i = 0; i <= branches.size(); ++i) on_month();
  }

  SharedBaselineResult result;
  result.baseline = base.years;
  for (auto& b : branches) {
    std::vector<Tally> years = base.years;
    for (size_t y = 0; y < years.size(); ++y)
      years[y].add_difference(b->own.years[y], b->shadow.years[y]);
    result.arms.push_back(std::move(years));
    result.differing_households += b->own.pop.household_ids.size();
  }
  return result;
}

}  // namespace kommunesim::model
