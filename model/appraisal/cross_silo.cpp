// The cross-silo picture from the tallies' counts by case mask.
#include "model/appraisal/cross_silo.hpp"

#include <algorithm>
#include <bit>
#include <numeric>

#include "model/appraisal/analysis.hpp"
#include "model/engine/accounting.hpp"

namespace kommunesim::appraisal {
namespace {

// The municipality's net spending on one person-month in each tally slot, per department:
// [slot * departments + department].
std::vector<Dkk> slot_spending(const Scenario& scenario, const CompiledModel& compiled) {
  const size_t departments = scenario.departments.size();
  std::vector<Dkk> costs(compiled.slots.size() * departments, 0.0);
  for (size_t slot = 0; slot < compiled.slots.size(); ++slot) {
    const SlotInfo& info = compiled.slots[slot];
    const State& state =
        scenario.modules[static_cast<size_t>(info.module)].states[static_cast<size_t>(info.state)];
    for (const CostLine& line : state.costs)
      if (line.applies(info.variant) && is_municipal_spending(line))
        costs[slot * departments + static_cast<size_t>(line.department)] +=
            line.dkk_per_month * (1 - refunded_share(line, info));
  }
  return costs;
}

}  // namespace

std::vector<CrossSiloRow> cross_silo_picture(const Scenario& scenario,
                                             const CompiledModel& compiled, const RunPlan& plan,
                                             const RunResults& results) {
  const size_t arms = scenario.arms.size(), departments = scenario.departments.size();
  const size_t masks = compiled.case_masks();
  const size_t slots = compiled.slots.size();
  const int replicates = std::min(plan.replicates, plan.cross_silo_replicates);
  if (replicates == 0) return {};
  const double per_replicate = 1.0 / replicates;
  const std::vector<Scenario> costed = costed_scenarios(scenario, results, replicates, -1);
  std::vector<std::vector<Dkk>> slot_costs;  // per replicate, or one for all
  for (const Scenario& s : costed) slot_costs.push_back(slot_spending(s, compiled));
  if (slot_costs.empty()) slot_costs.push_back(slot_spending(scenario, compiled));
  // The combinations in the order the rows list them: most centres first.
  std::vector<size_t> order(masks);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [](size_t a, size_t b) { return std::popcount(a) > std::popcount(b); });

  const auto years_of = [&](uint64_t months) {
    return static_cast<double>(months) / kMonthsPerYear * per_replicate;
  };
  // Adds a replicate's spending in the slots of `mask` (person-months by slot `by_slot`).
  const auto add_spending = [&](const std::vector<uint64_t>& by_slot, size_t mask,
                                const std::vector<Dkk>& prices, std::vector<Dkk>& into) {
    into.resize(departments, 0.0);
    for (size_t slot = 0; slot < slots; ++slot) {
      const auto months = static_cast<double>(by_slot[mask * slots + slot]);
      if (months == 0) continue;
      for (size_t d = 0; d < departments; ++d)
        into[d] += months * prices[slot * departments + d] * per_replicate;
    }
  };

  std::vector<CrossSiloRow> rows;
  for (size_t a = 0; a < arms; ++a) {
    const size_t years = results.tallies[plan.unit_index(0, 0, static_cast<int>(a), arms)].size();
    for (size_t y = 0; y < years; ++y) {
      std::vector<CrossSiloRow> by_mask(masks);
      for (int r = 0; r < replicates; ++r) {
        const size_t u = plan.unit_index(0, r, static_cast<int>(a), arms);
        const RunUnit& unit = plan.units[u];
        const Tally& t =
            results.tallies[unit.same_as >= 0 ? static_cast<size_t>(unit.same_as) : u][y];
        const std::vector<Dkk>& prices =
            slot_costs[std::min(slot_costs.size() - 1, static_cast<size_t>(r))];
        for (size_t mask = 0; mask < masks; ++mask) {
          CrossSiloRow& row = by_mask[mask];
          row.persons += years_of(t.known_person_months[mask]);
          add_spending(t.known_state_months, mask, prices, row.cost);
          row.households += years_of(t.known_household_months[mask]);
          row.members += years_of(t.known_member_months[mask]);
          add_spending(t.known_household_state_months, mask, prices, row.household_cost);
        }
      }
      for (const size_t mask : order) {
        CrossSiloRow& row = by_mask[mask];
        if (row.persons == 0 && row.households == 0) continue;
        row.arm = static_cast<int>(a);
        row.year = static_cast<int>(y);
        row.centres = static_cast<unsigned>(mask);
        rows.push_back(std::move(row));
      }
    }
  }
  return rows;
}

}  // namespace kommunesim::appraisal
