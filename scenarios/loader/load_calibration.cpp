// Loading the calibration targets (calibration.toml): figures of simulated years with their
// sources, and the relative deviation accepted from them.
#include <algorithm>

#include "model/engine/module_tables.hpp"
#include "scenarios/loader/load_context.hpp"

namespace kommunesim::scenarios {
namespace {

// A set of the target module's states, named under `key`, as a bit mask (0 on errors).
uint64_t read_states(LoadContext& ctx, TableReader& c, std::string_view key, int module) {
  const auto states = c.strings(key, Need::kRequired);
  if (states && states->empty()) c.error(key, "expected at least one state");
  return states && module >= 0 ? ctx.state_mask(c, key, *states, module, "state") : 0;
}

// A persons target's age band is read from the results by age: its bounds must be band bounds.
void check_result_band_bound(const model::Scenario& s, TableReader& c, std::string_view key,
                             int age) {
  const auto& bands = s.result_age_bands;
  if (age == 131 || std::find(bands.begin(), bands.end(), age) != bands.end()) return;
  std::string listed;
  for (int b : bands) listed += (listed.empty() ? "" : ", ") + std::to_string(b);
  c.error(key, "expected one of the bounds of [results] age_bands in scenario.toml (" +
                   (listed.empty() ? std::string("none declared") : listed) +
                   "): persons by age are counted in those bands");
}

// An overlap target: persons or households known to at least `centres_at_least` centres, or to
// every one of `centres` (departments with case states), or both.
void read_overlap(LoadContext& ctx, TableReader& c, model::CalibrationTarget& target) {
  target.kind = model::CalibrationTarget::Kind::kOverlap;
  const std::string counted_by = c.string("counted_by", Need::kRequired).value_or("persons");
  if (counted_by != "persons" && counted_by != "households")
    c.error("counted_by", "unknown '" + counted_by + "'; expected persons or households",
            closest_name(counted_by, {"persons", "households"}));
  target.households = counted_by == "households";
  const std::vector<int> with_cases = model::case_departments(ctx.out.scenario);
  if (const auto n = c.integer("centres_at_least", Need::kOptional, 1, model::kMaxModules)) {
    target.centres_at_least = static_cast<int>(*n);
    if (*n > static_cast<int64_t>(with_cases.size()))
      c.error("centres_at_least", "expected at most " + std::to_string(with_cases.size()) +
                                      ", the number of centres with case states");
  }
  for (const std::string& d :
       c.strings("centres", Need::kOptional).value_or(std::vector<std::string>{})) {
    const int department = ctx.resolve(c, "centres", d, ctx.departments, "department");
    if (department < 0) continue;
    if (std::find(with_cases.begin(), with_cases.end(), department) == with_cases.end())
      c.error("centres",
              "the department '" + d + "' has no case states, so it knows nobody as a case");
    target.centres.push_back(department);
  }
  if (target.centres_at_least == 0 && target.centres.empty())
    c.error("kind", "an overlap target needs centres_at_least, centres or both");
}

}  // namespace

void load_calibration(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  model::Scenario& s = ctx.out.scenario;
  TableReader r(doc, file, "", ctx.diagnostics);
  s.calibration_tolerance = r.number("tolerance", Need::kRequired, 0, 1).value_or(0);
  r.source("tolerance_source");
  NameIndex ids;
  for (const toml::table* t : r.tables("target", Need::kRequired)) {
    TableReader c(*t, file, "target", ctx.diagnostics);
    model::CalibrationTarget target;
    target.id = c.identifier("id", Need::kRequired).value_or("");
    target.title = c.string("title", Need::kRequired).value_or(target.id);
    target.value = c.number("value", Need::kRequired, 1e-9).value_or(1);
    target.source = c.source();
    target.year = static_cast<int>(
        c.integer("year", Need::kOptional, s.base_year, s.base_year + s.horizon_years - 1)
            .value_or(s.base_year));
    // A target may accept another deviation than the file's (e.g. a prognosis years ahead), and
    // then says why (read, as the file's tolerance_source, for the scenario's reader).
    target.tolerance = s.calibration_tolerance;
    if (const auto tolerance = c.number("tolerance", Need::kOptional, 0, 1)) {
      target.tolerance = *tolerance;
      c.source("tolerance_source");
    }
    const auto kind = c.string("kind", Need::kRequired).value_or("");
    if (kind == "population") {
      target.kind = model::CalibrationTarget::Kind::kPopulation;
      target.min_age_years =
          static_cast<int>(c.integer("age_min", Need::kRequired, 0, 130).value_or(0));
      target.max_age_years =
          static_cast<int>(c.integer("age_max", Need::kRequired, 1, 131).value_or(1));
      if (target.min_age_years >= target.max_age_years)
        c.error("age_max", "expected age_max above age_min");
    } else if (kind == "persons" || kind == "flow" || kind == "spending") {
      target.kind = kind == "persons" ? model::CalibrationTarget::Kind::kPersons
                    : kind == "flow"  ? model::CalibrationTarget::Kind::kFlow
                                      : model::CalibrationTarget::Kind::kSpending;
      if (const auto module = c.string("module", Need::kRequired))
        target.module = ctx.resolve(c, "module", *module, ctx.modules, "module");
      if (target.kind == model::CalibrationTarget::Kind::kPersons) {
        target.state_mask = read_states(ctx, c, "states", target.module);
        const auto min_age = c.integer("age_min", Need::kOptional, 0, 130);
        const auto max_age = c.integer("age_max", Need::kOptional, 1, 131);
        if (min_age || max_age) {
          target.min_age_years = static_cast<int>(min_age.value_or(0));
          target.max_age_years = static_cast<int>(max_age.value_or(131));
          if (target.min_age_years >= target.max_age_years)
            c.error("age_max", "expected age_max above age_min");
          check_result_band_bound(s, c, "age_min", target.min_age_years);
          check_result_band_bound(s, c, "age_max", target.max_age_years);
        }
      } else if (target.kind == model::CalibrationTarget::Kind::kFlow) {
        target.from_mask = read_states(ctx, c, "from", target.module);
        target.state_mask = read_states(ctx, c, "to", target.module);
        if ((target.from_mask & target.state_mask) != 0)
          c.error("to", "expected states other than those in from: a flow moves between them");
      }
    } else if (kind == "overlap") {
      read_overlap(ctx, c, target);
    } else {
      c.error(
          "kind",
          "unknown kind '" + kind + "'; expected population, persons, flow, spending or overlap",
          closest_name(kind, {"population", "persons", "flow", "spending", "overlap"}));
    }
    if (!target.id.empty() && ctx.declare(c, "id", target.id, ids, "calibration target") >= 0)
      s.calibration.push_back(target);
  }
}

}  // namespace kommunesim::scenarios
