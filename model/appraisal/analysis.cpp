// Paired differences, net present values, ranks per normative set, and mean net values.
#include "model/appraisal/analysis.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>

#include "model/appraisal/valuation.hpp"

namespace kommunesim::appraisal {
namespace {

// The change in the whole municipality's net cost, year by year, proposal minus baseline.
std::vector<double> municipality_cost_changes(const std::vector<YearAccount>& proposal,
                                              const std::vector<YearAccount>& baseline,
                                              size_t departments) {
  NormativeSet municipality;
  municipality.perspective[static_cast<size_t>(Payer::kMunicipality)] = true;
  const std::vector<bool> all(departments, true);
  std::vector<double> changes;
  for (size_t y = 0; y < std::min(proposal.size(), baseline.size()); ++y)
    changes.push_back(perspective_cost(proposal[y], municipality, all) -
                      perspective_cost(baseline[y], municipality, all));
  return changes;
}

double sum_of_first(const std::vector<double>& values, size_t n) {
  double total = 0;
  for (size_t i = 0; i < std::min(n, values.size()); ++i) total += values[i];
  return total;
}

}  // namespace

std::vector<std::vector<YearAccount>> account_units(const Scenario& scenario,
                                                    const CompiledModel& compiled,
                                                    const RunPlan& plan,
                                                    const RunResults& results) {
  std::vector<std::vector<YearAccount>> accounts(plan.units.size());
  tbb::parallel_for(size_t{0}, plan.units.size(), [&](size_t u) {
    const RunUnit& unit = plan.units[u];
    const auto& tallies =
        results.tallies[unit.same_as >= 0 ? static_cast<size_t>(unit.same_as) : u];
    accounts[u] =
        account_years(scenario, compiled, scenario.arms[static_cast<size_t>(unit.arm)], tallies);
  });
  return accounts;
}

Analysis analyse(const Scenario& scenario, const CompiledModel& compiled, const RunPlan& plan,
                 const RunResults& results) {
  Analysis out;
  const size_t arms = scenario.arms.size();
  const size_t departments = scenario.departments.size();
  out.accounts = account_units(scenario, compiled, plan, results);
  out.differences.resize(out.accounts.size());
  for (size_t u = 0; u < plan.units.size(); ++u) {
    const RunUnit& unit = plan.units[u];
    if (unit.arm == 0) continue;
    const auto& prop = out.accounts[u];
    const auto& base = out.accounts[plan.unit_index(unit.dynamics_group, unit.replicate, 0, arms)];
    for (size_t y = 0; y < std::min(prop.size(), base.size()); ++y)
      out.differences[u].push_back(difference(prop[y], base[y]));
  }
  out.npv.resize(scenario.norms.size());
  for (size_t n = 0; n < scenario.norms.size(); ++n) {
    const NormativeSet& norm = scenario.norms[n];
    const int group = plan.norm_group[n];
    out.npv[n].resize(arms);
    std::vector<ArmNormSummary> rows;
    for (size_t a = 1; a < arms; ++a) {
      ArmNormSummary row;
      const std::vector<bool> counted = counted_departments(scenario, scenario.arms[a], norm);
      row.arm = static_cast<int>(a);
      row.norm = static_cast<int>(n);
      std::vector<double> year1, budget_period, horizon;
      std::vector<std::vector<double>> measures(scenario.measures.size());
      for (int r = 0; r < plan.replicates; ++r) {
        const auto& base = out.accounts[plan.unit_index(group, r, 0, arms)];
        const auto& prop = out.accounts[plan.unit_index(group, r, static_cast<int>(a), arms)];
        out.npv[n][a].push_back(net_present_value(prop, base, norm, counted));
        const std::vector<double> changes = municipality_cost_changes(prop, base, departments);
        year1.push_back(sum_of_first(changes, 1));
        budget_period.push_back(sum_of_first(changes, kBudgetPeriodYears));
        horizon.push_back(sum_of_first(changes, static_cast<size_t>(norm.horizon_years)));
        const size_t years =
            std::min({prop.size(), base.size(), static_cast<size_t>(norm.horizon_years)});
        std::vector<double> measure_total(scenario.measures.size(), 0.0);
        for (size_t y = 0; y < years; ++y)
          for (size_t m = 0; m < measure_total.size(); ++m)
            measure_total[m] += prop[y].measures[m] - base[y].measures[m];
        for (size_t m = 0; m < measure_total.size(); ++m) measures[m].push_back(measure_total[m]);
      }
      row.net_value = summarize(out.npv[n][a]);
      row.municipality_cost_year1 = summarize(year1);
      row.municipality_cost_budget_period = summarize(budget_period);
      row.municipality_cost_horizon = summarize(horizon);
      for (auto& m : measures) row.measure_change.push_back(summarize(m));
      rows.push_back(row);
    }
    std::vector<size_t> order(rows.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return rows[x].net_value.mean > rows[y].net_value.mean;
    });
    for (size_t i = 0; i < order.size(); ++i) rows[order[i]].rank = static_cast<int>(i) + 1;
    out.summaries.insert(out.summaries.end(), rows.begin(), rows.end());
  }
  return out;
}

YearAccount difference(const YearAccount& proposal, const YearAccount& baseline) {
  YearAccount d = proposal;
  for (size_t i = 0; i < d.dkk.size(); ++i) d.dkk[i] -= baseline.dkk[i];
  for (size_t m = 0; m < d.measures.size(); ++m) d.measures[m] -= baseline.measures[m];
  for (size_t i = 0; i < d.citizen_by_group.size(); ++i)
    d.citizen_by_group[i] -= baseline.citizen_by_group[i];
  return d;
}

double mean_net_value(const Scenario& scenario, int arm, const NormativeSet& valuation,
                      int replicates, const AccountsOf& proposal_accounts,
                      const AccountsOf& baseline_accounts) {
  const std::vector<bool> counted =
      counted_departments(scenario, scenario.arms[static_cast<size_t>(arm)], valuation);
  double total = 0;
  for (int r = 0; r < replicates; ++r)
    total += net_present_value(proposal_accounts(r), baseline_accounts(r), valuation, counted);
  return total / replicates;
}

double mean_net_value(const Scenario& scenario, const RunPlan& plan, const Analysis& analysis,
                      int arm, int group, const NormativeSet& valuation) {
  const size_t arms = scenario.arms.size();
  return mean_net_value(
      scenario, arm, valuation, plan.replicates,
      [&](int r) -> const std::vector<YearAccount>& {
        return analysis.accounts[plan.unit_index(group, r, arm, arms)];
      },
      [&](int r) -> const std::vector<YearAccount>& {
        return analysis.accounts[plan.unit_index(group, r, 0, arms)];
      });
}

}  // namespace kommunesim::appraisal
