// The normative layer: simulate once and value many times, switching values, flips, ledger.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "model/appraisal/appraisal.hpp"
#include "model/appraisal/valuation.hpp"
#include "model/engine/synthetic_population.hpp"
#include "support/appraise_quietly.hpp"
#include "support/load_bundled.hpp"

using namespace kommunesim;
using namespace kommunesim::model;
using namespace kommunesim::appraisal;

namespace {

Scenario bundled() { return test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO); }

const NormativeSet& norm_named(const Scenario& s, const std::string& id) {
  for (const auto& n : s.norms)
    if (n.id == id) return n;
  throw std::runtime_error("no norm " + id);
}

// The bundled scenario appraised with 3 replicates; with sensitivity, the tornado and the
// dynamics switching values re-simulate all 3.
struct AnalysedRun {
  explicit AnalysedRun(const Scenario& scenario, bool sensitivity = false)
      : a(test_support::appraise_quietly(scenario, 3, sensitivity ? 3 : 0)) {}
  // A resimulator on the same run, to check the appraisal's rows against.
  Resimulator resimulator(const InitialPopulations& pop) const {
    return Resimulator(s, a.compiled, pop, plan, a.results, analysis, plan.replicates);
  }
  Appraisal a;
  const Scenario& s = a.scenario;
  const RunPlan& plan = a.plan;
  const Analysis& analysis = a.analysis;
};

}  // namespace

TEST(SimulateOnce, AValuationOnlySetAddsNoSimulationButAnotherEffectScaleDoes) {
  Scenario s = bundled();
  const size_t groups = plan_runs(s, 1, 2).dynamics_groups.size();
  NormativeSet valuation_only = norm_named(s, "municipal_budget_4y");
  valuation_only.id = "long_discounted";
  valuation_only.discount = {{0, 0.04}};
  valuation_only.horizon_years = 5;
  s.norms.push_back(valuation_only);
  EXPECT_EQ(plan_runs(s, 1, 2).dynamics_groups.size(), groups);
  const size_t simulations = plan_runs(s, 1, 2).simulations();
  EXPECT_EQ(simulations, 2 * (s.arms.size() + (groups - 1) * (s.arms.size() - 1)));
  NormativeSet other_scale = valuation_only;
  other_scale.id = "optimist";
  other_scale.dynamics.effect_scale = 1.2;
  s.norms.push_back(other_scale);
  EXPECT_EQ(plan_runs(s, 1, 2).dynamics_groups.size(), groups + 1);
  // The new group simulates its proposal arms; the baseline has no effects and is shared.
  EXPECT_EQ(plan_runs(s, 1, 2).simulations(), simulations + 2 * (s.arms.size() - 1));
}

TEST(SimulateOnce, SetsWithTheSameEffectiveEffectShareSimulations) {
  Scenario s = bundled();
  NormativeSet halved = norm_named(s, "municipal_budget_4y");
  halved.id = "halved_by_scale";
  halved.dynamics = {0.5, 12, 0};
  s.norms.push_back(halved);
  const size_t groups = plan_runs(s, 1, 2).dynamics_groups.size();
  halved.id = "halved_by_deadweight";  // scale 1 with half of it deadweight: the same effect
  halved.dynamics = {1.0, 12, 0.5};
  s.norms.push_back(halved);
  EXPECT_EQ(plan_runs(s, 1, 2).dynamics_groups.size(), groups);
}

TEST(NetPresentValue, OutcomesAreValuedAtTheSetsPrices) {
  const auto account = [](double cost, double placements) {
    YearAccount a;
    a.dkk = {cost, 0, 0, 0};
    a.measures = {placements};
    return a;
  };
  NormativeSet norm;
  norm.perspective[0] = true;
  norm.discount = {{0, 0.0}};
  norm.horizon_years = 2;
  norm.measure_values = {-50000};  // a placement month is a harm worth 50,000 DKK
  // The proposal costs 100,000 more a year and avoids 3 placement months a year.
  const std::vector<YearAccount> base{account(0, 10), account(0, 10)};
  const std::vector<YearAccount> prop{account(100000, 7), account(100000, 7)};
  EXPECT_DOUBLE_EQ(net_present_value(prop, base, norm, {true}), 2 * (-100000 + 3 * 50000.0));
}

TEST(SwitchingValues, RevaluingAtTheSwitchingValueGivesZero) {
  const AnalysedRun run(bundled());
  const auto& rows = run.a.switching;
  ASSERT_FALSE(rows.empty());
  int found = 0;
  for (const auto& row : rows) {
    if (!row.value) continue;
    NormativeSet v = run.s.norms[static_cast<size_t>(row.norm)];
    const auto value_at = [&](double x) {
      NormativeSet w = v;
      if (row.parameter == "discount_rate") w.discount = {{0, x}};
      if (row.parameter == "horizon_years") w.horizon_years = static_cast<int>(x);
      if (row.parameter == "value_placement_months") w.measure_values[1] = x;
      return mean_net_value(run.s, run.plan, run.analysis, row.arm,
                            run.plan.norm_group[static_cast<size_t>(row.norm)], w);
    };
    ++found;
    if (row.parameter == "horizon_years") {
      // Whole years: the sign differs between the shortest horizon and the switching one.
      EXPECT_NE(value_at(row.low) > 0, value_at(*row.value) > 0) << row.parameter;
    } else {
      // A continuous parameter: zero at the root, to a thousandth of the value at the range ends.
      const double scale = std::max(std::abs(value_at(row.low)), std::abs(value_at(row.high)));
      EXPECT_NEAR(value_at(*row.value), 0.0, 1e-3 * scale) << row.parameter;
    }
  }
  EXPECT_GT(found, 0) << "no proposal crosses zero in any searched range";
}

TEST(Flips, EveryListedPairDisagreesAndNamesWhereTheSetsDiffer) {
  const AnalysedRun run(bundled());
  const auto& rows = run.a.flips;
  const auto verdict = [&](int arm, int norm) {
    for (const auto& r : run.analysis.summaries)
      if (r.arm == arm && r.norm == norm) return r.verdict;
    return Verdict::kTooCloseToCall;
  };
  // A flip of sign is a resolved net gain under one set and a resolved net cost under the other.
  const auto opposite = [](Verdict x, Verdict y) {
    return std::set<Verdict>{x, y} == std::set<Verdict>{Verdict::kNetGain, Verdict::kNetCost};
  };
  for (const auto& f : rows) {
    EXPECT_TRUE(f.sign_differs || f.top_differs);
    EXPECT_EQ(f.sign_differs, opposite(verdict(f.arm, f.norm_a), verdict(f.arm, f.norm_b)));
    EXPECT_FALSE(f.differing.empty());
  }
}

TEST(Ledger, TheBudgetPeriodIsTheSumOfItsYearsAndYearOneMatchesTheSummary) {
  const AnalysedRun run(bundled());
  const auto& rows = run.a.ledger;
  // Arm 1 in group 0: municipality's net cost in year one, over departments.
  double year_one = 0;
  std::map<std::pair<int, int>, double> period, years;
  for (const auto& r : rows) {
    if (r.arm != 1 || r.group != 0) continue;
    const auto key = std::make_pair(r.department, static_cast<int>(r.payer));
    if (r.years == kBudgetPeriodYears)
      period[key] = r.net_cost.mean;
    else if (r.first_year < kBudgetPeriodYears)
      years[key] += r.net_cost.mean;
    if (r.years == 1 && r.first_year == 0 && r.payer == Payer::kMunicipality)
      year_one += r.net_cost.mean;
  }
  ASSERT_FALSE(period.empty());
  for (const auto& [key, total] : period)
    EXPECT_NEAR(total, years[key], 1e-6 * (1 + std::abs(total)));
  for (const auto& s : run.analysis.summaries) {
    if (s.arm == 1 && run.plan.norm_group[static_cast<size_t>(s.norm)] == 0) {
      EXPECT_NEAR(s.municipality_cost_year1.mean, year_one, 1e-6 * (1 + std::abs(year_one)));
    }
  }
}

TEST(Tornado, StartsFromTheSummaryAndIsSortedBySwing) {
  const AnalysedRun run(bundled(), true);
  const auto& rows = run.a.tornado;
  ASSERT_FALSE(rows.empty());
  for (size_t i = 0; i < rows.size(); ++i) {
    for (const auto& s : run.analysis.summaries) {
      if (s.arm == rows[i].arm && s.norm == rows[i].norm) {
        EXPECT_NEAR(rows[i].base, s.net_value.mean, 1e-6 * (1 + std::abs(s.net_value.mean)));
      }
    }
    if (i > 0 && rows[i].arm == rows[i - 1].arm && rows[i].norm == rows[i - 1].norm) {
      EXPECT_LE(rows[i].swing(), rows[i - 1].swing());
    }
  }
  // The dynamics parameters needed simulations of the proposal arms only.
  EXPECT_GT(run.a.sensitivity.simulations, 0u);
  EXPECT_EQ(run.a.sensitivity.simulations % static_cast<size_t>(run.plan.replicates), 0u);
}

TEST(SwitchingValues, TheMeanNetValueIsZeroAtADynamicsParametersSwitchingValue) {
  const AnalysedRun run(bundled(), true);
  InitialPopulations pop(run.s, run.a.compiled, run.s.seed);
  pop.cover(run.plan.replicates);
  Resimulator resimulator = run.resimulator(pop);
  std::set<std::string> found;
  for (const auto& row : run.a.switching) {
    if (!row.value ||
        run.s.parameters[static_cast<size_t>(run.s.parameter_index(row.parameter))].is_valuation())
      continue;
    found.insert(row.parameter);
    const auto at = [&](double x) {
      NormativeSet moved = run.s.norms[static_cast<size_t>(row.norm)];
      moved.set(run.s.parameters[static_cast<size_t>(run.s.parameter_index(row.parameter))], x,
                run.s.horizon_years);
      return resimulator.mean_net_value(row.arm, row.norm, moved.dynamics);
    };
    EXPECT_GE(*row.value, row.bracket_low);
    EXPECT_LE(*row.value, row.bracket_high);
    const double span =
        std::abs(at(row.high) - at(row.low)) + std::abs(at(row.current) - at(row.low));
    if (row.bracket_low == row.bracket_high)
      EXPECT_LE(std::abs(at(*row.value)), kSwitchingTolerance * span)
          << row.parameter << " arm " << row.arm;
    else
      EXPECT_NE(at(row.bracket_low) > 0, at(row.bracket_high) > 0)
          << row.parameter << " arm " << row.arm;
  }
  EXPECT_TRUE(found.count("effect_scale"));
  EXPECT_TRUE(found.count("deadweight"));
}

TEST(Flips, TheSiloViewDiffersInPerspective) {
  const AnalysedRun run(bundled());
  int silo = 0;
  for (size_t i = 0; i < run.s.norms.size(); ++i)
    if (run.s.norms[i].owning_department_only) silo = static_cast<int>(i);
  ASSERT_TRUE(run.s.norms[static_cast<size_t>(silo)].owning_department_only);
  for (const auto& f : run.a.flips) {
    if (f.norm_a != silo && f.norm_b != silo) continue;
    EXPECT_NE(std::find(f.differing.begin(), f.differing.end(), "perspective"), f.differing.end());
  }
}

TEST(Tornado, AFigureMarkedExploreIsInTheDefaultTornadoAndNoOtherDynamicsFigure) {
  Scenario s = test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO);
  const int k = s.parameter_index("family_therapy.effect.children.none_to_placed");
  ASSERT_GE(k, 0);
  s.parameters[static_cast<size_t>(k)].explore = true;
  const Appraisal a = test_support::appraise_quietly(s, 2, 1);
  bool explored = false;
  for (const TornadoRow& row : a.tornado) {
    const Parameter& p = s.parameters[static_cast<size_t>(s.parameter_index(row.parameter))];
    if (p.id == "family_therapy.effect.children.none_to_placed")
      explored = true;
    else
      EXPECT_NE(p.role, ParameterRole::kModelDynamics) << p.id;
  }
  EXPECT_TRUE(explored);
}

TEST(Tornado, ExploredEffectSizesShareTheBaselineAndGiveWhatEachSimulatedAloneGives) {
  // Two effect sizes marked explore: their tornado points and switching-value steps share one
  // baseline with the unmoved scenario's re-simulations (the baseline reads no effect size).
  // Every row equals the reference path's, where each re-simulation runs alone, in full.
  Scenario s = test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO);
  for (const char* id : {"family_therapy.effect.children.none_to_placed",
                         "job_support_parents.effect.jobcentre.kontanthjaelp_to_employed"}) {
    const int k = s.parameter_index(id);
    ASSERT_GE(k, 0) << id;
    s.parameters[static_cast<size_t>(k)].explore = true;
  }
  const auto appraise_with = [&](Execution execution) {
    appraisal::ProgressListener quiet;
    appraisal::AppraisalOptions options;
    options.replicates = 2;
    options.sensitivity_replicates = 1;
    options.execution = execution;
    return appraisal::appraise(s, options, quiet);
  };
  const Appraisal shared = appraise_with(Execution::kSharedBaseline);
  const Appraisal full = appraise_with(Execution::kFull);
  ASSERT_EQ(shared.tornado.size(), full.tornado.size());
  for (size_t i = 0; i < full.tornado.size(); ++i) {
    EXPECT_EQ(shared.tornado[i].parameter, full.tornado[i].parameter);
    EXPECT_EQ(shared.tornado[i].at_low, full.tornado[i].at_low) << full.tornado[i].parameter;
    EXPECT_EQ(shared.tornado[i].at_high, full.tornado[i].at_high) << full.tornado[i].parameter;
  }
  ASSERT_EQ(shared.switching.size(), full.switching.size());
  int explored = 0;
  for (size_t i = 0; i < full.switching.size(); ++i) {
    EXPECT_EQ(shared.switching[i].value, full.switching[i].value) << full.switching[i].parameter;
    EXPECT_EQ(shared.switching[i].bracket_low, full.switching[i].bracket_low);
    EXPECT_EQ(shared.switching[i].bracket_high, full.switching[i].bracket_high);
    explored += full.switching[i].parameter.find(".effect.") != std::string::npos &&
                full.switching[i].resimulated;
  }
  EXPECT_GT(explored, 0);
}

TEST(SwitchingValues, AnExploredFiguresSwitchingValueIsWhereTheMeanNetValueChangesSign) {
  // Job support's effect on finding a job, marked explore and searched from no effect to a
  // fivefold rate: rows only for the arms with the proposal, and where the sign changes within
  // the range, a bracket around the switching value whose ends differ in sign.
  Scenario s = bundled();
  const int k = s.parameter_index("job_support_parents.effect.jobcentre.kontanthjaelp_to_employed");
  ASSERT_GE(k, 0);
  Parameter& p = s.parameters[static_cast<size_t>(k)];
  p.explore = true;
  p.low = 1.0;
  p.high = 5.0;
  const AnalysedRun run(s, true);
  InitialPopulations pop(run.s, run.a.compiled, run.s.seed);
  pop.cover(run.plan.replicates);
  Resimulator resimulator = run.resimulator(pop);
  int rows = 0, found = 0;
  for (const auto& row : run.a.switching) {
    if (row.parameter != p.id) continue;
    ++rows;
    EXPECT_TRUE(moves_arm(run.s, k, row.arm));
    if (!row.value) continue;
    ++found;
    const auto at = [&](double x) {
      return resimulator.mean_net_value_at(row.arm, row.norm, k, x);
    };
    EXPECT_GE(*row.value, row.bracket_low);
    EXPECT_LE(*row.value, row.bracket_high);
    if (row.bracket_low < row.bracket_high) {
      EXPECT_NE(at(row.bracket_low) > 0, at(row.bracket_high) > 0) << "arm " << row.arm;
    }
  }
  int arms_with_job_support = 0;
  for (size_t a = 1; a < run.s.arms.size(); ++a)
    arms_with_job_support += moves_arm(run.s, k, static_cast<int>(a)) ? 1 : 0;
  EXPECT_EQ(rows, arms_with_job_support * static_cast<int>(run.s.norms.size()));
  EXPECT_GT(found, 0);
}

TEST(Persistence, AProposalKeepsItsEvidencesHalfLifeUnlessTheSetStatesOne) {
  // Job support's effect lasting two years after participation (its own half-life) changes its
  // net value under a set that states no half-life, and leaves the sceptic's, which states 0 for
  // every proposal, as it was.
  const Scenario plain = bundled();
  Scenario lasting = plain;
  int support = -1;
  for (size_t i = 0; i < lasting.proposals.size(); ++i)
    if (lasting.proposals[i].id == "job_support_parents") support = static_cast<int>(i);
  ASSERT_GE(support, 0);
  lasting.proposals[static_cast<size_t>(support)].effect_half_life_months = 24;
  int arm = -1;
  for (size_t a = 1; a < plain.arms.size(); ++a)
    if (plain.arms[a].proposals == std::vector<int>{support}) arm = static_cast<int>(a);
  ASSERT_GE(arm, 1);
  int sceptic = -1, budget = -1;
  for (size_t n = 0; n < plain.norms.size(); ++n) {
    if (plain.norms[n].id == "sceptic") sceptic = static_cast<int>(n);
    if (plain.norms[n].id == "municipal_budget_4y") budget = static_cast<int>(n);
  }
  ASSERT_GE(sceptic, 0);
  ASSERT_GE(budget, 0);
  EXPECT_TRUE(plain.norms[static_cast<size_t>(sceptic)].dynamics.half_life_for_all);
  EXPECT_FALSE(plain.norms[static_cast<size_t>(budget)].dynamics.half_life_for_all);
  const Appraisal a = test_support::appraise_quietly(plain, 4);
  const Appraisal b = test_support::appraise_quietly(lasting, 4);
  EXPECT_EQ(a.summary(arm, sceptic).net_value.mean, b.summary(arm, sceptic).net_value.mean);
  EXPECT_NE(a.summary(arm, budget).net_value.mean, b.summary(arm, budget).net_value.mean);
}
