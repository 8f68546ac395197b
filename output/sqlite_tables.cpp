// The appraisal's tables in results.sqlite (docs/RESULTS_SCHEMA.md): every table that a CSV file,
// the workbook or the report shows, so that each of them is a view of the store.
#include "output/sqlite_tables.hpp"

#include <string>

#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE payers(payer TEXT PRIMARY KEY, payer_index INTEGER NOT NULL);
CREATE TABLE summary(norm TEXT, arm TEXT, net_value_mean_dkk REAL, net_value_p5_dkk REAL,
  net_value_p95_dkk REAL, municipality_net_cost_year1_mean_dkk REAL,
  municipality_net_cost_4y_mean_dkk REAL, municipality_net_cost_horizon_mean_dkk REAL,
  rank INTEGER, municipality_net_cost_year1_p5_dkk REAL, municipality_net_cost_year1_p95_dkk REAL,
  municipality_net_cost_4y_p5_dkk REAL, municipality_net_cost_4y_p95_dkk REAL,
  municipality_net_cost_horizon_p5_dkk REAL, municipality_net_cost_horizon_p95_dkk REAL,
  PRIMARY KEY(norm, arm));
CREATE TABLE summary_measures(norm TEXT, arm TEXT, measure TEXT, change_mean REAL,
  change_p5 REAL, change_p95 REAL, PRIMARY KEY(norm, arm, measure));
CREATE TABLE ledger(dynamics_group INTEGER, arm TEXT, first_year INTEGER, last_year INTEGER,
  department TEXT, payer TEXT, net_cost_mean_dkk REAL, net_cost_p5_dkk REAL,
  net_cost_p95_dkk REAL, PRIMARY KEY(dynamics_group, arm, first_year, last_year, department, payer));
CREATE TABLE flips(arm TEXT, norm_a TEXT, norm_b TEXT, sign_differs INTEGER NOT NULL,
  top_differs INTEGER NOT NULL, PRIMARY KEY(arm, norm_a, norm_b));
CREATE TABLE flip_parameters(arm TEXT, norm_a TEXT, norm_b TEXT, position INTEGER,
  parameter TEXT NOT NULL, PRIMARY KEY(arm, norm_a, norm_b, position));
CREATE TABLE switching_values(arm TEXT, norm TEXT, parameter TEXT, method TEXT NOT NULL,
  current_value REAL NOT NULL, searched_low REAL NOT NULL, searched_high REAL NOT NULL,
  switching_value REAL, bracket_low REAL, bracket_high REAL, simulated_points INTEGER,
  PRIMARY KEY(arm, norm, parameter));
CREATE TABLE tornado(arm TEXT, norm TEXT, parameter TEXT, low REAL NOT NULL, high REAL NOT NULL,
  net_value_mean_dkk REAL NOT NULL, net_value_at_low_dkk REAL NOT NULL,
  net_value_at_high_dkk REAL NOT NULL, swing_dkk REAL NOT NULL, PRIMARY KEY(arm, norm, parameter));
CREATE TABLE parameters(parameter TEXT PRIMARY KEY, parameter_index INTEGER NOT NULL,
  description TEXT NOT NULL, unit TEXT NOT NULL, value REAL NOT NULL, low REAL NOT NULL,
  high REAL NOT NULL, distribution TEXT NOT NULL, category TEXT NOT NULL, role TEXT NOT NULL,
  evidence TEXT NOT NULL, owner TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE norm_values(norm TEXT, parameter TEXT, value REAL NOT NULL,
  PRIMARY KEY(norm, parameter));
CREATE TABLE calibration(target TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL,
  target_value REAL NOT NULL, baseline_year1 REAL NOT NULL, deviation REAL NOT NULL,
  within_tolerance INTEGER NOT NULL, tolerance REAL NOT NULL, source TEXT NOT NULL);
CREATE TABLE citizen_flows(arm TEXT, module TEXT, from_state TEXT, to_state TEXT,
  events REAL NOT NULL, PRIMARY KEY(arm, module, from_state, to_state));
)sql";

std::string distribution_name(model::EffectSize::Kind kind) {
  switch (kind) {
    case model::EffectSize::Kind::kPoint:
      return "point";
    case model::EffectSize::Kind::kLognormal90:
      return "lognormal";
    case model::EffectSize::Kind::kTriangular:
      return "triangular";
  }
  return "";
}

std::string role_name(model::ParameterRole role) {
  switch (role) {
    case model::ParameterRole::kNormative:
      return "normative";
    case model::ParameterRole::kModelCost:
      return "cost";
    case model::ParameterRole::kModelDynamics:
      return "dynamics";
  }
  return "";
}

void write_summary(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert summary(
      db, "INSERT INTO summary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Database::Insert measures(db, "INSERT INTO summary_measures VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& row : run.appraisal.analysis.summaries) {
    const std::string& norm = s.norms[static_cast<size_t>(row.norm)].id;
    const std::string& arm = s.arms[static_cast<size_t>(row.arm)].id;
    summary.row({norm, arm, row.net_value.mean, row.net_value.p5, row.net_value.p95,
                 row.municipality_cost_year1.mean, row.municipality_cost_budget_period.mean,
                 row.municipality_cost_horizon.mean, static_cast<int64_t>(row.rank),
                 row.municipality_cost_year1.p5, row.municipality_cost_year1.p95,
                 row.municipality_cost_budget_period.p5, row.municipality_cost_budget_period.p95,
                 row.municipality_cost_horizon.p5, row.municipality_cost_horizon.p95});
    for (size_t m = 0; m < row.measure_change.size(); ++m)
      measures.row({norm, arm, s.measures[m].id, row.measure_change[m].mean,
                    row.measure_change[m].p5, row.measure_change[m].p95});
  }
}

void write_ledger(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert ledger(db, "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& row : run.appraisal.ledger)
    ledger.row({static_cast<int64_t>(row.group), s.arms[static_cast<size_t>(row.arm)].id,
                static_cast<int64_t>(s.base_year + row.first_year),
                static_cast<int64_t>(s.base_year + row.first_year + row.years - 1),
                s.departments[static_cast<size_t>(row.department)].id,
                std::string(model::kPayerNames[static_cast<size_t>(row.payer)]), row.net_cost.mean,
                row.net_cost.p5, row.net_cost.p95});
}

void write_flips(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert flips(db, "INSERT INTO flips VALUES (?, ?, ?, ?, ?)");
  Database::Insert parameters(db, "INSERT INTO flip_parameters VALUES (?, ?, ?, ?, ?)");
  for (const auto& f : run.appraisal.flips) {
    const std::string& arm = s.arms[static_cast<size_t>(f.arm)].id;
    const std::string& a = s.norms[static_cast<size_t>(f.norm_a)].id;
    const std::string& b = s.norms[static_cast<size_t>(f.norm_b)].id;
    flips.row(
        {arm, a, b, static_cast<int64_t>(f.sign_differs), static_cast<int64_t>(f.top_differs)});
    for (size_t i = 0; i < f.differing.size(); ++i)
      parameters.row({arm, a, b, static_cast<int64_t>(i), f.differing[i]});
  }
}

void write_switching(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert rows(db,
                        "INSERT INTO switching_values VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& r : run.appraisal.switching) {
    const bool resimulated = r.resimulated;
    const Value none;
    rows.row({s.arms[static_cast<size_t>(r.arm)].id, s.norms[static_cast<size_t>(r.norm)].id,
              r.parameter, std::string(resimulated ? "resimulated" : "revalued"), r.current, r.low,
              r.high, r.value ? Value(*r.value) : none, resimulated ? Value(r.bracket_low) : none,
              resimulated ? Value(r.bracket_high) : none,
              resimulated ? Value(static_cast<int64_t>(r.simulated_points)) : none});
  }
}

void write_tornado(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert rows(db, "INSERT INTO tornado VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& r : run.appraisal.tornado)
    rows.row({s.arms[static_cast<size_t>(r.arm)].id, s.norms[static_cast<size_t>(r.norm)].id,
              r.parameter, r.low, r.high, r.base, r.at_low, r.at_high, r.swing()});
}

void write_register(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert payers(db, "INSERT INTO payers VALUES (?, ?)");
  for (size_t p = 0; p < model::kPayerNames.size(); ++p)
    payers.row({std::string(model::kPayerNames[p]), static_cast<int64_t>(p)});
  Database::Insert parameters(
      db, "INSERT INTO parameters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Database::Insert values(db, "INSERT INTO norm_values VALUES (?, ?, ?)");
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    const auto& p = s.parameters[k];
    parameters.row({p.id, static_cast<int64_t>(k), p.description, p.unit, p.value, p.low, p.high,
                    distribution_name(p.distribution), p.category, role_name(p.role), p.evidence,
                    p.owner, p.source});
    if (p.role == model::ParameterRole::kNormative)
      for (const auto& norm : s.norms) values.row({norm.id, p.id, norm.value(p)});
  }
}

void write_calibration(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert rows(db, "INSERT INTO calibration VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& row : run.appraisal.calibration) {
    const auto& t = s.calibration[static_cast<size_t>(row.target)];
    rows.row({t.id, t.title, calibration_kind_name(t.kind), t.value, row.simulated, row.deviation,
              static_cast<int64_t>(row.within), s.calibration_tolerance, t.source});
  }
}

void write_citizen_flows(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert rows(db, "INSERT INTO citizen_flows VALUES (?, ?, ?, ?, ?)");
  for (size_t a = 0; a < run.appraisal.flows.size(); ++a)
    for (const auto& f : run.appraisal.flows[a]) {
      const auto& module = s.modules[static_cast<size_t>(f.module)];
      rows.row({s.arms[a].id, module.id, module.states[static_cast<size_t>(f.from_state)].id,
                module.states[static_cast<size_t>(f.to_state)].id, f.events});
    }
}

}  // namespace

void write_decision_tables(Database& db, const RunRecord& run) {
  db.exec(kSchema);
  write_register(db, run);
  write_summary(db, run);
  write_ledger(db, run);
  write_flips(db, run);
  write_switching(db, run);
  write_tornado(db, run);
  write_calibration(db, run);
  write_citizen_flows(db, run);
}

}  // namespace kommunesim::output
