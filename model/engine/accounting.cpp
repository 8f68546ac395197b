// Turning a year's tallies into DKK by department and payer.
#include "model/engine/accounting.hpp"

#include <algorithm>

namespace kommunesim::model {

YearAccount account_year(const Scenario& scenario, const CompiledModel& compiled, const Arm& arm,
                         const Tally& tally, int year_index) {
  YearAccount account;
  account.dkk.assign(scenario.departments.size() * kPayerCount, 0.0);
  account.measures.assign(scenario.measures.size(), 0.0);
  const size_t departments = scenario.departments.size();
  account.citizen_by_group.assign(scenario.equity_groups.size() * departments, 0.0);
  account.municipal_by_type.assign(departments * kBudgetTypeCount, 0.0);
  for (size_t slot = 0; slot < compiled.slots.size(); ++slot) {
    const auto months = static_cast<double>(tally.state_months[slot]);
    if (months == 0) continue;
    const SlotInfo& info = compiled.slots[slot];
    const State& state =
        scenario.modules[static_cast<size_t>(info.module)].states[static_cast<size_t>(info.state)];
    for (const CostLine& line : state.costs) {
      if (!line.applies(info.variant)) continue;
      const Dkk amount = months * line.dkk_per_month;
      const double refunded = refunded_share(line, info);
      account.at(line.department, line.payer) += amount * (1 - refunded);
      if (line.payer == Payer::kMunicipality)
        account.municipal(line.department, line.budget_type) += amount * (1 - refunded);
      if (refunded > 0) account.at(line.department, Payer::kState) += amount * refunded;
      if (line.received_by >= 0) account.at(line.department, Payer(line.received_by)) -= amount;
      // The citizen's money, as payer or as receiver of a transfer.
      const double citizen_per_month = line.payer == Payer::kCitizen ? line.dkk_per_month
                                       : line.received_by == static_cast<int>(Payer::kCitizen)
                                           ? -line.dkk_per_month
                                           : 0.0;
      if (citizen_per_month != 0)
        for (size_t g = 0; g < scenario.equity_groups.size(); ++g)
          account.citizen_by_group[g * departments + static_cast<size_t>(line.department)] +=
              static_cast<double>(tally.group_state_months[g * compiled.slots.size() + slot]) *
              citizen_per_month;
    }
    for (const MeasureWeight& w : state.measures)
      account.measures[static_cast<size_t>(w.measure)] += months * w.per_unit;
  }
  for (int e = 0; e < compiled.event_slots; ++e) {
    const auto events = static_cast<double>(tally.events[static_cast<size_t>(e)]);
    if (events == 0) continue;
    const Transition& tr =
        scenario.modules[static_cast<size_t>(compiled.event_module[static_cast<size_t>(e)])]
            .transitions[static_cast<size_t>(compiled.event_transition[static_cast<size_t>(e)])];
    for (const MeasureWeight& w : tr.event_measures)
      account.measures[static_cast<size_t>(w.measure)] += events * w.per_unit;
  }
  // Proposals: fixed yearly cost for each month the proposal runs, cost per participant-month,
  // and an investment (anlæg) once, in the year it starts.
  const int first_month = year_index * kMonthsPerYear;
  for (size_t k = 0; k < arm.proposals.size(); ++k) {
    const Proposal& p = scenario.proposals[static_cast<size_t>(arm.proposals[k])];
    const int running = std::clamp(first_month + kMonthsPerYear - p.start_month, 0, kMonthsPerYear);
    const Dkk cost = p.fixed_dkk_per_year * running / kMonthsPerYear +
                     static_cast<double>(tally.participant_months[k]) * p.dkk_per_participant_month;
    account.at(p.department, Payer::kMunicipality) += cost;
    account.municipal(p.department, BudgetType::kService) += cost;
    account.programme_cost += cost;
    if (p.start_month >= first_month && p.start_month < first_month + kMonthsPerYear) {
      account.at(p.department, Payer::kMunicipality) += p.investment_dkk;
      account.municipal(p.department, BudgetType::kInvestment) += p.investment_dkk;
      account.programme_cost += p.investment_dkk;
    }
    account.admissions += static_cast<double>(tally.admissions[k]);
  }
  return account;
}

namespace {

// Moves the municipality's financing of each year `lag` years later (see account_years).
void lag_financing(std::vector<YearAccount>& accounts, int lag, size_t departments) {
  if (lag <= 0 || accounts.empty()) return;
  const auto financing = [&](const YearAccount& a, size_t d) {
    return a.municipal(static_cast<int>(d), BudgetType::kFinancing);
  };
  std::vector<std::vector<Dkk>> earned(accounts.size(), std::vector<Dkk>(departments));
  for (size_t y = 0; y < accounts.size(); ++y)
    for (size_t d = 0; d < departments; ++d) earned[y][d] = financing(accounts[y], d);
  for (size_t y = 0; y < accounts.size(); ++y) {
    const bool from_the_run = y >= static_cast<size_t>(lag);
    for (size_t d = 0; d < departments; ++d) {
      const Dkk arriving = from_the_run ? earned[y - static_cast<size_t>(lag)][d] : 0.0;
      const Dkk shift = arriving - earned[y][d];
      accounts[y].municipal(static_cast<int>(d), BudgetType::kFinancing) += shift;
      accounts[y].at(static_cast<int>(d), Payer::kMunicipality) += shift;
    }
  }
}

}  // namespace

std::vector<YearAccount> account_years(const Scenario& scenario, const CompiledModel& compiled,
                                       const Arm& arm, const std::vector<Tally>& years) {
  std::vector<YearAccount> accounts;
  accounts.reserve(years.size());
  for (size_t y = 0; y < years.size(); ++y)
    accounts.push_back(account_year(scenario, compiled, arm, years[y], static_cast<int>(y)));
  lag_financing(accounts, scenario.financing.tax_lag_years, scenario.departments.size());
  return accounts;
}

}  // namespace kommunesim::model
