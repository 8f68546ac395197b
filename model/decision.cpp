// Ledger, flips and switching values.
#include "model/decision.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "model/valuation.hpp"

namespace kommunesim::model {
namespace {

// The root of f in [low, high] by bisection after a sign change on a grid; nullopt if none.
std::optional<double> root_in(const std::function<double(double)>& f, double low, double high) {
  constexpr int kGrid = 40;
  constexpr int kBisections = 60;
  double a = low, fa = f(a);
  if (fa == 0) return a;
  for (int i = 1; i <= kGrid; ++i) {
    double b = low + (high - low) * i / kGrid;
    const double fb = f(b);
    if (fb == 0) return b;
    if ((fa < 0) != (fb < 0)) {
      for (int k = 0; k < kBisections; ++k) {
        const double m = 0.5 * (a + b), fm = f(m);
        if ((fa < 0) == (fm < 0)) {
          a = m;
          fa = fm;
        } else {
          b = m;
        }
      }
      return 0.5 * (a + b);
    }
    a = b;
    fa = fb;
  }
  return std::nullopt;
}

}  // namespace

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

std::vector<LedgerRow> ledger(const Scenario& scenario, const RunPlan& plan,
                              const Analysis& analysis) {
  std::vector<LedgerRow> rows;
  const size_t arms = scenario.arms.size();
  const int years = scenario.horizon_years;
  std::vector<std::pair<int, int>> periods;  // (first year, years)
  for (int y = 0; y < years; ++y) periods.push_back({y, 1});
  if (years >= kBudgetPeriodYears) periods.push_back({0, kBudgetPeriodYears});
  for (size_t g = 0; g < plan.dynamics_groups.size(); ++g)
    for (size_t a = 1; a < arms; ++a)
      for (const auto& [first, span] : periods)
        for (size_t d = 0; d < scenario.departments.size(); ++d)
          for (int p = 0; p < kPayerCount; ++p) {
            std::vector<double> values;
            for (int r = 0; r < plan.replicates; ++r) {
              const auto& prop =
                  analysis
                      .accounts[plan.unit_index(static_cast<int>(g), r, static_cast<int>(a), arms)];
              const auto& base =
                  analysis.accounts[plan.unit_index(static_cast<int>(g), r, 0, arms)];
              double net = 0;
              for (int y = first; y < first + span; ++y)
                net += prop[static_cast<size_t>(y)].at(static_cast<int>(d), static_cast<Payer>(p)) -
                       base[static_cast<size_t>(y)].at(static_cast<int>(d), static_cast<Payer>(p));
              values.push_back(net);
            }
            rows.push_back({static_cast<int>(a), static_cast<int>(g), first, span,
                            static_cast<int>(d), static_cast<Payer>(p), summarize(values)});
          }
  return rows;
}

std::vector<FlipRow> flips(const Scenario& scenario, const Analysis& analysis) {
  const size_t norms = scenario.norms.size();
  // Mean net value per (norm, arm) and the top-ranked arm per norm, from the summaries.
  std::vector<std::vector<double>> mean(norms, std::vector<double>(scenario.arms.size(), 0.0));
  std::vector<int> top(norms, 0);
  for (const auto& row : analysis.summaries) {
    mean[static_cast<size_t>(row.norm)][static_cast<size_t>(row.arm)] = row.net_value.mean;
    if (row.rank == 1) top[static_cast<size_t>(row.norm)] = row.arm;
  }
  std::vector<FlipRow> out;
  for (size_t a = 1; a < scenario.arms.size(); ++a)
    for (size_t i = 0; i < norms; ++i)
      for (size_t j = i + 1; j < norms; ++j) {
        FlipRow row{static_cast<int>(a), static_cast<int>(i),
                    static_cast<int>(j), (mean[i][a] > 0) != (mean[j][a] > 0),
                    top[i] != top[j],    {}};
        if (!row.sign_differs && !row.top_differs) continue;
        const NormativeSet &x = scenario.norms[i], &y = scenario.norms[j];
        if (x.perspective != y.perspective || x.owning_department_only != y.owning_department_only)
          row.differing.push_back("perspective");
        if (x.discount.size() > 1 || y.discount.size() > 1) {
          bool same = x.discount.size() == y.discount.size();
          for (size_t k = 0; same && k < x.discount.size(); ++k)
            same = x.discount[k].from_year == y.discount[k].from_year &&
                   x.discount[k].rate == y.discount[k].rate;
          if (!same) row.differing.push_back("discount_schedule");
        }
        for (size_t k = 0; k < scenario.parameters.size(); ++k)
          if (x.parameter_values[k] != y.parameter_values[k])
            row.differing.push_back(scenario.parameters[k].id);
        out.push_back(row);
      }
  return out;
}

std::vector<SwitchingRow> switching_values(const Scenario& scenario, const RunPlan& plan,
                                           const Analysis& analysis) {
  std::vector<SwitchingRow> out;
  for (size_t n = 0; n < scenario.norms.size(); ++n) {
    const NormativeSet& norm = scenario.norms[n];
    for (size_t a = 1; a < scenario.arms.size(); ++a) {
      for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k) {
        const Parameter& p = scenario.parameters[static_cast<size_t>(k)];
        NormativeSet probe = norm;
        if (!p.is_valuation() || !set_valuation_parameter(scenario, probe, k, p.value)) continue;
        const auto value_at = [&](double x) {
          NormativeSet v = norm;
          set_valuation_parameter(scenario, v, k, x);
          return mean_net_value(scenario, plan, analysis, static_cast<int>(a), plan.norm_group[n],
                                v);
        };
        SwitchingRow row{static_cast<int>(a),
                         static_cast<int>(n),
                         p.id,
                         norm.parameter_values[static_cast<size_t>(k)],
                         p.low,
                         p.high,
                         {}};
        if (p.id == "horizon_years") {
          // Whole years: the first horizon at which the sign differs from the shortest one's.
          const int low = std::max(1, static_cast<int>(std::ceil(p.low)));
          const int high = std::min(scenario.horizon_years, static_cast<int>(std::floor(p.high)));
          const bool first_positive = value_at(low) > 0;
          for (int h = low + 1; h <= high && !row.value; ++h)
            if ((value_at(h) > 0) != first_positive) row.value = h;
        } else {
          row.value = root_in(value_at, p.low, p.high);
        }
        out.push_back(row);
      }
    }
  }
  return out;
}

}  // namespace kommunesim::model
