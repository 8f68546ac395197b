// Where the conclusion flips: pairs of normative sets under which an arm's verdict (net gain or
// net cost, each resolved) or the resolved top-ranked arm differs, with the parameters in which the
// sets differ.
#pragma once

#include <string>
#include <vector>

#include "model/appraisal/analysis.hpp"

namespace kommunesim::appraisal {

struct FlipRow {
  int arm = 0;
  int norm_a = 0;
  int norm_b = 0;
  // Net gain under one set, net cost under the other (both resolved: verdict.hpp).
  bool sign_differs = false;
  // The top-ranked arm differs between the sets, and both sets' top ranks are resolved.
  bool top_differs = false;
  std::vector<std::string> differing;  // parameters (and perspective) in which the sets differ
};

// Every pair of normative sets, per arm, under which the sign or the top-ranked arm differs.
std::vector<FlipRow> flips(const Scenario& scenario, const Analysis& analysis);

}  // namespace kommunesim::appraisal
