// The register's figures in the model: moving a parameter in a loaded scenario must give the
// scenario that loading the moved register gives, and the tornado's rows for figures must equal
// runs with the figure moved.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

#include "model/appraisal/appraisal.hpp"
#include "model/engine/parameter_values.hpp"
#include "model/engine/synthetic_population.hpp"
#include "support/appraise_quietly.hpp"
#include "support/load_bundled.hpp"

using namespace kommunesim;
using namespace kommunesim::model;
using namespace kommunesim::appraisal;
namespace fs = std::filesystem;

namespace {

Scenario bundled() { return test_support::load_bundled(KOMMUNESIM_TEST_SCENARIO); }

int index_of(const Scenario& s, const std::string& id) {
  const int k = s.parameter_index(id);
  if (k < 0) throw std::runtime_error("no parameter " + id);
  return k;
}

int arm_named(const Scenario& s, const std::string& id) {
  for (size_t a = 0; a < s.arms.size(); ++a)
    if (s.arms[a].id == id) return static_cast<int>(a);
  throw std::runtime_error("no arm " + id);
}

// The bundled scenario loaded from a copy whose register gives `id` the value `value`.
Scenario loaded_with(const std::string& id, double value) {
  const fs::path folder =
      fs::temp_directory_path() / ("kommunesim-register-" + std::to_string(::getpid()) + "-" + id);
  fs::remove_all(folder);
  fs::copy(KOMMUNESIM_TEST_SCENARIO, folder, fs::copy_options::recursive);
  bool patched = false;
  for (const auto& file : fs::directory_iterator(folder / "parameters")) {
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    const size_t entry = s.find("id = \"" + id + "\"\n");
    if (entry == std::string::npos) continue;
    const size_t line = s.find("\nvalue = ", entry);
    const size_t end = s.find('\n', line + 1);
    std::ostringstream replacement;
    replacement.precision(17);
    replacement << "\nvalue = " << value;
    s.replace(line, end - line, replacement.str());
    std::ofstream(file.path()) << s;
    patched = true;
  }
  EXPECT_TRUE(patched) << id;
  Scenario out = test_support::load_bundled(folder);
  fs::remove_all(folder);
  return out;
}

// Every figure the register feeds into modules and proposals.
void expect_same_figures(const Scenario& a, const Scenario& b) {
  ASSERT_EQ(a.modules.size(), b.modules.size());
  for (size_t m = 0; m < a.modules.size(); ++m) {
    const Module& x = a.modules[m];
    const Module& y = b.modules[m];
    for (size_t s = 0; s < x.states.size(); ++s)
      for (size_t c = 0; c < x.states[s].costs.size(); ++c)
        EXPECT_EQ(x.states[s].costs[c].dkk_per_month, y.states[s].costs[c].dkk_per_month)
            << x.id << " " << x.states[s].id;
    for (size_t t = 0; t < x.transitions.size(); ++t) {
      EXPECT_EQ(x.transitions[t].hazard.values, y.transitions[t].hazard.values) << x.id << t;
      for (size_t k = 0; k < x.transitions[t].modifiers.size(); ++k)
        EXPECT_EQ(x.transitions[t].modifiers[k].relative_risk,
                  y.transitions[t].modifiers[k].relative_risk);
    }
    EXPECT_EQ(x.entry.shares, y.entry.shares);
  }
  for (size_t p = 0; p < a.proposals.size(); ++p) {
    EXPECT_EQ(a.proposals[p].fixed_dkk_per_year, b.proposals[p].fixed_dkk_per_year);
    EXPECT_EQ(a.proposals[p].dkk_per_participant_month, b.proposals[p].dkk_per_participant_month);
  }
}

// The bundled scenario appraised with 3 replicates (the tornado on `sensitivity_replicates`, if
// any), and its initial population for resimulators that check the appraisal's rows.
struct AnalysedRun {
  explicit AnalysedRun(const Scenario& scenario, int sensitivity_replicates = 0)
      : a(test_support::appraise_quietly(scenario, 3, sensitivity_replicates)),
        pop(a.scenario, a.compiled, a.scenario.seed) {
    pop.cover(a.plan.replicates);
  }
  double mean(int arm, int norm) const {
    return mean_net_value(s, plan, analysis, arm, plan.norm_group[static_cast<size_t>(norm)],
                          s.norms[static_cast<size_t>(norm)]);
  }
  Resimulator resimulator(int replicates) const {
    return Resimulator(s, a.compiled, pop, plan, a.results, analysis, replicates);
  }
  Appraisal a;
  InitialPopulations pop;
  const Scenario& s = a.scenario;
  const RunPlan& plan = a.plan;
  const Analysis& analysis = a.analysis;
};

}  // namespace

TEST(Register, MovingAFigureEqualsLoadingTheRegisterWithIt) {
  const Scenario original = bundled();
  for (const std::string id :
       {"jobcentre.kontanthjaelp.cost_municipality",
        "jobcentre.kontanthjaelp_to_employed.age30.dur12", "jobcentre.dagpenge_to_employed",
        "children.none_to_placed.rr_parent_on_kontanthjaelp",
        "job_support_parents.fixed_dkk_per_year", "family_therapy.dkk_per_participant_month"}) {
    const Parameter& p = original.parameters[static_cast<size_t>(index_of(original, id))];
    Scenario moved = original;
    set_parameter_value(moved, index_of(original, id), p.high);
    expect_same_figures(moved, loaded_with(id, p.high));
  }
}

TEST(Register, AMovedRefusionShareReachesTheTallySlots) {
  Scenario s = bundled();
  const int k = index_of(s, "refusion.star_2016.weeks53");
  set_parameter_value(s, k, 0.5);
  const CompiledModel compiled = compile(s);
  // Long spells on a refunded benefit now get half their cost from the state.
  EXPECT_TRUE(std::any_of(compiled.slots.begin(), compiled.slots.end(),
                          [](const SlotInfo& slot) { return slot.state_share == 0.5; }));
  EXPECT_FALSE(std::any_of(compiled.slots.begin(), compiled.slots.end(),
                           [](const SlotInfo& slot) { return slot.state_share == 0.2; }));
}

TEST(Register, AMovedEntryShareRescalesItsRule) {
  Scenario s = bundled();
  const int k = index_of(s, "jobcentre.entry.kontanthjaelp");
  const int jobcentre = 0;
  ASSERT_EQ(s.modules[jobcentre].id, "jobcentre");
  const std::vector<double> before = s.modules[jobcentre].entry.shares;
  const Parameter& p = s.parameters[static_cast<size_t>(k)];
  set_parameter_value(s, k, p.high);
  const std::vector<double>& after = s.modules[jobcentre].entry.shares;
  EXPECT_NEAR(std::accumulate(after.begin(), after.end(), 0.0), 1.0, 1e-12);
  // The others keep their proportions; the moved share is its value over the new total.
  const double total = 1 - p.value + p.high;
  size_t moved_state = 0;
  for (const auto& use : s.parameter_uses)
    if (use.parameter == k) moved_state = static_cast<size_t>(use.detail);
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_NEAR(after[i], (i == moved_state ? p.high : before[i]) / total, 1e-12);
  }
}

TEST(Register, AMovedEffectSizeIsAPointForEveryReplicate) {
  Scenario s = bundled();
  const int k = index_of(s, "family_therapy.effect.children.none_to_placed");
  set_parameter_value(s, k, 0.6);
  const auto draws = draw_effects(s, RngKey{s.seed, 7});
  for (size_t p = 0; p < s.proposals.size(); ++p) {
    if (s.proposals[p].id != "family_therapy") continue;
    EXPECT_EQ(s.proposals[p].effects[0].relative_risk.kind, EffectSize::Kind::kPoint);
    EXPECT_EQ(draws[p][0], 0.6);
    EXPECT_NE(draws[p][1], 0.6) << "the other effect is still drawn";
  }
}

TEST(Tornado, AUnitCostsRowEqualsARunWithTheCostMoved) {
  const AnalysedRun run(bundled(), 1);
  const auto& rows = run.a.tornado;
  int checked = 0;
  for (const std::string id :
       {"children.placed.cost_municipality", "job_support_parents.dkk_per_participant_month"}) {
    const int k = index_of(run.s, id);
    Scenario moved = run.s;
    set_parameter_value(moved, k, run.s.parameters[static_cast<size_t>(k)].low);
    const AnalysedRun again(moved);
    for (const auto& row : rows) {
      if (row.parameter != id) continue;
      EXPECT_NEAR(row.at_low, again.mean(row.arm, row.norm), 1e-6 * (1 + std::abs(row.at_low)))
          << id << " arm " << row.arm << " set " << row.norm;
      ++checked;
    }
  }
  Resimulator resimulator = run.resimulator(1);
  const size_t simulations = resimulator.simulations();
  resimulator.mean_net_value_at(1, 0, index_of(run.s, "children.placed.cost_municipality"), 1.0);
  EXPECT_EQ(resimulator.simulations(), simulations) << "a cost revalues, never re-simulates";
  // The module's cost matters to every arm; a proposal's cost only to the arms that contain it.
  const int arms_with_job_support = 2;  // the proposal and the package
  EXPECT_EQ(checked,
            static_cast<int>((run.s.arms.size() - 1 + arms_with_job_support) * run.s.norms.size()));
}

TEST(Tornado, DynamicsFiguresOnlyWithTheFullTornado) {
  const AnalysedRun run(bundled(), 3);
  for (const auto& row : run.a.tornado)
    EXPECT_NE(run.s.parameters[static_cast<size_t>(index_of(run.s, row.parameter))].role,
              ParameterRole::kModelDynamics)
        << row.parameter;
}

TEST(Tornado, ADynamicsFigureReSimulatesTheBaselineAndTheArm) {
  const AnalysedRun run(bundled());
  Resimulator resimulator = run.resimulator(run.plan.replicates);
  // A placement's length changes the baseline's costs as well as the proposal's savings.
  const int k = index_of(run.s, "children.placed_to_none");
  const double low = run.s.parameters[static_cast<size_t>(k)].low;
  Scenario moved = run.s;
  set_parameter_value(moved, k, low);
  const AnalysedRun again(moved);
  const int arm = arm_named(run.s, "family_therapy");
  for (int n = 0; n < static_cast<int>(run.s.norms.size()); ++n) {
    const double expected = again.mean(arm, n);
    EXPECT_NEAR(resimulator.mean_net_value_at(arm, n, k, low), expected,
                1e-6 * (1 + std::abs(expected)))
        << run.s.norms[static_cast<size_t>(n)].id;
  }
  int longest = 0;
  for (int n = 0; n < static_cast<int>(run.s.norms.size()); ++n)
    if (run.s.norms[static_cast<size_t>(n)].horizon_years >
        run.s.norms[static_cast<size_t>(longest)].horizon_years)
      longest = n;
  EXPECT_NE(again.mean(arm, longest), run.mean(arm, longest)) << "the figure matters";
}
