// The synthetic population: IPF margins, households, determinism.
#include "model/engine/population.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "model/engine/ipf.hpp"
#include "model/engine/synthetic_population.hpp"
#include "scenarios/loader/load_scenario.hpp"

using namespace kommunesim;
using namespace kommunesim::model;

TEST(Ipf, FitsBothMargins) {
  Eigen::MatrixXd seed(3, 2);
  seed << 1, 2, 3, 1, 1, 1;
  Eigen::VectorXd rows(3), cols(2);
  rows << 100, 200, 300;
  cols << 250, 350;
  const IpfResult r = fit_two_margins(seed, rows, cols);
  EXPECT_LT(r.max_margin_error, 1e-6);
  EXPECT_NEAR(r.table.row(1).sum(), 200, 1e-6);
  EXPECT_NEAR(r.table.col(1).sum(), 350, 1e-6);
  // IPF keeps the seed's odds ratios.
  EXPECT_NEAR(r.table(0, 0) * r.table(1, 1) / (r.table(0, 1) * r.table(1, 0)),
              (1.0 * 1) / (2.0 * 3), 1e-9);
}

class SyntheticPopulation : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = scenarios::load_scenario(KOMMUNESIM_TEST_SCENARIO);
    ASSERT_TRUE(loaded.loaded);
    scenario = loaded.loaded->scenario;
    compiled = compile(scenario);
  }
  Scenario scenario;
  CompiledModel compiled;
};

TEST_F(SyntheticPopulation, MatchesTheAgeStructureAndIsDeterministic) {
  const Population a = synthesize_population(scenario, compiled, 11);
  const Population b = synthesize_population(scenario, compiled, 11);
  ASSERT_EQ(a.persons(), static_cast<size_t>(scenario.population.persons));
  EXPECT_EQ(a.birth_month, b.birth_month);
  EXPECT_EQ(a.household, b.household);
  EXPECT_EQ(a.state, b.state);
  // Persons per age band equal the scaled figures (rounded).
  const auto& spec = scenario.population;
  std::vector<int> per_band(spec.age_band_persons.size(), 0);
  int female = 0;
  for (size_t p = 0; p < a.persons(); ++p) {
    const int age_years = -a.birth_month[p] / 12;
    size_t band = 0;
    while (band + 1 < spec.age_band_from_years.size() &&
           age_years >= spec.age_band_from_years[band + 1])
      ++band;
    ++per_band[band];
    female += (a.flags[p] & kFemale) ? 1 : 0;
  }
  for (size_t band = 0; band < per_band.size(); ++band)
    EXPECT_NEAR(per_band[band], spec.age_band_persons[band], 1.0);
  EXPECT_NEAR(female, spec.female_share * spec.persons, 1.0);
}

TEST_F(SyntheticPopulation, ChildrenLiveWithAParentOldEnoughToBeTheirs) {
  const Population pop = synthesize_population(scenario, compiled, 11);
  int children = 0, with_adult = 0;
  for (size_t h = 0; h < pop.households(); ++h) {
    int oldest_child = -1, adults = 0, youngest_adult = 1000;
    pop.for_each_member(h, [&](uint32_t q) {
      const int age = -pop.birth_month[q] / 12;
      if (age < 18) {
        ++children;
        oldest_child = std::max(oldest_child, age);
      } else {
        ++adults;
        youngest_adult = std::min(youngest_adult, age);
      }
    });
    if (oldest_child >= 0 && adults > 0) {
      with_adult += 1;
      EXPECT_GE(youngest_adult - oldest_child,
                scenario.population.parent_age_at_oldest_child_min - 3);
    }
  }
  EXPECT_GT(children, 0);
  EXPECT_GT(with_adult, 0);
}

TEST_F(SyntheticPopulation, InitialStateSharesFollowThePopulationFile) {
  const Population pop = synthesize_population(scenario, compiled, 11);
  // Children's module: 0.9 % placed (the initial share) among 0-17-year-olds.
  int children = 0, placed = 0;
  for (size_t p = 0; p < pop.persons(); ++p) {
    if (-pop.birth_month[p] >= 18 * 12) continue;
    ++children;
    placed += pop.state_in(p, 1) == 2 ? 1 : 0;
  }
  EXPECT_NEAR(placed / double(children), 0.009, 4 * std::sqrt(0.009 * 0.991 / children));
}

// A branch of the shared-baseline path drops the households that rejoined the baseline's path:
// the others keep their members, their order and their keys (household_ids).
TEST(PopulationPart, DropsHouseholdsWithoutMembersAndKeepsTheOthersKeys) {
  Population part;
  part.index_sorted(0);
  for (uint32_t h = 0; h < 4; ++h) {
    part.add_person(h, -100, false);
    part.add_person(h, -200, true);
  }
  part.household_ids = {17, 3, 42, 8};
  part.index_added(4);
  for (uint32_t p : {2u, 3u, 6u}) part.flags[p] = static_cast<uint8_t>(part.flags[p] & ~kAlive);
  part.compact();
  ASSERT_EQ(part.households(), 4u);  // compaction alone keeps every household
  part.drop_empty_households();
  ASSERT_EQ(part.households(), 3u);
  EXPECT_EQ(part.household_ids, (std::vector<uint32_t>{17, 42, 8}));
  std::vector<std::vector<uint32_t>> members(3);
  for (size_t h = 0; h < 3; ++h)
    part.for_each_member(h, [&](uint32_t p) { members[h].push_back(part.id[p]); });
  EXPECT_EQ(members, (std::vector<std::vector<uint32_t>>{{0, 1}, {4, 5}, {7}}));
}
