// The cross-department graph: edges from modifiers, cycles, reach of proposals.
#include "model/engine/cross_graph.hpp"

#include <gtest/gtest.h>

#include "scenarios/loader/load_scenario.hpp"

using namespace kommunesim;
using namespace kommunesim::model;

TEST(CrossGraph, BundledScenarioHasEdgesInBothDirectionsButNoCurrentStateCycle) {
  auto loaded = scenarios::load_scenario(KOMMUNESIM_TEST_SCENARIO);
  ASSERT_TRUE(loaded.loaded);
  const Scenario& s = loaded.loaded->scenario;
  const auto edges = dependency_edges(s);
  bool jobs_to_children = false, children_to_jobs = false;
  for (const auto& e : edges) {
    jobs_to_children |= e.from_module == 0 && e.to_module == 1 && e.kind == "household";
    children_to_jobs |= e.from_module == 1 && e.to_module == 0 && e.kind == "entry";
  }
  EXPECT_TRUE(jobs_to_children);
  EXPECT_TRUE(children_to_jobs);
  EXPECT_TRUE(unacknowledged_cycles(s).empty());
}

TEST(CrossGraph, AJobcentreProposalReachesChildrensServices) {
  auto loaded = scenarios::load_scenario(KOMMUNESIM_TEST_SCENARIO);
  ASSERT_TRUE(loaded.loaded);
  const Scenario& s = loaded.loaded->scenario;
  const auto reach = reachable_departments(s, s.proposals[0]);
  std::vector<std::string> names;
  for (int d : reach) names.push_back(s.departments[static_cast<size_t>(d)].id);
  EXPECT_NE(std::find(names.begin(), names.end(), "jobcentre"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "children_family"), names.end());
}

TEST(CrossGraph, ACurrentStateCycleIsReportedUnlessMarkedFeedback) {
  auto loaded = scenarios::load_scenario(KOMMUNESIM_TEST_SCENARIO);
  ASSERT_TRUE(loaded.loaded);
  Scenario s = loaded.loaded->scenario;
  // Make the jobcentre read the children's module: jobcentre <-> children.
  Modifier m;
  m.condition.kind = Condition::Kind::kSelfIn;
  m.condition.module = 1;
  m.condition.state_mask = 4;
  s.modules[0].transitions[0].modifiers.push_back(m);
  ASSERT_EQ(unacknowledged_cycles(s).size(), 1u);
  s.modules[0].transitions[0].modifiers.back().feedback = true;
  EXPECT_TRUE(unacknowledged_cycles(s).empty());
}
