// The cross-silo picture: how many citizens and families are known to which combination of
// centres, per arm and year, and what they cost the municipality and each centre. A centre
// knows a person in a month when one of its modules has the person in a case state
// (State::is_case). Municipalities may not link their registers person by person across
// departments; the simulated population holds every person's joint state, so the picture needs
// no linkage.
#pragma once

#include <bit>
#include <vector>

#include "model/engine/module_tables.hpp"
#include "model/engine/run_plan.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

using namespace kommunesim::model;  // the appraisal reads the engine's types

// Per department: the municipality's spending in the modules' states, net of the state's
// refusion: service and income transfers (not financing, and not the proposals' own costs).
// Over the combinations it adds up to the modules' spending.
struct CrossSiloRow {
  int arm = 0;
  int year = 0;          // index from the base year
  unsigned centres = 0;  // mask over CompiledModel::case_departments (0: known to none)
  // Persons known to exactly these centres: full-year persons (helårspersoner, person-months /
  // 12), and the spending on them.
  double persons = 0;
  std::vector<Dkk> cost;
  // Households (families) whose members together are known to exactly these centres: full-year
  // households, their members (full-year persons), and the spending on the members.
  double households = 0;
  double members = 0;
  std::vector<Dkk> household_cost;
  // The number of centres in the combination.
  int centre_count() const { return std::popcount(centres); }
};

// Per arm, year and combination of centres that a person or household was known to (the
// combination 0, known to none, included, so that each arm-year's persons, and the households'
// members, add up to its population), the combinations of most
// centres first: means over the replicates that tallied it (RunPlan::cross_silo_replicates) of
// the first dynamics group, at each replicate's unit costs; none when no replicate tallied it.
std::vector<CrossSiloRow> cross_silo_picture(const Scenario& scenario,
                                             const CompiledModel& compiled, const RunPlan& plan,
                                             const RunResults& results);

}  // namespace kommunesim::appraisal
