// Where the conclusion flips: pairs of normative sets under which an arm's sign (net gain or net
// cost) or the top-ranked arm differs, with the parameters in which the sets differ.
#pragma once

#include <string>
#include <vector>

#include "model/appraisal/analysis.hpp"

namespace kommunesim::appraisal {

struct FlipRow {
  int arm = 0;
  int norm_a = 0;
  int norm_b = 0;
  bool sign_differs = false;           // net gain under one set, net cost under the other
  bool top_differs = false;            // the top-ranked arm differs between the sets
  std::vector<std::string> differing;  // parameters (and perspective) in which the sets differ
};

// Every pair of normative sets, per arm, under which the sign or the top-ranked arm differs.
std::vector<FlipRow> flips(const Scenario& scenario, const Analysis& analysis);

}  // namespace kommunesim::appraisal
