// Loading the parameter register (parameters.toml and the files beside it) and the normative
// sets (norms/*.toml), which may override the register's normative parameters only.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/engine/parameter_values.hpp"
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

// A parameter that normative sets may set: read by the engine's valuation or dynamics settings.
bool is_normative(const model::Scenario& scenario, std::string_view id) {
  return model::normative_setting(scenario, id).setting != model::NormativeSetting::kNone;
}

}  // namespace

// The largest figure the register holds, either sign: beyond any amount a municipality has (a
// trillion DKK a month) and small enough that sums over persons and months stay finite.
constexpr double kLargestRegisterFigure = 1e12;

void load_register(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  TableReader r(doc, file, "", ctx.diagnostics);
  for (const toml::table* t : r.tables("parameter", Need::kRequired)) {
    TableReader p(*t, file, "parameter", ctx.diagnostics);
    model::Parameter e;
    e.id = p.identifier("id", Need::kRequired).value_or("");
    e.description = p.string("description", Need::kRequired).value_or("");
    e.unit = p.string("unit", Need::kRequired).value_or("");
    constexpr double kMax = kLargestRegisterFigure;
    e.value = p.number("value", Need::kRequired, -kMax, kMax).value_or(0);
    e.low = p.number("low", Need::kRequired, -kMax, kMax).value_or(e.value);
    e.high = p.number("high", Need::kRequired, -kMax, kMax).value_or(e.value);
    e.category = p.string("category", Need::kRequired).value_or("");
    e.evidence = p.string("evidence", Need::kRequired).value_or("");
    e.source = p.string("source", Need::kRequired).value_or("");
    e.owner = p.string("owner", Need::kOptional).value_or("");
    e.explore = p.boolean("explore", Need::kOptional).value_or(false);
    if (e.explore && e.category != "dynamics")
      p.error("explore",
              "only a dynamics figure is explored by re-simulation; the default "
              "tornado moves every unit cost already");
    if (p.has("source") && e.source.find_first_not_of(" \t") == std::string::npos)
      p.error("source",
              "is empty; every parameter needs its source (a citation, or \"assumption: ...\")");
    if (e.category != "valuation" && e.category != "dynamics")
      p.error("category", "unknown category '" + e.category + "'; expected valuation or dynamics",
              closest_name(e.category, {"valuation", "dynamics"}));
    if (!(e.low <= e.value && e.value <= e.high)) {
      // A share or probability written as a percentage (15 for 0.15) is the common slip.
      const bool share = e.unit.find("share") != std::string::npos ||
                         e.unit.find("probability") != std::string::npos;
      p.error("value", "expected low <= value <= high; found " + number_text(e.value) +
                           " outside [" + number_text(e.low) + ", " + number_text(e.high) + "]" +
                           (share && e.value > 1 ? " (a share is a fraction: 0.15 for 15 %)" : ""));
    }
    // An uncertain effect size: value is the mode of a triangular distribution over [low, high],
    // or the median of a lognormal one whose 90 % interval is [low, high].
    if (const auto d = p.string("distribution", Need::kOptional)) {
      if (*d == "triangular") {
        e.distribution = model::EffectSize::Kind::kTriangular;
      } else if (*d == "lognormal") {
        e.distribution = model::EffectSize::Kind::kLognormal90;
        const double median = std::sqrt(e.low * e.high);
        if (!(e.low > 0 && e.low < e.high) || std::abs(e.value - median) > 1e-3 * median)
          p.error("value",
                  "a lognormal effect's value is the median of its 90 % interval: "
                  "expected 0 < low < high and value = sqrt(low * high) = " +
                      number_text(median));
      } else {
        p.error("distribution",
                "unknown distribution '" + *d +
                    "'; expected triangular (value is the mode) or lognormal (low and high are "
                    "the 90 % interval)",
                closest_name(*d, {"lognormal", "triangular"}));
      }
    }
    const std::string scales_with = p.string("scales_with", Need::kOptional).value_or("");
    constexpr int64_t kFirstYear = 1900, kLastYear = 2200;
    const auto price_year = p.integer("price_year", Need::kOptional, kFirstYear, kLastYear);
    // [[parameter.change]]: from = "YYYY-MM", value, source.
    std::vector<LoadContext::PendingChange> changes;
    for (const toml::table* c : p.tables("change", Need::kOptional)) {
      TableReader ch(*c, file, p.path("change"), ctx.diagnostics);
      LoadContext::PendingChange change;
      const std::string from = ch.string("from", Need::kRequired).value_or("");
      change.value =
          ch.number("value", Need::kRequired, -kLargestRegisterFigure, kLargestRegisterFigure)
              .value_or(0);
      change.source = ch.source();
      change.origin = at(*c, file, p.path("change"), "");
      int year = 0, month = 0;
      if (from.size() != 7 || from[4] != '-' ||
          std::sscanf(from.c_str(), "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12) {
        ch.error("from",
                 "expected the first month of the new value as \"YYYY-MM\", e.g. \"2027-01\"");
        continue;
      }
      change.month = (year - ctx.out.scenario.base_year) * model::kMonthsPerYear + (month - 1);
      changes.push_back(std::move(change));
    }
    if (!e.id.empty() && ctx.declare(p, "id", e.id, ctx.parameters, "parameter") >= 0) {
      ctx.out.scenario.parameters.push_back(e);
      ctx.parameter_origins.push_back(at(*t, file, "parameter", ""));
      ctx.scales_with.push_back(scales_with);
      ctx.price_years.push_back(static_cast<int>(price_year.value_or(0)));
      ctx.changes.push_back(std::move(changes));
    }
  }
}

void check_register(LoadContext& ctx, TableReader& r) {
  const model::Scenario& s = ctx.out.scenario;
  const auto must_be_valuation = [&](const std::string& id, const std::string& role) {
    const int k = s.parameter_index(id);
    if (k < 0 || s.parameters[static_cast<size_t>(k)].is_valuation()) return;
    Diagnostic d = ctx.parameter_origins[static_cast<size_t>(k)];
    d.message = "parameter '" + id + "' " + role + " and must have category valuation";
    ctx.diagnostics.add(std::move(d));
  };
  for (const auto& measure : s.measures)
    must_be_valuation(model::price_parameter_id(measure), "prices measure '" + measure.id + "'");
  for (const auto& group : s.equity_groups)
    must_be_valuation(model::equity_parameter_id(group), "weighs equity group '" + group.id + "'");
  for (const auto& [id, category] : kEngineParameters) {
    const int k = s.parameter_index(id);
    if (k < 0) {
      r.error("parameters", std::string("the engine needs parameter '") + id +
                                "' declared in the register (category " + category + ")");
    } else if (s.parameters[static_cast<size_t>(k)].category != category) {
      Diagnostic d = ctx.parameter_origins[static_cast<size_t>(k)];
      d.message = std::string("parameter '") + id + "' must have category " + category;
      ctx.diagnostics.add(std::move(d));
    }
  }
}

void check_register_use(LoadContext& ctx) {
  if (ctx.unread_file) return;  // the unread file may be the one that reads them
  const model::Scenario& s = ctx.out.scenario;
  std::vector<bool> used(s.parameters.size(), false);
  for (const auto& use : s.parameter_uses) used[static_cast<size_t>(use.parameter)] = true;
  for (size_t k = 0; k < s.parameters.size(); ++k)
    if (!used[k] && !is_normative(s, s.parameters[k].id)) {
      Diagnostic d = ctx.parameter_origins[k];
      d.message = "parameter '" + s.parameters[k].id +
                  "' is declared but read by no module, proposal or normative setting; "
                  "expected it to be used (or removed)";
      ctx.diagnostics.add(std::move(d));
    }
}

void resolve_scales_with(LoadContext& ctx) {
  model::Scenario& s = ctx.out.scenario;
  std::vector<bool> cost(s.parameters.size(), false);  // read as a unit cost, not a rate or share
  std::vector<bool> used(s.parameters.size(), false);  // unused ones are reported already
  for (const auto& use : s.parameter_uses) used[static_cast<size_t>(use.parameter)] = true;
  for (const auto& use : s.parameter_uses)
    cost[static_cast<size_t>(use.parameter)] = use.is_unit_cost();
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    const std::string& id = ctx.scales_with[k];
    if (id.empty() || !used[k]) continue;
    const auto problem = [&](const std::string& message) {
      Diagnostic d = ctx.parameter_origins[k];
      d.message = "parameter '" + s.parameters[k].id + "': scales_with: " + message;
      ctx.diagnostics.add(std::move(d));
    };
    const int leader = s.parameter_index(id);
    if (leader < 0) {
      problem("unknown parameter '" + id + "'; expected the id of a unit cost in the register");
      continue;
    }
    const auto l = static_cast<size_t>(leader);
    if (leader == static_cast<int>(k) || !ctx.scales_with[l].empty())
      problem("'" + id + "' scales with another parameter itself (or is this one); expected a " +
              "unit cost that is drawn on its own");
    else if (!cost[k] || !cost[l])
      problem("expected both '" + s.parameters[k].id + "' and '" + id +
              "' to be unit costs (read as a cost per month or per year)");
    else if (s.parameters[l].value == 0)
      problem("'" + id + "' has the register value 0, which nothing can be scaled by");
    else
      s.parameters[k].scales_with = leader;
  }
}

void resolve_price_years(LoadContext& ctx) {
  model::Scenario& s = ctx.out.scenario;
  const model::PriceLevel& prices = s.prices;
  std::vector<bool> cost(s.parameters.size(), false), other(s.parameters.size(), false);
  for (const auto& use : s.parameter_uses)
    (use.is_unit_cost() ? cost : other)[static_cast<size_t>(use.parameter)] = true;
  std::string years;
  for (const auto& [year, value] : prices.index)
    years += (years.empty() ? "" : ", ") + std::to_string(year);
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    model::Parameter& p = s.parameters[k];
    const int year = ctx.price_years[k];
    const auto problem = [&](const std::string& message) {
      Diagnostic d = ctx.parameter_origins[k];
      d.message = "parameter '" + p.id + "': price_year: " + message;
      ctx.diagnostics.add(std::move(d));
    };
    if (year != 0 && (!cost[k] || other[k])) {
      problem("only unit costs (amounts read per month or per year) have a price year; '" + p.id +
              "' is not one");
    } else if (year != 0 && prices.year == 0) {
      problem(
          "the scenario declares no price level; add [prices] to scenario.toml (year, index, "
          "description, source) or remove price_year");
    } else if (year == 0 && cost[k] && prices.year != 0) {
      problem("missing; the scenario states its amounts in " + std::to_string(prices.year) +
              " prices ([prices] in scenario.toml), so every unit cost must say the year whose "
              "prices it is stated in (one of the index's years: " +
              years + ")");
    } else if (year != 0 && !prices.index.contains(year)) {
      problem(std::to_string(year) +
              " is not in the price index of scenario.toml; expected one of " + years);
    } else if (year != 0 && year != prices.year && prices.index.contains(prices.year)) {
      p.price_year = year;
      p.price_factor = prices.index.at(prices.year) / prices.index.at(year);
      p.value *= p.price_factor;
      p.low *= p.price_factor;
      p.high *= p.price_factor;
      model::set_parameter_value(s, static_cast<int>(k), p.value);
    }
  }
}

namespace {

// A unit cost's dated change, priced exactly: each state line the cost is read by is split in two
// by a cost condition "from the change's month on", the old line paid before it and a copy at the
// new value after it. The copy reads the same parameter scaled by new / register value, so unit
// cost draws and the tornado move both periods alike. Returns a problem, or "".
std::string split_cost_lines(model::Scenario& s, int parameter, model::MonthIndex month,
                             double value) {
  const model::Parameter& p = s.parameters[static_cast<size_t>(parameter)];
  if (p.value == 0)
    return "a unit cost whose register value is 0 cannot change by date (the new value is kept "
           "as a multiple of it)";
  std::vector<model::ParameterUse> added;
  for (const model::ParameterUse& use : s.parameter_uses) {
    if (use.parameter != parameter) continue;
    model::State& state =
        s.modules[static_cast<size_t>(use.owner)].states[static_cast<size_t>(use.item)];
    model::Condition from;
    from.kind = model::Condition::Kind::kFromMonth;
    from.from_month = month;
    model::CostLine& line = state.costs[static_cast<size_t>(use.detail)];
    if (line.condition >= 0) return "a cost line with when or unless cannot also change by date";
    line.condition = state.cost_condition_index(from);
    if (line.condition < 0)
      return "the state's cost lines already read " + std::to_string(model::kMaxCostConditions) +
             " conditions";
    line.unless = true;
    model::CostLine after = line;
    after.unless = false;
    after.dkk_per_month = value;
    state.costs.push_back(after);
    model::ParameterUse use_after = use;
    use_after.detail = static_cast<int>(state.costs.size()) - 1;
    use_after.factor = value / p.value;
    added.push_back(use_after);
  }
  s.parameter_uses.insert(s.parameter_uses.end(), added.begin(), added.end());
  return "";
}

}  // namespace

void resolve_dated_changes(LoadContext& ctx) {
  model::Scenario& s = ctx.out.scenario;
  using Kind = model::ParameterUse::Kind;
  // Per parameter: the kind of its uses when they are all module figures or all state costs.
  std::vector<int> kind(s.parameters.size(), -1);
  std::vector<bool> mixed(s.parameters.size(), false);
  for (const auto& use : s.parameter_uses) {
    const auto k = static_cast<size_t>(use.parameter);
    const bool datable = use.kind == Kind::kTransitionProbability || use.kind == Kind::kModifier ||
                         use.kind == Kind::kEntryShare || use.kind == Kind::kStateCost;
    const bool cost = use.kind == Kind::kStateCost;
    if (!datable || (kind[k] >= 0 && (kind[k] == static_cast<int>(Kind::kStateCost)) != cost))
      mixed[k] = true;
    kind[k] = static_cast<int>(use.kind);
  }
  const int months = s.horizon_years * model::kMonthsPerYear;
  for (size_t k = 0; k < ctx.changes.size(); ++k) {
    model::MonthIndex previous = 0;
    const bool cost = kind[k] == static_cast<int>(Kind::kStateCost);
    for (const auto& change : ctx.changes[k]) {
      const auto problem = [&](const std::string& message) {
        Diagnostic d = change.origin;
        d.message = "parameter '" + s.parameters[k].id + "': change: " + message;
        ctx.diagnostics.add(std::move(d));
      };
      const bool probability = kind[k] == static_cast<int>(Kind::kTransitionProbability) ||
                               kind[k] == static_cast<int>(Kind::kEntryShare);
      if (kind[k] < 0 || mixed[k]) {
        problem(
            "only the modules' rates, relative risks, entry shares and state costs take "
            "dated changes");
      } else if (change.month < 1 || change.month >= months) {
        problem("expected a month after the run's first (January " + std::to_string(s.base_year) +
                ") and within its " + std::to_string(s.horizon_years) +
                " years; a value in force from the start is the register's value");
      } else if (change.month <= previous || (cost && previous > 0)) {
        problem(cost ? "a unit cost takes one dated change"
                     : "expected the changes in ascending months");
      } else if (!cost && (change.value < 0 || (probability && change.value > 1))) {
        problem(probability ? "expected a value in [0, 1]" : "expected a value of 0 or more");
      } else {
        // A unit cost's new value is stated at the cost's own price year.
        const double value = cost ? change.value * s.parameters[k].price_factor : change.value;
        if (const std::string why =
                cost ? split_cost_lines(s, static_cast<int>(k), change.month, value) : "";
            !why.empty()) {
          problem(why);
          continue;
        }
        s.dated_changes.push_back({static_cast<int>(k), change.month, value, change.source, cost});
        previous = change.month;
      }
    }
  }
  std::stable_sort(s.dated_changes.begin(), s.dated_changes.end(),
                   [](const auto& a, const auto& b) { return a.month < b.month; });
}

void load_norm(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  TableReader r(doc, file, "", ctx.diagnostics);
  model::NormativeSet norm;
  norm.id = r.identifier("id", Need::kRequired).value_or("");
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
  std::vector<double> set_values;
  for (const auto& e : entries) set_values.push_back(e.value);
  bool states_half_life = false;
  if (const toml::table* values = r.table("values", Need::kOptional)) {
    states_half_life = values->contains("effect_half_life_months");
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
      if (!is_normative(ctx.out.scenario, id)) {
        ctx.diagnostics.add(
            at(node, file, where,
               "overrides '" + id +
                   "', a figure that modules or proposals read; a normative set may override only "
                   "normative choices (horizon_years, discount_rate, effect_scale, "
                   "effect_half_life_months, deadweight, value_<measure>, equity_weight_<group>). "
                   "Change the figure in the register; the tornado shows what its range does"));
        continue;
      }
      const auto v = node.value<double>();
      if (!v || node.is_boolean() || !(*v >= e->low && *v <= e->high)) {  // NaN fails too
        ctx.diagnostics.add(at(node, file, where,
                               "expected a number in the register's range [" + number_text(e->low) +
                                   ", " + number_text(e->high) + "]"));
        continue;
      }
      set_values[static_cast<size_t>(e - entries.data())] = *v;
    }
  }
  const auto value_of = [&](const std::string& id) {
    const model::Parameter* e = find_entry(ctx.out.scenario, id);
    return e ? set_values[static_cast<size_t>(e - entries.data())] : 0.0;
  };
  const double horizon = value_of("horizon_years");
  const double rate = value_of("discount_rate");
  norm.dynamics.effect_scale = value_of("effect_scale");
  norm.dynamics.effect_half_life_months = value_of("effect_half_life_months");
  // A set that states a half-life applies it to every proposal; otherwise proposals whose
  // evidence gives a persistence keep theirs.
  norm.dynamics.half_life_for_all = states_half_life;
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
    // The set's discount_rate is the schedule's first rate (the one a budget-length horizon
    // meets), and every band must lie in the register's range.
    const int k = ctx.out.scenario.parameter_index("discount_rate");
    if (k >= 0 && !norm.discount.empty()) {
      const model::Parameter& p = entries[static_cast<size_t>(k)];
      for (const auto& band : norm.discount)
        if (band.rate < p.low || band.rate > p.high)
          r.error("discount_schedule", "rate " + number_text(band.rate) +
                                           " is outside the register's discount_rate range [" +
                                           number_text(p.low) + ", " + number_text(p.high) + "]");
    }
  }
  if (!norm.id.empty()) {
    const auto& norms = ctx.out.scenario.norms;
    for (size_t n = 0; n < norms.size(); ++n)
      if (norms[n].id == norm.id)
        r.error("id", "normative set '" + norm.id +
                          "' is declared twice; it is first declared in " + ctx.norm_files[n]);
    ctx.out.scenario.norms.push_back(norm);
    ctx.norm_files.push_back(file);
  }
}

}  // namespace kommunesim::scenarios
