// The initial population each replicate starts from: the scenario's one synthetic population for
// every replicate, or, when the scenario redraws it, a fresh one for every pair of replicates.
#pragma once

#include <cstdint>
#include <vector>

#include "model/engine/module_tables.hpp"
#include "model/engine/population.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::model {

// Replicates that share one population draw when the scenario redraws it: two, so that the
// variance between populations can be told from the variance within one (one-way analysis of
// variance over the pairs).
constexpr int kReplicatesPerPopulation = 2;

class InitialPopulations {
 public:
  // The populations of a run of `scenario` with `seed`; the first draw is synthesized now.
  InitialPopulations(const Scenario& scenario, const CompiledModel& compiled, uint32_t seed);

  // Synthesizes the populations that replicates [0, replicates) start from. Call before running
  // them: of() only reads.
  void cover(int replicates);
  const Population& of(int replicate) const;
  // The draw replicate `replicate` starts from.
  int draw_of(int replicate) const {
    return replicates_per_draw_ > 0 ? replicate / replicates_per_draw_ : 0;
  }
  const Population& first() const { return draws_.front(); }

 private:
  const Scenario* scenario_ = nullptr;
  const CompiledModel* compiled_ = nullptr;
  uint32_t seed_ = 0;
  int replicates_per_draw_ = 0;  // 0: one population for all
  std::vector<Population> draws_;
};

}  // namespace kommunesim::model
