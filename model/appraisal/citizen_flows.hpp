// Citizen flows: how many persons move along each transition of each module, per arm, summed
// over the horizon and averaged over replicates (first dynamics group).
#pragma once

#include <vector>

#include "model/engine/module_tables.hpp"
#include "model/engine/run_plan.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

using namespace kommunesim::model;  // the appraisal reads the engine's types

struct CitizenFlow {
  int module = 0;
  int from_state = 0;
  int to_state = 0;
  double events = 0;  // transitions over the horizon, mean over replicates
};

// Per arm (0 is the baseline), one flow per transition of every module, in event-slot order.
std::vector<std::vector<CitizenFlow>> citizen_flows(const Scenario& scenario,
                                                    const CompiledModel& compiled,
                                                    const RunPlan& plan, const RunResults& results);

}  // namespace kommunesim::appraisal
