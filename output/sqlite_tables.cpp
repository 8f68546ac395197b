// The appraisal's tables in results.sqlite (docs/RESULTS_SCHEMA.md): every table that a CSV file,
// the workbook or the report shows, so that each of them is a view of the store.
#include "output/sqlite_tables.hpp"

#include <cmath>
#include <string>

#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE payers(payer TEXT PRIMARY KEY, payer_index INTEGER NOT NULL);
CREATE TABLE summary(norm TEXT, arm TEXT, verdict TEXT NOT NULL,
  net_value_mean_dkk REAL, net_value_se_dkk REAL, net_value_mean_low_dkk REAL, net_value_mean_high_dkk REAL, net_value_spread_p5_dkk REAL, net_value_spread_p95_dkk REAL,
  chance_of_gain REAL, chance_of_gain_low REAL, chance_of_gain_high REAL, rank INTEGER,
  rank_resolved INTEGER NOT NULL, gap_to_next_mean_dkk REAL, gap_to_next_se_dkk REAL,
  payback_year INTEGER, benefit_cost_ratio REAL, programme_cost_pv_dkk REAL, participants REAL,
  net_value_per_participant_dkk REAL, population_variance_share REAL, unit_cost_variance_share REAL,
  municipality_net_cost_year1_mean_dkk REAL, municipality_net_cost_year1_se_dkk REAL, municipality_net_cost_year1_mean_low_dkk REAL, municipality_net_cost_year1_mean_high_dkk REAL, municipality_net_cost_year1_spread_p5_dkk REAL, municipality_net_cost_year1_spread_p95_dkk REAL,
  municipality_net_cost_4y_mean_dkk REAL, municipality_net_cost_4y_se_dkk REAL, municipality_net_cost_4y_mean_low_dkk REAL, municipality_net_cost_4y_mean_high_dkk REAL, municipality_net_cost_4y_spread_p5_dkk REAL, municipality_net_cost_4y_spread_p95_dkk REAL,
  municipality_net_cost_horizon_mean_dkk REAL, municipality_net_cost_horizon_se_dkk REAL, municipality_net_cost_horizon_mean_low_dkk REAL, municipality_net_cost_horizon_mean_high_dkk REAL, municipality_net_cost_horizon_spread_p5_dkk REAL, municipality_net_cost_horizon_spread_p95_dkk REAL,
  PRIMARY KEY(norm, arm));
CREATE TABLE rank_probabilities(norm TEXT, arm TEXT, rank INTEGER, share REAL NOT NULL,
  PRIMARY KEY(norm, arm, rank));
CREATE TABLE summary_measures(norm TEXT, arm TEXT, measure TEXT,
  change_mean REAL, change_se REAL, change_mean_low REAL, change_mean_high REAL, change_spread_p5 REAL, change_spread_p95 REAL,
  direction TEXT NOT NULL, net_cost_per_unit_dkk REAL, PRIMARY KEY(norm, arm, measure));
CREATE TABLE ledger(dynamics_group INTEGER, arm TEXT, first_year INTEGER, last_year INTEGER,
  department TEXT, payer TEXT, net_cost_mean_dkk REAL, net_cost_se_dkk REAL, net_cost_mean_low_dkk REAL, net_cost_mean_high_dkk REAL, net_cost_spread_p5_dkk REAL, net_cost_spread_p95_dkk REAL,
  PRIMARY KEY(dynamics_group, arm, first_year, last_year, department, payer));
CREATE TABLE budget(dynamics_group INTEGER, arm TEXT, first_year INTEGER, last_year INTEGER,
  budget_type TEXT, municipality_net_cost_mean_dkk REAL, municipality_net_cost_se_dkk REAL, municipality_net_cost_mean_low_dkk REAL, municipality_net_cost_mean_high_dkk REAL, municipality_net_cost_spread_p5_dkk REAL, municipality_net_cost_spread_p95_dkk REAL,
  PRIMARY KEY(dynamics_group, arm, first_year, last_year, budget_type));
CREATE TABLE capacity_use(proposal TEXT, year INTEGER, places REAL NOT NULL,
  participant_months REAL, admissions REAL, fill_rate REAL,
  PRIMARY KEY(proposal, year));
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
  evidence TEXT NOT NULL, owner TEXT NOT NULL, source TEXT NOT NULL, scales_with TEXT);
CREATE TABLE norm_values(norm TEXT, parameter TEXT, value REAL NOT NULL,
  PRIMARY KEY(norm, parameter));
CREATE TABLE calibration(target TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL,
  year INTEGER NOT NULL, target_value REAL, baseline REAL,
  baseline_standard_error REAL, deviation REAL,
  within_tolerance INTEGER NOT NULL, tolerance REAL NOT NULL, source TEXT NOT NULL);
CREATE TABLE citizen_flows(arm TEXT, module TEXT, from_state TEXT, to_state TEXT,
  events REAL, PRIMARY KEY(arm, module, from_state, to_state));
CREATE TABLE cross_silo(arm TEXT, year INTEGER, centres TEXT, centre_count INTEGER NOT NULL,
  persons REAL, municipal_dkk REAL, households REAL,
  household_members REAL, household_municipal_dkk REAL,
  PRIMARY KEY(arm, year, centres));
CREATE TABLE cross_silo_costs(arm TEXT, year INTEGER, centres TEXT, counted_by TEXT,
  department TEXT, dkk REAL NOT NULL, PRIMARY KEY(arm, year, centres, counted_by, department));
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

// A REAL cell, NULL for NaN (not defined or not estimable).
Value real(double v) { return std::isnan(v) ? Value{} : Value{v}; }

void add_summary(std::vector<Value>& row, const appraisal::Summary& s) {
  for (double v : appraisal::figures(s)) row.push_back(real(v));
}

std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

void write_summary(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert summary(db, "INSERT INTO summary VALUES (" + placeholders(41) + ")");
  Database::Insert ranks(db, "INSERT INTO rank_probabilities VALUES (?, ?, ?, ?)");
  Database::Insert measures(db, "INSERT INTO summary_measures VALUES (" + placeholders(11) + ")");
  for (const auto& row : run.appraisal.analysis.summaries) {
    const std::string& norm = s.norms[static_cast<size_t>(row.norm)].id;
    const std::string& arm = s.arms[static_cast<size_t>(row.arm)].id;
    std::vector<Value> cells{norm, arm, std::string(verdict_id(row.verdict))};
    add_summary(cells, row.net_value);
    cells.insert(
        cells.end(),
        {real(row.chance_of_gain.share), real(row.chance_of_gain.low),
         real(row.chance_of_gain.high), static_cast<int64_t>(row.rank),
         static_cast<int64_t>(row.rank_resolved), real(row.gap_to_next.mean),
         real(row.gap_to_next.std_error),
         row.payback_year >= 0 ? Value{static_cast<int64_t>(s.base_year + row.payback_year)}
                               : Value{},
         real(row.benefit_cost_ratio), real(row.programme_cost.mean), real(row.participants.mean),
         real(row.net_value_per_participant), real(row.population_variance_share),
         real(row.unit_cost_variance_share)});
    add_summary(cells, row.municipality_cost_year1);
    add_summary(cells, row.municipality_cost_budget_period);
    add_summary(cells, row.municipality_cost_horizon);
    summary.row(cells);
    for (size_t k = 0; k < row.rank_probability.size(); ++k)
      ranks.row({norm, arm, static_cast<int64_t>(k + 1), row.rank_probability[k]});
    for (size_t m = 0; m < row.measure_change.size(); ++m) {
      std::vector<Value> change{norm, arm, s.measures[m].id};
      add_summary(change, row.measure_change[m]);
      change.push_back(std::string(change_id(row.measure_direction[m])));
      change.push_back(real(row.net_cost_per_unit[m]));
      measures.row(change);
    }
  }
}

// The key cells of a row per dynamics group, arm and period: the group, the arm, the period's
// first and last calendar years.
std::vector<Value> period_cells(const RunRecord& run, int group, int arm, int first_year,
                                int years) {
  const auto& s = run.appraisal.scenario;
  return {static_cast<int64_t>(group), s.arms[static_cast<size_t>(arm)].id,
          static_cast<int64_t>(s.base_year + first_year),
          static_cast<int64_t>(s.base_year + first_year + years - 1)};
}

void write_ledger(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert ledger(db, "INSERT INTO ledger VALUES (" + placeholders(12) + ")");
  for (const auto& row : run.appraisal.ledger) {
    std::vector<Value> cells = period_cells(run, row.group, row.arm, row.first_year, row.years);
    cells.insert(cells.end(), {s.departments[static_cast<size_t>(row.department)].id,
                               std::string(model::kPayerNames[static_cast<size_t>(row.payer)])});
    add_summary(cells, row.net_cost);
    ledger.row(cells);
  }
}

void write_budget(Database& db, const RunRecord& run) {
  Database::Insert budget(db, "INSERT INTO budget VALUES (" + placeholders(11) + ")");
  for (const auto& row : run.appraisal.budget) {
    std::vector<Value> cells = period_cells(run, row.group, row.arm, row.first_year, row.years);
    cells.push_back(std::string(model::kBudgetTypeNames[static_cast<size_t>(row.type)]));
    add_summary(cells, row.net_cost);
    budget.row(cells);
  }
}

void write_capacity_use(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert rows(db, "INSERT INTO capacity_use VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& row : run.appraisal.capacity)
    rows.row({s.proposals[static_cast<size_t>(row.proposal)].id,
              static_cast<int64_t>(s.base_year + row.year), row.places,
              real(row.participant_months), real(row.admissions), real(row.fill_rate)});
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
  Database::Insert parameters(db, "INSERT INTO parameters VALUES (" + placeholders(14) + ")");
  Database::Insert values(db, "INSERT INTO norm_values VALUES (?, ?, ?)");
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    const auto& p = s.parameters[k];
    parameters.row({p.id, static_cast<int64_t>(k), p.description, p.unit, p.value, p.low, p.high,
                    distribution_name(p.distribution), p.category, role_name(p.role), p.evidence,
                    p.owner, p.source,
                    p.scales_with >= 0 ? Value{s.parameters[static_cast<size_t>(p.scales_with)].id}
                                       : Value{}});
    if (p.role == model::ParameterRole::kNormative)
      for (const auto& norm : s.norms) values.row({norm.id, p.id, norm.value(p)});
  }
}

void write_calibration(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert rows(db, "INSERT INTO calibration VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& row : run.appraisal.calibration) {
    const auto& t = s.calibration[static_cast<size_t>(row.target)];
    rows.row({t.id, t.title, calibration_kind_name(t.kind), static_cast<int64_t>(t.year),
              real(row.target_value), real(row.simulated), real(row.standard_error),
              real(row.deviation), static_cast<int64_t>(row.within), t.tolerance, t.source});
  }
}

void write_citizen_flows(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert rows(db, "INSERT INTO citizen_flows VALUES (?, ?, ?, ?, ?)");
  for (size_t a = 0; a < run.appraisal.flows.size(); ++a)
    for (const auto& f : run.appraisal.flows[a]) {
      const auto& module = s.modules[static_cast<size_t>(f.module)];
      rows.row({s.arms[a].id, module.id, module.states[static_cast<size_t>(f.from_state)].id,
                module.states[static_cast<size_t>(f.to_state)].id, real(f.events)});
    }
}

// The cross-silo picture: per arm, year and combination of centres (department ids joined by
// '+', '' for known to none), the persons and the households known to it, and what they cost
// each department.
void write_cross_silo(Database& db, const RunRecord& run) {
  const auto& a = run.appraisal;
  const auto& s = a.scenario;
  Database::Insert rows(db, "INSERT INTO cross_silo VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Database::Insert costs(db, "INSERT INTO cross_silo_costs VALUES (?, ?, ?, ?, ?, ?)");
  for (const appraisal::CrossSiloRow& row : a.cross_silo) {
    const std::string& arm = s.arms[static_cast<size_t>(row.arm)].id;
    const auto year = static_cast<int64_t>(s.base_year + row.year);
    const std::string centres = centre_ids(s, a.compiled, row.centres);
    const auto by_department = [&](const std::vector<model::Dkk>& cost, const char* counted_by) {
      double total = 0;
      for (size_t d = 0; d < s.departments.size(); ++d) {
        total += cost[d];  // NaN when disclosure control hid the cell
        if (cost[d] != 0 && !std::isnan(cost[d]))
          costs.row({arm, year, centres, std::string(counted_by), s.departments[d].id, cost[d]});
      }
      return total;
    };
    const double persons_dkk = by_department(row.cost, "person");
    const double households_dkk = by_department(row.household_cost, "household");
    rows.row({arm, year, centres, static_cast<int64_t>(row.centre_count()), real(row.persons),
              real(persons_dkk), real(row.households), real(row.members), real(households_dkk)});
  }
}

}  // namespace

void write_decision_tables(Database& db, const RunRecord& run) {
  db.exec(kSchema);
  write_register(db, run);
  write_summary(db, run);
  write_ledger(db, run);
  write_budget(db, run);
  write_capacity_use(db, run);
  write_flips(db, run);
  write_switching(db, run);
  write_tornado(db, run);
  write_calibration(db, run);
  write_citizen_flows(db, run);
  write_cross_silo(db, run);
}

}  // namespace kommunesim::output
