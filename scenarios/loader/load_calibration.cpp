// Loading the calibration targets (calibration.toml): base-year stock figures with their
// sources, and the relative deviation accepted from them.
#include "scenarios/loader/load_context.hpp"

namespace kommunesim::scenarios {

void load_calibration(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  model::Scenario& s = ctx.out.scenario;
  TableReader r(doc, file, "", ctx.diagnostics);
  s.calibration_tolerance = r.number("tolerance", Need::kRequired, 0, 1).value_or(0);
  r.source("tolerance_source");
  NameIndex ids;
  for (const toml::table* t : r.tables("target", Need::kRequired)) {
    TableReader c(*t, file, "target", ctx.diagnostics);
    model::CalibrationTarget target;
    target.id = c.string("id", Need::kRequired).value_or("");
    target.title = c.string("title", Need::kRequired).value_or(target.id);
    target.value = c.number("value", Need::kRequired, 1e-9).value_or(1);
    target.source = c.source();
    const auto kind = c.string("kind", Need::kRequired).value_or("");
    if (kind == "population") {
      target.kind = model::CalibrationTarget::Kind::kPopulation;
      target.min_age_years =
          static_cast<int>(c.integer("age_min", Need::kRequired, 0, 130).value_or(0));
      target.max_age_years =
          static_cast<int>(c.integer("age_max", Need::kRequired, 1, 131).value_or(1));
      if (target.min_age_years >= target.max_age_years)
        c.error("age_max", "expected age_max above age_min");
    } else if (kind == "persons" || kind == "spending") {
      target.kind = kind == "persons" ? model::CalibrationTarget::Kind::kPersons
                                      : model::CalibrationTarget::Kind::kSpending;
      if (const auto module = c.string("module", Need::kRequired))
        target.module = ctx.resolve(c, "module", *module, ctx.modules, "module");
      if (target.kind == model::CalibrationTarget::Kind::kPersons) {
        const auto states = c.strings("states", Need::kRequired);
        if (states && states->empty()) c.error("states", "expected at least one state");
        if (states && target.module >= 0)
          for (const auto& name : *states) {
            const int st = ctx.resolve(c, "states", name,
                                       ctx.states[static_cast<size_t>(target.module)], "state");
            if (st >= 0) target.state_mask |= uint64_t{1} << st;
          }
      }
    } else {
      c.error("kind", "unknown kind '" + kind + "'; expected population, persons or spending",
              closest_name(kind, {"population", "persons", "spending"}));
    }
    if (!target.id.empty() && ctx.declare(c, "id", target.id, ids, "calibration target") >= 0)
      s.calibration.push_back(target);
  }
}

}  // namespace kommunesim::scenarios
