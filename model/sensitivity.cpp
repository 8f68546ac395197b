// Tornado and the dynamics parameters' switching values, with re-simulation where dynamics
// change.
#include "model/sensitivity.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "model/accounting.hpp"
#include "model/decision.hpp"
#include "model/simulation.hpp"
#include "model/valuation.hpp"

namespace kommunesim::model {

bool set_dynamics_parameter(const std::string& id, Dynamics& dynamics, double value) {
  if (id == "effect_scale")
    dynamics.effect_scale = value;
  else if (id == "effect_half_life_months")
    dynamics.effect_half_life_months = value;
  else if (id == "deadweight")
    dynamics.deadweight = value;
  else
    return false;
  return true;
}

Resimulator::Resimulator(const Scenario& scenario, const CompiledModel& compiled,
                         const Population& initial, const RunPlan& plan, const RunResults& results,
                         const Analysis& analysis, int replicates)
    : scenario_(scenario),
      compiled_(compiled),
      initial_(initial),
      plan_(plan),
      results_(results),
      analysis_(analysis),
      replicates_(std::clamp(replicates, 1, plan.replicates)) {}

const Resimulator::Simulated& Resimulator::simulated(int arm, const Dynamics& dynamics,
                                                     int months) {
  const Dynamics e = dynamics.effective();
  const auto key = std::make_tuple(arm, e.effect_scale, e.effect_half_life_months);
  auto it = cache_.find(key);
  if (it != cache_.end() && it->second.months >= months) return it->second;
  Simulated fresh;
  fresh.months = months;
  fresh.accounts.resize(static_cast<size_t>(replicates_));
  const Arm& a = scenario_.arms[static_cast<size_t>(arm)];
  tbb::parallel_for(0, replicates_, [&](int r) {
    const SimulationInput input{scenario_,
                                compiled_,
                                initial_,
                                a,
                                results_.effect_draws[static_cast<size_t>(r)],
                                e,
                                RngKey{plan_.seed, static_cast<uint32_t>(r)},
                                months};
    const auto years = simulate(input).years;
    for (size_t y = 0; y < years.size(); ++y)
      fresh.accounts[static_cast<size_t>(r)].push_back(
          account_year(scenario_, compiled_, a, years[y], static_cast<int>(y)));
  });
  simulations_ += static_cast<size_t>(replicates_);
  return cache_.insert_or_assign(key, std::move(fresh)).first->second;
}

double Resimulator::mean_net_value(int arm, int norm, const Dynamics& dynamics) {
  const NormativeSet& set = scenario_.norms[static_cast<size_t>(norm)];
  for (size_t g = 0; g < plan_.dynamics_groups.size(); ++g)
    if (plan_.dynamics_groups[g].effective() == dynamics.effective())
      return model::mean_net_value(scenario_, plan_, analysis_, arm, static_cast<int>(g), set);
  const int own_group = plan_.norm_group[static_cast<size_t>(norm)];
  const int months = std::min(plan_.months, set.horizon_years * kMonthsPerYear);
  const Simulated& sims = simulated(arm, dynamics, months);
  const double moved = model::mean_net_value(scenario_, plan_, analysis_, arm, set, replicates_,
                                             [&](int r) -> const std::vector<YearAccount>& {
                                               return sims.accounts[static_cast<size_t>(r)];
                                             });
  if (replicates_ == plan_.replicates) return moved;
  const double own_on_subset = model::mean_net_value(
      scenario_, plan_, analysis_, arm, set, replicates_,
      [&](int r) -> const std::vector<YearAccount>& {
        return analysis_.accounts[plan_.unit_index(own_group, r, arm, scenario_.arms.size())];
      });
  return model::mean_net_value(scenario_, plan_, analysis_, arm, own_group, set) +
         (moved - own_on_subset);
}

std::vector<TornadoRow> tornado(const Scenario& scenario, const RunPlan& plan,
                                const Analysis& analysis, Resimulator& resimulator) {
  // Sets with longer horizons first, so that their simulations serve the shorter ones.
  std::vector<size_t> order(scenario.norms.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return scenario.norms[x].horizon_years > scenario.norms[y].horizon_years;
  });
  std::vector<std::vector<TornadoRow>> by_norm(scenario.norms.size());
  for (size_t n : order) {
    const NormativeSet& norm = scenario.norms[n];
    for (size_t a = 1; a < scenario.arms.size(); ++a) {
      const int arm = static_cast<int>(a);
      const double base = mean_net_value(scenario, plan, analysis, arm, plan.norm_group[n], norm);
      std::vector<TornadoRow> rows;
      for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k) {
        const Parameter& p = scenario.parameters[static_cast<size_t>(k)];
        // Valuation parameters revalue the stored accounts; dynamics ones re-simulate.
        std::function<double(double)> value_at;
        NormativeSet probe = norm;
        if (p.is_valuation() && set_valuation_parameter(scenario, probe, k, p.value)) {
          value_at = [&, k](double x) {
            NormativeSet v = norm;
            set_valuation_parameter(scenario, v, k, x);
            return mean_net_value(scenario, plan, analysis, arm, plan.norm_group[n], v);
          };
        } else if (set_dynamics_parameter(p.id, probe.dynamics, p.value)) {
          value_at = [&](double x) {
            Dynamics d = norm.dynamics;
            set_dynamics_parameter(p.id, d, x);
            return resimulator.mean_net_value(arm, static_cast<int>(n), d);
          };
        } else {
          continue;  // a declared parameter that the engine does not read
        }
        rows.push_back({arm, static_cast<int>(n), p.id, p.low, p.high, base, value_at(p.low),
                        value_at(p.high)});
      }
      std::stable_sort(rows.begin(), rows.end(),
                       [](const auto& x, const auto& y) { return x.swing() > y.swing(); });
      by_norm[n].insert(by_norm[n].end(), rows.begin(), rows.end());
    }
  }
  std::vector<TornadoRow> out;
  for (auto& rows : by_norm) out.insert(out.end(), rows.begin(), rows.end());
  return out;
}

namespace {

// Regula falsi (Illinois) for a sign change of f between the known points lo and hi.
void bracket_root(const std::function<double(double)>& f, double lo, double f_lo, double hi,
                  double f_hi, double min_width, DynamicsSwitching& row) {
  const double tolerance = kSwitchingTolerance * std::abs(f_hi - f_lo);
  int side = 0;  // the end kept last time: halve its value if it is kept again
  for (int it = 0; it < kSwitchingIterations && hi - lo > min_width; ++it) {
    const double x = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    const double fx = f(x);
    ++row.simulated_points;
    if (std::abs(fx) <= tolerance) {
      lo = hi = x;
      break;
    }
    if ((fx > 0) == (f_lo > 0)) {
      lo = x;
      f_lo = fx;
      if (side == -1) f_hi /= 2;
      side = -1;
    } else {
      hi = x;
      f_hi = fx;
      if (side == 1) f_lo /= 2;
      side = 1;
    }
  }
  row.value = lo == hi ? lo : (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
  row.bracket_low = lo;
  row.bracket_high = hi;
}

}  // namespace

std::vector<DynamicsSwitching> dynamics_switching(const Scenario& scenario,
                                                  Resimulator& resimulator) {
  std::vector<DynamicsSwitching> out;
  for (const Parameter& p : scenario.parameters) {
    Dynamics probe;
    if (p.is_valuation() || !set_dynamics_parameter(p.id, probe, p.value)) continue;
    for (size_t n = 0; n < scenario.norms.size(); ++n) {
      const NormativeSet& norm = scenario.norms[n];
      for (size_t a = 1; a < scenario.arms.size(); ++a) {
        DynamicsSwitching row{
            static_cast<int>(a), static_cast<int>(n), p.id, 0, p.low, p.high, {}, 0, 0, 0};
        row.current = norm.parameter_values[static_cast<size_t>(scenario.parameter_index(p.id))];
        const auto f = [&](double x) {
          Dynamics d = norm.dynamics;
          set_dynamics_parameter(p.id, d, x);
          return resimulator.mean_net_value(static_cast<int>(a), static_cast<int>(n), d);
        };
        // Known points: the range's ends and the set's own value.
        std::vector<std::pair<double, double>> points;
        for (double x : {p.low, row.current, p.high})
          if (x >= p.low && x <= p.high) points.push_back({x, f(x)});
        std::sort(points.begin(), points.end());
        for (size_t i = 0; i + 1 < points.size() && !row.value; ++i)
          if ((points[i].second > 0) != (points[i + 1].second > 0))
            bracket_root(f, points[i].first, points[i].second, points[i + 1].first,
                         points[i + 1].second, 0.01 * (p.high - p.low), row);
        out.push_back(row);
      }
    }
  }
  return out;
}

}  // namespace kommunesim::model
