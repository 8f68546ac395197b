// Test scenario builder.
#include "support/scenario_builder.hpp"

#include <algorithm>
#include <utility>

namespace kommunesim::test_support {

model::Module make_module(std::vector<std::string> states, std::vector<TransitionSpec> transitions,
                          int min_age, int max_age) {
  model::Module m;
  m.id = "m";
  m.title = "test module";
  m.min_age_months = min_age * 12;
  m.max_age_months = max_age * 12;
  for (auto& s : states) m.states.push_back({s, s, {}, {}, -1, {}});
  std::stable_sort(transitions.begin(), transitions.end(),
                   [](const auto& a, const auto& b) { return a.from < b.from; });
  for (const auto& t : transitions) {
    model::Transition tr;
    tr.from = static_cast<uint8_t>(t.from);
    tr.to = static_cast<uint8_t>(t.to);
    tr.hazard.age_from_months = {0};
    tr.hazard.duration_from = {0};
    tr.hazard.values = {model::hazard_from_probability(t.probability)};
    m.transitions.push_back(tr);
  }
  m.first_transition.assign(m.states.size() + 1, 0);
  for (const auto& tr : m.transitions) ++m.first_transition[tr.from + 1u];
  for (size_t s = 0; s < m.states.size(); ++s) m.first_transition[s + 1] += m.first_transition[s];
  m.entry.shares.assign(m.states.size(), 0.0);
  m.entry.shares[0] = 1.0;
  return m;
}

model::Scenario make_scenario(std::vector<model::Module> modules, int horizon_years) {
  model::Scenario s;
  s.name = "test";
  s.horizon_years = horizon_years;
  s.departments.push_back({"dept", "Department"});
  s.modules = std::move(modules);
  s.arms.push_back({"baseline", "Baseline", {}});
  model::NormativeSet norm;
  norm.id = "n";
  norm.perspective[0] = true;
  norm.discount = {{0, 0.0}};
  norm.horizon_years = horizon_years;
  s.norms.push_back(norm);
  return s;
}

model::Scenario make_two_centres(std::vector<TransitionSpec> first) {
  model::Module one = make_module({"none", "case"}, std::move(first));
  model::Module two = make_module({"none", "case"}, {});
  one.states[1].is_case = two.states[1].is_case = true;
  two.id = "m2";
  two.department = 1;
  model::Scenario s = make_scenario({one, two});
  s.departments.push_back({"dept2", "Second department"});
  return s;
}

model::Population make_cohort(const model::Scenario& scenario, int n, int age_years,
                              uint8_t state) {
  model::Population pop;
  pop.clock_count = model::compile(scenario).clock_count();
  for (int i = 0; i < n; ++i) {
    const uint32_t p = pop.add_person(static_cast<uint32_t>(i), -age_years * 12, i % 2 == 0);
    for (size_t m = 0; m < scenario.modules.size(); ++m) pop.state_in(p, m) = state;
  }
  pop.index_sorted(static_cast<size_t>(n));
  return pop;
}

}  // namespace kommunesim::test_support
