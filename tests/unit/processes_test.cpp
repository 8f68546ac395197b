// Handing out a round's simulations to the processes: the costliest first, every one once.
#include "model/engine/processes.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace kommunesim::model::processes;

TEST(Dealing, TheCostliestSimulationsAreHandedOutFirstAndEachOnce) {
  const std::vector<double> cost = {1, 5, 3, 5, 2};
  const std::vector<size_t> order =
      detail::dealing_order(cost.size(), [&](size_t i) { return cost[i]; });
  EXPECT_EQ(order, (std::vector<size_t>{1, 3, 2, 4, 0}));  // ties in index order
  EXPECT_EQ(detail::dealing_order(3, {}), (std::vector<size_t>{0, 1, 2}));
  // One process (no mpirun) takes them all, a chunk at a time, until none is left.
  detail::Dealer dealer(order);
  EXPECT_EQ(dealer.next(2), (std::vector<size_t>{1, 3}));
  EXPECT_EQ(dealer.next(2), (std::vector<size_t>{2, 4}));
  EXPECT_EQ(dealer.next(2), (std::vector<size_t>{0}));
  EXPECT_TRUE(dealer.next(2).empty());
  EXPECT_EQ(detail::owners_of(3, {0, 1, 2}), (std::vector<int>{0, 0, 0}));
}
