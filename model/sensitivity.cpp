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
#include "model/parameter_values.hpp"
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

// The model the re-simulations run on: the scenario as loaded, or a copy with one register
// figure moved, with its compiled tables, effect draws and the simulations made on it.
struct Resimulator::Variant {
  Scenario owned_scenario;
  CompiledModel owned_compiled;
  std::vector<EffectDraws> owned_draws;
  const Scenario* scenario = nullptr;
  const CompiledModel* compiled = nullptr;
  const std::vector<EffectDraws>* draws = nullptr;
  bool baseline_unchanged = true;                  // only effect sizes moved (or nothing)
  std::vector<std::vector<YearAccount>> revalued;  // per unit of the plan, per year (costs)
  std::map<std::tuple<int, double, double>, Simulated> sims;  // by arm and effective dynamics
};

Resimulator::Resimulator(const Scenario& scenario, const CompiledModel& compiled,
                         const Population& initial, const RunPlan& plan, const RunResults& results,
                         const Analysis& analysis, int replicates)
    : scenario_(scenario),
      compiled_(compiled),
      initial_(initial),
      plan_(plan),
      results_(results),
      analysis_(analysis),
      replicates_(std::clamp(replicates, 1, plan.replicates)),
      unmoved_(std::make_unique<Variant>()) {
  unmoved_->scenario = &scenario_;
  unmoved_->compiled = &compiled_;
  unmoved_->draws = &results_.effect_draws;
}

Resimulator::~Resimulator() = default;

Resimulator::Variant& Resimulator::variant(int parameter, double value) {
  auto& slot = variants_[{parameter, value}];
  if (slot) return *slot;
  slot = std::make_unique<Variant>();
  Variant& v = *slot;
  v.owned_scenario = scenario_;
  set_parameter_value(v.owned_scenario, parameter, value);
  v.scenario = &v.owned_scenario;
  v.owned_compiled = compile(v.owned_scenario);  // a refusion share is in the tally slots
  v.compiled = &v.owned_compiled;
  v.draws = &results_.effect_draws;
  if (parameter_role(scenario_, parameter) == ParameterRole::kModelDynamics) {
    for (int r = 0; r < replicates_; ++r)
      v.owned_draws.push_back(
          draw_effects(v.owned_scenario, RngKey{plan_.seed, static_cast<uint32_t>(r)}));
    v.draws = &v.owned_draws;
    for (const ParameterUse& use : scenario_.parameter_uses)
      if (use.parameter == parameter && use.kind != ParameterUse::Kind::kEffect)
        v.baseline_unchanged = false;
  }
  return v;
}

const Resimulator::Simulated& Resimulator::simulated(Variant& model, int arm,
                                                     const Dynamics& dynamics, int months) {
  const Dynamics e = dynamics.effective();
  auto& sims = model.sims;
  const auto key = std::make_tuple(arm, e.effect_scale, e.effect_half_life_months);
  auto it = sims.find(key);
  if (it != sims.end() && it->second.months >= months) return it->second;
  Simulated fresh;
  fresh.months = months;
  fresh.accounts.resize(static_cast<size_t>(replicates_));
  const Arm& a = model.scenario->arms[static_cast<size_t>(arm)];
  tbb::parallel_for(0, replicates_, [&](int r) {
    const SimulationInput input{*model.scenario,
                                *model.compiled,
                                initial_,
                                a,
                                (*model.draws)[static_cast<size_t>(r)],
                                e,
                                RngKey{plan_.seed, static_cast<uint32_t>(r)},
                                months};
    const auto years = simulate(input).years;
    for (size_t y = 0; y < years.size(); ++y)
      fresh.accounts[static_cast<size_t>(r)].push_back(
          account_year(*model.scenario, *model.compiled, a, years[y], static_cast<int>(y)));
  });
  simulations_ += static_cast<size_t>(replicates_);
  return sims.insert_or_assign(key, std::move(fresh)).first->second;
}

double Resimulator::from_subset(int arm, int norm, const Simulated& proposal,
                                const Simulated* baseline) {
  const NormativeSet& set = scenario_.norms[static_cast<size_t>(norm)];
  const int group = plan_.norm_group[static_cast<size_t>(norm)];
  const size_t arms = scenario_.arms.size();
  const double moved_on_subset = model::mean_net_value(
      scenario_, arm, set, replicates_,
      [&](int r) -> const std::vector<YearAccount>& {
        return proposal.accounts[static_cast<size_t>(r)];
      },
      [&](int r) -> const std::vector<YearAccount>& {
        return baseline ? baseline->accounts[static_cast<size_t>(r)]
                        : analysis_.accounts[plan_.unit_index(group, r, 0, arms)];
      });
  if (replicates_ == plan_.replicates) return moved_on_subset;
  const double own_on_subset = model::mean_net_value(
      scenario_, arm, set, replicates_,
      [&](int r) -> const std::vector<YearAccount>& {
        return analysis_.accounts[plan_.unit_index(group, r, arm, arms)];
      },
      [&](int r) -> const std::vector<YearAccount>& {
        return analysis_.accounts[plan_.unit_index(group, r, 0, arms)];
      });
  return model::mean_net_value(scenario_, plan_, analysis_, arm, group, set) +
         (moved_on_subset - own_on_subset);
}

double Resimulator::mean_net_value(int arm, int norm, const Dynamics& dynamics) {
  const NormativeSet& set = scenario_.norms[static_cast<size_t>(norm)];
  for (size_t g = 0; g < plan_.dynamics_groups.size(); ++g)
    if (plan_.dynamics_groups[g].effective() == dynamics.effective())
      return model::mean_net_value(scenario_, plan_, analysis_, arm, static_cast<int>(g), set);
  const int months = std::min(plan_.months, set.horizon_years * kMonthsPerYear);
  return from_subset(arm, norm, simulated(*unmoved_, arm, dynamics, months), nullptr);
}

double Resimulator::mean_net_value_at(int arm, int norm, int parameter, double value) {
  const NormativeSet& set = scenario_.norms[static_cast<size_t>(norm)];
  const int group = plan_.norm_group[static_cast<size_t>(norm)];
  const size_t arms = scenario_.arms.size();
  Variant& v = variant(parameter, value);
  if (parameter_role(scenario_, parameter) == ParameterRole::kModelCost) {
    auto& revalued = v.revalued;
    if (revalued.empty()) revalued = account_units(*v.scenario, *v.compiled, plan_, results_);
    return model::mean_net_value(
        scenario_, arm, set, plan_.replicates,
        [&](int r) -> const std::vector<YearAccount>& {
          return revalued[plan_.unit_index(group, r, arm, arms)];
        },
        [&](int r) -> const std::vector<YearAccount>& {
          return revalued[plan_.unit_index(group, r, 0, arms)];
        });
  }
  const int months = std::min(plan_.months, set.horizon_years * kMonthsPerYear);
  const Simulated& moved = simulated(v, arm, set.dynamics, months);
  return from_subset(arm, norm, moved,
                     v.baseline_unchanged ? nullptr : &simulated(v, 0, set.dynamics, months));
}

std::vector<TornadoRow> tornado(const Scenario& scenario, const RunPlan& plan,
                                const Analysis& analysis, Resimulator& resimulator,
                                bool model_dynamics, const std::function<void()>& on_done) {
  // Sets with longer horizons first, so that their simulations serve the shorter ones.
  std::vector<size_t> order(scenario.norms.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return scenario.norms[x].horizon_years > scenario.norms[y].horizon_years;
  });
  // The proposals a parameter belongs to, when only proposals read it (their costs or effect
  // sizes): arms without them are unmoved and get no row.
  std::vector<std::vector<int>> proposals_of(scenario.parameters.size());
  std::vector<bool> modules_read(scenario.parameters.size(), false);
  std::vector<ParameterRole> roles;
  for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k)
    roles.push_back(parameter_role(scenario, k));
  for (const ParameterUse& use : scenario.parameter_uses) {
    const auto k = static_cast<size_t>(use.parameter);
    if (use.kind == ParameterUse::Kind::kEffect ||
        use.kind == ParameterUse::Kind::kProposalFixedCost ||
        use.kind == ParameterUse::Kind::kProposalParticipantCost)
      proposals_of[k].push_back(use.owner);
    else
      modules_read[k] = true;
  }
  std::vector<std::vector<TornadoRow>> by_norm(scenario.norms.size());
  for (size_t n : order) {
    const NormativeSet& norm = scenario.norms[n];
    for (size_t a = 1; a < scenario.arms.size(); ++a) {
      const int arm = static_cast<int>(a);
      const auto& members = scenario.arms[a].proposals;
      const double base = mean_net_value(scenario, plan, analysis, arm, plan.norm_group[n], norm);
      std::vector<TornadoRow> rows;
      for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k) {
        const Parameter& p = scenario.parameters[static_cast<size_t>(k)];
        std::function<double(double)> value_at;
        NormativeSet probe = norm;
        const ParameterRole role = roles[static_cast<size_t>(k)];
        switch (role) {
          case ParameterRole::kNormative:
            // Valuation parameters revalue the stored accounts; dynamics ones re-simulate.
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
            }
            break;
          case ParameterRole::kModelDynamics:
          case ParameterRole::kModelCost: {
            const auto& owners = proposals_of[static_cast<size_t>(k)];
            const bool outside_arm =
                !modules_read[static_cast<size_t>(k)] &&
                std::none_of(owners.begin(), owners.end(), [&](int q) {
                  return std::find(members.begin(), members.end(), q) != members.end();
                });
            const bool explored = role == ParameterRole::kModelCost || model_dynamics;
            if (p.low < p.high && explored && !outside_arm)
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
      if (on_done) on_done();
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
