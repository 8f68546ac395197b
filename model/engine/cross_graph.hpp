// The cross-department graph: which module's states affect which module's transitions. Used to
// validate a scenario (feedback loops must be acknowledged), to list the departments a proposal
// can reach, and to draw flows in the output.
#pragma once

#include <string>
#include <vector>

#include "model/engine/scenario.hpp"

namespace kommunesim::model {

struct GraphEdge {
  int from_module = 0;    // the module whose state (or history flag) is read
  int to_module = 0;      // the module whose transitions or entry read it
  std::string kind;       // "self", "household", "history", "entry"
  bool feedback = false;  // declared as an acknowledged feedback loop
};

std::vector<GraphEdge> dependency_edges(const Scenario& scenario);

// Groups of modules that read each other's current states in a cycle of edges not marked
// feedback. History flags and entry rules read the past and never close a cycle.
std::vector<std::vector<int>> unacknowledged_cycles(const Scenario& scenario);

// Departments whose modules a proposal can affect: its own, its target's and effects' modules,
// and every module downstream of those in the graph. Sorted department indices.
std::vector<int> reachable_departments(const Scenario& scenario, const Proposal& proposal);

}  // namespace kommunesim::model
