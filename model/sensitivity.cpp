// Tornado and effect-scale switching values, with re-simulation where dynamics change.
#include "model/sensitivity.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

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
                         const Analysis& analysis)
    : scenario_(scenario),
      compiled_(compiled),
      initial_(initial),
      plan_(plan),
      results_(results),
      analysis_(analysis) {}

const std::vector<std::vector<YearAccount>>& Resimulator::accounts(int arm,
                                                                   const Dynamics& dynamics) {
  const auto key = std::make_tuple(arm, dynamics.effect_scale, dynamics.effect_half_life_months,
                                   dynamics.deadweight);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  std::vector<std::vector<YearAccount>> simulated(static_cast<size_t>(plan_.replicates));
  const Arm& a = scenario_.arms[static_cast<size_t>(arm)];
  tbb::parallel_for(0, plan_.replicates, [&](int r) {
    const SimulationInput input{scenario_,
                                compiled_,
                                initial_,
                                a,
                                results_.effect_draws[static_cast<size_t>(r)],
                                dynamics,
                                RngKey{plan_.seed, static_cast<uint32_t>(r)},
                                plan_.months};
    const auto years = simulate(input).years;
    for (size_t y = 0; y < years.size(); ++y)
      simulated[static_cast<size_t>(r)].push_back(
          account_year(scenario_, compiled_, a, years[y], static_cast<int>(y)));
  });
  simulations_ += static_cast<size_t>(plan_.replicates);
  return cache_.emplace(key, std::move(simulated)).first->second;
}

double Resimulator::mean_net_value(int arm, const NormativeSet& norm, const Dynamics& dynamics) {
  // A dynamics group of the main run already holds these simulations.
  for (size_t g = 0; g < plan_.dynamics_groups.size(); ++g)
    if (plan_.dynamics_groups[g] == dynamics)
      return model::mean_net_value(scenario_, plan_, analysis_, arm, static_cast<int>(g), norm);
  const auto& proposal = accounts(arm, dynamics);
  // The baseline carries no effects, so any dynamics group's baseline is the baseline.
  return model::mean_net_value(
      scenario_, plan_, analysis_, arm, 0, norm,
      [&](int r) -> const std::vector<YearAccount>& { return proposal[static_cast<size_t>(r)]; });
}

std::vector<TornadoRow> tornado(const Scenario& scenario, const RunPlan& plan,
                                const Analysis& analysis, Resimulator& resimulator) {
  std::vector<TornadoRow> out;
  for (size_t n = 0; n < scenario.norms.size(); ++n) {
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
            return resimulator.mean_net_value(arm, norm, d);
          };
        } else {
          continue;  // a declared parameter that the engine does not read
        }
        rows.push_back({arm, static_cast<int>(n), p.id, p.low, p.high, base, value_at(p.low),
                        value_at(p.high)});
      }
      std::stable_sort(rows.begin(), rows.end(),
                       [](const auto& x, const auto& y) { return x.swing() > y.swing(); });
      out.insert(out.end(), rows.begin(), rows.end());
    }
  }
  return out;
}

std::vector<EffectScaleSwitching> effect_scale_switching(const Scenario& scenario,
                                                         Resimulator& resimulator) {
  std::vector<EffectScaleSwitching> out;
  const int index = scenario.parameter_index("effect_scale");
  if (index < 0) return out;
  const Parameter& p = scenario.parameters[static_cast<size_t>(index)];
  const double step = (p.high - p.low) / kEffectScaleGrid;
  for (size_t n = 0; n < scenario.norms.size(); ++n) {
    const NormativeSet& norm = scenario.norms[n];
    for (size_t a = 1; a < scenario.arms.size(); ++a) {
      const auto f = [&](double scale) {
        Dynamics d = norm.dynamics;
        d.effect_scale = scale;
        return resimulator.mean_net_value(static_cast<int>(a), norm, d);
      };
      EffectScaleSwitching row{static_cast<int>(a),
                               static_cast<int>(n),
                               norm.dynamics.effect_scale,
                               p.low,
                               p.high,
                               {},
                               0,
                               0};
      double x0 = p.low, f0 = f(x0);
      for (int i = 1; i <= kEffectScaleGrid && !row.value; ++i) {
        const double x1 = p.low + step * i, f1 = f(x1);
        if ((f0 > 0) != (f1 > 0)) {
          // Bisection until the bracket is 1 % of a grid step wide.
          double lo = x0, hi = x1;
          const bool lo_positive = f0 > 0;
          while (hi - lo > 0.01 * step) {
            const double mid = 0.5 * (lo + hi);
            ((f(mid) > 0) == lo_positive ? lo : hi) = mid;
          }
          row.value = 0.5 * (lo + hi);
          row.bracket_low = lo;
          row.bracket_high = hi;
        }
        x0 = x1;
        f0 = f1;
      }
      out.push_back(row);
    }
  }
  return out;
}

}  // namespace kommunesim::model
