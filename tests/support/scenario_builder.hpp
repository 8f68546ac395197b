// Small scenarios built in code for unit tests: one department, modules and transitions given
// directly as probabilities, no demography unless asked for.
#pragma once

#include <string>
#include <vector>

#include "model/engine/module_tables.hpp"
#include "model/engine/population.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::test_support {

struct TransitionSpec {
  int from;
  int to;
  double probability;
};

// A module "m<index>" over ages [min_age, max_age) years with the given states and transitions.
model::Module make_module(std::vector<std::string> states, std::vector<TransitionSpec> transitions,
                          int min_age = 0, int max_age = 120);

// A scenario with one department, no demography, the given modules, and a baseline arm.
model::Scenario make_scenario(std::vector<model::Module> modules, int horizon_years = 1);

// Two centres (departments "dept" and "dept2"), each with one module of states "none" and
// "case", the latter a case of its centre (State::is_case); `first` are the first module's
// transitions.
model::Scenario make_two_centres(std::vector<TransitionSpec> first = {});

// `n` single-person households, all of age `age_years`, in `state` of every module.
model::Population make_cohort(const model::Scenario& scenario, int n, int age_years, uint8_t state);

}  // namespace kommunesim::test_support
