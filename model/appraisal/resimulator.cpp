// Re-simulations for sensitivity, kept per moved figure and dynamics setting.
#include "model/appraisal/resimulator.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "model/engine/accounting.hpp"
#include "model/engine/parameter_values.hpp"
#include "model/engine/processes.hpp"
#include "model/engine/shared_baseline.hpp"
#include "model/engine/simulation.hpp"

namespace kommunesim::appraisal {

bool moves_arm(const Scenario& scenario, int parameter, int arm) {
  const auto& members = scenario.arms[static_cast<size_t>(arm)].proposals;
  bool read_by_proposals_only = true, read_by_member = false;
  for (const ParameterUse& use : scenario.parameter_uses) {
    if (use.parameter != parameter) continue;
    const bool proposal_figure = use.kind == ParameterUse::Kind::kEffect ||
                                 use.kind == ParameterUse::Kind::kProposalFixedCost ||
                                 use.kind == ParameterUse::Kind::kProposalParticipantCost ||
                                 use.kind == ParameterUse::Kind::kProposalInvestment ||
                                 use.kind == ParameterUse::Kind::kProposalHalfLife;
    if (!proposal_figure) read_by_proposals_only = false;
    if (proposal_figure && std::find(members.begin(), members.end(), use.owner) != members.end())
      read_by_member = true;
  }
  return !read_by_proposals_only || read_by_member;
}

Resimulator::SimKey Resimulator::sim_key(int arm, const Dynamics& dynamics) {
  const Dynamics e = dynamics.effective();
  return {arm, e.effect_scale, e.effect_half_life_months, e.half_life_for_all};
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
  int moved = -1;                                  // the register parameter moved, or -1
  bool baseline_unchanged = true;                  // only effect sizes moved (or nothing)
  std::vector<std::vector<YearAccount>> revalued;  // per unit of the plan, per year (costs)
  std::vector<Scenario> costed;  // per replicate re-simulated, when unit costs are drawn
  std::map<SimKey, Simulated> sims;
};

Resimulator::Resimulator(const Scenario& scenario, const CompiledModel& compiled,
                         const InitialPopulations& populations, const RunPlan& plan,
                         const RunResults& results, const Analysis& analysis, int replicates,
                         Execution execution)
    : scenario_(scenario),
      compiled_(compiled),
      populations_(populations),
      plan_(plan),
      results_(results),
      analysis_(analysis),
      replicates_(std::clamp(replicates, 1, plan.replicates)),
      execution_(execution),
      unmoved_(std::make_unique<Variant>()) {
  unmoved_->scenario = &scenario_;
  unmoved_->compiled = &compiled_;
  unmoved_->draws = &results_.effect_draws;
}

Resimulator::~Resimulator() = default;

void Resimulator::prepare_unit_costs(Variant& model) {
  // A moved unit cost keeps its moved value; the others take each replicate's draw.
  if (model.costed.empty())
    model.costed = costed_scenarios(*model.scenario, results_, replicates_, model.moved);
}

std::vector<YearAccount> Resimulator::account(const Variant& model, int r, int arm,
                                              const std::vector<Tally>& years) const {
  const Scenario& s = model.costed.empty() ? *model.scenario : model.costed[static_cast<size_t>(r)];
  return account_years(s, *model.compiled, s.arms[static_cast<size_t>(arm)], years);
}

Resimulator::Variant& Resimulator::variant(int parameter, double value) {
  auto& slot = variants_[{parameter, value}];
  if (slot) return *slot;
  slot = std::make_unique<Variant>();
  Variant& v = *slot;
  v.owned_scenario = scenario_;
  v.moved = parameter;
  set_parameter_value(v.owned_scenario, parameter, value);
  v.scenario = &v.owned_scenario;
  v.owned_compiled = compile(v.owned_scenario);  // a refusion share is in the tally slots
  v.compiled = &v.owned_compiled;
  v.draws = &results_.effect_draws;
  if (scenario_.parameters[static_cast<size_t>(parameter)].role == ParameterRole::kModelDynamics) {
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
  const SimKey key = sim_key(arm, dynamics);
  auto it = sims.find(key);
  if (it != sims.end() && it->second.months >= months) return it->second;
  prepare_unit_costs(model);  // before the accounts in parallel
  Simulated fresh;
  fresh.months = months;
  fresh.accounts.resize(static_cast<size_t>(replicates_));
  const Arm& a = model.scenario->arms[static_cast<size_t>(arm)];
  processes::share<std::vector<Tally>>(
      static_cast<size_t>(replicates_),
      [&](size_t r) {
        const SimulationInput input{*model.scenario,
                                    *model.compiled,
                                    populations_.of(static_cast<int>(r)),
                                    a,
                                    (*model.draws)[r],
                                    e,
                                    RngKey{plan_.seed, static_cast<uint32_t>(r)},
                                    months};
        return simulate(input, [this] { month_done(); }).years;
      },
      [&](size_t r, std::vector<Tally>&& years) {
        fresh.accounts[r] = account(model, static_cast<int>(r), arm, years);
      },
      save_years, load_years);
  simulations_ += static_cast<size_t>(replicates_);
  return sims.insert_or_assign(key, std::move(fresh)).first->second;
}

double Resimulator::from_subset(int arm, int norm, const Simulated& proposal,
                                const Simulated* baseline) {
  const NormativeSet& set = scenario_.norms[static_cast<size_t>(norm)];
  const int group = plan_.norm_group[static_cast<size_t>(norm)];
  const size_t arms = scenario_.arms.size();
  const double moved_on_subset = appraisal::mean_net_value(
      scenario_, arm, set, replicates_,
      [&](int r) -> const std::vector<YearAccount>& {
        return proposal.accounts[static_cast<size_t>(r)];
      },
      [&](int r) -> const std::vector<YearAccount>& {
        return baseline ? baseline->accounts[static_cast<size_t>(r)]
                        : analysis_.accounts[plan_.unit_index(group, r, 0, arms)];
      });
  if (replicates_ == plan_.replicates) return moved_on_subset;
  const double own_on_subset = appraisal::mean_net_value(
      scenario_, arm, set, replicates_,
      [&](int r) -> const std::vector<YearAccount>& {
        return analysis_.accounts[plan_.unit_index(group, r, arm, arms)];
      },
      [&](int r) -> const std::vector<YearAccount>& {
        return analysis_.accounts[plan_.unit_index(group, r, 0, arms)];
      });
  return appraisal::mean_net_value(scenario_, plan_, analysis_, arm, group, set) +
         (moved_on_subset - own_on_subset);
}

int Resimulator::main_run_group(const Dynamics& dynamics) const {
  for (size_t g = 0; g < plan_.dynamics_groups.size(); ++g)
    if (plan_.dynamics_groups[g].effective() == dynamics.effective()) return static_cast<int>(g);
  return -1;
}

void Resimulator::prepare(const std::vector<Wanted>& wanted) { prepare_in(*unmoved_, wanted); }

void Resimulator::prepare_at(int parameter, double value, const std::vector<Wanted>& wanted) {
  Variant& v = variant(parameter, value);
  prepare_in(v, with_moved_baseline(v, wanted));
}

std::vector<Resimulator::Wanted> Resimulator::with_moved_baseline(
    const Variant& v, const std::vector<Wanted>& wanted) {
  std::vector<Wanted> with_baseline = wanted;
  if (!v.baseline_unchanged)  // mean_net_value_at then needs the moved baseline too
    for (const Wanted& w : wanted) with_baseline.push_back({0, w.dynamics, w.months});
  return with_baseline;
}

uint64_t Resimulator::work_all(const std::vector<Moved>& moves) {
  // As run_passes simulates them: alone, each in full; in passes, the baseline and every arm for
  // the longest months, one baseline for the passes that share it (calls_of).
  std::vector<PassShape> shapes;
  uint64_t months = 0;
  for (const Moved& m : moves) {
    Variant& v = m.parameter < 0 ? *unmoved_ : variant(m.parameter, m.value);
    const auto missing =
        missing_in(v, m.parameter < 0 ? m.wanted : with_moved_baseline(v, m.wanted));
    if (missing.empty()) continue;
    PassShape shape{v.baseline_unchanged, 0, 0};
    for (const auto& [key, w] : missing) {
      months += static_cast<uint64_t>(w.months);
      shape.months = std::max(shape.months, w.months);
      shape.arms += w.arm != 0;
    }
    shapes.push_back(shape);
  }
  if (execution_ == Execution::kFull) return months * static_cast<uint64_t>(replicates_);
  uint64_t work = 0;
  for (const Call& call : calls_of(shapes))
    work += static_cast<uint64_t>(call.months) * (1 + call.paths);
  return work * static_cast<uint64_t>(replicates_);
}

std::map<Resimulator::SimKey, Resimulator::Wanted> Resimulator::missing_in(
    const Variant& model, const std::vector<Wanted>& wanted) const {
  // What is still missing, each once, for the longest months asked (the first years of a longer
  // simulation are those of a shorter one). The main run answers its own dynamics.
  std::map<SimKey, Wanted> missing;
  for (const Wanted& w : wanted) {
    if (&model == unmoved_.get() && main_run_group(w.dynamics) >= 0) continue;
    const SimKey key = sim_key(w.arm, w.dynamics);
    const auto done = model.sims.find(key);
    if (done != model.sims.end() && done->second.months >= w.months) continue;
    Wanted& m = missing[key];
    m = {w.arm, w.dynamics.effective(), std::max(m.months, w.months)};
  }
  return missing;
}

// One shared-baseline pass of a variant: the missing simulations, simulated together for the
// longest months asked, replicate by replicate.
struct Resimulator::Pass {
  Variant* model = nullptr;
  std::map<SimKey, Wanted> missing;
  int months = 0;
  std::vector<ArmPath> paths;  // the arms; the baseline (arm 0) is the pass's own
  std::vector<int> path_of;    // per missing entry: its path, or -1 for the baseline
  std::vector<Simulated> fresh;
};

std::optional<Resimulator::Pass> Resimulator::pass_for(Variant& model,
                                                       const std::vector<Wanted>& wanted) {
  Pass pass;
  pass.model = &model;
  pass.missing = missing_in(model, wanted);
  if (pass.missing.empty()) return std::nullopt;
  for (const auto& [key, w] : pass.missing) {
    pass.months = std::max(pass.months, w.months);
    pass.path_of.push_back(w.arm == 0 ? -1 : static_cast<int>(pass.paths.size()));
    if (w.arm != 0)
      pass.paths.push_back({&model.scenario->arms[static_cast<size_t>(w.arm)], w.dynamics});
  }
  prepare_unit_costs(model);  // before the accounts in parallel
  pass.fresh.resize(pass.missing.size());
  for (auto& f : pass.fresh) {
    f.months = pass.months;
    f.accounts.resize(static_cast<size_t>(replicates_));
  }
  return pass;
}

std::vector<Resimulator::Call> Resimulator::calls_of(const std::vector<PassShape>& passes) {
  std::vector<Call> calls;
  for (size_t i = 0; i < passes.size(); ++i) {
    const PassShape& pass = passes[i];
    auto call = std::find_if(calls.begin(), calls.end(), [&](const Call& c) {
      return pass.baseline_unchanged && c.baseline_unchanged && c.months == pass.months;
    });
    if (call == calls.end()) {
      calls.push_back({{}, {}, 0, pass.months, pass.baseline_unchanged});
      call = calls.end() - 1;
    }
    call->passes.push_back(i);
    call->first_path.push_back(call->paths);
    call->paths += pass.arms;
  }
  return calls;
}

void Resimulator::run_passes(std::vector<Pass>& passes) {
  std::vector<PassShape> shapes;
  for (const Pass& pass : passes)
    shapes.push_back({pass.model->baseline_unchanged, pass.months, pass.paths.size()});
  const std::vector<Call> calls = calls_of(shapes);
  // Every (call, replicate) is independent: all of them in one round keep every core (and every
  // process of the run) busy even when each call has one replicate.
  const auto replicates = static_cast<size_t>(replicates_);
  processes::share<SharedBaselineResult>(
      calls.size() * replicates,
      [&](size_t i) {
        const Call& call = calls[i / replicates];
        const size_t r = i % replicates;
        const Variant& model = *passes[call.passes.front()].model;
        std::vector<ArmPath> paths;
        for (size_t p : call.passes)
          for (ArmPath path : passes[p].paths) {
            path.effect_draws = &(*passes[p].model->draws)[r];
            paths.push_back(path);
          }
        return simulate_shared_baseline(
            *model.scenario, *model.compiled, populations_.of(static_cast<int>(r)), paths,
            (*model.draws)[r], RngKey{plan_.seed, static_cast<uint32_t>(r)}, call.months,
            [this] { month_done(); });
      },
      [&](size_t i, SharedBaselineResult&& shared) {
        const Call& call = calls[i / replicates];
        const size_t r = i % replicates;
        for (size_t c = 0; c < call.passes.size(); ++c) {
          Pass& pass = passes[call.passes[c]];
          size_t k = 0;
          for (const auto& [key, w] : pass.missing) {
            const auto& years =
                pass.path_of[k] < 0
                    ? shared.baseline
                    : shared.arms[call.first_path[c] + static_cast<size_t>(pass.path_of[k])];
            pass.fresh[k++].accounts[r] = account(*pass.model, static_cast<int>(r), w.arm, years);
          }
        }
      },
      save_shared, load_shared,
      [&](size_t i) {  // a call costs about its months for the baseline and each arm
        const Call& call = calls[i / replicates];
        return static_cast<double>(call.months) * static_cast<double>(1 + call.paths);
      });
  for (Pass& pass : passes) {
    size_t k = 0;
    for (const auto& [key, w] : pass.missing)
      pass.model->sims.insert_or_assign(key, std::move(pass.fresh[k++]));
    simulations_ += pass.missing.size() * replicates;
  }
}

void Resimulator::prepare_in(Variant& model, const std::vector<Wanted>& wanted) {
  if (execution_ == Execution::kFull) return;  // each is simulated alone when asked for
  std::vector<Pass> passes;
  if (auto pass = pass_for(model, wanted)) passes.push_back(std::move(*pass));
  run_passes(passes);
}

void Resimulator::prepare_all(const std::vector<Moved>& moves) {
  if (execution_ == Execution::kFull) return;
  std::vector<Pass> passes;
  std::set<const Variant*> in_round;
  for (const Moved& m : moves) {
    Variant& v = m.parameter < 0 ? *unmoved_ : variant(m.parameter, m.value);
    if (in_round.contains(&v)) {  // what the round simulates may serve this one: run it first
      run_passes(passes);
      passes.clear();
      in_round.clear();
    }
    const std::vector<Wanted> wanted =
        m.parameter < 0 ? m.wanted : with_moved_baseline(v, m.wanted);
    if (auto pass = pass_for(v, wanted)) {
      passes.push_back(std::move(*pass));
      in_round.insert(&v);
    }
  }
  run_passes(passes);
}

double Resimulator::mean_net_value(int arm, int norm, const Dynamics& dynamics) {
  const NormativeSet& set = scenario_.norms[static_cast<size_t>(norm)];
  if (const int group = main_run_group(dynamics); group >= 0)
    return appraisal::mean_net_value(scenario_, plan_, analysis_, arm, group, set);
  const int months = months_for(set);
  return from_subset(arm, norm, simulated(*unmoved_, arm, dynamics, months), nullptr);
}

double Resimulator::mean_net_value_at(int arm, int norm, int parameter, double value) {
  const NormativeSet& set = scenario_.norms[static_cast<size_t>(norm)];
  const int group = plan_.norm_group[static_cast<size_t>(norm)];
  const size_t arms = scenario_.arms.size();
  Variant& v = variant(parameter, value);
  if (scenario_.parameters[static_cast<size_t>(parameter)].role == ParameterRole::kModelCost) {
    auto& revalued = v.revalued;
    if (revalued.empty())  // the moved figure at `value`, the other unit costs as drawn
      revalued =
          account_units(*v.scenario, *v.compiled, plan_, results_, UnitCosts::kDrawn, parameter);
    return appraisal::mean_net_value(
        scenario_, arm, set, plan_.replicates,
        [&](int r) -> const std::vector<YearAccount>& {
          return revalued[plan_.unit_index(group, r, arm, arms)];
        },
        [&](int r) -> const std::vector<YearAccount>& {
          return revalued[plan_.unit_index(group, r, 0, arms)];
        });
  }
  const int months = months_for(set);
  const Simulated& moved = simulated(v, arm, set.dynamics, months);
  return from_subset(arm, norm, moved,
                     v.baseline_unchanged ? nullptr : &simulated(v, 0, set.dynamics, months));
}

}  // namespace kommunesim::appraisal
