// The bundled default scenario: it loads, its baseline reproduces the calibration targets, and
// the cross-silo proposal saves money outside its owner's department.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "model/appraisal/appraisal.hpp"
#include "model/appraisal/calibration.hpp"
#include "model/engine/simulation.hpp"
#include "support/appraise_quietly.hpp"
#include "support/load_bundled.hpp"

using namespace kommunesim;
using namespace kommunesim::model;
using namespace kommunesim::appraisal;

namespace {

Scenario default_scenario() { return test_support::load_bundled(KOMMUNESIM_DEFAULT_SCENARIO); }

int index_of(const std::vector<Department>& departments, const std::string& id) {
  for (size_t i = 0; i < departments.size(); ++i)
    if (departments[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace

// The baseline alone, with the horizon cut to the last calibration year.
Appraisal calibration_run(Scenario s, uint64_t seed, int replicates) {
  int last_year = s.base_year;
  for (const CalibrationTarget& t : s.calibration) last_year = std::max(last_year, t.year);
  s.horizon_years = last_year - s.base_year + 1;
  for (NormativeSet& n : s.norms) n.horizon_years = std::min(n.horizon_years, s.horizon_years);
  s.arms.resize(1);  // the baseline only
  s.seed = seed;
  return test_support::appraise_quietly(s, replicates);
}

TEST(GlostrupLike, TheBaselineMeetsEveryCalibrationTargetForSeveralSeeds) {
  const Scenario s = default_scenario();
  ASSERT_GE(s.calibration.size(), 20u);
  // The scenario redraws its population for every pair of replicates, so each seed averages 15
  // population draws. A seed passes when each target is within its tolerance up to three
  // standard errors of Monte Carlo noise; the three seeds together (45 draws) must meet every
  // target within its tolerance: the targets hold for the model, not for one lucky draw.
  ASSERT_TRUE(s.redraw_population);
  constexpr int kReplicates = 30;
  std::vector<double> pooled(s.calibration.size(), 0.0);
  const std::vector<uint64_t> seeds = {s.seed, 7, 12345};
  for (const uint64_t seed : seeds) {
    const Appraisal a = calibration_run(s, seed, kReplicates);
    ASSERT_EQ(a.calibration.size(), s.calibration.size());
    for (const CalibrationRow& row : a.calibration) {
      const CalibrationTarget& t = s.calibration[static_cast<size_t>(row.target)];
      pooled[static_cast<size_t>(row.target)] += row.simulated / static_cast<double>(seeds.size());
      EXPECT_LE(std::abs(row.simulated - t.value), t.tolerance * t.value + 3 * row.standard_error)
          << "seed " << seed << ", " << t.id << " (" << t.year << "): target " << t.value
          << ", baseline " << row.simulated << " (standard error " << row.standard_error << ")";
    }
  }
  for (size_t i = 0; i < pooled.size(); ++i) {
    const CalibrationTarget& t = s.calibration[i];
    EXPECT_LE(std::abs(pooled[i] - t.value), t.tolerance * t.value)
        << t.id << " (" << t.year << "), three seeds: target " << t.value << ", baseline "
        << pooled[i];
  }
}

TEST(GlostrupLike, EveryCalibrationTargetFailsWhenItIsMovedByTenPercent) {
  // A check that cannot fail checks nothing: moved by 10 % either way, every target (5 %
  // tolerance) is missed; a target with a wider tolerance of its own, by 5 points more than it.
  const Scenario s = default_scenario();
  const Appraisal a = calibration_run(s, s.seed, 10);
  for (const double direction : {-1.0, 1.0}) {
    Scenario moved = a.scenario;
    for (CalibrationTarget& t : moved.calibration) t.value *= 1 + direction * (t.tolerance + 0.05);
    for (const CalibrationRow& row : calibrate(moved, a.compiled, a.plan, a.results)) {
      const CalibrationTarget& t = moved.calibration[static_cast<size_t>(row.target)];
      EXPECT_FALSE(row.within) << t.id << " still met when moved by "
                               << direction * (t.tolerance + 0.05);
    }
  }
}

TEST(GlostrupLike, HalfOfThoseWhoLeaveKontanthjaelpForAJobStillWorkAfterTwelveMonths) {
  // benchmark.dk (2023): of those who left kontanthjælp for a job in 2020-H1 2021, 50 % were
  // still employed 12 months later. 10,000 persons aged 35 start a job after kontanthjælp.
  const Scenario s = default_scenario();
  const CompiledModel compiled = compile(s);
  const auto& jobcentre = s.modules[0];
  ASSERT_EQ(jobcentre.id, "jobcentre");
  const auto state = [&](const std::string& id) {
    for (size_t i = 0; i < jobcentre.states.size(); ++i)
      if (jobcentre.states[i].id == id) return static_cast<uint8_t>(i);
    ADD_FAILURE() << id;
    return uint8_t{0};
  };
  Population pop;
  pop.clock_count = compiled.clock_count();
  constexpr int kPersons = 10000;
  for (uint32_t i = 0; i < kPersons; ++i)
    pop.state_in(pop.add_person(i, -35 * kMonthsPerYear, i % 2 == 0), 0) =
        state("employed_after_benefit");
  pop.index_sorted(kPersons);
  const EffectDraws draws = draw_effects(s, {1, 0});
  const SimulationResult result =
      simulate({s, compiled, pop, s.arms[0], draws, Dynamics{}, {1, 0}, 13});
  // Stayers are those who move on to ordinary employment at month 12 (nobody who left and came
  // back can have 12 months in their new spell yet); persons who moved away are left out.
  int event = -1;
  for (int e = 0; e < compiled.event_slots; ++e) {
    const Transition& tr =
        jobcentre
            .transitions[static_cast<size_t>(compiled.event_transition[static_cast<size_t>(e)])];
    if (compiled.event_module[static_cast<size_t>(e)] == 0 &&
        tr.from == state("employed_after_benefit") && tr.to == state("employed"))
      event = e;
  }
  ASSERT_GE(event, 0);
  uint64_t stayed = 0;
  for (const Tally& year : result.years) stayed += year.events[static_cast<size_t>(event)];
  int living = 0;
  const Population& end = result.final_population;
  for (size_t p = 0; p < end.persons(); ++p)
    if (end.alive(p) && end.id[p] < kPersons) ++living;
  const double share = static_cast<double>(stayed) / living;
  EXPECT_NEAR(share, 0.50, 0.05) << stayed << " of " << living;
}

TEST(GlostrupLike, TheJobcentresProposalForParentsSavesMoneyInChildrensServicesAndSchool) {
  Scenario s = default_scenario();
  s.horizon_years = 10;
  const auto arm = std::find_if(s.arms.begin(), s.arms.end(),
                                [](const Arm& a) { return a.id == "job_support_parents"; });
  ASSERT_NE(arm, s.arms.end());
  s.arms = {s.arms.front(), *arm};
  // The mechanism on one population at the register's unit costs: a saving of a few hundred
  // thousand DKK over ten years is within the spread between population draws (see the
  // population_variance_share of the run's summary). Since half of those who leave kontanthjælp
  // for a job lose it within a year, the saving is smaller than the noise of 10 replicates
  // (about -0.46 m DKK with 40).
  s.redraw_population = false;
  s.draw_unit_costs = false;
  const Appraisal a = test_support::appraise_quietly(s, 40);
  const int owner = s.proposals[static_cast<size_t>(s.arms[1].proposals[0])].department;
  EXPECT_EQ(owner, index_of(s.departments, "jobcentre"));
  // Ten-year net cost to the municipality per department, in the first dynamics group.
  double outside_owner = 0;
  for (const LedgerRow& row : a.ledger)
    if (row.group == 0 && row.years == 1 && row.payer == Payer::kMunicipality &&
        (row.department == index_of(s.departments, "children_family") ||
         row.department == index_of(s.departments, "daycare_school")))
      outside_owner += row.net_cost.mean;
  EXPECT_LT(outside_owner, 0) << "no saving in children's services and school";
}
