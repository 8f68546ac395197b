// How full each proposal's places are: participant-months against places x months running, per
// year, in the arm of the proposal alone (first dynamics group, mean over replicates). A low fill
// rate means a fixed cost paid for empty places, e.g. a programme on a fixed target group that
// runs dry when persons may take part only once.
#pragma once

#include <vector>

#include "model/engine/run_plan.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

using namespace kommunesim::model;  // the appraisal reads the engine's types

// A fill rate below this is reported as low: fewer than half of the places paid for are used.
constexpr double kLowFillRate = 0.5;

struct CapacityUse {
  int proposal = 0;
  int year = 0;                   // year index
  double places = 0;              // capacity x months running / 12 (place-years)
  double participant_months = 0;  // mean over replicates
  double admissions = 0;          // mean over replicates
  double fill_rate = 0;           // participant-months / (capacity x months running); NaN if 0
};

// Per proposal with a capacity, per year of the plan.
std::vector<CapacityUse> capacity_use(const Scenario& scenario, const RunPlan& plan,
                                      const RunResults& results);

}  // namespace kommunesim::appraisal
