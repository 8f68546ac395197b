// Loading a department's module (modules/*.toml): states, costs, entry rules, transitions with
// probabilities by age and duration band, and modifiers.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "model/engine/module_tables.hpp"
#include "model/engine/units.hpp"
#include "scenarios/loader/load_context.hpp"

namespace kommunesim::scenarios {
namespace {

using model::kMonthsPerYear;

// Ascending lower bounds; the first must be at most `first_at_most` so that the bands cover
// every value the table is looked up with.
std::vector<int> band_bounds(TableReader& r, std::string_view key, int unit, int max,
                             int first_at_most) {
  const auto values = r.numbers(key, Need::kOptional, 0, max);
  if (!values) return {0};
  std::vector<int> out;
  for (double v : *values) out.push_back(static_cast<int>(v) * unit);
  if (out.empty() || out[0] > first_at_most * unit || !std::is_sorted(out.begin(), out.end()) ||
      std::adjacent_find(out.begin(), out.end()) != out.end()) {
    r.error(key, "expected ascending band lower bounds, the first at most " +
                     std::to_string(first_at_most));
    return {0};
  }
  return out;
}

model::Condition read_condition(LoadContext& ctx, TableReader& r, int& count) {
  model::Condition c;
  count = 0;
  if (const toml::table* self = r.table("self_in", Need::kOptional)) {
    ++count;
    TableReader s(*self, r.file(), r.path("self_in"), ctx.diagnostics);
    c.kind = model::Condition::Kind::kSelfIn;
    const auto module = s.string("module", Need::kRequired);
    const int m = module ? ctx.resolve(s, "module", *module, ctx.modules, "module") : -1;
    const auto states = s.strings("states", Need::kRequired);
    if (m >= 0 && states) {
      c.module = static_cast<uint8_t>(m);
      c.state_mask = ctx.state_mask(s, "states", *states, m, "state of module '" + *module + "'");
    }
  }
  if (const auto name = r.string("household", Need::kOptional)) {
    ++count;
    c.kind = model::Condition::Kind::kHousehold;
    const int i =
        ctx.resolve(r, "household", *name, ctx.household_conditions, "household condition");
    c.index = static_cast<uint16_t>(std::max(i, 0));
  }
  if (const auto name = r.string("history", Need::kOptional)) {
    ++count;
    c.kind = model::Condition::Kind::kHistory;
    const int i = ctx.resolve(r, "history", *name, ctx.flags, "history flag");
    c.index = static_cast<uint16_t>(std::max(i, 0));
  }
  // clock = { module, from, to }: the module's clock reads from (inclusive) to (exclusive, default
  // no end) months.
  if (const toml::table* clock = r.table("clock", Need::kOptional)) {
    ++count;
    TableReader t(*clock, r.file(), r.path("clock"), ctx.diagnostics);
    c.kind = model::Condition::Kind::kClock;
    const auto module = t.string("module", Need::kRequired);
    const int m = module ? ctx.resolve(t, "module", *module, ctx.modules, "module") : -1;
    constexpr int64_t kMaxMonths = 0xFFFF;
    c.clock_from =
        static_cast<uint16_t>(t.integer("from", Need::kRequired, 0, kMaxMonths).value_or(0));
    c.clock_to =
        static_cast<uint16_t>(t.integer("to", Need::kOptional, 1, kMaxMonths).value_or(kMaxMonths));
    if (c.clock_to <= c.clock_from) t.error("to", "expected to above from");
    if (m >= 0) {
      c.module = static_cast<uint8_t>(m);
      if (static_cast<size_t>(m) < ctx.module_has_clock.size() &&
          !ctx.module_has_clock[static_cast<size_t>(m)])
        t.error("module", "module '" + *module + "' declares no [clock]");
    }
  }
  // age = [from, to]: whole years, from inclusive, to exclusive.
  if (const auto ages = r.numbers("age", Need::kOptional, 0, model::kAgeYearsTabled)) {
    ++count;
    c.kind = model::Condition::Kind::kAge;
    if (ages->size() != 2 || (*ages)[0] >= (*ages)[1] || (*ages)[0] != std::floor((*ages)[0]) ||
        (*ages)[1] != std::floor((*ages)[1])) {
      r.error("age", "expected [from, to]: two whole years, from below to (to is exclusive)");
    } else {
      c.age_from = static_cast<uint8_t>((*ages)[0]);
      c.age_to = static_cast<uint8_t>((*ages)[1]);
    }
  }
  return c;
}

std::vector<model::MeasureWeight> read_measures(LoadContext& ctx, TableReader& r) {
  std::vector<model::MeasureWeight> out;
  const toml::table* t = r.table("measures", Need::kOptional);
  if (!t) return out;
  for (const auto& [name, node] : *t) {
    const std::string where = r.path("measures") + "." + std::string(name.str());
    const int m =
        ctx.resolve_at(node, r.file(), where, std::string(name.str()), ctx.measures, "measure");
    const auto v = node.value<double>();
    // A measure counts years, events or points: a million per person-month is beyond any.
    constexpr double kLargestWeight = 1e6;
    if (!v || node.is_boolean() || !(std::abs(*v) <= kLargestWeight)) {
      ctx.diagnostics.add(at(node, r.file(), where,
                             "expected a number in [-1000000, 1000000] (the measure per "
                             "person-month or per event)"));
      continue;
    }
    if (m >= 0) out.push_back({m, *v});
  }
  return out;
}

// A municipal cost line's budget type: `type` = service, transfer (with `budget_guarantee`) or
// financing. Required where the municipality pays, since a transfer counted as service (or the
// reverse) misstates the service ceiling; other payers' lines have none.
void read_budget_type(TableReader& c, model::CostLine& line) {
  const bool municipal = line.payer == model::Payer::kMunicipality;
  const auto type = c.string("type", Need::kOptional);
  const auto guarantee = c.boolean("budget_guarantee", Need::kOptional);
  if (!type) {
    if (municipal)
      c.error(
          "type",
          "missing required key for a cost the municipality pays; expected type = "
          "\"service\" (counts under the service ceiling), \"transfer\" (an income transfer, "
          "with budget_guarantee = true or false) or \"financing\" (tax, equalisation, grants)");
    return;
  }
  if (!municipal) {
    c.error("type", "only the municipality's cost lines have a budget type");
    return;
  }
  if (*type == "service") {
    line.budget_type = model::BudgetType::kService;
  } else if (*type == "transfer") {
    if (!guarantee)
      c.error("budget_guarantee",
              "missing required key for a transfer; expected true (covered by the budget "
              "guarantee, e.g. kontanthjælp, førtidspension) or false (e.g. dagpenge "
              "co-financing, sygedagpenge)");
    line.budget_type = guarantee.value_or(false) ? model::BudgetType::kTransferGuaranteed
                                                 : model::BudgetType::kTransferOther;
  } else if (*type == "financing") {
    line.budget_type = model::BudgetType::kFinancing;
  } else {
    c.error("type",
            "unknown budget type '" + *type +
                "'; expected service (counts under the service ceiling), transfer (an income "
                "transfer) or financing (tax, equalisation, grants)",
            closest_name(*type, {"service", "transfer", "financing"}));
  }
  if (guarantee && *type != "transfer")
    c.error("budget_guarantee", "only a transfer is inside or outside the budget guarantee");
}

// A cost line for some persons only: `when = { condition }` or `unless = { condition }`, one
// condition as a modifier's (self_in, household, history or age). Its condition joins the state's
// list (once, however many lines read it).
void read_cost_condition(LoadContext& ctx, TableReader& c, model::CostLine& line,
                         model::State& state) {
  const bool when = c.has("when"), unless = c.has("unless");
  if (!when && !unless) return;
  if (when && unless) {
    c.error("unless", "expected either when or unless, not both");
    return;
  }
  const char* key = when ? "when" : "unless";
  const toml::table* table = c.table(key, Need::kRequired);
  if (!table) return;
  TableReader t(*table, c.file(), c.path(key), ctx.diagnostics);
  int count = 0;
  const model::Condition condition = read_condition(ctx, t, count);
  if (count != 1) {
    t.error("", "expected exactly one condition: self_in, household, history, age or clock");
    return;
  }
  line.condition = state.cost_condition_index(condition);
  if (line.condition < 0)
    c.error(key, "a state's cost lines may read at most " +
                     std::to_string(model::kMaxCostConditions) + " distinct conditions");
  line.unless = unless;
}

void read_state(LoadContext& ctx, TableReader& r, int m, model::Module& module) {
  model::State state;
  state.id = r.identifier("id", Need::kRequired).value_or("");
  state.title = r.string("title", Need::kOptional).value_or(state.id);
  r.string("description", Need::kOptional);
  if (const auto flag = r.string("history_flag", Need::kOptional))
    state.history_flag = ctx.resolve(r, "history_flag", *flag, ctx.flags, "history flag");
  state.measures = read_measures(ctx, r);
  int refusion = -1;
  for (const toml::table* t : r.tables("cost", Need::kOptional)) {
    TableReader c(*t, r.file(), r.path("cost"), ctx.diagnostics);
    model::CostLine line;
    line.department = module.department;
    line.dkk_per_month = ctx.parameter(c, "dkk_per_month", "a cost per person-month",
                                       {model::ParameterUse::Kind::kStateCost, 0, m,
                                        static_cast<int>(module.states.size()),
                                        static_cast<int>(state.costs.size())},
                                       -INFINITY, INFINITY)
                             .value_or(0);
    if (const auto d = c.string("department", Need::kOptional))
      line.department =
          std::max(0, ctx.resolve(c, "department", *d, ctx.departments, "department"));
    const auto payer = c.string("payer", Need::kRequired).value_or("municipality");
    if (const auto resolved = resolve_payer(c, "payer", payer)) line.payer = *resolved;
    if (const auto f = c.string("refusion", Need::kOptional)) {
      line.refusion = ctx.resolve(c, "refusion", *f, ctx.refusions, "refusion schedule");
      if (refusion >= 0 && line.refusion >= 0 && line.refusion != refusion)
        c.error("refusion", "a state's cost lines may use only one refusion schedule");
      refusion = line.refusion;
    }
    if (const auto receiver = c.string("received_by", Need::kOptional)) {
      if (const auto resolved = resolve_payer(c, "received_by", *receiver)) {
        if (*resolved == line.payer)
          c.error("received_by", "expected another payer than '" + payer +
                                     "': a transfer goes from one payer to another");
        else
          line.received_by = static_cast<int>(*resolved);
      }
    }
    read_budget_type(c, line);
    read_cost_condition(ctx, c, line, state);
    c.string("description", Need::kOptional);
    state.costs.push_back(line);
  }
  state.is_case = r.boolean("case", Need::kOptional)
                      .value_or(std::any_of(
                          state.costs.begin(), state.costs.end(), [](const model::CostLine& line) {
                            return line.payer == model::Payer::kMunicipality &&
                                   line.budget_type != model::BudgetType::kFinancing &&
                                   line.budget_type != model::BudgetType::kInvestment;
                          }));
  module.states.push_back(state);
}

void read_transition(LoadContext& ctx, TableReader& r, int m, model::Module& module) {
  const NameIndex& states = ctx.states[static_cast<size_t>(m)];
  model::Transition tr;
  const auto from = r.string("from", Need::kRequired);
  const auto to = r.string("to", Need::kRequired);
  const int f = from ? ctx.resolve(r, "from", *from, states, "state") : -1;
  const int t = to ? ctx.resolve(r, "to", *to, states, "state") : -1;
  if (f >= 0 && f == t) r.error("to", "a transition must lead to another state");
  tr.from = static_cast<uint8_t>(std::max(f, 0));
  tr.to = static_cast<uint8_t>(std::max(t, 0));
  // Age bands in whole years (age_from) or in months (age_from_months), the first at most the
  // module's minimum age.
  if (r.has("age_from_months")) {
    if (r.has("age_from")) r.error("age_from", "expected age_from or age_from_months, not both");
    tr.hazard.age_from_months =
        band_bounds(r, "age_from_months", 1, model::kAgeMonthsTabled - 1, module.min_age_months);
  } else {
    tr.hazard.age_from_months =
        band_bounds(r, "age_from", kMonthsPerYear, 130, module.min_age_months / kMonthsPerYear);
  }
  tr.hazard.duration_from = band_bounds(r, "duration_from", 1, 10000, 0);
  tr.duration_by_clock = reads_clock(r);
  const size_t ages = tr.hazard.age_from_months.size(), durations = tr.hazard.duration_from.size();
  // The table's cells, row-major; each names a register parameter. A row may be one id (the
  // same for every duration band), the whole table one id.
  const int transition = static_cast<int>(module.transitions.size());
  const auto cell = [&](const toml::node& node, const std::string& where, size_t index) {
    const double p = ctx.parameter(node, r.file(), where, "a monthly probability",
                                   {model::ParameterUse::Kind::kTransitionProbability, 0, m,
                                    transition, static_cast<int>(index)},
                                   0, 1)
                         .value_or(0);
    tr.hazard.values[index] = model::table_hazard_from_probability(p);
  };
  tr.hazard.values.assign(ages * durations, 0);
  const toml::node* given = r.node("probability");
  if (!given) {
    r.error("probability",
            "missing required key; expected the register id of a monthly probability, or rows by "
            "age band of columns by duration band of such ids");
  } else if (const toml::array* rows = given->as_array()) {
    if (rows->size() != ages) {
      r.error("probability", "expected " + std::to_string(ages) +
                                 " rows (one per age band in age_from), found " +
                                 std::to_string(rows->size()));
    } else {
      for (size_t i = 0; i < rows->size(); ++i) {
        const toml::node& row = *rows->get(i);
        const std::string where = r.path("probability") + "[" + std::to_string(i) + "]";
        if (const toml::array* columns = row.as_array()) {
          if (columns->size() != durations) {
            ctx.diagnostics.add(at(row, r.file(), where,
                                   "expected " + std::to_string(durations) +
                                       " columns (one per duration band in duration_from)"));
            continue;
          }
          for (size_t j = 0; j < durations; ++j)
            cell(*columns->get(j), where + "[" + std::to_string(j) + "]", i * durations + j);
        } else {
          for (size_t j = 0; j < durations; ++j) cell(row, where, i * durations + j);
        }
      }
    }
  } else {
    for (size_t index = 0; index < ages * durations; ++index)
      cell(*given, r.path("probability"), index);
  }
  tr.event_measures = read_measures(ctx, r);
  r.string("description", Need::kOptional);
  for (const toml::table* mt : r.tables("modifier", Need::kOptional)) {
    TableReader mr(*mt, r.file(), r.path("modifier"), ctx.diagnostics);
    model::Modifier mod;
    int conditions = 0;
    mod.condition = read_condition(ctx, mr, conditions);
    if (conditions != 1)
      mr.error("", "expected exactly one condition: self_in, household, history, age or clock");
    mod.relative_risk = ctx.parameter(mr, "relative_risk", "a relative risk",
                                      {model::ParameterUse::Kind::kModifier, 0, m, transition,
                                       static_cast<int>(tr.modifiers.size())},
                                      0, 1000)
                            .value_or(1);
    mod.feedback = mr.boolean("feedback", Need::kOptional).value_or(false);
    mr.string("description", Need::kOptional);
    tr.modifiers.push_back(mod);
  }
  module.transitions.push_back(std::move(tr));
}

// Groups a module's transitions by from-state (keeping the file's order within a state) and
// moves the recorded parameter uses along.
void sort_transitions(LoadContext& ctx, int m) {
  auto& transitions = ctx.out.scenario.modules[static_cast<size_t>(m)].transitions;
  std::vector<int> order(transitions.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return transitions[static_cast<size_t>(a)].from < transitions[static_cast<size_t>(b)].from;
  });
  std::vector<model::Transition> sorted;
  std::vector<int> new_index(transitions.size());
  for (size_t i = 0; i < order.size(); ++i) {
    new_index[static_cast<size_t>(order[i])] = static_cast<int>(i);
    sorted.push_back(std::move(transitions[static_cast<size_t>(order[i])]));
  }
  transitions = std::move(sorted);
  for (auto& use : ctx.out.scenario.parameter_uses)
    if (use.owner == m && (use.kind == model::ParameterUse::Kind::kTransitionProbability ||
                           use.kind == model::ParameterUse::Kind::kModifier))
      use.item = new_index[static_cast<size_t>(use.item)];
}

}  // namespace

void declare_module(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  // Only names here; load_module reads (and checks) the rest.
  const auto id = doc["id"].value<std::string>();
  if (!id) {
    ctx.diagnostics.add(at(doc, file, "id", "missing required key; expected the module's id"));
    ctx.states.emplace_back();
    ctx.module_has_clock.push_back(false);
    ctx.out.scenario.modules.emplace_back();
    return;
  }
  if (const std::string problem = id_problem(*id); !problem.empty())
    ctx.diagnostics.add(at(*doc.get("id"), file, "id", problem));
  if (ctx.modules.count(*id))
    ctx.diagnostics.add(at(*doc.get("id"), file, "id", "module '" + *id + "' is declared twice"));
  ctx.modules[*id] = static_cast<int>(ctx.out.scenario.modules.size());
  ctx.module_has_clock.push_back(doc.contains("clock"));
  NameIndex states;
  if (const toml::array* list = doc["state"].as_array())
    for (const auto& s : *list)
      if (const auto* t = s.as_table())
        if (const auto name = (*t)["id"].value<std::string>()) {
          if (states.count(*name))
            ctx.diagnostics.add(at(s, file, "state", "state '" + *name + "' is declared twice"));
          states.emplace(*name, static_cast<int>(states.size()));
        }
  if (states.size() > model::kMaxStates)
    ctx.diagnostics.add(
        at(doc, file, "state",
           "at most " + std::to_string(model::kMaxStates) + " states are supported"));
  ctx.states.push_back(states);
  ctx.out.scenario.modules.emplace_back();
  ctx.out.scenario.modules.back().id = *id;
}

// [clock]: months counted across a set of the module's states, with its reset rule. A state whose
// refusion schedule reads the clock must be one of those states.
void read_clock(LoadContext& ctx, TableReader& r, int m, model::Module& module) {
  const toml::table* table = r.table("clock", Need::kOptional);
  if (table) {
    TableReader c(*table, r.file(), "clock", ctx.diagnostics);
    model::Clock& clock = module.clock;
    module.has_clock = true;
    clock.id = c.identifier("id", Need::kRequired).value_or("");
    c.string("description", Need::kOptional);
    clock.source = c.source();
    clock.state_mask = ctx.state_mask(
        c, "states", c.strings("states", Need::kRequired).value_or(std::vector<std::string>{}), m,
        "state of the module");
    clock.window_months = static_cast<int>(
        c.integer("reset_window_months", Need::kRequired, 1, model::kClockWindowLimit).value_or(1));
    clock.reset_months_outside = static_cast<int>(
        c.integer("reset_after_months_outside", Need::kRequired, 1, model::kClockWindowLimit)
            .value_or(1));
    if (clock.reset_months_outside > clock.window_months)
      c.error("reset_after_months_outside",
              "expected at most reset_window_months (" + std::to_string(clock.window_months) +
                  "): the months outside are counted within that window");
  }
  for (const model::Transition& tr : module.transitions) {
    if (!tr.duration_by_clock) continue;
    const std::string& from = module.states[tr.from].id;
    if (!module.has_clock || !module.clock.counts(tr.from)) {
      r.error("transition", "a transition from '" + from +
                                "' reads the module's clock (duration = \"clock\"); expected a "
                                "[clock] whose states include '" +
                                from + "'");
      break;
    }
    if (module.crude_probabilities) {
      r.error("probabilities",
              "crude probabilities convert the exits of a state on their common "
              "months-in-state bands; a transition from '" +
                  from + "' reads the clock instead");
      break;
    }
  }
  const auto& refusions = ctx.out.scenario.refusions;
  for (size_t s = 0; s < module.states.size(); ++s)
    for (const model::CostLine& line : module.states[s].costs) {
      if (line.refusion < 0 || !refusions[static_cast<size_t>(line.refusion)].by_clock) continue;
      if (!module.has_clock || !module.clock.counts(static_cast<int>(s))) {
        r.error("clock", "state '" + module.states[s].id + "' uses refusion schedule '" +
                             refusions[static_cast<size_t>(line.refusion)].id +
                             "', whose bands read the module's clock; expected a [clock] whose "
                             "states include '" +
                             module.states[s].id + "'");
        break;
      }
    }
}

// `probabilities`: how the transitions' monthly probabilities are meant. "net" (the default):
// each exit's own probability; "crude": the shares observed leaving by each exit in a month, with
// the others competing. Crude shares of a state must leave room for staying: their sum below 1.
void read_probability_kind(TableReader& r, model::Module& module) {
  const std::string kind = r.string("probabilities", Need::kOptional).value_or("net");
  if (kind != "net" && kind != "crude") {
    r.error("probabilities",
            "unknown kind '" + kind +
                "'; expected net (each exit's own monthly probability, as if it were the only "
                "way out) or crude (the share observed leaving by each exit in a month)",
            closest_name(kind, {"net", "crude"}));
    return;
  }
  module.crude_probabilities = kind == "crude";
  if (!module.crude_probabilities) return;
  const std::vector<double> largest = model::largest_crude_exit(module);
  for (size_t s = 0; s < largest.size(); ++s)
    if (largest[s] >= 1)
      r.error("probabilities",
              "crude probabilities of leaving state '" + module.states[s].id + "' can add up to " +
                  number_text(largest[s]) +
                  "; expected a sum below 1 for every age and duration (the share that stays)");
}

void load_module(LoadContext& ctx, const std::string& file, const toml::table& doc, int m) {
  model::Module& module = ctx.out.scenario.modules[static_cast<size_t>(m)];
  TableReader r(doc, file, "", ctx.diagnostics);
  r.accept("id");  // checked by declare_module
  module.title = r.string("title", Need::kRequired).value_or(module.id);
  r.string("description", Need::kOptional);
  if (const auto d = r.string("department", Need::kRequired))
    module.department =
        std::max(0, ctx.resolve(r, "department", *d, ctx.departments, "department"));
  const auto age_min = r.integer("age_min", Need::kRequired, 0, 130);
  const auto age_max = r.integer("age_max", Need::kRequired, 1, 131);
  if (age_min && age_max && *age_min >= *age_max) r.error("age_max", "expected age_max > age_min");
  module.min_age_months = static_cast<int>(age_min.value_or(0)) * kMonthsPerYear;
  module.max_age_months = static_cast<int>(age_max.value_or(0)) * kMonthsPerYear;
  const auto state_tables = r.tables("state", Need::kRequired);
  if (state_tables.empty()) r.error("state", "a module needs at least one state");
  for (const toml::table* t : state_tables) {
    TableReader sr(*t, file, "state[" + std::to_string(module.states.size()) + "]",
                   ctx.diagnostics);
    read_state(ctx, sr, m, module);
  }
  for (const toml::table* t : r.tables("transition", Need::kOptional)) {
    TableReader tr(*t, file, "transition[" + std::to_string(module.transitions.size()) + "]",
                   ctx.diagnostics);
    read_transition(ctx, tr, m, module);
  }
  sort_transitions(ctx, m);
  module.first_transition.assign(module.states.size() + 1, 0);
  for (const auto& tr : module.transitions) ++module.first_transition[tr.from + 1u];
  for (size_t s = 0; s < module.states.size(); ++s)
    module.first_transition[s + 1] += module.first_transition[s];
  read_probability_kind(r, module);

  read_clock(ctx, r, m, module);

  if (const toml::table* entry = r.table("entry", Need::kRequired)) {
    TableReader er(*entry, file, "entry", ctx.diagnostics);
    module.entry.shares = read_share_parameters(ctx, er, "shares", m, -1)
                              .value_or(std::vector<double>(module.states.size(), 0.0));
    for (const toml::table* bt : er.tables("by_history", Need::kOptional)) {
      TableReader br(*bt, file, "entry.by_history", ctx.diagnostics);
      model::EntryRule::ByHistory rule;
      if (const auto flag = br.string("flag", Need::kRequired))
        rule.flag = std::max(0, ctx.resolve(br, "flag", *flag, ctx.flags, "history flag"));
      rule.shares = read_share_parameters(ctx, br, "shares", m,
                                          static_cast<int>(module.entry.by_history.size()))
                        .value_or(std::vector<double>(module.states.size(), 0.0));
      br.string("description", Need::kOptional);
      module.entry.by_history.push_back(rule);
    }
  }
}

void load_household_conditions(LoadContext& ctx, TableReader& r) {
  for (const toml::table* t : r.tables("household_condition", Need::kOptional)) {
    TableReader c(*t, r.file(), "household_condition", ctx.diagnostics);
    model::HouseholdCondition cond;
    cond.name = c.identifier("id", Need::kRequired).value_or("");
    c.string("description", Need::kOptional);
    const auto role = c.string("role", Need::kRequired).value_or("adult");
    if (role != "adult" && role != "child")
      c.error("role", "unknown role '" + role + "'; expected adult or child",
              closest_name(role, {"adult", "child"}));
    cond.adult = role == "adult";
    if (const auto module = c.string("module", Need::kOptional)) {
      cond.module = ctx.resolve(c, "module", *module, ctx.modules, "module");
      const auto states = c.strings("states", Need::kRequired);
      if (cond.module >= 0 && states)
        cond.state_mask =
            ctx.state_mask(c, "states", *states, cond.module, "state of module '" + *module + "'");
    }
    if (!cond.name.empty() &&
        ctx.declare(c, "id", cond.name, ctx.household_conditions, "household condition") >= 0)
      ctx.out.scenario.household_conditions.push_back(cond);
  }
  if (ctx.out.scenario.household_conditions.size() > model::kMaxHouseholdConditions)
    r.error("household_condition", "at most 64 household conditions are supported");
}

void load_equity_groups(LoadContext& ctx, TableReader& r) {
  NameIndex ids;
  for (const toml::table* t : r.tables("equity_group", Need::kOptional)) {
    TableReader c(*t, r.file(), "equity_group", ctx.diagnostics);
    model::EquityGroup group;
    group.id = c.identifier("id", Need::kRequired).value_or("");
    group.description = c.string("description", Need::kRequired).value_or("");
    const auto flag = c.string("flag", Need::kRequired);
    group.flag = flag ? ctx.resolve(c, "flag", *flag, ctx.flags, "history flag") : -1;
    if (!group.id.empty() && group.flag >= 0 &&
        ctx.declare(c, "id", group.id, ids, "equity group") >= 0)
      ctx.out.scenario.equity_groups.push_back(group);
  }
}

}  // namespace kommunesim::scenarios
