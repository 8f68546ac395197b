// Sources of uncertainty a scenario can draw per replicate besides individual randomness and
// effect sizes: the synthetic population (one draw for every pair of replicates) and the unit
// costs (within their register ranges). Both keyed so that a replicate's draw never depends on
// how many replicates or other figures there are.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "model/engine/initial_populations.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/synthetic_population.hpp"
#include "model/engine/unit_cost_draws.hpp"
#include "scenarios/loader/load_scenario.hpp"

using namespace kommunesim::model;

namespace {

class UncertaintySources : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = kommunesim::scenarios::load_scenario(KOMMUNESIM_TEST_SCENARIO);
    ASSERT_TRUE(loaded.loaded);
    scenario = loaded.loaded->scenario;
    compiled = compile(scenario);
  }
  int parameter(const std::string& id) const {
    for (size_t p = 0; p < scenario.parameters.size(); ++p)
      if (scenario.parameters[p].id == id) return static_cast<int>(p);
    return -1;
  }
  Scenario scenario;
  CompiledModel compiled;
};

}  // namespace

TEST_F(UncertaintySources, APairOfReplicatesSharesAPopulationDrawAndTheFirstIsTheScenariosOwn) {
  scenario.redraw_population = true;
  InitialPopulations populations(scenario, compiled, 11);
  populations.cover(6);
  const Population own = synthesize_population(scenario, compiled, 11);
  EXPECT_EQ(populations.of(0).birth_month, own.birth_month);
  EXPECT_EQ(populations.of(1).state, own.state);
  EXPECT_EQ(&populations.of(2), &populations.of(3));
  EXPECT_NE(&populations.of(1), &populations.of(2));
  // Another draw is another population from the same figures: same size, other persons.
  EXPECT_EQ(populations.of(2).persons(), own.persons());
  EXPECT_NE(populations.of(2).birth_month, own.birth_month);
  EXPECT_NE(populations.of(4).birth_month, populations.of(2).birth_month);
  // A draw is the same however many replicates the run grows to.
  InitialPopulations larger(scenario, compiled, 11);
  larger.cover(10);
  EXPECT_EQ(larger.of(4).birth_month, populations.of(4).birth_month);
  EXPECT_THROW(populations.of(6), std::logic_error);  // never synthesized: not silently reused
}

TEST_F(UncertaintySources, WithoutRedrawingEveryReplicateStartsFromTheOnePopulation) {
  InitialPopulations populations(scenario, compiled, 11);
  populations.cover(8);
  EXPECT_EQ(&populations.of(0), &populations.of(7));
}

TEST_F(UncertaintySources, UnitCostsAreDrawnWithinTheirRangesAndRefusionSharesNever) {
  EXPECT_TRUE(draw_unit_costs(scenario, {11, 0}).empty());  // the scenario keeps its values
  scenario.draw_unit_costs = true;
  const std::vector<int> drawn = drawn_unit_costs(scenario);
  ASSERT_FALSE(drawn.empty());
  for (const ParameterUse& use : scenario.parameter_uses) {
    const bool is_drawn = std::find(drawn.begin(), drawn.end(), use.parameter) != drawn.end();
    if (use.kind == ParameterUse::Kind::kRefusionShare || use.is_dynamics()) {
      EXPECT_FALSE(is_drawn);
    }
  }
  const UnitCostDraws first = draw_unit_costs(scenario, {11, 0});
  // Those drawn on their own come first, then those that scale with one of them.
  ASSERT_GT(first.size(), drawn.size());
  for (size_t i = 0; i < drawn.size(); ++i) {
    const auto& [p, value] = first[i];
    EXPECT_EQ(p, drawn[i]);
    const Parameter& parameter = scenario.parameters[static_cast<size_t>(p)];
    EXPECT_GE(value, parameter.low) << parameter.id;
    EXPECT_LE(value, parameter.high) << parameter.id;
  }
  EXPECT_EQ(draw_unit_costs(scenario, {11, 0}), first);  // keyed: the same again
  EXPECT_NE(draw_unit_costs(scenario, {11, 1}), first);  // another replicate draws anew
}

TEST_F(UncertaintySources, ACostsDrawsAverageItsTriangularMean) {
  scenario.draw_unit_costs = true;
  const int p = drawn_unit_costs(scenario).front();
  const Parameter& parameter = scenario.parameters[static_cast<size_t>(p)];
  double total = 0;
  const int replicates = 20000;
  for (int r = 0; r < replicates; ++r)
    for (const auto& [q, value] : draw_unit_costs(scenario, {3, static_cast<uint32_t>(r)}))
      if (q == p) total += value;
  const double mean = (parameter.low + parameter.value + parameter.high) / 3;
  // Standard deviation of a triangular distribution over its range, at most range / sqrt(24).
  const double se = (parameter.high - parameter.low) / std::sqrt(24.0 * replicates);
  EXPECT_NEAR(total / replicates, mean, 4 * se) << parameter.id;
}

TEST_F(UncertaintySources, AHeldCostKeepsTheScenariosValueWhileTheOthersTakeTheDraw) {
  scenario.draw_unit_costs = true;
  const UnitCostDraws draws = draw_unit_costs(scenario, {11, 0});
  ASSERT_GE(draws.size(), 2u);
  const int held = draws[0].first;
  const Scenario costed = with_unit_costs(scenario, draws, held);
  // Read each back through the register: every proposal figure and state cost line it names.
  const auto value_in = [&](const Scenario& s, int p) -> double {
    for (const ParameterUse& use : s.parameter_uses) {
      if (use.parameter != p) continue;
      switch (use.kind) {
        case ParameterUse::Kind::kStateCost:
          return s.modules[static_cast<size_t>(use.owner)]
              .states[static_cast<size_t>(use.item)]
              .costs[static_cast<size_t>(use.detail)]
              .dkk_per_month;
        case ParameterUse::Kind::kProposalFixedCost:
          return s.proposals[static_cast<size_t>(use.owner)].fixed_dkk_per_year;
        case ParameterUse::Kind::kProposalParticipantCost:
          return s.proposals[static_cast<size_t>(use.owner)].dkk_per_participant_month;
        default:
          break;
      }
    }
    return NAN;
  };
  EXPECT_EQ(value_in(costed, held), scenario.parameters[static_cast<size_t>(held)].value);
  EXPECT_EQ(value_in(costed, draws[1].first), draws[1].second);
}

TEST_F(UncertaintySources, FiguresDerivedFromOneEstimateAreDrawnTogether) {
  // The taxes and the net pay of the one assumed wage keep their register ratio in every draw.
  scenario.draw_unit_costs = true;
  const int tax = parameter("jobcentre.employed.cost_municipality");
  const int net_pay = parameter("jobcentre.employed.cost_citizen");
  ASSERT_GE(tax, 0);
  ASSERT_EQ(scenario.parameters[static_cast<size_t>(net_pay)].scales_with, tax);
  const std::vector<int> own = drawn_unit_costs(scenario);
  EXPECT_EQ(std::count(own.begin(), own.end(), net_pay), 0);  // not drawn on its own
  const double ratio = scenario.parameters[static_cast<size_t>(net_pay)].value /
                       scenario.parameters[static_cast<size_t>(tax)].value;
  for (uint32_t r = 0; r < 20; ++r) {
    double municipality = NAN, citizen = NAN;
    for (const auto& [p, value] : draw_unit_costs(scenario, {11, r})) {
      if (p == tax) municipality = value;
      if (p == net_pay) citizen = value;
    }
    EXPECT_DOUBLE_EQ(citizen, municipality * ratio) << "replicate " << r;
  }
}

TEST_F(UncertaintySources, ACostsDrawDoesNotDependOnWhichOthersAreDrawn) {
  scenario.draw_unit_costs = true;
  const UnitCostDraws all = draw_unit_costs(scenario, {11, 4});
  ASSERT_GE(all.size(), 2u);
  // Another cost no longer drawn (its range closed): the first one's draw stays.
  Scenario fewer = scenario;
  Parameter& other = fewer.parameters[static_cast<size_t>(all[1].first)];
  other.low = other.high = other.value;
  const UnitCostDraws some = draw_unit_costs(fewer, {11, 4});
  ASSERT_EQ(some.front().first, all.front().first);
  EXPECT_EQ(some.front().second, all.front().second);
}
