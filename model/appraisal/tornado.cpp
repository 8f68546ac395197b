// The tornado over the register: valuation parameters revalue, unit costs revalue the stored
// tallies, dynamics parameters and figures re-simulate.
#include "model/appraisal/tornado.hpp"

#include <algorithm>
#include <numeric>

#include "model/appraisal/valuation.hpp"

namespace kommunesim::appraisal {

namespace {

// One shared-baseline pass of the tornado: the arms `wanted` on the scenario as loaded
// (parameter -1) or with register parameter `parameter` at `value`.
using TornadoPass = Resimulator::Moved;

std::vector<TornadoPass> tornado_passes(const Scenario& scenario, const Resimulator& resimulator,
                                        bool model_dynamics) {
  std::vector<TornadoPass> passes;
  // The arms under the normative dynamics settings' ends, simulated together.
  TornadoPass normative;
  for (const NormativeSet& norm : scenario.norms) {
    const int months = resimulator.months_for(norm);
    for (const Parameter& p : scenario.parameters) {
      if (p.role != ParameterRole::kNormative || !p.is_dynamics_setting()) continue;
      for (const double x : {p.low, p.high}) {
        NormativeSet moved = norm;
        moved.set(p, x, scenario.horizon_years);
        for (size_t a = 1; a < scenario.arms.size(); ++a)
          normative.wanted.push_back({static_cast<int>(a), moved.dynamics, months});
      }
    }
  }
  passes.push_back(std::move(normative));
  // With the dynamics figures: per figure and end, every arm it moves under every set's
  // dynamics, simulated together on the moved scenario.
  for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k) {
    const Parameter& p = scenario.parameters[static_cast<size_t>(k)];
    if (p.role != ParameterRole::kModelDynamics || !(p.low < p.high)) continue;
    if (!model_dynamics && !p.explore) continue;
    std::vector<Resimulator::Wanted> moved;
    for (const NormativeSet& norm : scenario.norms)
      for (size_t a = 1; a < scenario.arms.size(); ++a)
        if (moves_arm(scenario, k, static_cast<int>(a)))
          moved.push_back({static_cast<int>(a), norm.dynamics, resimulator.months_for(norm)});
    for (const double x : {p.low, p.high}) passes.push_back({k, x, moved});
  }
  return passes;
}

}  // namespace

std::vector<TornadoRow> tornado(const Scenario& scenario, const RunPlan& plan,
                                const Analysis& analysis, Resimulator& resimulator,
                                bool model_dynamics, const std::function<void(uint64_t)>& planned) {
  // Sets with longer horizons first, so that their simulations serve the shorter ones.
  std::vector<size_t> order(scenario.norms.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return scenario.norms[x].horizon_years > scenario.norms[y].horizon_years;
  });
  const std::vector<TornadoPass> passes = tornado_passes(scenario, resimulator, model_dynamics);
  if (planned) planned(resimulator.work_all(passes));
  resimulator.prepare_all(passes);
  std::vector<std::vector<TornadoRow>> by_norm(scenario.norms.size());
  for (size_t n : order) {
    const NormativeSet& norm = scenario.norms[n];
    for (size_t a = 1; a < scenario.arms.size(); ++a) {
      const int arm = static_cast<int>(a);
      const double base = mean_net_value(scenario, plan, analysis, arm, plan.norm_group[n], norm);
      std::vector<TornadoRow> rows;
      for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k) {
        const Parameter& p = scenario.parameters[static_cast<size_t>(k)];
        std::function<double(double)> value_at;
        const auto moved = [&](double x) {
          NormativeSet v = norm;
          v.set(p, x, scenario.horizon_years);
          return v;
        };
        switch (p.role) {
          case ParameterRole::kNormative:
            // Valuation settings revalue the stored accounts; dynamics settings re-simulate.
            if (p.is_valuation_setting()) {
              value_at = [&](double x) {
                return mean_net_value(scenario, plan, analysis, arm, plan.norm_group[n], moved(x));
              };
            } else if (p.is_dynamics_setting()) {
              value_at = [&](double x) {
                return resimulator.mean_net_value(arm, static_cast<int>(n), moved(x).dynamics);
              };
            }
            break;
          case ParameterRole::kModelDynamics:
          case ParameterRole::kModelCost: {
            const bool explored =
                p.role == ParameterRole::kModelCost || model_dynamics || p.explore;
            if (p.low < p.high && explored && moves_arm(scenario, k, arm))
              value_at = [&, k](double x) {
                return resimulator.mean_net_value_at(arm, static_cast<int>(n), k, x);
              };
            break;
          }
        }
        if (!value_at) continue;  // not read by the engine, or not explored in this run
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

}  // namespace kommunesim::appraisal
