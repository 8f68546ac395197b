// Loading a budget proposal (proposals/*.toml): cost, target group, capacity, participation and
// effects with their uncertainty.
#include <algorithm>

#include "model/units.hpp"
#include "scenarios/loader/load_context.hpp"

namespace kommunesim::scenarios {
namespace {

using model::kMonthsPerYear;

model::EffectSize read_effect_size(LoadContext& ctx, TableReader& r) {
  model::EffectSize size;
  const toml::node* node = r.node("relative_risk");
  if (!node) {
    r.error("relative_risk",
            "missing required key; expected a number or { distribution = \"lognormal\" | "
            "\"triangular\", ... }");
    return size;
  }
  if (const toml::table* t = node->as_table()) {
    TableReader d(*t, r.file(), r.path("relative_risk"), ctx.diagnostics);
    const auto kind = d.string("distribution", Need::kRequired).value_or("");
    size.low = d.number("low", Need::kRequired, 1e-6, 1000).value_or(1);
    size.high = d.number("high", Need::kRequired, 1e-6, 1000).value_or(1);
    if (kind == "lognormal") {
      size.kind = model::EffectSize::Kind::kLognormal90;
      size.mode = std::sqrt(size.low * size.high);
      if (!(size.low < size.high))
        d.error("high", "expected the 90 % interval's high above its low");
    } else if (kind == "triangular") {
      size.kind = model::EffectSize::Kind::kTriangular;
      size.mode = d.number("mode", Need::kRequired, 1e-6, 1000).value_or(1);
      if (!(size.low <= size.mode && size.mode <= size.high))
        d.error("mode", "expected low <= mode <= high");
    } else {
      d.error("distribution",
              "unknown distribution '" + kind +
                  "'; expected lognormal (from a 90 % interval) or triangular",
              closest_name(kind, {"lognormal", "triangular"}));
    }
    return size;
  }
  size.mode = size.low = size.high =
      r.number("relative_risk", Need::kRequired, 0, 1000).value_or(1);
  return size;
}

void read_effect(LoadContext& ctx, TableReader& r, model::Proposal& p) {
  model::Effect effect;
  const auto module = r.string("module", Need::kRequired);
  effect.module = module ? ctx.resolve(r, "module", *module, ctx.modules, "module") : -1;
  const auto from = r.string("from", Need::kRequired);
  const auto to = r.string("to", Need::kRequired);
  effect.relative_risk = read_effect_size(ctx, r);
  r.string("evidence", Need::kRequired);
  r.string("description", Need::kOptional);
  r.source();
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
  r.string("description", Need::kOptional);
  if (target.module < 0) return;
  const auto& m = ctx.out.scenario.modules[static_cast<size_t>(target.module)];
  if (states) {
    if (states->empty())
      r.error("states", "the target group is empty: expected at least one state");
    for (const auto& name : *states) {
      const int s =
          ctx.resolve(r, "states", name, ctx.states[static_cast<size_t>(target.module)], "state");
      if (s >= 0) target.state_mask |= uint64_t{1} << s;
    }
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
  p.id = r.string("id", Need::kRequired).value_or("");
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
  const auto priority = r.string("priority", Need::kOptional).value_or("longest_in_state");
  if (priority == "random")
    p.priority = model::AdmissionPriority::kRandom;
  else if (priority != "longest_in_state")
    r.error("priority", "unknown priority '" + priority + "'; expected longest_in_state or random",
            closest_name(priority, {"longest_in_state", "random"}));
  if (const toml::table* cost = r.table("cost", Need::kRequired)) {
    TableReader c(*cost, file, "cost", ctx.diagnostics);
    p.fixed_dkk_per_year = c.number("fixed_dkk_per_year", Need::kRequired).value_or(0);
    p.dkk_per_participant_month =
        c.number("dkk_per_participant_month", Need::kRequired).value_or(0);
    c.string("description", Need::kOptional);
    c.source();
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
