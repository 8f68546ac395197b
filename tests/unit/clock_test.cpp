// Clocks across states: the refusion staircase reads a person's cumulative months on public
// support across benefit types (LBK 221 of 12/02/2021 § 6), restarting only after 12 months
// outside within the last 36. Hand-computed paths through a module whose transitions are certain
// at given durations.
#include <gtest/gtest.h>

#include <cmath>

#include "model/engine/accounting.hpp"
#include "model/engine/simulation.hpp"
#include "support/scenario_builder.hpp"

using namespace kommunesim;
using namespace kommunesim::model;

namespace {

constexpr double kCertain = 1.0 - 1e-12;
constexpr int kDagpenge = 0, kKontanthjaelp = 1, kEmployed = 2;

// dagpenge for 25 months (leaving at 24 months in the state), then kontanthjælp for 7 (leaving
// at 6), then employed until `employed_months_before_return` months in the state, then back on
// kontanthjælp. Both benefits cost 10,000 DKK a month, refunded on the 80/40/30/20 staircase of
// the module's clock when `by_clock`, else of the months in the current state.
Scenario benefit_path(int employed_months_before_return, bool by_clock) {
  Module m = test_support::make_module({"dagpenge", "kontanthjaelp", "employed"},
                                       {{kDagpenge, kKontanthjaelp, 0.0},
                                        {kKontanthjaelp, kEmployed, 0.0},
                                        {kEmployed, kKontanthjaelp, 0.0}});
  const auto certain_from = [&](int t, int months) {
    m.transitions[static_cast<size_t>(t)].hazard.duration_from = {0, months};
    m.transitions[static_cast<size_t>(t)].hazard.values = {0.0, hazard_from_probability(kCertain)};
  };
  certain_from(0, 24);
  certain_from(1, 6);
  certain_from(2, employed_months_before_return);
  m.has_clock = true;
  m.clock.id = "public_support";
  m.clock.state_mask = (1U << kDagpenge) | (1U << kKontanthjaelp);
  for (int s : {kDagpenge, kKontanthjaelp})
    m.states[static_cast<size_t>(s)].costs.push_back({0, Payer::kMunicipality, 10000, 0});
  Scenario scenario = test_support::make_scenario({m}, 5);
  scenario.refusions.push_back({"star_2016", {0, 1, 6, 12}, {0.8, 0.4, 0.3, 0.2}, by_clock});
  return scenario;
}

// Person-months of `state` per refusion band over the simulation.
std::vector<uint64_t> months_by_band(const Scenario& s, int state, int months) {
  const CompiledModel compiled = compile(s);
  const Population pop = test_support::make_cohort(s, 1, 40, kDagpenge);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, months});
  const StateTable& st = compiled.modules[0].states[static_cast<size_t>(state)];
  std::vector<uint64_t> bands(4, 0);
  for (const Tally& year : result.years)
    for (size_t b = 0; b < bands.size(); ++b)
      bands[b] += year.state_months[static_cast<size_t>(st.slot) + b];
  return bands;
}

}  // namespace

TEST(RefusionClock, ABenefitChangeKeepsTheCumulativeMonthsOnSupport) {
  // Dagpenge months 0-24 read the clock at 0, 1-5, 6-11 and 12-24: bands of 1, 5, 6 and 13
  // months. Kontanthjælp (months 25-31) continues at 25-31 months on support: all 7 at 20 %.
  const Scenario s = benefit_path(60, true);
  EXPECT_EQ(months_by_band(s, kDagpenge, 40), (std::vector<uint64_t>{1, 5, 6, 13}));
  EXPECT_EQ(months_by_band(s, kKontanthjaelp, 40), (std::vector<uint64_t>{0, 0, 0, 7}));
  // Counting months in the current state restarts kontanthjælp at 80 %: 1, 5 and 1 month.
  const Scenario per_state = benefit_path(60, false);
  EXPECT_EQ(months_by_band(per_state, kKontanthjaelp, 40), (std::vector<uint64_t>{1, 5, 1, 0}));

  // The municipality's cost of the 7 kontanthjælp months: 7 x 10,000 x (1 - 0.2) = 56,000 DKK on
  // the clock; 10,000 x (0.2 + 5 x 0.6 + 0.7) = 39,000 DKK when it restarts (17,000 too little).
  const auto municipal_cost = [](const Scenario& scenario) {
    const CompiledModel compiled = compile(scenario);
    const Population pop = test_support::make_cohort(scenario, 1, 40, kDagpenge);
    const EffectDraws draws = draw_effects(scenario, {1, 0});
    const SimulationResult result =
        simulate({scenario, compiled, pop, scenario.arms[0], draws, Dynamics{}, {1, 0}, 32});
    double total = 0;
    for (size_t y = 0; y < result.years.size(); ++y)
      total +=
          account_year(scenario, compiled, scenario.arms[0], result.years[y], static_cast<int>(y))
              .at(0, Payer::kMunicipality);
    return total;
  };
  // Dagpenge's 25 months are the same either way: 10,000 x (0.2 + 5 x 0.6 + 6 x 0.7 + 13 x 0.8).
  const double dagpenge = 10000 * (0.2 + 5 * 0.6 + 6 * 0.7 + 13 * 0.8);
  EXPECT_NEAR(municipal_cost(s), dagpenge + 56000, 1e-6);
  EXPECT_NEAR(municipal_cost(per_state), dagpenge + 39000, 1e-6);
}

TEST(RefusionClock, RestartsOnlyAfterTwelveMonthsOfSelfSupportWithinThreeYears) {
  // Employed for 13 months (months 32-44, leaving at 12 months in the state), then back on
  // kontanthjælp: 12 of the last 36 months were outside, so the clock restarts. Kontanthjælp:
  // months 25-31 at 20 %; months 45-51 a new spell reading 0, 1-5 and 6.
  const Scenario s = benefit_path(12, true);
  EXPECT_EQ(months_by_band(s, kKontanthjaelp, 53), (std::vector<uint64_t>{1, 5, 1, 7}));
  // Employed for only 6 months (32-37, leaving at 5): the clock goes on from 32 months, so the
  // second kontanthjælp spell (38-44) is at 20 % too.
  const Scenario short_spell = benefit_path(5, true);
  EXPECT_EQ(months_by_band(short_spell, kKontanthjaelp, 45), (std::vector<uint64_t>{0, 0, 0, 14}));
  // A second 6-month job (45-50) makes 12 months outside within 36: the third spell (from 51)
  // starts again at 80 % and 40 %.
  EXPECT_EQ(months_by_band(short_spell, kKontanthjaelp, 53), (std::vector<uint64_t>{1, 1, 0, 14}));
}

TEST(RefusionClock, MonthsOutsideCountOnlyWithinTheWindow) {
  Clock clock;
  clock.state_mask = 1;
  clock.reset_months_outside = 12;
  clock.window_months = 36;
  uint64_t v = ClockValue::of(30);
  // 11 months outside, 30 inside, 1 outside: 12 outside, but 11 of them 31-41 months ago.
  for (int i = 0; i < 11; ++i) v = ClockValue::after_month(v, false, clock);
  EXPECT_EQ(ClockValue::reading(v, clock), 30);
  for (int i = 0; i < 30; ++i) v = ClockValue::after_month(v, true, clock);
  v = ClockValue::after_month(v, false, clock);
  EXPECT_EQ(ClockValue::reading(v, clock), 60);  // only 6 + 1 outside within 36 months
  for (int i = 0; i < 11; ++i) v = ClockValue::after_month(v, false, clock);
  EXPECT_EQ(ClockValue::reading(v, clock), 0);  // now 12 within the window: a restart
  v = ClockValue::after_month(v, true, clock);
  EXPECT_EQ(ClockValue::reading(v, clock), 1);  // the restart forgot the months outside
}

TEST(RefusionClock, ATransitionCanReadTheClockAcrossStates) {
  // Two benefit states that hand a person over every 6 months, and a certain exit to "expired"
  // from 24 cumulative months: read on the clock it comes at month 24 although no spell ever
  // lasts 24 months; read on the months in state it never comes.
  const auto run = [](bool by_clock) {
    Module m = test_support::make_module({"benefit_a", "benefit_b", "expired"},
                                         {{0, 1, 0.0}, {0, 2, 0.0}, {1, 0, 0.0}, {1, 2, 0.0}});
    for (Transition& tr : m.transitions) {
      const bool expiry = tr.to == 2;
      tr.hazard.duration_from = {0, expiry ? 24 : 6};
      tr.hazard.values = {0.0, hazard_from_probability(1.0 - 1e-12)};
      tr.duration_by_clock = expiry && by_clock;
    }
    m.has_clock = true;
    m.clock.state_mask = 0b011;
    const Scenario s = test_support::make_scenario({m}, 3);
    const CompiledModel compiled = compile(s);
    const Population pop = test_support::make_cohort(s, 1, 40, 0);
    const EffectDraws draws = draw_effects(s, {1, 0});
    const SimulationResult result =
        simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 36});
    uint64_t months_on_benefit = 0;
    for (const Tally& year : result.years)
      for (size_t slot = 0; slot < compiled.slots.size(); ++slot)
        if (compiled.slots[slot].state < 2) months_on_benefit += year.state_months[slot];
    return months_on_benefit;
  };
  // Months 0-24 on benefit (the exit at 24 cumulative months), expired from month 25.
  EXPECT_EQ(run(true), 25u);
  EXPECT_EQ(run(false), 36u);
}

TEST(Clock, AModifierReadsTheClockNotTheMonthsInTheState) {
  // Persons on kontanthjælp whose clock already counts 3 months (e.g. after dagpenge) and whose
  // exit to work is certain once the clock reads 6 months, impossible before (a modifier with
  // relative risk 0 while the clock reads 0-5): they leave in month 3, when their clock reads 6,
  // not after 6 months in the state.
  Module m = test_support::make_module({"dagpenge", "kontanthjaelp", "employed"},
                                       {{kKontanthjaelp, kEmployed, kCertain}});
  m.has_clock = true;
  m.clock.id = "public_support";
  m.clock.state_mask = (1U << kDagpenge) | (1U << kKontanthjaelp);
  Condition early;
  early.kind = Condition::Kind::kClock;
  early.module = 0;
  early.clock_from = 0;
  early.clock_to = 6;
  m.transitions[0].modifiers.push_back({early, 0.0, false});
  const Scenario s = test_support::make_scenario({m});
  const CompiledModel compiled = compile(s);
  Population pop = test_support::make_cohort(s, 10, 40, kKontanthjaelp);
  for (uint32_t p = 0; p < 10; ++p) pop.clock_in(p, 0) = ClockValue::of(3);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 12});
  const StateTable& on_benefit = compiled.modules[0].states[kKontanthjaelp];
  EXPECT_EQ(result.years[0].state_months[static_cast<size_t>(on_benefit.slot)], 40u);
  EXPECT_EQ(result.years[0].events[0], 10u);
}
