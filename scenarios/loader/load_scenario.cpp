// The order of a load: scenario.toml, module names, household conditions, equity groups, the
// register, module contents, population, proposals, normative sets, packages, calibration
// targets; then whole-package checks. All problems are collected; a scenario is returned only when
// there are none.
#include "scenarios/loader/load_scenario.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "model/engine/cross_graph.hpp"
#include "model/engine/initial_populations.hpp"
#include "model/engine/module_tables.hpp"
#include "model/engine/parameter_values.hpp"
#include "scenarios/loader/load_context.hpp"

namespace kommunesim::scenarios {
namespace {

constexpr const char* kScenarioFile = "scenario.toml";

void load_departments_and_measures(LoadContext& ctx, TableReader& r) {
  for (const toml::table* t : r.tables("department", Need::kRequired)) {
    TableReader d(*t, r.file(), "department", ctx.diagnostics);
    const auto id = d.identifier("id", Need::kRequired);
    const auto title = d.string("title", Need::kRequired);
    if (id && ctx.declare(d, "id", *id, ctx.departments, "department") >= 0)
      ctx.out.scenario.departments.push_back({*id, title.value_or(*id)});
  }
  for (const toml::table* t : r.tables("measure", Need::kOptional)) {
    TableReader m(*t, r.file(), "measure", ctx.diagnostics);
    const auto id = m.identifier("id", Need::kRequired);
    const auto unit = m.string("unit", Need::kRequired);
    const auto title = m.string("title", Need::kRequired);
    model::Better better = model::Better::kUnstated;
    if (const auto way = m.string("better", Need::kOptional)) {
      if (*way == "higher")
        better = model::Better::kHigher;
      else if (*way == "lower")
        better = model::Better::kLower;
      else
        m.error("better", "expected \"higher\" or \"lower\" (which way the outcome improves)");
    }
    if (id && ctx.declare(m, "id", *id, ctx.measures, "measure") >= 0)
      ctx.out.scenario.measures.push_back({*id, unit.value_or(""), title.value_or(*id), better});
  }
  if (const auto flags = r.strings("history_flags", Need::kOptional)) {
    if (flags->size() > model::kMaxHistoryFlags)
      r.error("history_flags", "at most " + std::to_string(model::kMaxHistoryFlags) +
                                   " history flags are supported");
    for (const auto& f : *flags)
      if (ctx.declare(r, "history_flags", f, ctx.flags, "history flag") >= 0)
        ctx.out.scenario.history_flags.push_back(f);
  }
}

// Refusion schedules: month bands, each with the state's share, a register parameter.
void load_refusions(LoadContext& ctx, TableReader& r) {
  for (const toml::table* t : r.tables("refusion", Need::kOptional)) {
    TableReader f(*t, r.file(), "refusion", ctx.diagnostics);
    model::RefusionSchedule schedule;
    schedule.id = f.identifier("id", Need::kRequired).value_or("");
    const int index = static_cast<int>(ctx.out.scenario.refusions.size());
    const auto from = f.numbers("from_month", Need::kRequired, 0, 10000);
    const toml::array* shares = f.array("state_share", Need::kRequired);
    f.string("description", Need::kOptional);
    // What the bands count: months in the current state, or the module's clock (cumulative
    // months across its states, e.g. on public support).
    schedule.by_clock = reads_clock(f);
    if (shares)
      for (size_t i = 0; i < shares->size(); ++i)
        schedule.state_share.push_back(
            ctx.parameter(
                   *shares->get(i), r.file(), f.path("state_share") + "[" + std::to_string(i) + "]",
                   "the state's share of a refunded cost",
                   {model::ParameterUse::Kind::kRefusionShare, 0, index, 0, static_cast<int>(i)}, 0,
                   1)
                .value_or(0));
    if (from && shares) {
      if (from->size() != shares->size() || from->empty() || (*from)[0] != 0)
        f.error("from_month", "expected as many month bounds as shares, starting at 0");
      for (double m : *from) schedule.from_month.push_back(static_cast<int>(m));
    }
    if (!schedule.id.empty() &&
        ctx.declare(f, "id", schedule.id, ctx.refusions, "refusion schedule") >= 0)
      ctx.out.scenario.refusions.push_back(schedule);
  }
}

void load_packages(LoadContext& ctx, TableReader& r) {
  for (const toml::table* t : r.tables("package", Need::kOptional)) {
    TableReader p(*t, r.file(), "package", ctx.diagnostics);
    model::Arm arm;
    arm.id = p.identifier("id", Need::kRequired).value_or("");
    if (arm.id == model::kBaselineArmId)
      p.error("id", "'baseline' is the arm without proposals; expected another id");
    arm.title = p.string("title", Need::kRequired).value_or(arm.id);
    const auto members = p.strings("proposals", Need::kRequired);
    if (!members) continue;
    if (members->size() < 2 || members->size() > model::kMaxProposalsPerArm)
      p.error("proposals", "a package combines 2 to " + std::to_string(model::kMaxProposalsPerArm) +
                               " proposals");
    for (const auto& name : *members) {
      const int i = ctx.resolve(p, "proposals", name, ctx.proposals, "proposal");
      if (i >= 0) arm.proposals.push_back(i);
    }
    if (ctx.proposals.count(arm.id))
      p.error("id", "package id '" + arm.id + "' is already a proposal id");
    ctx.out.scenario.arms.push_back(arm);
  }
}

// `budget_view`: the normative set the budget team decides by; the first set when not named.
void load_budget_view(LoadContext& ctx, TableReader& r) {
  const auto id = r.string("budget_view", Need::kOptional);
  if (!id) return;
  NameIndex norms;
  for (size_t n = 0; n < ctx.out.scenario.norms.size(); ++n)
    norms.emplace(ctx.out.scenario.norms[n].id, static_cast<int>(n));
  ctx.out.scenario.budget_norm =
      std::max(0, ctx.resolve(r, "budget_view", *id, norms, "normative set"));
}

void check_graph(LoadContext& ctx) {
  for (const auto& cycle : model::unacknowledged_cycles(ctx.out.scenario)) {
    std::string names;
    for (int m : cycle)
      names += (names.empty() ? "" : " <-> ") + ctx.out.scenario.modules[static_cast<size_t>(m)].id;
    ctx.diagnostics.add(
        {kScenarioFile,
         0,
         0,
         "modules",
         "modules " + names +
             " read each other's states in a cycle; mark the modifiers "
             "that close the loop with 'feedback = true' to accept it as a feedback loop "
             "(it reads last month's states)",
         {}});
  }
}

// [uncertainty]: the sources drawn per replicate besides individual randomness and effect sizes.
void load_uncertainty(TableReader& r, LoadContext& ctx) {
  model::Scenario& s = ctx.out.scenario;
  const toml::table* table = r.table("uncertainty", Need::kOptional);
  if (!table) return;
  TableReader t(*table, r.file(), r.path("uncertainty"), ctx.diagnostics);
  s.redraw_population = t.boolean("redraw_population", Need::kOptional).value_or(false);
  s.draw_unit_costs = t.boolean("draw_unit_costs", Need::kOptional).value_or(false);
}

// [financing]: when the municipality's income tax reaches it (statsgaranti or selvbudgettering,
// and the lag in years), with its source.
void load_financing(TableReader& r, LoadContext& ctx) {
  const toml::table* table = r.table("financing", Need::kOptional);
  if (!table) return;
  TableReader t(*table, r.file(), r.path("financing"), ctx.diagnostics);
  model::Financing& f = ctx.out.scenario.financing;
  f.tax_base = t.string("tax_base", Need::kRequired).value_or("statsgaranti");
  if (f.tax_base != "statsgaranti" && f.tax_base != "selvbudgettering")
    t.error("tax_base",
            "unknown tax base '" + f.tax_base +
                "'; expected statsgaranti (the state-guaranteed tax base) or selvbudgettering",
            closest_name(f.tax_base, {"statsgaranti", "selvbudgettering"}));
  constexpr int64_t kMaxLagYears = 10;
  f.tax_lag_years =
      static_cast<int>(t.integer("tax_lag_years", Need::kRequired, 0, kMaxLagYears).value_or(0));
  f.source = t.source();
  t.string("description", Need::kOptional);
}

// [prices]: the price level of every amount, and the index that converts unit costs stated at
// other years' prices to it.
void load_prices(TableReader& r, LoadContext& ctx) {
  const toml::table* table = r.table("prices", Need::kOptional);
  if (!table) return;
  TableReader t(*table, r.file(), r.path("prices"), ctx.diagnostics);
  model::PriceLevel& prices = ctx.out.scenario.prices;
  constexpr int64_t kFirstYear = 1900, kLastYear = 2200;
  prices.year =
      static_cast<int>(t.integer("year", Need::kRequired, kFirstYear, kLastYear).value_or(0));
  prices.description = t.string("description", Need::kRequired).value_or("");
  prices.source = t.source();
  if (const toml::table* index = t.table("index", Need::kRequired)) {
    for (const auto& [key, node] : *index) {
      const std::string name(key.str());
      int year = 0;
      const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), year);
      const auto value = node.value<double>();
      if (ec != std::errc{} || end != name.data() + name.size() || year < kFirstYear ||
          year > kLastYear)
        ctx.diagnostics.add(at(node, r.file(), t.path("index") + "." + name,
                               "expected a year (1900-2200) as the key"));
      else if (!value || node.is_boolean() || !(*value > 0) || !std::isfinite(*value))
        ctx.diagnostics.add(
            at(node, r.file(), t.path("index") + "." + name, "expected a positive index value"));
      else
        prices.index[year] = *value;
    }
    if (prices.year != 0 && !prices.index.contains(prices.year))
      t.error("year", "the price year " + std::to_string(prices.year) +
                          " must be in the index (the level every amount is converted to)");
  }
}

// [results]: age_bands, the lower bounds (whole years, ascending, the first 0) of the bands that
// state person-months and transitions are also tallied in.
void load_results(TableReader& r, LoadContext& ctx) {
  const toml::table* table = r.table("results", Need::kOptional);
  if (!table) return;
  TableReader t(*table, r.file(), r.path("results"), ctx.diagnostics);
  const auto bands = t.numbers("age_bands", Need::kRequired, 0, model::kAgeYearsTabled - 1);
  if (!bands) return;
  std::vector<int>& out = ctx.out.scenario.result_age_bands;
  for (double b : *bands) out.push_back(static_cast<int>(b));
  constexpr size_t kMaxBands = 32;
  if (out.empty() || out.front() != 0 || !std::is_sorted(out.begin(), out.end()) ||
      std::adjacent_find(out.begin(), out.end()) != out.end() || out.size() > kMaxBands) {
    t.error("age_bands", "expected ascending whole years starting at 0, at most " +
                             std::to_string(kMaxBands) + " bands");
    out.clear();
  }
}

// [coverage]: the municipality's net operating spending, against which the run reports the share
// its modules cover.
void load_coverage(TableReader& r, LoadContext& ctx) {
  const toml::table* table = r.table("coverage", Need::kOptional);
  if (!table) return;
  TableReader t(*table, r.file(), r.path("coverage"), ctx.diagnostics);
  ctx.out.scenario.net_operating_dkk =
      t.number("net_operating_dkk", Need::kRequired, 1).value_or(0);
  ctx.out.scenario.net_operating_source = t.source();
}

// [disclosure]: a scenario built on real data suppresses small counts in every output.
void load_disclosure(TableReader& r, LoadContext& ctx) {
  const toml::table* table = r.table("disclosure", Need::kOptional);
  if (!table) return;
  TableReader t(*table, r.file(), r.path("disclosure"), ctx.diagnostics);
  model::Disclosure& d = ctx.out.scenario.disclosure;
  d.real_data = t.boolean("real_data", Need::kRequired).value_or(false);
  constexpr int64_t kSmallestThreshold = 2, kLargestThreshold = 100;
  d.threshold = static_cast<int>(
      t.integer("threshold", Need::kOptional, kSmallestThreshold, kLargestThreshold)
          .value_or(model::kDefaultDisclosureThreshold));
  d.source = t.string("source", Need::kOptional).value_or("");
}

// A population redrawn for every pair of replicates needs even replicate counts.
void require_pairs(TableReader& r, std::string_view key, int count, const model::Scenario& s) {
  if (s.redraw_population && count % model::kReplicatesPerPopulation != 0)
    r.error(key, "expected an even number (" + std::to_string(count) +
                     " given): [uncertainty] redraw_population draws one population for every "
                     "pair of replicates");
}

// `replicates = N` (a fixed count) or a [replicates] table: first, batch and max, the batches
// added while a decision is unresolved. materiality_dkk: what "about break-even" means.
void load_replicates(TableReader& r, LoadContext& ctx) {
  constexpr int64_t kMaxReplicates = model::kMaxReplicates;
  model::Scenario& s = ctx.out.scenario;
  if (const toml::node* n = r.node("replicates"); n && n->is_table()) {
    TableReader t(*n->as_table(), r.file(), r.path("replicates"), ctx.diagnostics);
    s.replicates =
        static_cast<int>(t.integer("first", Need::kRequired, 2, kMaxReplicates).value_or(2));
    s.replicate_batch =
        static_cast<int>(t.integer("batch", Need::kRequired, 1, kMaxReplicates).value_or(1));
    s.max_replicates =
        static_cast<int>(t.integer("max", Need::kRequired, 2, kMaxReplicates).value_or(2));
    if (s.max_replicates < s.replicates)
      t.error("max", "expected at least 'first' (" + std::to_string(s.replicates) + ")");
    require_pairs(t, "first", s.replicates, s);
    require_pairs(t, "batch", s.replicate_batch, s);
    require_pairs(t, "max", s.max_replicates, s);
  } else {
    s.replicates =
        static_cast<int>(r.integer("replicates", Need::kRequired, 1, kMaxReplicates).value_or(1));
    s.max_replicates = s.replicates;
    require_pairs(r, "replicates", s.replicates, s);
  }
  s.materiality_dkk = r.number("materiality_dkk", Need::kOptional, 0, 1e12).value_or(0);
}

// TOML files in the folder and its subfolders (a few levels, as scenarios are laid out) that the
// scenario's lists do not name: a proposal written but not listed would otherwise go unnoticed.
std::vector<std::string> unlisted_files(const std::filesystem::path& folder,
                                        const std::vector<std::string>& read) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it.depth() >= 3) it.disable_recursion_pending();
    if (!it->is_regular_file(error) || it->path().extension() != ".toml") continue;
    const std::string relative = it->path().lexically_relative(folder).generic_string();
    if (std::find(read.begin(), read.end(), relative) == read.end()) out.push_back(relative);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

LoadResult load_scenario(const std::filesystem::path& folder) {
  LoadContext ctx;
  ctx.folder = folder;
  ctx.out.folder = folder;
  LoadResult result;
  const toml::table* doc = ctx.parse(kScenarioFile);
  if (!doc) {
    result.diagnostics = std::move(ctx.diagnostics);
    return result;
  }
  model::Scenario& s = ctx.out.scenario;
  {
    TableReader r(*doc, kScenarioFile, "", ctx.diagnostics);
    s.name = r.string("name", Need::kRequired).value_or("");
    r.string("description", Need::kOptional);
    s.base_year =
        static_cast<int>(r.integer("base_year", Need::kRequired, 1900, 2200).value_or(2025));
    s.horizon_years =
        static_cast<int>(r.integer("horizon_years", Need::kRequired, 1, 100).value_or(1));
    load_uncertainty(r, ctx);
    load_financing(r, ctx);
    load_prices(r, ctx);
    load_results(r, ctx);
    load_coverage(r, ctx);
    load_disclosure(r, ctx);
    load_replicates(r, ctx);
    s.sensitivity_replicates = static_cast<int>(
        r.integer("sensitivity_replicates", Need::kOptional, 1, model::kMaxReplicates).value_or(0));
    s.seed = static_cast<uint32_t>(r.integer("seed", Need::kRequired, 0, UINT32_MAX).value_or(1));
    load_departments_and_measures(ctx, r);

    const auto module_files =
        r.strings("modules", Need::kRequired).value_or(std::vector<std::string>{});
    if (module_files.size() > model::kMaxModules)
      r.error("modules",
              "at most " + std::to_string(model::kMaxModules) + " modules are supported");
    std::vector<std::pair<std::string, const toml::table*>> modules;
    for (const auto& f : module_files)
      if (const toml::table* m = ctx.parse(f)) {
        declare_module(ctx, f, *m);
        modules.push_back({f, m});
      }
    load_household_conditions(ctx, r);
    load_equity_groups(ctx, r);
    // The register before the modules and proposals, which take their figures from it.
    for (const auto& f :
         r.strings("parameters", Need::kRequired).value_or(std::vector<std::string>{}))
      if (const toml::table* p = ctx.parse(f)) load_register(ctx, f, *p);
    check_register(ctx, r);
    load_refusions(ctx, r);
    for (size_t i = 0; i < modules.size(); ++i)
      load_module(ctx, modules[i].first, *modules[i].second, static_cast<int>(i));

    if (const auto f = r.string("population", Need::kRequired))
      if (const toml::table* p = ctx.parse(*f)) load_population(ctx, *f, *p);
    s.arms.push_back({std::string(model::kBaselineArmId), "Baseline (no proposals)", {}});
    for (const auto& f :
         r.strings("proposals", Need::kRequired).value_or(std::vector<std::string>{}))
      if (const toml::table* p = ctx.parse(f)) load_proposal(ctx, f, *p);
    for (const auto& f : r.strings("norms", Need::kRequired).value_or(std::vector<std::string>{}))
      if (const toml::table* n = ctx.parse(f)) load_norm(ctx, f, *n);
    if (s.norms.empty()) r.error("norms", "expected at least one normative set file");
    load_budget_view(ctx, r);
    load_packages(ctx, r);
    check_register_use(ctx);
    resolve_scales_with(ctx);
    resolve_price_years(ctx);
    resolve_dated_changes(ctx);
    model::resolve_parameter_roles(s);
    if (const auto f = r.string("calibration", Need::kOptional))
      if (const toml::table* c = ctx.parse(*f)) load_calibration(ctx, *f, *c);
  }
  if (ctx.diagnostics.empty()) check_graph(ctx);
  result.diagnostics = std::move(ctx.diagnostics);
  if (result.diagnostics.empty()) {
    result.loaded = std::move(ctx.out);
    result.loaded->unlisted = unlisted_files(folder, result.loaded->files);
  }
  return result;
}

}  // namespace kommunesim::scenarios
