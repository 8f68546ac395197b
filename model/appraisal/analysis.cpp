// Paired differences, net present values, ranks per normative set, and mean net values.
#include "model/appraisal/analysis.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

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

std::vector<Scenario> costed_scenarios(const Scenario& scenario, const RunResults& results,
                                       int replicates, int held) {
  std::vector<Scenario> costed;
  if (!scenario.draw_unit_costs) return costed;
  costed.resize(static_cast<size_t>(replicates));
  tbb::parallel_for(0, replicates, [&](int r) {
    costed[static_cast<size_t>(r)] =
        with_unit_costs(scenario, results.unit_costs[static_cast<size_t>(r)], held);
  });
  return costed;
}

std::vector<std::vector<YearAccount>> account_units(const Scenario& scenario,
                                                    const CompiledModel& compiled,
                                                    const RunPlan& plan, const RunResults& results,
                                                    UnitCosts costs, int held) {
  const std::vector<Scenario> costed =  // per replicate, when its unit costs are drawn
      costs == UnitCosts::kDrawn ? costed_scenarios(scenario, results, plan.replicates, held)
                                 : std::vector<Scenario>{};
  std::vector<std::vector<YearAccount>> accounts(plan.units.size());
  tbb::parallel_for(size_t{0}, plan.units.size(), [&](size_t u) {
    const RunUnit& unit = plan.units[u];
    const auto& tallies =
        results.tallies[unit.same_as >= 0 ? static_cast<size_t>(unit.same_as) : u];
    const Scenario& s = costed.empty() ? scenario : costed[static_cast<size_t>(unit.replicate)];
    accounts[u] = account_years(s, compiled, s.arms[static_cast<size_t>(unit.arm)], tallies);
  });
  return accounts;
}

namespace {

// The summary of one proposal under one set from its replicates' paired accounts; each
// replicate's net present value goes to out.npv[n][a]. `register_costs`: the accounts at the
// register's unit costs when the main ones are drawn (else empty).
ArmNormSummary summarize_arm(const Scenario& scenario, const RunPlan& plan, Analysis& out, size_t a,
                             size_t n,
                             const std::vector<std::vector<YearAccount>>& register_costs) {
  const NormativeSet& norm = scenario.norms[n];
  const int group = plan.norm_group[n];
  const size_t arms = scenario.arms.size();
  const size_t departments = scenario.departments.size();
  const size_t horizon = static_cast<size_t>(norm.horizon_years);
  const std::vector<bool> counted = counted_departments(scenario, scenario.arms[a], norm);
  ArmNormSummary row;
  row.arm = static_cast<int>(a);
  row.norm = static_cast<int>(n);
  std::vector<double> year1, budget_period, over_horizon, programme, money, participants;
  std::vector<std::vector<double>> measures(scenario.measures.size());
  std::vector<double> yearly_net(horizon, 0.0);  // summed over replicates, then their mean
  std::vector<double> npv_at_register_costs;
  int gains = 0;
  for (int r = 0; r < plan.replicates; ++r) {
    const auto& base = out.accounts[plan.unit_index(group, r, 0, arms)];
    const auto& prop = out.accounts[plan.unit_index(group, r, static_cast<int>(a), arms)];
    const std::vector<DiscountedYear> years = discounted_years(prop, base, norm, counted);
    double npv = 0, cost = 0, saving = 0;
    for (size_t y = 0; y < years.size(); ++y) {
      npv += years[y].net_value;
      cost += years[y].programme_cost;
      saving += years[y].saving;
      yearly_net[y] += years[y].net_value;
    }
    gains += npv > 0;
    out.npv[n][a].push_back(npv);
    if (!register_costs.empty())
      npv_at_register_costs.push_back(
          net_present_value(register_costs[plan.unit_index(group, r, static_cast<int>(a), arms)],
                            register_costs[plan.unit_index(group, r, 0, arms)], norm, counted));
    programme.push_back(cost);
    money.push_back(saving);
    const std::vector<double> changes = municipality_cost_changes(prop, base, departments);
    year1.push_back(sum_of_first(changes, 1));
    budget_period.push_back(sum_of_first(changes, kBudgetPeriodYears));
    over_horizon.push_back(sum_of_first(changes, horizon));
    std::vector<double> measure_total(scenario.measures.size(), 0.0);
    double admitted = 0;
    for (size_t y = 0; y < years.size(); ++y) {
      for (size_t m = 0; m < measure_total.size(); ++m)
        measure_total[m] += prop[y].measures[m] - base[y].measures[m];
      admitted += prop[y].admissions;
    }
    for (size_t m = 0; m < measure_total.size(); ++m) measures[m].push_back(measure_total[m]);
    participants.push_back(admitted);
  }
  const int per_cluster = plan.replicates_per_population;
  row.net_value = summarize(out.npv[n][a], per_cluster);
  row.verdict = net_value_verdict(row.net_value, scenario.materiality_dkk);
  row.chance_of_gain = proportion(gains, plan.replicates);
  if (per_cluster > 1)
    row.population_variance_share = between_cluster_share(out.npv[n][a], per_cluster);
  if (!register_costs.empty())
    row.unit_cost_variance_share = added_variance_share(out.npv[n][a], npv_at_register_costs);
  row.municipality_cost_year1 = summarize(year1, per_cluster);
  row.municipality_cost_budget_period = summarize(budget_period, per_cluster);
  row.municipality_cost_horizon = summarize(over_horizon, per_cluster);
  row.programme_cost = summarize(programme, per_cluster);
  row.money_net_value = summarize(money, per_cluster);
  row.participants = summarize(participants, per_cluster);
  if (row.participants.mean > 0)
    row.net_value_per_participant = row.net_value.mean / row.participants.mean;
  row.benefit_cost_ratio = benefit_cost_ratio(row.net_value.mean, row.programme_cost.mean);
  for (auto& m : measures) {
    row.measure_change.push_back(summarize(m, per_cluster));
    row.measure_direction.push_back(change_direction(row.measure_change.back()));
    row.net_cost_per_unit.push_back(row.measure_direction.back() == Change::kNoClearChange
                                        ? NAN
                                        : -row.money_net_value.mean /
                                              row.measure_change.back().mean);
  }
  for (double& y : yearly_net) y /= plan.replicates;
  row.payback_year = payback_year(yearly_net);
  return row;
}

// Ranks under one set: by mean, with the paired gap to the next and the share of replicates at
// each rank.
void rank_arms(const Scenario& scenario, const std::vector<std::vector<double>>& npv,
               const RunPlan& plan, std::vector<ArmNormSummary>& rows) {
  const int replicates = plan.replicates;
  std::vector<size_t> order(rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return rows[x].net_value.mean > rows[y].net_value.mean;
  });
  for (size_t i = 0; i < order.size(); ++i) rows[order[i]].rank = static_cast<int>(i) + 1;
  std::vector<bool> gap_resolved(order.size(), true);  // between rank i+1 and i+2
  for (size_t i = 0; i + 1 < order.size(); ++i) {
    const auto& upper = npv[static_cast<size_t>(rows[order[i]].arm)];
    const auto& lower = npv[static_cast<size_t>(rows[order[i + 1]].arm)];
    std::vector<double> gap;
    for (int r = 0; r < replicates; ++r)
      gap.push_back(upper[static_cast<size_t>(r)] - lower[static_cast<size_t>(r)]);
    rows[order[i]].gap_to_next = summarize(gap, plan.replicates_per_population);
    gap_resolved[i] =
        resolved(net_value_verdict(rows[order[i]].gap_to_next, scenario.materiality_dkk));
  }
  for (size_t i = 0; i < order.size(); ++i)
    rows[order[i]].rank_resolved = gap_resolved[i] && (i == 0 || gap_resolved[i - 1]);
  for (auto& row : rows) row.rank_probability.assign(rows.size(), 0.0);
  for (int r = 0; r < replicates; ++r) {
    std::vector<size_t> by_replicate = order;
    std::stable_sort(by_replicate.begin(), by_replicate.end(), [&](size_t x, size_t y) {
      return npv[static_cast<size_t>(rows[x].arm)][static_cast<size_t>(r)] >
             npv[static_cast<size_t>(rows[y].arm)][static_cast<size_t>(r)];
    });
    for (size_t k = 0; k < by_replicate.size(); ++k)
      rows[by_replicate[k]].rank_probability[k] += 1.0 / replicates;
  }
}

}  // namespace

Analysis analyse(const Scenario& scenario, const CompiledModel& compiled, const RunPlan& plan,
                 const RunResults& results) {
  Analysis out;
  const size_t arms = scenario.arms.size();
  out.accounts = account_units(scenario, compiled, plan, results);
  std::vector<std::vector<YearAccount>> register_costs;  // for the unit costs' variance share
  if (scenario.draw_unit_costs)
    register_costs = account_units(scenario, compiled, plan, results, UnitCosts::kRegister);
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
    out.npv[n].resize(arms);
    std::vector<ArmNormSummary> rows;
    for (size_t a = 1; a < arms; ++a)
      rows.push_back(summarize_arm(scenario, plan, out, a, n, register_costs));
    rank_arms(scenario, out.npv[n], plan, rows);
    out.summaries.insert(out.summaries.end(), rows.begin(), rows.end());
  }
  return out;
}

int payback_year(const std::vector<double>& yearly) {
  int payback = -1;
  double cumulative = 0;
  for (size_t y = 0; y < yearly.size(); ++y) {
    cumulative += yearly[y];
    if (cumulative <= 0)
      payback = -1;
    else if (payback < 0)
      payback = static_cast<int>(y);
  }
  return payback;
}

double benefit_cost_ratio(double net_value, double programme_cost) {
  return programme_cost > 0 ? (net_value + programme_cost) / programme_cost : NAN;
}

Resolution resolution(const Analysis& analysis) {
  Resolution r;
  for (const ArmNormSummary& row : analysis.summaries) {
    ++r.rows;
    r.unresolved_rows += !resolved(row.verdict);
    if (row.rank == 1) {
      ++r.sets;
      r.unresolved_top_ranks += !row.rank_resolved && row.gap_to_next.replicates > 0;
    }
  }
  return r;
}

YearAccount difference(const YearAccount& proposal, const YearAccount& baseline) {
  YearAccount d = proposal;
  for (size_t i = 0; i < d.dkk.size(); ++i) d.dkk[i] -= baseline.dkk[i];
  for (size_t m = 0; m < d.measures.size(); ++m) d.measures[m] -= baseline.measures[m];
  for (size_t i = 0; i < d.citizen_by_group.size(); ++i)
    d.citizen_by_group[i] -= baseline.citizen_by_group[i];
  for (size_t i = 0; i < d.municipal_by_type.size(); ++i)
    d.municipal_by_type[i] -= baseline.municipal_by_type[i];
  d.programme_cost -= baseline.programme_cost;
  d.admissions -= baseline.admissions;
  return d;
}

std::vector<std::pair<int, int>> years_and_budget_period(int years) {
  std::vector<std::pair<int, int>> periods;
  for (int y = 0; y < years; ++y) periods.push_back({y, 1});
  if (years >= kBudgetPeriodYears) periods.push_back({0, kBudgetPeriodYears});
  return periods;
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
