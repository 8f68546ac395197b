// Loading the parameter register (parameters.toml) and the normative sets (norms/*.toml), which
// may override declared parameters only.
#include <algorithm>
#include <cmath>

#include "scenarios/loader/load_context.hpp"

namespace kommunesim::scenarios {
namespace {

// Parameters the engine itself reads; every scenario's register must declare them.
struct EngineParameter {
  const char* id;
  const char* category;
};
constexpr EngineParameter kEngineParameters[] = {
    {"horizon_years", "valuation"}, {"discount_rate", "valuation"},
    {"effect_scale", "dynamics"},   {"effect_half_life_months", "dynamics"},
    {"deadweight", "dynamics"},
};

// The register entry with this id, or nullptr.
const model::Parameter* find_entry(const model::Scenario& scenario, std::string_view id) {
  const int i = scenario.parameter_index(id);
  return i < 0 ? nullptr : &scenario.parameters[static_cast<size_t>(i)];
}

}  // namespace

void load_register(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  TableReader r(doc, file, "", ctx.diagnostics);
  NameIndex ids;
  for (const toml::table* t : r.tables("parameter", Need::kRequired)) {
    TableReader p(*t, file, "parameter", ctx.diagnostics);
    model::Parameter e;
    e.id = p.string("id", Need::kRequired).value_or("");
    e.description = p.string("description", Need::kRequired).value_or("");
    e.unit = p.string("unit", Need::kRequired).value_or("");
    e.value = p.number("value", Need::kRequired).value_or(0);
    e.low = p.number("low", Need::kRequired).value_or(e.value);
    e.high = p.number("high", Need::kRequired).value_or(e.value);
    e.category = p.string("category", Need::kRequired).value_or("");
    e.evidence = p.string("evidence", Need::kRequired).value_or("");
    e.source = p.string("source", Need::kRequired).value_or("");
    e.owner = p.string("owner", Need::kOptional).value_or("");
    if (e.source.find_first_not_of(" \t") == std::string::npos)
      p.error("source",
              "is empty; every parameter needs its source (a citation, or \"assumption: ...\")");
    if (e.category != "valuation" && e.category != "dynamics")
      p.error("category", "unknown category '" + e.category + "'; expected valuation or dynamics",
              closest_name(e.category, {"valuation", "dynamics"}));
    if (!(e.low <= e.value && e.value <= e.high)) p.error("value", "expected low <= value <= high");
    if (!e.id.empty() && ctx.declare(p, "id", e.id, ids, "parameter") >= 0)
      ctx.out.scenario.parameters.push_back(e);
  }
  for (const auto& measure : ctx.out.scenario.measures)
    if (const model::Parameter* e =
            find_entry(ctx.out.scenario, model::price_parameter_id(measure)))
      if (!e->is_valuation())
        r.error("parameter", "parameter '" + e->id + "' prices measure '" + measure.id +
                                 "' and must have category valuation");
  for (const auto& group : ctx.out.scenario.equity_groups)
    if (const model::Parameter* e = find_entry(ctx.out.scenario, model::equity_parameter_id(group)))
      if (!e->is_valuation())
        r.error("parameter", "parameter '" + e->id + "' weighs equity group '" + group.id +
                                 "' and must have category valuation");
  for (const auto& [id, category] : kEngineParameters) {
    const model::Parameter* e = find_entry(ctx.out.scenario, id);
    if (!e)
      r.error("parameter", std::string("the engine needs parameter '") + id +
                               "' declared in the register (category " + category + ")");
    else if (e->category != category)
      r.error("parameter", std::string("parameter '") + id + "' must have category " + category);
  }
}

void load_norm(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  TableReader r(doc, file, "", ctx.diagnostics);
  model::NormativeSet norm;
  norm.id = r.string("id", Need::kRequired).value_or("");
  norm.title = r.string("title", Need::kRequired).value_or(norm.id);
  r.string("description", Need::kRequired);
  // Payers that count, or "owning_department": only the municipal budget of the department that
  // owns the proposal (the silo view of the budget process).
  const auto perspective =
      r.strings("perspective", Need::kRequired).value_or(std::vector<std::string>{});
  if (std::find(perspective.begin(), perspective.end(), "owning_department") != perspective.end()) {
    if (perspective.size() != 1)
      r.error("perspective",
              "\"owning_department\" stands alone: it counts the owning department's municipal "
              "money only");
    norm.owning_department_only = true;
    norm.perspective[static_cast<size_t>(model::Payer::kMunicipality)] = true;
  } else {
    for (const auto& payer : perspective)
      if (const auto resolved = resolve_payer(r, "perspective", payer))
        norm.perspective[static_cast<size_t>(*resolved)] = true;
  }
  if (perspective.empty())
    r.error("perspective", "expected at least one payer, or \"owning_department\"");
  // Start from the register's defaults; overrides must name declared parameters, within range.
  const auto& entries = ctx.out.scenario.parameters;
  for (const auto& e : entries) norm.parameter_values.push_back(e.value);
  if (const toml::table* values = r.table("values", Need::kOptional)) {
    for (const auto& [key, node] : *values) {
      const std::string id(key.str());
      const std::string where = "values." + id;
      const model::Parameter* e = find_entry(ctx.out.scenario, id);
      if (!e) {
        std::vector<std::string> ids;
        for (const auto& x : entries) ids.push_back(x.id);
        Diagnostic d =
            at(node, file, where,
               "overrides '" + id + "', which is not declared in the parameter register");
        d.suggestion = closest_name(id, ids);
        ctx.diagnostics.add(std::move(d));
        continue;
      }
      const auto v = node.value<double>();
      if (!v || node.is_boolean() || *v < e->low || *v > e->high) {
        ctx.diagnostics.add(at(node, file, where,
                               "expected a number in the register's range [" +
                                   std::to_string(e->low) + ", " + std::to_string(e->high) + "]"));
        continue;
      }
      norm.parameter_values[static_cast<size_t>(e - entries.data())] = *v;
    }
  }
  const auto value_of = [&](const std::string& id) {
    const model::Parameter* e = find_entry(ctx.out.scenario, id);
    return e ? norm.parameter_values[static_cast<size_t>(e - entries.data())] : 0.0;
  };
  const double horizon = value_of("horizon_years");
  const double rate = value_of("discount_rate");
  norm.dynamics.effect_scale = value_of("effect_scale");
  norm.dynamics.effect_half_life_months = value_of("effect_half_life_months");
  norm.dynamics.deadweight = value_of("deadweight");
  for (const auto& measure : ctx.out.scenario.measures)
    norm.measure_values.push_back(value_of(model::price_parameter_id(measure)));
  for (const auto& group : ctx.out.scenario.equity_groups) {
    const model::Parameter* e = find_entry(ctx.out.scenario, model::equity_parameter_id(group));
    norm.equity_weights.push_back(e ? value_of(e->id) : 1.0);
  }
  norm.horizon_years = static_cast<int>(std::lround(horizon));
  if (norm.horizon_years < 1 || norm.horizon_years > ctx.out.scenario.horizon_years)
    r.error("values", "horizon of " + std::to_string(norm.horizon_years) +
                          " years; expected 1 to the scenario's horizon_years (" +
                          std::to_string(ctx.out.scenario.horizon_years) + ")");
  norm.discount = {{0, rate}};
  if (r.has("discount_schedule")) {
    norm.discount.clear();
    for (const toml::table* t : r.tables("discount_schedule", Need::kOptional)) {
      TableReader b(*t, file, "discount_schedule", ctx.diagnostics);
      const int from =
          static_cast<int>(b.integer("from_year", Need::kRequired, 0, 1000).value_or(0));
      const double band_rate = b.number("rate", Need::kRequired, -0.5, 1).value_or(0);
      if (norm.discount.empty() ? from != 0 : from <= norm.discount.back().from_year)
        b.error("from_year", "expected ascending years starting at 0");
      norm.discount.push_back({from, band_rate});
    }
    r.source("discount_source");
    // The register's discount_rate shows the schedule's first rate (the one a budget-length
    // horizon meets), and every band must lie in its range.
    const int k = ctx.out.scenario.parameter_index("discount_rate");
    if (k >= 0 && !norm.discount.empty()) {
      const model::Parameter& p = entries[static_cast<size_t>(k)];
      for (const auto& band : norm.discount)
        if (band.rate < p.low || band.rate > p.high)
          r.error("discount_schedule", "rate " + std::to_string(band.rate) +
                                           " is outside the register's discount_rate range [" +
                                           std::to_string(p.low) + ", " + std::to_string(p.high) +
                                           "]");
      norm.parameter_values[static_cast<size_t>(k)] = norm.discount.front().rate;
    }
  }
  if (!norm.id.empty()) {
    for (const auto& other : ctx.out.scenario.norms)
      if (other.id == norm.id) r.error("id", "normative set '" + norm.id + "' is declared twice");
    ctx.out.scenario.norms.push_back(norm);
  }
}

}  // namespace kommunesim::scenarios
