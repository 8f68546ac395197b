// Citizen flows from the tallies' event counts.
#include "model/appraisal/citizen_flows.hpp"

namespace kommunesim::appraisal {

std::vector<std::vector<CitizenFlow>> citizen_flows(const Scenario& scenario,
                                                    const CompiledModel& compiled,
                                                    const RunPlan& plan,
                                                    const RunResults& results) {
  const size_t arms = scenario.arms.size();
  std::vector<std::vector<CitizenFlow>> out(arms);
  for (size_t a = 0; a < arms; ++a) {
    std::vector<double> events(static_cast<size_t>(compiled.event_slots), 0.0);
    for (int r = 0; r < plan.replicates; ++r)
      for (const auto& year : results.tallies[plan.unit_index(0, r, static_cast<int>(a), arms)])
        for (size_t e = 0; e < events.size(); ++e)
          events[e] += static_cast<double>(year.events[e]) / plan.replicates;
    for (size_t e = 0; e < events.size(); ++e) {
      const int m = compiled.event_module[e];
      const Transition& tr = scenario.modules[static_cast<size_t>(m)]
                                 .transitions[static_cast<size_t>(compiled.event_transition[e])];
      out[a].push_back({m, tr.from, tr.to, events[e]});
    }
  }
  return out;
}

}  // namespace kommunesim::appraisal
