// Fill rates of the proposals' places.
#include "model/appraisal/capacity_use.hpp"

#include <algorithm>
#include <cmath>

namespace kommunesim::appraisal {

std::vector<CapacityUse> capacity_use(const Scenario& scenario, const RunPlan& plan,
                                      const RunResults& results) {
  std::vector<CapacityUse> rows;
  const size_t arms = scenario.arms.size();
  for (size_t a = 1; a < arms; ++a) {
    const Arm& arm = scenario.arms[a];
    if (arm.proposals.size() != 1) continue;  // a package's proposals are read alone
    const int p = arm.proposals.front();
    const Proposal& proposal = scenario.proposals[static_cast<size_t>(p)];
    if (proposal.capacity <= 0) continue;
    const size_t years = results.tallies[plan.unit_index(0, 0, static_cast<int>(a), arms)].size();
    for (size_t y = 0; y < years; ++y) {
      CapacityUse row;
      row.proposal = p;
      row.year = static_cast<int>(y);
      const int first_month = static_cast<int>(y) * kMonthsPerYear;
      const int running =
          std::clamp(first_month + kMonthsPerYear - proposal.start_month, 0, kMonthsPerYear);
      for (int r = 0; r < plan.replicates; ++r) {
        const Tally& t = results.tallies[plan.unit_index(0, r, static_cast<int>(a), arms)][y];
        row.participant_months += static_cast<double>(t.participant_months[0]);
        row.admissions += static_cast<double>(t.admissions[0]);
      }
      row.participant_months /= plan.replicates;
      row.admissions /= plan.replicates;
      const double place_months = static_cast<double>(proposal.capacity) * running;
      row.places = place_months / kMonthsPerYear;
      row.fill_rate = place_months > 0 ? row.participant_months / place_months : NAN;
      rows.push_back(row);
    }
  }
  return rows;
}

}  // namespace kommunesim::appraisal
