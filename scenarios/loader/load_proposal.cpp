// Loading a budget proposal (proposals/*.toml): cost, target group, capacity, participation and
// effects with their uncertainty.
#include <algorithm>
#include <cmath>

#include "model/engine/module_tables.hpp"
#include "model/engine/units.hpp"
#include "scenarios/loader/load_context.hpp"

namespace kommunesim::scenarios {
namespace {

using model::kMonthsPerYear;

// The effect's relative risk: a register parameter, drawn per replicate from its distribution.
model::EffectSize read_effect_size(LoadContext& ctx, TableReader& r, int proposal, int effect) {
  model::EffectSize size;
  const auto value =
      ctx.parameter(r, "relative_risk", "an effect's relative risk",
                    {model::ParameterUse::Kind::kEffect, 0, proposal, effect, 0}, 1e-6, 1000);
  if (!value) return size;
  const model::Parameter& p =
      ctx.out.scenario
          .parameters[static_cast<size_t>(ctx.out.scenario.parameter_uses.back().parameter)];
  return {p.distribution, p.low, p.value, p.high};
}

void read_effect(LoadContext& ctx, TableReader& r, model::Proposal& p) {
  model::Effect effect;
  const auto module = r.string("module", Need::kRequired);
  effect.module = module ? ctx.resolve(r, "module", *module, ctx.modules, "module") : -1;
  const auto from = r.string("from", Need::kRequired);
  const auto to = r.string("to", Need::kRequired);
  const int proposal = static_cast<int>(ctx.out.scenario.proposals.size());
  effect.relative_risk = read_effect_size(ctx, r, proposal, static_cast<int>(p.effects.size()));
  r.string("description", Need::kOptional);
  if (effect.module < 0 || !from || !to) return;
  const auto& m = ctx.out.scenario.modules[static_cast<size_t>(effect.module)];
  const int f =
      ctx.resolve(r, "from", *from, ctx.states[static_cast<size_t>(effect.module)], "state");
  const int t = ctx.resolve(r, "to", *to, ctx.states[static_cast<size_t>(effect.module)], "state");
  if (f < 0 || t < 0) return;
  for (size_t i = 0; i < m.transitions.size(); ++i)
    if (m.transitions[i].from == f && m.transitions[i].to == t) {
      effect.transition = static_cast<int>(i);
      p.effects.push_back(effect);
      return;
    }
  r.error("to", "module '" + *module + "' has no transition '" + *from + " -> " + *to +
                    "' for the effect to act on");
}

void read_target(LoadContext& ctx, TableReader& r, model::Proposal& p) {
  model::TargetGroup& target = p.target;
  const auto module = r.string("module", Need::kRequired);
  target.module = module ? ctx.resolve(r, "module", *module, ctx.modules, "module") : -1;
  const auto states = r.strings("states", Need::kRequired);
  const auto age_min = r.integer("age_min", Need::kOptional, 0, 130);
  const auto age_max = r.integer("age_max", Need::kOptional, 1, 131);
  for (const auto& name :
       r.strings("household", Need::kOptional).value_or(std::vector<std::string>{})) {
    const int c =
        ctx.resolve(r, "household", name, ctx.household_conditions, "household condition");
    if (c >= 0) target.household_conditions.push_back(c);
  }
  const auto centres = model::case_departments(ctx.out.scenario).size();
  for (auto [key, into] : {std::pair{"known_to_at_least", &target.min_centres},
                           std::pair{"family_known_to_at_least", &target.min_household_centres}})
    if (const auto n = r.integer(key, Need::kOptional, 1, model::kMaxModules)) {
      if (static_cast<size_t>(*n) > centres)
        r.error(key, "expected at most " + std::to_string(centres) +
                         ": that many centres (departments) have cases (states with case = true "
                         "or municipal spending)");
      *into = static_cast<int>(*n);
    }
  for (auto [key, into] :
       {std::pair{"costs_more_than", &target.yearly_cost_above},
        std::pair{"family_costs_more_than", &target.household_yearly_cost_above}})
    if (const auto dkk = r.number(key, Need::kOptional, 0)) *into = *dkk;
  r.string("description", Need::kOptional);
  if (target.module < 0) return;
  const auto& m = ctx.out.scenario.modules[static_cast<size_t>(target.module)];
  if (states) {
    if (states->empty())
      r.error("states", "the target group is empty: expected at least one state");
    target.state_mask = ctx.state_mask(r, "states", *states, target.module, "state");
  }
  target.min_age_months =
      std::max(m.min_age_months, static_cast<int>(age_min.value_or(0)) * kMonthsPerYear);
  target.max_age_months =
      std::min(m.max_age_months, static_cast<int>(age_max.value_or(131)) * kMonthsPerYear);
  if (target.min_age_months >= target.max_age_months)
    r.error(age_max ? "age_max" : "age_min",
            "the target group is empty: its ages do not overlap module '" + m.id + "' (ages " +
                std::to_string(m.min_age_months / 12) + " to " +
                std::to_string(m.max_age_months / 12) + ")");
}

}  // namespace

void load_proposal(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  TableReader r(doc, file, "", ctx.diagnostics);
  model::Proposal p;
  p.id = r.identifier("id", Need::kRequired).value_or("");
  if (p.id == model::kBaselineArmId)
    r.error("id", "'baseline' is the arm without proposals; expected another id");
  p.title = r.string("title", Need::kRequired).value_or(p.id);
  r.string("description", Need::kOptional);
  if (const auto d = r.string("department", Need::kRequired))
    p.department = std::max(0, ctx.resolve(r, "department", *d, ctx.departments, "department"));
  const auto kind = r.string("kind", Need::kRequired).value_or("expansion");
  if (kind != "expansion" && kind != "reduction")
    r.error("kind", "unknown kind '" + kind + "'; expected expansion or reduction",
            closest_name(kind, {"expansion", "reduction"}));
  p.reduction = kind == "reduction";
  const model::Scenario& s = ctx.out.scenario;
  const auto year =
      r.integer("start_year", Need::kRequired, s.base_year, s.base_year + s.horizon_years - 1);
  const auto month = r.integer("start_month", Need::kRequired, 1, 12);
  p.start_month = static_cast<int>((year.value_or(s.base_year) - s.base_year) * kMonthsPerYear +
                                   month.value_or(1) - 1);
  p.capacity = static_cast<int>(r.integer("capacity", Need::kRequired, 0, 10'000'000).value_or(0));
  p.participation_months =
      static_cast<int>(r.integer("participation_months", Need::kRequired, 1, 600).value_or(1));
  // A standing programme may take a person again after a gap; without it a person takes part
  // once, and a programme on a fixed target group runs dry.
  p.readmission_after_months =
      static_cast<int>(r.integer("readmission_after_months", Need::kOptional, 1, 600).value_or(-1));
  // How long the effects last after participation, as the evidence gives it; without it the
  // normative set's half-life applies.
  if (r.has("effect_half_life_months"))
    p.effect_half_life_months =
        ctx.parameter(r, "effect_half_life_months", "a proposal's effect half-life (months)",
                      {model::ParameterUse::Kind::kProposalHalfLife, 0,
                       static_cast<int>(ctx.out.scenario.proposals.size()), 0, 0},
                      0, 600)
            .value_or(-1);
  const auto priority = r.string("priority", Need::kOptional).value_or("longest_in_state");
  if (priority == "random")
    p.priority = model::AdmissionPriority::kRandom;
  else if (priority == "newest_in_state")
    p.priority = model::AdmissionPriority::kNewestInState;
  else if (priority != "longest_in_state")
    r.error(
        "priority",
        "unknown priority '" + priority + "'; expected longest_in_state, newest_in_state or random",
        closest_name(priority, {"longest_in_state", "newest_in_state", "random"}));
  if (const toml::table* cost = r.table("cost", Need::kRequired)) {
    TableReader c(*cost, file, "cost", ctx.diagnostics);
    const int proposal = static_cast<int>(ctx.out.scenario.proposals.size());
    p.fixed_dkk_per_year =
        ctx.parameter(c, "fixed_dkk_per_year", "a proposal's fixed cost per year",
                      {model::ParameterUse::Kind::kProposalFixedCost, 0, proposal, 0, 0}, -INFINITY,
                      INFINITY)
            .value_or(0);
    p.dkk_per_participant_month =
        ctx.parameter(c, "dkk_per_participant_month", "a proposal's cost per participant-month",
                      {model::ParameterUse::Kind::kProposalParticipantCost, 0, proposal, 0, 0},
                      -INFINITY, INFINITY)
            .value_or(0);
    if (c.has("investment_dkk"))
      p.investment_dkk =
          ctx.parameter(c, "investment_dkk", "a proposal's one-off investment (anlæg)",
                        {model::ParameterUse::Kind::kProposalInvestment, 0, proposal, 0, 0}, 0,
                        INFINITY)
              .value_or(0);
    c.string("description", Need::kOptional);
    if (!p.reduction && (p.fixed_dkk_per_year < 0 || p.dkk_per_participant_month < 0))
      c.error(
          "fixed_dkk_per_year",
          "an expansion's costs cannot be negative; expected kind = \"reduction\" for a saving");
    if (p.reduction && (p.fixed_dkk_per_year > 0 || p.dkk_per_participant_month > 0))
      c.error("fixed_dkk_per_year",
              "a reduction's costs are savings; expected zero or negative amounts");
  }
  if (const toml::table* target = r.table("target", Need::kRequired)) {
    TableReader t(*target, file, "target", ctx.diagnostics);
    read_target(ctx, t, p);
  }
  const auto effects = r.tables("effect", Need::kOptional);
  for (size_t i = 0; i < effects.size(); ++i) {
    TableReader e(*effects[i], file, "effect[" + std::to_string(i) + "]", ctx.diagnostics);
    read_effect(ctx, e, p);
  }
  if (!p.id.empty() && ctx.declare(r, "id", p.id, ctx.proposals, "proposal") >= 0) {
    ctx.out.scenario.proposals.push_back(p);
    ctx.out.scenario.arms.push_back(
        {p.id, p.title, {static_cast<int>(ctx.out.scenario.proposals.size()) - 1}});
  }
}

}  // namespace kommunesim::scenarios
