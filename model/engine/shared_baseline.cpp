// The baseline and the arms of one replicate in lockstep: the phases of step.hpp on the whole
// population for the baseline, and on each arm's differing households for the arm.
#include "model/engine/shared_baseline.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "model/engine/effects.hpp"
#include "model/engine/step.hpp"

namespace kommunesim::model {
namespace {

// A path: the baseline's on the whole population, or an arm's on its differing households.
struct Path {
  Population pop;  // an arm's: household_ids gives each household's index in the whole one
  std::vector<BlockOutput> blocks;
  std::vector<Tally> years;
};

// An arm's households that differ from the baseline.
struct Branch {
  const Arm* arm = nullptr;
  Dynamics dynamics;
  ArmEffects effects;
  bool cross_silo = false;  // its tallies hold the cross-silo picture
  Path own;                 // the arm's path on them
  // Per year, what the baseline's path tallied on them since they differ (from the log).
  std::vector<Tally> replaced;
  // Per household of the whole population: its local index while it differs, else -1.
  std::vector<int32_t> local_of;
  // Per local household: it has rejoined the baseline's path (its members are no longer alive on
  // the arm's path); dropped at the next compaction.
  std::vector<uint8_t> rejoined;
  size_t rejoined_persons = 0;  // since the last compaction
  // Per proposal of the arm that admits nobody twice: the persons who took part and whose
  // household has since rejoined the baseline's path (where nobody ever took part).
  std::array<std::unordered_set<uint32_t>, kMaxProposalsPerArm> took_part;
  bool differs(size_t local) const { return rejoined[local] == 0; }
};

// The tally counts a household's month changes besides demography, part by part: state months,
// group state months, events, the state months and events by age, then the cross-silo picture's
// parts in Tally's order.
enum LoggedPart : uint32_t {
  kStateMonths,
  kGroupStateMonths,
  kEvents,
  kStateMonthsByAge,
  kEventsByAge,
  kKnownPersonMonths,  // the first of the picture's parts
  kKnownStateMonths,
  kKnownHouseholdMonths,
  kKnownMemberMonths,
  kKnownHouseholdStateMonths,
  kLoggedParts
};
std::array<std::vector<uint64_t>*, kLoggedParts> logged_parts(Tally& t) {
  return {&t.state_months,
          &t.group_state_months,
          &t.events,
          &t.state_months_by_age,
          &t.events_by_age,
          &t.known_person_months,
          &t.known_state_months,
          &t.known_household_months,
          &t.known_member_months,
          &t.known_household_state_months};
}

// What the baseline's path tallied, household by household, this month, for the households that
// differ in some arm: each count as its part (the top bits of `at`), its index in the part and
// the count. Kept per block of the whole population.
struct LogEntry {
  static constexpr uint32_t kPartShift = 28;
  static constexpr uint32_t kIndexMask = (uint32_t{1} << kPartShift) - 1;
  uint32_t at = 0;
  uint32_t count = 0;
  LoggedPart part() const { return static_cast<LoggedPart>(at >> kPartShift); }
  uint32_t index() const { return at & kIndexMask; }
};
struct BaselineLog {
  std::vector<uint8_t> kept;  // per household of the whole population
  std::vector<std::vector<LogEntry>> per_block;
  std::vector<uint32_t> begin, end;  // per household: its entries in its block's list
};

// Calls f(i) for each nonzero v[i], i < n, passing over zeros eight at a time (a household's
// month leaves most counts of a tally at zero).
template <class F>
void for_each_nonzero(const uint64_t* v, size_t n, F&& f) {
  const size_t whole = n / 8 * 8;
  for (size_t i = 0; i < whole; i += 8) {
    const uint64_t* w = v + i;
    if ((w[0] | w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) == 0) continue;
    for (size_t j = i; j < i + 8; ++j)
      if (v[j] != 0) f(j);
  }
  for (size_t i = whole; i < n; ++i)
    if (v[i] != 0) f(i);
}

// Moves one household's month from `one` into `into`: logs each nonzero count of the logged parts
// and leaves `one` at zero. It reads only what a household's month can have touched (a state's or
// a transition's counts by age only where its total is nonzero), so logging costs about the size
// of the slots, not of the tally's results by age, and the cross-silo picture's months by slot
// only for the case masks its members had.
void move_logged(Tally& one, Tally& into, std::vector<LogEntry>& entries, size_t age_bands) {
  const auto from = logged_parts(one), to = logged_parts(into);
  const auto take = [&](LoggedPart part, size_t i) {
    uint64_t& v = (*from[part])[i];
    entries.push_back(
        {static_cast<uint32_t>(part) << LogEntry::kPartShift | static_cast<uint32_t>(i),
         static_cast<uint32_t>(v)});
    (*to[part])[i] += v;
    v = 0;
  };
  const size_t slots = one.state_months.size();
  // The picture's months by case mask first, while the slots' counts still say which slots a
  // member was in: by the persons' masks, then by the household's.
  const size_t masks = one.known_person_months.size();
  const auto take_by_mask = [&](LoggedPart months, LoggedPart by_slot) {
    for (size_t mask = 0; mask < masks; ++mask) {
      if ((*from[months])[mask] == 0) continue;
      const std::vector<uint64_t>& counts = *from[by_slot];
      for_each_nonzero(one.state_months.data(), slots, [&](size_t i) {
        if (counts[mask * slots + i] != 0) take(by_slot, mask * slots + i);
      });
      take(months, mask);
    }
  };
  take_by_mask(kKnownPersonMonths, kKnownStateMonths);
  for (size_t mask = 0; mask < masks; ++mask)
    if (one.known_member_months[mask] != 0) take(kKnownMemberMonths, mask);
  take_by_mask(kKnownHouseholdMonths, kKnownHouseholdStateMonths);
  for_each_nonzero(one.state_months.data(), slots, [&](size_t i) {
    for (size_t b = i * age_bands; b < (i + 1) * age_bands; ++b)
      if (one.state_months_by_age[b] != 0) take(kStateMonthsByAge, b);
    take(kStateMonths, i);
  });
  for_each_nonzero(one.group_state_months.data(), one.group_state_months.size(),
                   [&](size_t i) { take(kGroupStateMonths, i); });
  for_each_nonzero(one.events.data(), one.events.size(), [&](size_t i) {
    for (size_t b = i * age_bands; b < (i + 1) * age_bands; ++b)
      if (one.events_by_age[b] != 0) take(kEventsByAge, b);
    take(kEvents, i);
  });
  // Counts that are not logged (demography is the baseline's in every arm).
  for_each_nonzero(one.person_months_by_age.data(), one.person_months_by_age.size(), [&](size_t a) {
    into.person_months_by_age[a] += std::exchange(one.person_months_by_age[a], 0);
  });
  into.person_months += std::exchange(one.person_months, 0);
  into.births += std::exchange(one.births, 0);
  into.deaths += std::exchange(one.deaths, 0);
  into.out_migrants += std::exchange(one.out_migrants, 0);
  into.in_migrants += std::exchange(one.in_migrants, 0);
  for (size_t k = 0; k < one.participant_months.size(); ++k) {
    into.participant_months[k] += std::exchange(one.participant_months[k], 0);
    into.admissions[k] += std::exchange(one.admissions[k], 0);
  }
}

// A candidate for admission, from the baseline's path (a household that does not differ yet) or
// from the arm's own path.
struct Entrant {
  double priority = 0;
  uint32_t id = 0;
  bool from_baseline = false;
  uint32_t slot = 0;       // in the baseline's population, or in the arm's own
  uint32_t household = 0;  // in the whole population (from the baseline)
};

// Every candidate of the started proposals `proposals` on the baseline's path, from its
// start-of-month states, in household order, per proposal index (one scan of the population for
// all of them). An arm takes those in its households that do not differ yet (equal to the arm's
// there, since nobody in them was ever admitted).
std::vector<std::vector<Entrant>> baseline_candidates(const StepContext& ctx,
                                                      const Population& base,
                                                      const std::vector<int>& proposals) {
  const size_t households = base.households();
  const size_t count = block_count(households);
  const size_t n = ctx.scenario.proposals.size();
  std::vector<std::vector<std::vector<Entrant>>> per_block(count);
  tbb::parallel_for(size_t{0}, count, [&](size_t b) {
    per_block[b].resize(n);
    const size_t end = std::min(households, (b + 1) * kHouseholdsPerBlock);
    for (size_t h = b * kHouseholdsPerBlock; h < end; ++h)
      base.for_each_member(h, [&](uint32_t q) {
        if (!base.alive(q)) return;
        const int age = ctx.month - base.birth_month[q];
        for (int p : proposals) {
          const TargetGroup& target = ctx.scenario.proposals[static_cast<size_t>(p)].target;
          if (in_target_group(ctx, base, q, age, target, base.condition_bits[h]))
            per_block[b][static_cast<size_t>(p)].push_back({admission_priority(ctx, base, q, p),
                                                            base.id[q], true, q,
                                                            static_cast<uint32_t>(h)});
        }
      });
  });
  std::vector<std::vector<Entrant>> all(n);
  for (auto& block : per_block)
    for (size_t p = 0; p < n; ++p) all[p].insert(all[p].end(), block[p].begin(), block[p].end());
  return all;
}

// Copies household h of the baseline's path into the arm's path, as a new local household
// (indexed later, with index_added); records the own path's slot of each member by id. A member
// who took part before the household rejoined the baseline's path is again one who took part.
void diverge(Branch& branch, const Population& base, size_t h,
             std::unordered_map<uint32_t, uint32_t>& own_slot_of) {
  const auto local = static_cast<uint32_t>(branch.own.pop.household_ids.size());
  base.for_each_member(h, [&](uint32_t q) {
    if (!base.alive(q)) return;
    const uint32_t slot = branch.own.pop.add_copy(base, q, local);
    own_slot_of[base.id[q]] = slot;
    for (size_t k = 0; k < kMaxProposalsPerArm; ++k)
      if (branch.took_part[k].contains(base.id[q]))
        branch.own.pop.participation_in(slot, k) = static_cast<uint16_t>(kEnded | 1);
  });
  branch.own.pop.household_ids.push_back(static_cast<uint32_t>(h));
  branch.local_of[h] = static_cast<int32_t>(local);
  branch.rejoined.push_back(0);
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
      if (branch.local_of[e.household] < 0 && !branch.took_part[k].contains(e.id))
        entrants[k].push_back(e);
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
  Population& own = branch.own.pop;
  own.index_added(households);
  for (size_t local = households_before; local < households; ++local)
    own.condition_bits[local] = base.condition_bits[own.household_ids[local]];
}

// This month's newborns of a path's mothers, with the ids the baseline's path gave them (births
// do not depend on module states, so the same mothers give birth on every path).
void add_newborns(const StepContext& ctx, Path& path,
                  const std::unordered_map<uint32_t, uint32_t>& newborn_of_mother) {
  bool any = false;
  for (const BlockOutput& b : path.blocks)
    for (uint32_t mother : b.mothers) {
      const uint32_t slot = add_newborn(ctx, path.pop, mother);
      path.pop.id[slot] = newborn_of_mother.at(path.pop.id[mother]);
      any = true;
    }
  if (any) path.pop.index_added(path.pop.household_ids.size());
}

// Whether the arm's household `local` is again what the baseline's household h is at the end of
// the month, so that from the next month on it follows the baseline's path: the same living
// persons in the same order, with the same states, months in state, clocks, history and flags,
// and no participation that still sets a member apart (a running one, an effect that has not
// ended, or a wait for readmission). Draws are keyed by person, household and month, so the
// household's months ahead are then the baseline's.
bool rejoins_baseline(const StepContext& ctx, const Population& own, size_t local,
                      const Population& base, size_t h) {
  static thread_local std::vector<uint32_t> mine, theirs;
  mine.clear();
  theirs.clear();
  // Participation first: it rules out most households at once.
  bool apart = false;
  own.for_each_member(local, [&](uint32_t q) {
    if (!own.alive(q) || apart) return;
    mine.push_back(q);
    for (size_t k = 0; k < ctx.arm.proposals.size(); ++k) {
      const uint16_t v = own.participation_in(q, k);
      if (v == 0) continue;
      const Proposal& proposal = ctx.scenario.proposals[static_cast<size_t>(ctx.arm.proposals[k])];
      apart = apart || (v & kEnded) == 0 ||
              effect_weight(v, proposal.participation_months,
                            ctx.dynamics.half_life_for(proposal.effect_half_life_months)) != 0 ||
              (proposal.readmission_after_months >= 0 &&
               (v & ~kEnded) <= proposal.readmission_after_months);
    }
  });
  if (apart) return false;
  base.for_each_member(h, [&](uint32_t q) {
    if (base.alive(q)) theirs.push_back(q);
  });
  if (mine.size() != theirs.size()) return false;
  const size_t modules = ctx.scenario.modules.size();
  for (size_t i = 0; i < mine.size(); ++i) {
    const uint32_t a = mine[i], b = theirs[i];
    if (own.id[a] != base.id[b] || own.flags[a] != base.flags[b] ||
        own.history[a] != base.history[b])
      return false;
    for (size_t m = 0; m < modules; ++m)
      if (own.state_in(a, m) != base.state_in(b, m) || own.months_in(a, m) != base.months_in(b, m))
        return false;
    for (size_t c = 0; c < static_cast<size_t>(own.clock_count); ++c)
      if (own.clock_in(a, c) != base.clock_in(b, c)) return false;
  }
  return true;
}

// Ends the difference of every household of the arm that is again what the baseline's is
// (rejoins_baseline): its members leave the arm's path, remembering who took part in a proposal
// that admits nobody twice.
void rejoin(const StepContext& ctx, Branch& branch, const Population& base) {
  Population& own = branch.own.pop;
  for (size_t local = 0; local < own.households(); ++local) {
    if (!branch.differs(local)) continue;
    const uint32_t h = own.household_ids[local];
    if (!rejoins_baseline(ctx, own, local, base, h)) continue;
    own.for_each_member(local, [&](uint32_t q) {
      if (!own.alive(q)) return;
      for (size_t k = 0; k < ctx.arm.proposals.size(); ++k)
        if (own.participation_in(q, k) != 0 &&
            ctx.scenario.proposals[static_cast<size_t>(ctx.arm.proposals[k])]
                    .readmission_after_months < 0)
          branch.took_part[k].insert(own.id[q]);
      own.flags[q] = static_cast<uint8_t>(own.flags[q] & ~kAlive);
      ++branch.rejoined_persons;
    });
    branch.local_of[h] = -1;
    branch.rejoined[local] = 1;
  }
}

// Removes the persons who left the arm's path and its emptied households.
void compact(Branch& branch) {
  Population& own = branch.own.pop;
  own.compact();
  own.drop_empty_households();
  branch.rejoined.assign(own.households(), 0);
  branch.rejoined_persons = 0;
  std::fill(branch.local_of.begin(), branch.local_of.end(), -1);
  for (size_t local = 0; local < own.households(); ++local)
    branch.local_of[own.household_ids[local]] = static_cast<int32_t>(local);
}

BlockOutput empty_block(const CompiledModel& compiled, bool cross_silo) {
  BlockOutput block;
  block.reset(compiled, cross_silo);
  return block;
}

}  // namespace

SharedBaselineResult simulate_shared_baseline(
    const Scenario& scenario, const CompiledModel& compiled, const Population& initial,
    const std::vector<ArmPath>& arms, const EffectDraws& effect_draws, RngKey key, int months,
    const std::function<void()>& on_month, bool cross_silo) {
  for (const ArmPath& path : arms) cross_silo = cross_silo || path.cross_silo;
  const Arm& baseline_arm = scenario.arms.front();
  const Dynamics no_dynamics;
  const ArmEffects no_effects =
      arm_effects(scenario, compiled, baseline_arm, effect_draws, no_dynamics);
  require_clocks(initial, compiled);
  Path base;
  base.pop = initial;
  base.pop.reserve_growth();
  BaselineLog log;
  std::vector<BlockOutput> scratch;  // per block: one logged household's month
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
    b->cross_silo = path.cross_silo;
    b->effects = arm_effects(scenario, compiled, *path.arm,
                             path.effect_draws != nullptr ? *path.effect_draws : effect_draws,
                             path.dynamics);
    b->own.pop.clock_count = initial.clock_count;
    b->own.pop.index_sorted(0);
    branches.push_back(std::move(b));
  }

  Tally largest = empty_tally(compiled, true);
  for (const std::vector<uint64_t>* part : logged_parts(largest))
    if (part->size() > LogEntry::kIndexMask)
      throw std::runtime_error("a tally has too many counts for the shared-baseline log");
  for (MonthIndex month = 0; month < months; ++month) {
    if (month % kMonthsPerYear == 0) {
      base.years.push_back(empty_tally(compiled, cross_silo));
      for (auto& b : branches) {
        b->own.years.push_back(empty_tally(compiled, b->cross_silo));
        b->replaced.push_back(empty_tally(compiled, b->cross_silo));
      }
    }
    const InForce now = in_force(scenario, compiled, month);
    const StepContext base_ctx{now.scenario, now.compiled, baseline_arm, no_effects,
                               no_dynamics,  key,          month,        cross_silo};
    const auto arm_ctx = [&](const Branch& b) {
      return StepContext{now.scenario, now.compiled, *b.arm, b.effects,
                         b.dynamics,   key,          month,  b.cross_silo};
    };
    // Start of the month: every path's household phase, then each arm's admission, which reads
    // the baseline's start-of-month states for the households that do not differ yet.
    for_each_block(base.pop.households(), base.blocks,
                   [&](size_t first, size_t end, BlockOutput& out) {
                     out.reset(compiled, cross_silo);
                     household_phase(base_ctx, base.pop, first, end, out);
                   });
    std::vector<int> started;
    for (int p : proposals_run)
      if (month >= scenario.proposals[static_cast<size_t>(p)].start_month) started.push_back(p);
    const std::vector<std::vector<Entrant>> base_candidates =
        baseline_candidates(base_ctx, base.pop, started);
    log.kept.assign(base.pop.households(), 0);
    for (auto& b : branches) {
      b->local_of.resize(base.pop.households(), -1);
      const StepContext ctx = arm_ctx(*b);
      for_each_block(b->own.pop.households(), b->own.blocks,
                     [&](size_t first, size_t end, BlockOutput& out) {
                       out.reset(compiled, b->cross_silo);
                       household_phase(ctx, b->own.pop, first, end, out);
                     });
      admit(ctx, *b, base.pop, base_candidates);
      for (size_t local = 0; local < b->own.pop.households(); ++local)
        if (b->differs(local)) log.kept[b->own.pop.household_ids[local]] = 1;
    }
    // Every path's persons; the baseline logs what it tallies on households that differ in some
    // arm, household by household.
    const size_t base_households = base.pop.households();
    const size_t base_blocks = block_count(base_households);
    log.per_block.resize(base_blocks);
    log.begin.resize(base_households, 0);
    log.end.resize(base_households, 0);
    scratch.resize(base_blocks);
    for_each_block(base_households, base.blocks, [&](size_t first, size_t end, BlockOutput& out) {
      const size_t block = first / kHouseholdsPerBlock;
      auto& entries = log.per_block[block];
      entries.clear();
      BlockDraws& draws = thread_draws();
      draw_persons(base_ctx, base.pop, first, end, nullptr, draws);
      for (size_t h = first; h < end; ++h) {
        if (!log.kept[h]) {
          household_persons(base_ctx, base.pop, h, draws, out);
          continue;
        }
        BlockOutput& one = scratch[block];
        if (one.tally.state_months.empty()) one.reset(compiled, cross_silo);  // then kept at zero
        one.mothers.clear();
        household_persons(base_ctx, base.pop, h, draws, one);
        log.begin[h] = static_cast<uint32_t>(entries.size());
        move_logged(one.tally, out.tally, entries, static_cast<size_t>(compiled.result_age_bands));
        log.end[h] = static_cast<uint32_t>(entries.size());
        out.mothers.insert(out.mothers.end(), one.mothers.begin(), one.mothers.end());
      }
    });
    tbb::parallel_for(size_t{0}, branches.size(), [&](size_t i) {
      Branch& b = *branches[i];
      Path& own = b.own;
      const StepContext ctx = arm_ctx(b);
      // The admission may have added households after the household phase set up the blocks.
      const size_t households = own.pop.households();
      for (size_t k = own.blocks.size(); k < block_count(households); ++k)
        own.blocks.push_back(empty_block(compiled, b.cross_silo));
      for_each_block(households, own.blocks, [&](size_t first, size_t end, BlockOutput& out) {
        person_phase(ctx, own.pop, first, end, out);
      });
      for (const BlockOutput& out : own.blocks) own.years.back().add(out.tally);
      const auto replaced = logged_parts(b.replaced.back());
      for (size_t local = 0; local < own.pop.households(); ++local) {
        if (!b.differs(local)) continue;
        const uint32_t h = own.pop.household_ids[local];
        const auto& entries = log.per_block[h / kHouseholdsPerBlock];
        for (uint32_t e = log.begin[h]; e < log.end[h]; ++e)
          if (b.cross_silo || entries[e].part() < kKnownPersonMonths)
            (*replaced[entries[e].part()])[entries[e].index()] += entries[e].count;
      }
    });
    for (const BlockOutput& out : base.blocks) base.years.back().add(out.tally);
    // Demography: the baseline's in full; the arms' paths take their newborns' ids from it.
    std::unordered_map<uint32_t, uint32_t> newborn_of_mother;
    uint32_t next_newborn = base.pop.next_id;
    for (const BlockOutput& out : base.blocks)
      for (uint32_t mother : out.mothers) newborn_of_mother[base.pop.id[mother]] = next_newborn++;
    demography_phase(base_ctx, base.pop, base.blocks, base.years.back());
    for (auto& b : branches) add_newborns(arm_ctx(*b), b->own, newborn_of_mother);
    // Compaction: the baseline's once a year; an arm's path also as soon as a quarter of its
    // persons have rejoined the baseline's path (their slots would still be drawn for).
    const bool year_end = month % kMonthsPerYear == kMonthsPerYear - 1;
    if (year_end) base.pop.compact();
    tbb::parallel_for(size_t{0}, branches.size(), [&](size_t i) {
      Branch& b = *branches[i];
      rejoin(arm_ctx(b), b, base.pop);
      if (year_end || 4 * b.rejoined_persons > b.own.pop.persons()) compact(b);
    });
    if (on_month)
      for (size_t i = 0; i <= branches.size(); ++i) on_month();
  }

  // An arm's year: the baseline's, with its differing households' counts replaced by the arm's
  // own. Demography is the same on every path: its counts are the baseline's.
  SharedBaselineResult result;
  result.baseline = base.years;
  for (auto& b : branches) {
    std::vector<Tally> years = base.years;
    for (size_t y = 0; y < years.size(); ++y) {
      Tally& year = years[y];
      if (!b->cross_silo) year.drop_cross_silo();
      year.add_difference(b->own.years[y], b->replaced[y]);
      const Tally& baseline = base.years[y];
      year.person_months_by_age = baseline.person_months_by_age;
      year.person_months = baseline.person_months;
      year.births = baseline.births;
      year.deaths = baseline.deaths;
      year.out_migrants = baseline.out_migrants;
      year.in_migrants = baseline.in_migrants;
    }
    result.arms.push_back(std::move(years));
  }
  return result;
}

void save_shared(const SharedBaselineResult& result, std::vector<uint64_t>& out) {
  save_years(result.baseline, out);
  out.push_back(result.arms.size());
  for (const auto& arm : result.arms) save_years(arm, out);
}

SharedBaselineResult load_shared(const uint64_t*& at) {
  SharedBaselineResult result;
  result.baseline = load_years(at);
  result.arms.resize(*at++);
  for (auto& arm : result.arms) arm = load_years(at);
  return result;
}

}  // namespace kommunesim::model
