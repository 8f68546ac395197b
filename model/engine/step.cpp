// The monthly phases of step.hpp.
#include "model/engine/step.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>

#include "model/engine/mortality.hpp"
#include "model/engine/shares.hpp"

namespace kommunesim::model {

static_assert(PersonMonthDraws::kLanes >= 2 + kMaxModules, "a draw lane for every module");

void require_clocks(const Population& pop, const CompiledModel& compiled) {
  if (pop.clock_count != compiled.clock_count())
    throw std::logic_error("the population holds " + std::to_string(pop.clock_count) +
                           " clocks per person, the model has " +
                           std::to_string(compiled.clock_count()));
}

namespace {

// A person at the start of the month, as every modifier and effect reads them, so that the order
// in which modules are updated never changes results.
struct PersonAtStart {
  uint32_t person = 0;
  MonthIndex month = 0;
  int age_months = 0;
  int age_years = 0;
  size_t result_age_band = 0;                 // set where tallies need it (result_age_band())
  std::array<uint8_t, kMaxModules> states{};  // after this month's entries
  uint16_t history = 0;
  uint64_t household_bits = 0;
  std::array<uint16_t, kMaxModules> clock_months{};          // modules with a clock: its reading
  std::array<double, kMaxProposalsPerArm> effect_weights{};  // per proposal of the arm
  bool any_effect = false;
  uint8_t case_mask = 0;  // the centres that have the person as a case this month
};

bool holds(const Condition& c, const PersonAtStart& start) {
  switch (c.kind) {
    case Condition::Kind::kSelfIn: {
      const uint8_t s = start.states[c.module];
      return s != kNotInModule && ((c.state_mask >> s) & 1u) != 0;
    }
    case Condition::Kind::kHousehold:
      return ((start.household_bits >> c.index) & 1u) != 0;
    case Condition::Kind::kHistory:
      return ((start.history >> c.index) & 1u) != 0;
    case Condition::Kind::kAge:
      return start.age_years >= c.age_from && start.age_years < c.age_to;
    case Condition::Kind::kFromMonth:
      return start.month >= c.from_month;
    case Condition::Kind::kClock: {
      const uint16_t months = start.clock_months[c.module];
      return months >= c.clock_from && months < c.clock_to;
    }
  }
  return false;
}

// Household h's condition bits in `month`, from its members' current states.
inline uint64_t household_bits(const StepContext& ctx, const Population& pop, size_t h,
                               MonthIndex month) {
  const HouseholdConditionBits& table = ctx.compiled.household_conditions;
  const int adult_age = ctx.scenario.demography.adult_age_months;
  uint64_t bits = 0;
  pop.for_each_member(h, [&](uint32_t q) {
    if (!pop.alive(q)) return;
    const bool adult = month - pop.birth_month[q] >= adult_age;
    bits |= table.any_state[adult ? 1 : 0];
    for (size_t i = 0; i < table.modules.size(); ++i)
      if (const uint8_t s = pop.state_in(q, static_cast<size_t>(table.modules[i]));
          s != kNotInModule)
        bits |= table.of(i, s, adult);
  });
  return bits;
}

// The first state of a person joining a module: the entry rule for those who just reached the
// module's minimum age, the population's initial shares for their age for in-movers.
uint8_t entry_state(const StepContext& ctx, const Module& module, uint16_t module_index,
                    uint32_t pop_id, uint16_t history, int age_months) {
  const double u = uniform(ctx.key, pop_id, ctx.month, module_index, Purpose::kEntry);
  const ModuleTables& tables = ctx.compiled.modules[module_index];
  if (age_months > module.min_age_months && !tables.initial_shares.empty()) {
    const auto& from = tables.initial_age_from_months;
    const auto band = std::upper_bound(from.begin(), from.end(), age_months) - from.begin() - 1;
    if (band >= 0)
      return static_cast<uint8_t>(
          draw_from_shares(tables.initial_shares[static_cast<size_t>(band)], u));
  }
  for (const auto& rule : module.entry.by_history)
    if ((history >> rule.flag) & 1u) return static_cast<uint8_t>(draw_from_shares(rule.shares, u));
  return static_cast<uint8_t>(draw_from_shares(module.entry.shares, u));
}

void enter_state(const Module& module, Population& pop, uint32_t p, size_t m, uint8_t s) {
  pop.state_in(p, m) = s;
  pop.months_in(p, m) = 0;
  const int flag = module.states[s].history_flag;
  if (flag >= 0) pop.history[p] = static_cast<uint16_t>(pop.history[p] | (1u << flag));
}

// A Poisson-distributed count: inversion for small means, the normal approximation (error
// below 1 % of a standard deviation for means above 50) for large ones.
int poisson_count(double lambda, RngKey key, MonthIndex month) {
  constexpr double kNormalApproximationAbove = 50;
  if (lambda > kNormalApproximationAbove) {
    const double z = standard_normal(key, kNoPerson, month, 0, Purpose::kInMigration);
    return static_cast<int>(std::max(0.0, std::round(lambda + std::sqrt(lambda) * z)));
  }
  const double u = uniform(key, kNoPerson, month, 0, Purpose::kInMigration);
  int count = 0;
  double p = std::exp(-lambda), cumulative = p;
  while (u > cumulative && p > 0) {
    ++count;
    p *= lambda / count;
    cumulative += p;
  }
  return count;
}

uint16_t advance_participation(uint16_t v, int participation_months) {
  if (v == 0) return 0;
  if ((v & kEnded) == 0)
    return v < participation_months ? static_cast<uint16_t>(v + 1)
                                    : static_cast<uint16_t>(kEnded | 1);
  return (v & ~kEnded) < 0x7FFF ? static_cast<uint16_t>(v + 1) : v;
}

// The centres that have `person` as a case in their current states.
uint8_t case_mask_of(const CompiledModel& compiled, const Population& pop, uint32_t person) {
  uint8_t mask = 0;
  for (size_t m = 0; m < compiled.modules.size(); ++m)
    if (const uint8_t s = pop.state_in(person, m); s != kNotInModule)
      mask |= compiled.modules[m].states[s].case_bit;
  return mask;
}

// Every clock's start-of-month reading, as modifiers read it.
inline void read_clocks(const StepContext& ctx, const Population& pop, uint32_t p,
                        PersonAtStart& start) {
  for (const int m : ctx.compiled.clocked_modules) {
    const auto module = static_cast<size_t>(m);
    start.clock_months[module] = ClockValue::reading(
        pop.clock_in(p, static_cast<size_t>(ctx.compiled.modules[module].clock)),
        ctx.scenario.modules[module].clock);
  }
}

// The tally slot of a person-month in module m, `months_in` months into its state: the state's
// cost band (by those months, or by the module's clock) and which of its cost conditions hold.
inline size_t slot_of(const ModuleTables& tables, const StateTable& st, const PersonAtStart& start,
                      size_t m, uint16_t months_in) {
  if (st.one_slot) return static_cast<size_t>(st.slot);
  const int band_months = tables.clock >= 0 && st.band_by_clock ? start.clock_months[m] : months_in;
  int variant = 0;
  for (size_t i = 0; i < st.cost_conditions.size(); ++i)
    if (holds(st.cost_conditions[i], start)) variant |= 1 << i;
  return static_cast<size_t>(st.slot + st.cost_band.band(band_months) * st.variants + variant);
}

// Adds `months` person-months of a person aged `age_years` to the tally's person counts.
inline void tally_person_months(Tally& tally, int age_years, uint64_t months) {
  tally.person_months += months;
  tally.person_months_by_age[static_cast<size_t>(std::min(age_years, kAgeYearsTallied - 1))] +=
      months;
}

// The result age band (CompiledModel::result_age_band) of a person aged `age_years`.
inline size_t result_age_band(const CompiledModel& compiled, int age_years) {
  return compiled.result_age_band[static_cast<size_t>(std::min(age_years, kAgeYearsTabled - 1))];
}

// Adds `months` person-months in tally slot `slot` of a person in result age band `age_band`
// (result_age_band) with history flags `history`: to the slot, to its result age band and to
// each equity group the person is in.
inline void tally_slot_months(const CompiledModel& compiled, Tally& tally, size_t slot,
                              size_t age_band, uint16_t history, uint64_t months) {
  tally.state_months[slot] += months;
  if (const auto bands = static_cast<size_t>(compiled.result_age_bands); bands > 0)
    tally.state_months_by_age[slot * bands + age_band] += months;
  if ((history & compiled.equity_history_mask) == 0) return;
  const std::vector<int>& equity_flags = compiled.equity_flags;
  for (size_t g = 0; g < equity_flags.size(); ++g)
    if (((history >> equity_flags[g]) & 1U) != 0)
      tally.group_state_months[g * compiled.slots.size() + slot] += months;
}

// Whether person start.person leaves state st of module m this month, on the hazards of its
// exits; if so, the transition is tallied and made. Out of line: most months end before it.
[[gnu::noinline]] bool transition(const StepContext& ctx, Population& pop,
                                  const PersonAtStart& start, size_t m, const StateTable& st,
                                  uint16_t d, int clock_months, PersonMonthDraws& draws,
                                  BlockOutput& out) {
  const ModuleTables& tables = ctx.compiled.modules[m];
  std::array<double, kMaxStates> hazards;
  double total = 0;
  for (int t = 0; t < st.transition_count; ++t) {
    const TransitionTable& tr = tables.transitions[static_cast<size_t>(st.first_transition + t)];
    double h = tr.base_hazard(start.age_months, tr.duration_by_clock ? clock_months : d);
    for (const Modifier& mod : tr.modifiers)
      if (holds(mod.condition, start)) h *= mod.relative_risk;
    if (start.any_effect) {
      double log_rr = 0;
      for (const ArmEffect& e : ctx.effects.by_event[static_cast<size_t>(tr.event_slot)])
        log_rr += start.effect_weights[e.slot] * e.log_rr;
      if (log_rr != 0) h *= std::exp(log_rr);
    }
    hazards[static_cast<size_t>(t)] = h;
    total += h;
  }
  if (total <= 0) return false;
  const double u = draws(PersonMonthDraws::transition_lane(static_cast<int>(m)));
  const double leave = probability_from_hazard(total);
  if (u >= leave) return false;
  // Competing risks: the destination is chosen in proportion to its hazard.
  double cumulative = 0;
  int chosen = st.transition_count - 1;
  for (int t = 0; t < st.transition_count; ++t) {
    cumulative += hazards[static_cast<size_t>(t)];
    if (u < leave * (cumulative / total)) {
      chosen = t;
      break;
    }
  }
  const TransitionTable& tr = tables.transitions[static_cast<size_t>(st.first_transition + chosen)];
  ++out.tally.events[static_cast<size_t>(tr.event_slot)];
  if (const auto age_bands = static_cast<size_t>(ctx.compiled.result_age_bands); age_bands > 0)
    ++out.tally
          .events_by_age[static_cast<size_t>(tr.event_slot) * age_bands + start.result_age_band];
  enter_state(ctx.scenario.modules[m], pop, start.person, m, tr.to);
  return true;
}

// One module's month for one person: tally the month, then at most one transition.
inline void update_module(const StepContext& ctx, Population& pop, const PersonAtStart& start,
                          size_t m, PersonMonthDraws& draws, BlockOutput& out) {
  const ModuleTables& tables = ctx.compiled.modules[m];
  const uint32_t p = start.person;
  const uint8_t s = start.states[m];
  const uint16_t d = pop.months_in(p, m);
  const StateTable& st = tables.states[s];
  int clock_months = d;  // the module's clock this month (its months in state without one)
  if (tables.clock >= 0) {
    const Clock& rule = ctx.scenario.modules[m].clock;
    uint64_t& clock = pop.clock_in(p, static_cast<size_t>(tables.clock));
    clock_months = start.clock_months[m];
    clock = ClockValue::after_month(clock, rule.counts(s), rule);
  }
  const size_t slot = slot_of(tables, st, start, m, d);
  tally_slot_months(ctx.compiled, out.tally, slot, start.result_age_band, start.history, 1);
  if (ctx.cross_silo) {
    ++out.tally.known_state_months[start.case_mask * ctx.compiled.slots.size() + slot];
    out.household_slots.push_back(static_cast<uint32_t>(slot));
  }

  // Nobody leaves a state without an exit at this age (no draw is made), and without an effect
  // nobody leaves on a draw at or above the state's bound for the age: the hazards need not be
  // computed (the draw is the one the full computation would use).
  const double bound = st.leave_bound[static_cast<size_t>(
      start.age_years < kAgeYearsTabled ? start.age_years : kAgeYearsTabled - 1)];
  if (bound == 0 ||
      (!start.any_effect &&
       draws(PersonMonthDraws::transition_lane(static_cast<int>(m))) >= bound) ||
      !transition(ctx, pop, start, m, st, d, clock_months, draws, out))
    if (d < 0xFFFF) pop.months_in(p, m) = static_cast<uint16_t>(d + 1);
}

// The Philox blocks of PersonMonthDraws that a person-month of this scenario can use: birth and
// one lane per module (after the unused lane 0).
int person_month_blocks(const Scenario& scenario) {
  return static_cast<int>((PersonMonthDraws::transition_lane(0) + scenario.modules.size() + 3) / 4);
}

// `words`: the person's first `blocks` Philox blocks of this month, or null to compute them when
// drawn. Returns the mask of centres that had the person as a case this month.
uint8_t update_person(const StepContext& ctx, Population& pop, uint32_t p, uint64_t hh_bits,
                      const uint32_t* words, int blocks, BlockOutput& out) {
  const Scenario& scenario = ctx.scenario;
  const int age = ctx.month - pop.birth_month[p];
  PersonAtStart start;
  start.person = p;
  start.month = ctx.month;
  start.age_months = age;
  start.age_years = age / kMonthsPerYear;
  start.result_age_band = result_age_band(ctx.compiled, start.age_years);
  start.household_bits = hh_bits;
  if (pop.death_month[p] == kDeathNotDrawn)
    pop.death_month[p] =
        death_month(ctx.compiled.log_monthly_survival, ctx.month, age,
                    1.0 - uniform(ctx.key, pop.id[p], 0, 0, Purpose::kDeath));  // in (0, 1]
  tally_person_months(out.tally, start.age_years, 1);

  for (size_t k = 0; k < ctx.arm.proposals.size(); ++k) {
    const auto& proposal = scenario.proposals[static_cast<size_t>(ctx.arm.proposals[k])];
    uint16_t& v = pop.participation_in(p, k);
    if (v != 0 && (v & kEnded) == 0) ++out.tally.participant_months[k];
    start.effect_weights[k] =
        ctx.effects.any
            ? effect_weight(v, proposal.participation_months,
                            ctx.dynamics.half_life_for(proposal.effect_half_life_months))
            : 0.0;
    start.any_effect = start.any_effect || start.effect_weights[k] > 0;
    v = advance_participation(v, proposal.participation_months);
  }

  // Eligibility changes first: entering persons draw their first state, leaving persons drop out.
  // Most months nobody enters or leaves: the modules the person is in are those the age admits.
  const uint8_t* states = &pop.state[Population::module_slot(p, 0)];
  const uint8_t eligible = ctx.compiled.eligible_modules(scenario, age);
  uint8_t in = 0;
  for (size_t m = 0; m < scenario.modules.size(); ++m)
    in = static_cast<uint8_t>(in | (states[m] != kNotInModule ? 1u << m : 0u));
  for (unsigned changed = in ^ eligible; changed != 0; changed &= changed - 1) {
    const auto m = static_cast<size_t>(std::countr_zero(changed));
    const Module& module = scenario.modules[m];
    if ((eligible >> m) & 1u) {
      enter_state(
          module, pop, p, m,
          entry_state(ctx, module, static_cast<uint16_t>(m), pop.id[p], pop.history[p], age));
    } else {
      pop.state_in(p, m) = kNotInModule;
      pop.months_in(p, m) = 0;
    }
  }
  std::copy(states, states + kMaxModules, start.states.begin());
  start.history = pop.history[p];
  if (ctx.cross_silo) {
    start.case_mask = case_mask_of(ctx.compiled, pop, p);  // the states as entries left them
    ++out.tally.known_person_months[start.case_mask];
  }
  read_clocks(ctx, pop, p, start);
  PersonMonthDraws draws = words != nullptr
                               ? PersonMonthDraws(ctx.key, pop.id[p], ctx.month, words, blocks)
                               : PersonMonthDraws(ctx.key, pop.id[p], ctx.month);
  for (unsigned modules = eligible; modules != 0; modules &= modules - 1)
    update_module(ctx, pop, start, static_cast<size_t>(std::countr_zero(modules)), draws, out);

  if (ctx.month == pop.death_month[p]) {
    pop.flags[p] = static_cast<uint8_t>(pop.flags[p] & ~kAlive);
    ++out.tally.deaths;
    return start.case_mask;
  }
  if ((pop.flags[p] & kFemale) != 0) {
    const double fertility = ctx.compiled.fertility.at(age);
    if (fertility > 0 && draws(PersonMonthDraws::kBirth) < fertility) out.mothers.push_back(p);
  }
  return start.case_mask;
}

// Whether a proposal of the scenario admits persons in state s of module m: such a person may
// become a candidate any month and never sleeps.
bool targeted(const Scenario& scenario, size_t m, uint8_t s) {
  for (const Proposal& proposal : scenario.proposals)
    if (static_cast<size_t>(proposal.target.module) == m &&
        ((proposal.target.state_mask >> s) & 1u))
      return true;
  return false;
}

// How many months from `next` on (at most `limit`) living person p has nothing to decide, so that
// each of them is a copy of the month before but for age and months in state: no module entry or
// exit (no exit has a hazard at the age), no change of cost band, no possible birth, no death, no
// change between child and adult (which household conditions read). Participants, those in a
// state a proposal admits from and those in a module with a clock never sleep.
int quiet_months(const StepContext& ctx, const Population& pop, uint32_t p, MonthIndex next,
                 int limit) {
  const Scenario& scenario = ctx.scenario;
  const int age = next - pop.birth_month[p];  // in month `next`
  const auto age_year = [](int age_months) {
    return static_cast<size_t>(std::min(age_months / kMonthsPerYear, kAgeYearsTabled - 1));
  };
  for (size_t k = 0; k < ctx.arm.proposals.size(); ++k)
    if (pop.participation_in(p, k) != 0) return 0;
  const auto until = [&](int64_t months) {  // the months before something changes
    if (months >= 0) limit = static_cast<int>(std::min<int64_t>(limit, months));
  };
  until(int64_t{pop.death_month[p]} - next);
  until(scenario.demography.adult_age_months - age);
  for (size_t m = 0; m < scenario.modules.size(); ++m) {
    const Module& module = scenario.modules[m];
    const uint8_t s = pop.state_in(p, m);
    if (s == kNotInModule) {
      if (module.eligible(age)) return 0;  // joins the module in month `next`
      until(module.min_age_months - age);
      continue;
    }
    const ModuleTables& tables = ctx.compiled.modules[m];
    if (tables.clock >= 0 || targeted(scenario, m, s)) return 0;
    until(module.max_age_months - age);
    const std::vector<int>& band_from = tables.states[s].cost_band.from;
    const int d = pop.months_in(p, m);
    if (const auto edge = std::upper_bound(band_from.begin(), band_from.end(), d);
        edge != band_from.end())
      until(*edge - d);
  }
  // Age year by age year. In a year in which a state has an exit or a birth is possible, month by
  // month: a month is quiet when the draws update_person would make all fall at or above their
  // bounds (StateTable::leave_bound, the fertility), so that they decide nothing.
  const bool female = (pop.flags[p] & kFemale) != 0;
  for (int j = 0; j < limit;) {
    const size_t year = age_year(age + j);
    const int year_end = std::min(limit, j + kMonthsPerYear - (age + j) % kMonthsPerYear);
    const double birth = female ? ctx.compiled.fertility.by_year[year] : 0.0;
    std::array<double, kMaxModules> bound{};
    bool drawn = birth > 0;
    for (size_t m = 0; m < scenario.modules.size(); ++m)
      if (const uint8_t s = pop.state_in(p, m); s != kNotInModule) {
        bound[m] = ctx.compiled.modules[m].states[s].leave_bound[year];
        drawn = drawn || bound[m] != 0;
      }
    if (!drawn) {
      j = year_end;
      continue;
    }
    for (; j < year_end; ++j) {
      PersonMonthDraws draws(ctx.key, pop.id[p], next + j);
      if (birth > 0 && draws(PersonMonthDraws::kBirth) < birth) return j;
      for (size_t m = 0; m < scenario.modules.size(); ++m)
        if (bound[m] != 0 &&
            draws(PersonMonthDraws::transition_lane(static_cast<int>(m))) < bound[m])
          return j;
    }
  }
  return limit;
}

// Tallies `months` quiet months of living person p from month `first` on, as update_person would,
// and moves the person's months in state on by as many: in the block's tally for this month's
// budget year, in `later` for later years.
void tally_quiet_months(const StepContext& ctx, Population& pop, uint32_t p, uint64_t bits,
                        MonthIndex first, int months, BlockOutput& out) {
  const Scenario& scenario = ctx.scenario;
  const CompiledModel& compiled = ctx.compiled;
  PersonAtStart start;
  start.person = p;
  start.history = pop.history[p];
  start.household_bits = bits;
  for (size_t m = 0; m < scenario.modules.size(); ++m) start.states[m] = pop.state_in(p, m);
  read_clocks(ctx, pop, p, start);  // of modules the person is not in: they stand still
  const int this_year = ctx.month / kMonthsPerYear;
  // In runs of months with one age and one budget year: a cost condition may read the age.
  const MonthIndex end = first + months;
  for (MonthIndex month = first; month < end;) {
    start.month = month;
    start.age_months = month - pop.birth_month[p];
    start.age_years = start.age_months / kMonthsPerYear;
    const int n = std::min({end - month, kMonthsPerYear - start.age_months % kMonthsPerYear,
                            kMonthsPerYear - month % kMonthsPerYear});
    const auto count = static_cast<uint64_t>(n);
    const int budget_year = month / kMonthsPerYear;
    Tally& tally = budget_year == this_year ? out.tally : out.later_year(budget_year, compiled);
    tally_person_months(tally, start.age_years, count);
    for (size_t m = 0; m < scenario.modules.size(); ++m) {
      if (start.states[m] == kNotInModule) continue;
      const ModuleTables& tables = compiled.modules[m];
      const size_t slot =
          slot_of(tables, tables.states[start.states[m]], start, m, pop.months_in(p, m));
      tally_slot_months(compiled, tally, slot, result_age_band(compiled, start.age_years),
                        start.history, count);
    }
    month += n;
  }
  for (size_t m = 0; m < scenario.modules.size(); ++m)
    if (start.states[m] != kNotInModule)
      pop.months_in(p, m) = static_cast<uint16_t>(std::min(pop.months_in(p, m) + months, 0xFFFF));
}

// After household h's month: if every living member has quiet months ahead, they sleep through
// them (tallied now) and the household wakes in the first month that is not quiet for all. A
// household whose members have all died sleeps for good.
void fall_asleep(const StepContext& ctx, Population& pop, size_t h, BlockOutput& out) {
  const MonthIndex next = ctx.month + 1;
  int months = ctx.sleep_before - next;
  bool living = false;  // after this month's deaths
  pop.for_each_member(h, [&](uint32_t q) {
    if (!pop.alive(q)) return;
    living = true;
    if (months > 0) months = quiet_months(ctx, pop, q, next, months);
  });
  if (!living) pop.wake_month[h] = kHouseholdGone;
  if (!living || months <= 0) return;
  const uint64_t bits = household_bits(ctx, pop, h, next);
  pop.for_each_member(h, [&](uint32_t q) {
    if (pop.alive(q)) tally_quiet_months(ctx, pop, q, bits, next, months, out);
  });
  pop.wake_month[h] = next + months;
  out.sleeping.emplace_back(pop.wake_month[h], static_cast<uint32_t>(h));
  std::push_heap(out.sleeping.begin(), out.sleeping.end(), std::greater<>{});
}

}  // namespace

namespace {

// Zeroes a tally in place, sized for the compiled model (no allocation once it has the size).
void zero_tally(Tally& tally, const CompiledModel& compiled, bool cross_silo) {
  tally.reset(compiled.slots.size(), static_cast<size_t>(compiled.event_slots),
              compiled.equity_flags.size(), static_cast<size_t>(compiled.result_age_bands),
              cross_silo ? compiled.case_masks() : 0);
}

}  // namespace

Tally empty_tally(const CompiledModel& compiled, bool cross_silo) {
  Tally tally;
  zero_tally(tally, compiled, cross_silo);
  return tally;
}

Tally& BlockOutput::later_year(int year, const CompiledModel& compiled) {
  const auto y = static_cast<size_t>(year);
  for (size_t added = later->size(); added <= y; ++added)
    zero_tally(later->emplace_back(), compiled, false);
  return (*later)[y];
}

void BlockOutput::reset(const CompiledModel& compiled, bool cross_silo) {
  zero_tally(tally, compiled, cross_silo);
  mothers.clear();
  for (auto& c : candidates) c.clear();
  participants.fill(0);
  living_households = 0;
}

namespace {

// The municipality's spending on person p this month at the register unit costs
// (CompiledModel::slot_municipal_dkk), in the states the month starts with.
Dkk municipal_dkk_this_month(const StepContext& ctx, const Population& pop, uint32_t p,
                             uint64_t household_bits) {
  PersonAtStart start;
  start.person = p;
  start.month = ctx.month;
  start.age_months = ctx.month - pop.birth_month[p];
  start.age_years = start.age_months / kMonthsPerYear;
  start.history = pop.history[p];
  start.household_bits = household_bits;
  for (size_t m = 0; m < ctx.scenario.modules.size(); ++m) start.states[m] = pop.state_in(p, m);
  read_clocks(ctx, pop, p, start);
  Dkk dkk = 0;
  for (size_t m = 0; m < ctx.scenario.modules.size(); ++m)
    if (start.states[m] != kNotInModule)
      dkk += ctx.compiled.slot_municipal_dkk[slot_of(
          ctx.compiled.modules[m], ctx.compiled.modules[m].states[start.states[m]], start, m,
          pop.months_in(p, m))];
  return dkk;
}

}  // namespace

bool meets_target_conditions(const StepContext& ctx, const Population& pop, uint32_t person,
                             const TargetGroup& target, uint64_t household_bits) {
  const CompiledModel& compiled = ctx.compiled;
  for (int c : target.household_conditions)
    if (((household_bits >> c) & 1u) == 0) return false;
  if (target.min_centres > 0 &&
      std::popcount(case_mask_of(compiled, pop, person)) < target.min_centres)
    return false;
  if (target.min_household_centres > 0) {
    uint8_t household = 0;
    pop.for_each_member(pop.household[person], [&](uint32_t q) {
      if (pop.alive(q)) household |= case_mask_of(compiled, pop, q);
    });
    if (std::popcount(household) < target.min_household_centres) return false;
  }
  if (target.yearly_cost_above &&
      kMonthsPerYear * municipal_dkk_this_month(ctx, pop, person, household_bits) <=
          *target.yearly_cost_above)
    return false;
  if (target.household_yearly_cost_above) {
    Dkk household = 0;
    pop.for_each_member(pop.household[person], [&](uint32_t q) {
      if (pop.alive(q)) household += municipal_dkk_this_month(ctx, pop, q, household_bits);
    });
    if (kMonthsPerYear * household <= *target.household_yearly_cost_above) return false;
  }
  return true;
}

double admission_priority(const StepContext& ctx, const Population& pop, uint32_t person,
                          int proposal_index) {
  const Proposal& proposal = ctx.scenario.proposals[static_cast<size_t>(proposal_index)];
  if (proposal.priority == AdmissionPriority::kRandom)
    return uniform(ctx.key, pop.id[person], ctx.month, static_cast<uint16_t>(proposal_index),
                   Purpose::kAdmission);
  const auto months =
      static_cast<double>(pop.months_in(person, static_cast<size_t>(proposal.target.module)));
  return proposal.priority == AdmissionPriority::kNewestInState ? months : -months;
}

namespace {

// The block's households to simulate this month (BlockOutput::awake, ascending): those awake last
// month that did not fall asleep or die out, those whose wake month it is, and new ones.
void wake_households(const StepContext& ctx, const Population& pop, size_t first_household,
                     size_t end_household, BlockOutput& out) {
  std::vector<uint32_t>& awake = out.awake;
  awake.erase(std::remove_if(awake.begin(), awake.end(),
                             [&](uint32_t h) { return pop.wake_month[h] > ctx.month; }),
              awake.end());
  const size_t still_awake = awake.size();
  while (!out.sleeping.empty() && out.sleeping.front().first <= ctx.month) {
    std::pop_heap(out.sleeping.begin(), out.sleeping.end(), std::greater<>{});
    awake.push_back(out.sleeping.back().second);
    out.sleeping.pop_back();
  }
  std::sort(awake.begin() + static_cast<std::ptrdiff_t>(still_awake), awake.end());
  std::inplace_merge(awake.begin(), awake.begin() + static_cast<std::ptrdiff_t>(still_awake),
                     awake.end());
  for (size_t h = std::max(out.households_seen, first_household); h < end_household; ++h)
    awake.push_back(static_cast<uint32_t>(h));
  out.households_seen = end_household;
}

}  // namespace

void household_phase(const StepContext& ctx, Population& pop, size_t first_household,
                     size_t end_household, BlockOutput& out) {
  const Scenario& scenario = ctx.scenario;
  const double out_migration = scenario.demography.out_migration_monthly;
  // Each household's draw, as uniform() gives it, in the running thread's scratch (thread_draws).
  static thread_local std::vector<uint32_t> subjects, words;
  if (out_migration > 0) {
    subjects.clear();
    for (size_t h = first_household; h < end_household; ++h)
      subjects.push_back(pop.household_key(h));
    words.resize(4 * subjects.size());
    philox_blocks(ctx.key, subjects.data(), subjects.size(), ctx.month, 0, Purpose::kOutMigration,
                  words.data(), 4);
  }
  uint32_t living_households = 0;
  // With sleeping households, the block's awake ones (sleeping ones live and change nothing).
  const bool listed = ctx.sleep_before > 0;
  if (listed) {
    wake_households(ctx, pop, first_household, end_household, out);
    living_households += static_cast<uint32_t>(out.sleeping.size());
  }
  const size_t count = listed ? out.awake.size() : end_household - first_household;
  for (size_t i = 0; i < count; ++i) {
    const size_t h = listed ? out.awake[i] : first_household + i;
    bool living = false;
    pop.for_each_member(h, [&](uint32_t q) { living = living || pop.alive(q); });
    if (!living) continue;
    const uint32_t* moving = out_migration > 0 ? words.data() + 4 * (h - first_household) : nullptr;
    if (moving != nullptr && rng_detail::to_unit(moving[0], moving[1]) < out_migration) {
      pop.for_each_member(h, [&](uint32_t q) {
        if (!pop.alive(q)) return;
        pop.flags[q] = static_cast<uint8_t>(pop.flags[q] & ~kAlive);
        ++out.tally.out_migrants;
      });
      continue;
    }
    ++living_households;
    const uint64_t bits = household_bits(ctx, pop, h, ctx.month);
    pop.condition_bits[h] = bits;
    for (size_t k = 0; k < ctx.arm.proposals.size(); ++k) {
      const Proposal& proposal = scenario.proposals[static_cast<size_t>(ctx.arm.proposals[k])];
      if (ctx.month < proposal.start_month) continue;
      pop.for_each_member(h, [&](uint32_t q) {
        if (!pop.alive(q)) return;
        uint16_t& v = pop.participation_in(q, k);
        const bool participating = v != 0 && (v & kEnded) == 0;
        if (v != 0 && !participating &&
            (proposal.readmission_after_months < 0 ||
             (v & ~kEnded) <= proposal.readmission_after_months))
          return;  // took part already, and may not (yet) again
        const bool in_group =
            in_target_group(ctx, pop, q, ctx.month - pop.birth_month[q], proposal.target, bits);
        if (participating) {
          if (in_group) {
            ++out.participants[k];
          } else {
            v = static_cast<uint16_t>(kEnded | 1);  // left the target group: participation ends
          }
        } else if (in_group) {
          out.candidates[k].push_back({admission_priority(ctx, pop, q, ctx.arm.proposals[k]), q});
        }
      });
    }
  }
  out.living_households += living_households;
}

bool admits(const StepContext& ctx) {
  for (int proposal : ctx.arm.proposals)
    if (ctx.month >= ctx.scenario.proposals[static_cast<size_t>(proposal)].start_month) return true;
  return false;
}

void admission_phase(const StepContext& ctx, Population& pop, std::vector<BlockOutput>& blocks,
                     Tally& year) {
  for (size_t k = 0; k < ctx.arm.proposals.size(); ++k) {
    const Proposal& proposal = ctx.scenario.proposals[static_cast<size_t>(ctx.arm.proposals[k])];
    if (ctx.month < proposal.start_month) continue;
    long participants = 0;
    std::vector<Candidate> candidates;
    for (const BlockOutput& b : blocks) {
      participants += b.participants[k];
      candidates.insert(candidates.end(), b.candidates[k].begin(), b.candidates[k].end());
    }
    const long free_slots = proposal.capacity - participants;
    if (free_slots <= 0 || candidates.empty()) continue;
    const auto admitted = std::min<size_t>(static_cast<size_t>(free_slots), candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(admitted),
                      candidates.end(), [&pop](const Candidate& a, const Candidate& b) {
                        return a.priority != b.priority ? a.priority < b.priority
                                                        : pop.id[a.person] < pop.id[b.person];
                      });
    for (size_t i = 0; i < admitted; ++i) pop.participation_in(candidates[i].person, k) = 1;
    year.admissions[k] += admitted;
  }
}

BlockDraws& thread_draws() {
  static thread_local BlockDraws draws;
  return draws;
}

void draw_persons(const StepContext& ctx, const Population& pop, size_t first_household,
                  size_t end_household, const std::vector<uint32_t>* awake_households,
                  BlockDraws& draws) {
  draws.first_slot = pop.first_slot[first_household];
  draws.end_slot = pop.first_slot[end_household];
  const int blocks = person_month_blocks(ctx.scenario);
  draws.width = static_cast<size_t>(4 * blocks);
  const size_t persons = draws.end_slot - draws.first_slot;
  draws.words.resize(persons * draws.width);
  if (awake_households == nullptr) {
    for (int b = 0; b < blocks; ++b)
      philox_blocks(ctx.key, pop.id.data() + draws.first_slot, persons, ctx.month,
                    static_cast<uint16_t>(b), Purpose::kPersonMonth, draws.words.data() + 4 * b,
                    draws.width);
    return;
  }
  // Sleeping households draw nothing: the awake members' draws, computed together, are put in
  // their slots' places.
  draws.awake_ids.clear();
  draws.awake_rows.clear();
  for (const uint32_t h : *awake_households)
    for (uint32_t p = pop.first_slot[h]; p < pop.first_slot[h + 1]; ++p) {
      draws.awake_ids.push_back(pop.id[p]);
      draws.awake_rows.push_back(p - draws.first_slot);
    }
  const size_t awake = draws.awake_ids.size();
  draws.awake_words.resize(awake * draws.width);
  for (int b = 0; b < blocks; ++b)
    philox_blocks(ctx.key, draws.awake_ids.data(), awake, ctx.month, static_cast<uint16_t>(b),
                  Purpose::kPersonMonth, draws.awake_words.data() + 4 * b, draws.width);
  for (size_t i = 0; i < awake; ++i)  // word by word: a library copy per person costs more
    for (size_t w = 0; w < draws.width; ++w)
      draws.words[draws.awake_rows[i] * draws.width + w] = draws.awake_words[i * draws.width + w];
}

void household_persons(const StepContext& ctx, Population& pop, size_t h, const BlockDraws& draws,
                       BlockOutput& out) {
  const uint64_t bits = pop.condition_bits[h];
  uint64_t members = 0;
  uint8_t case_mask = 0;  // the centres that had a member as a case this month
  out.household_slots.clear();
  const size_t mothers = out.mothers.size();
  pop.for_each_member(h, [&](uint32_t p) {
    if (!pop.alive(p)) return;
    ++members;
    case_mask |= update_person(ctx, pop, p, bits, draws.of(p), draws.blocks(), out);
  });
  // A household with a birth this month stays awake: its newborn joins it at the month's end.
  if (ctx.sleep_before > 0 && out.mothers.size() == mothers) fall_asleep(ctx, pop, h, out);
  if (members == 0 || !ctx.cross_silo) return;
  Tally& t = out.tally;
  ++t.known_household_months[case_mask];
  t.known_member_months[case_mask] += members;
  uint64_t* by_slot = t.known_household_state_months.data() + case_mask * t.state_months.size();
  for (const uint32_t slot : out.household_slots) ++by_slot[slot];
}

void person_phase(const StepContext& ctx, Population& pop, size_t first_household,
                  size_t end_household, BlockOutput& out) {
  BlockDraws& draws = thread_draws();
  if (ctx.sleep_before > 0) {
    draw_persons(ctx, pop, first_household, end_household, &out.awake, draws);
    for (const uint32_t h : out.awake) household_persons(ctx, pop, h, draws, out);
    return;
  }
  draw_persons(ctx, pop, first_household, end_household, nullptr, draws);
  for (size_t h = first_household; h < end_household; ++h)
    household_persons(ctx, pop, h, draws, out);
}

uint32_t add_newborn(const StepContext& ctx, Population& pop, uint32_t mother) {
  const bool female = uniform(ctx.key, pop.id[mother], ctx.month, 0, Purpose::kNewbornSex) <
                      ctx.scenario.demography.female_share_of_births;
  return pop.add_person(pop.household[mother], ctx.month + 1, female);
}

void demography_phase(const StepContext& ctx, Population& pop,
                      const std::vector<BlockOutput>& blocks, Tally& year) {
  const Demography& demo = ctx.scenario.demography;
  size_t households = pop.households();
  for (const BlockOutput& b : blocks)
    for (uint32_t mother : b.mothers) {
      add_newborn(ctx, pop, mother);
      ++year.births;
    }
  // In-migrating households: a Poisson count proportional to the resident households, each a
  // copy of the composition of a drawn resident household (ages and sexes); module states are
  // drawn by the entry rules.
  uint64_t living = 0;
  for (const BlockOutput& b : blocks) living += b.living_households;
  const double lambda = demo.in_migration_monthly * static_cast<double>(living);
  const int count = lambda > 0 ? poisson_count(lambda, ctx.key, ctx.month) : 0;
  const size_t residents = households;
  for (int n = 0; n < count; ++n) {
    // The template: a drawn household with living members (redrawn past empty ones).
    constexpr uint32_t kMaxAttempts = 1000;
    for (uint32_t attempt = 0; attempt < kMaxAttempts; ++attempt) {
      const double v =
          uniform(ctx.key, static_cast<uint32_t>(n), ctx.month, 1, Purpose::kInMigration, attempt);
      const auto h = static_cast<size_t>(v * static_cast<double>(residents));
      bool any = false;
      pop.for_each_member(h, [&](uint32_t q) {
        if (!pop.alive(q)) return;
        pop.add_person(static_cast<uint32_t>(households), pop.birth_month[q],
                       (pop.flags[q] & kFemale) != 0);
        ++year.in_migrants;
        any = true;
      });
      if (any) {
        ++households;
        break;
      }
    }
  }
  pop.index_added(households);
}

}  // namespace kommunesim::model
