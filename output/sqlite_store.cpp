// results.sqlite: the result store. One transaction; tables described in docs/RESULTS_SCHEMA.md.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "output/sqlite_database.hpp"
#include "output/sqlite_tables.hpp"
#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE run_info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE departments(department TEXT PRIMARY KEY, title TEXT NOT NULL,
  department_index INTEGER NOT NULL);
CREATE TABLE measures(measure TEXT PRIMARY KEY, unit TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE arms(arm TEXT PRIMARY KEY, arm_index INTEGER NOT NULL, title TEXT NOT NULL, proposals TEXT NOT NULL);
CREATE TABLE norms(norm TEXT PRIMARY KEY, title TEXT NOT NULL, perspective TEXT NOT NULL,
  horizon_years INTEGER NOT NULL, discount_schedule TEXT NOT NULL, effect_scale REAL NOT NULL,
  effect_half_life_months REAL NOT NULL, half_life_for_all INTEGER NOT NULL,
  deadweight REAL NOT NULL, dynamics_group INTEGER NOT NULL, norm_index INTEGER NOT NULL);
CREATE TABLE flows(dynamics_group INTEGER, arm TEXT, replicate INTEGER, year INTEGER,
  department TEXT, payer TEXT, dkk REAL NOT NULL,
  PRIMARY KEY(dynamics_group, arm, replicate, year, department, payer));
CREATE TABLE outcomes(dynamics_group INTEGER, arm TEXT, replicate INTEGER, year INTEGER,
  measure TEXT, value REAL NOT NULL, PRIMARY KEY(dynamics_group, arm, replicate, year, measure));
CREATE TABLE state_months(dynamics_group INTEGER, arm TEXT, replicate INTEGER, year INTEGER,
  module TEXT, state TEXT, person_months INTEGER NOT NULL,
  PRIMARY KEY(dynamics_group, arm, replicate, year, module, state));
CREATE TABLE transitions(dynamics_group INTEGER, arm TEXT, replicate INTEGER, year INTEGER,
  module TEXT, from_state TEXT, to_state TEXT, events INTEGER NOT NULL);
CREATE TABLE state_months_by_age(arm TEXT, year INTEGER, module TEXT, state TEXT,
  age_from INTEGER, age_to INTEGER, person_months REAL NOT NULL,
  PRIMARY KEY(arm, year, module, state, age_from));
CREATE TABLE transitions_by_age(arm TEXT, year INTEGER, module TEXT, from_state TEXT,
  to_state TEXT, age_from INTEGER, age_to INTEGER, events REAL NOT NULL);
CREATE TABLE demography(dynamics_group INTEGER, arm TEXT, replicate INTEGER, year INTEGER,
  person_months INTEGER, births INTEGER, deaths INTEGER, out_migrants INTEGER, in_migrants INTEGER,
  PRIMARY KEY(dynamics_group, arm, replicate, year));
CREATE TABLE participation(dynamics_group INTEGER, arm TEXT, replicate INTEGER, year INTEGER,
  proposal TEXT, admissions INTEGER, participant_months INTEGER);
CREATE TABLE effect_draws(replicate INTEGER, proposal TEXT, effect INTEGER, module TEXT,
  transition TEXT, relative_risk REAL NOT NULL);
CREATE TABLE net_values(norm TEXT, arm TEXT, replicate INTEGER, net_value_dkk REAL NOT NULL,
  PRIMARY KEY(norm, arm, replicate));
CREATE TABLE reach(proposal TEXT, department TEXT);
CREATE TABLE disclosure(table_name TEXT PRIMARY KEY, threshold INTEGER NOT NULL,
  small_cells INTEGER NOT NULL, derivable_cells INTEGER NOT NULL, withheld INTEGER NOT NULL);
CREATE TABLE graph_edges(from_module TEXT, to_module TEXT, kind TEXT, feedback INTEGER);
CREATE VIEW flow_differences AS
  SELECT p.dynamics_group, p.arm, p.replicate, p.year, p.department, p.payer, p.dkk - b.dkk AS dkk
  FROM flows p JOIN flows b ON b.arm = 'baseline' AND b.dynamics_group = p.dynamics_group
   AND b.replicate = p.replicate AND b.year = p.year AND b.department = p.department
   AND b.payer = p.payer
  WHERE p.arm <> 'baseline';
CREATE VIEW outcome_differences AS
  SELECT p.dynamics_group, p.arm, p.replicate, p.year, p.measure, p.value - b.value AS value
  FROM outcomes p JOIN outcomes b ON b.arm = 'baseline' AND b.dynamics_group = p.dynamics_group
   AND b.replicate = p.replicate AND b.year = p.year AND b.measure = p.measure
  WHERE p.arm <> 'baseline';
)sql";

std::string perspective_text(const model::NormativeSet& n) {
  if (n.owning_department_only) return "owning_department";
  std::string out;
  for (int p = 0; p < model::kPayerCount; ++p)
    if (n.perspective[static_cast<size_t>(p)])
      out += (out.empty() ? "" : ",") + std::string(model::kPayerNames[static_cast<size_t>(p)]);
  return out;
}

std::string schedule_text(const model::NormativeSet& n) {
  std::string out;
  for (const auto& b : n.discount)
    out += (out.empty() ? "" : ";") + std::to_string(b.from_year) + ":" + std::to_string(b.rate);
  return out;
}

// The tables that a scenario on real data writes empty: counts per replicate (one draw of a
// synthetic population) and by age (fine cross-tables); their means are in the decision tables.
constexpr const char* kWithheldTables[] = {
    "outcomes",      "state_months",        "transitions",       "demography",
    "participation", "state_months_by_age", "transitions_by_age"};

// What disclosure control hid (appraisal/disclosure.hpp), table by table.
void write_disclosure(Database& db, const appraisal::DisclosureReport& report) {
  if (!report.applied) return;
  Database::Insert rows(db, "INSERT INTO disclosure VALUES (?, ?, ?, ?, ?)");
  const auto threshold = static_cast<int64_t>(report.threshold);
  for (const appraisal::SuppressedCells& t : report.tables)
    rows.row({t.table, threshold, static_cast<int64_t>(t.small), static_cast<int64_t>(t.derivable),
              int64_t{0}});
  for (const char* table : kWithheldTables)
    rows.row({std::string(table), threshold, int64_t{0}, int64_t{0}, int64_t{1}});
}

void write_definitions(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert info(db, "INSERT INTO run_info VALUES (?, ?)");
  const Provenance& p = run.provenance;
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"scenario", s.name},
           {"base_year", std::to_string(s.base_year)},
           {"horizon_years", std::to_string(s.horizon_years)},
           {"price_level", price_level_text(s, Language::kEnglish)},
           {"replicates", std::to_string(run.appraisal.plan.replicates)},
           {"cross_silo_replicates", std::to_string(cross_silo_replicates(run.appraisal))},
           {"seed", std::to_string(run.appraisal.plan.seed)},
           {"engine_version", p.engine_version},
           {"engine_commit", p.engine_commit},
           {"disclosure_threshold", run.appraisal.disclosure.applied
                                        ? std::to_string(run.appraisal.disclosure.threshold)
                                        : std::string("none")}})
    info.row({k, v});
  write_disclosure(db, run.appraisal.disclosure);
  // What the modules cover of the municipality's net operating spending (base year, DKK).
  const auto& coverage = run.appraisal.coverage;
  info.row(
      {std::string("modelled_net_operating_dkk"), fmt::format("{:.0f}", coverage.modelled_dkk)});
  if (coverage.net_operating_dkk > 0) {
    info.row({std::string("net_operating_dkk"), fmt::format("{:.0f}", coverage.net_operating_dkk)});
    info.row({std::string("coverage_share"), fmt::format("{:.4f}", coverage.share())});
  }
  Database::Insert dept(db, "INSERT INTO departments VALUES (?, ?, ?)");
  for (size_t d = 0; d < s.departments.size(); ++d)
    dept.row({s.departments[d].id, s.departments[d].title, static_cast<int64_t>(d)});
  Database::Insert meas(db, "INSERT INTO measures VALUES (?, ?, ?)");
  for (const auto& m : s.measures) meas.row({m.id, m.unit, m.title});
  Database::Insert arms(db, "INSERT INTO arms VALUES (?, ?, ?, ?)");
  for (size_t a = 0; a < s.arms.size(); ++a) {
    std::string proposals;
    for (int i : s.arms[a].proposals)
      proposals += (proposals.empty() ? "" : ",") + s.proposals[static_cast<size_t>(i)].id;
    arms.row({s.arms[a].id, static_cast<int64_t>(a), s.arms[a].title, proposals});
  }
  Database::Insert norms(db, "INSERT INTO norms VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (size_t n = 0; n < s.norms.size(); ++n) {
    const auto& norm = s.norms[n];
    norms.row({norm.id, norm.title, perspective_text(norm),
               static_cast<int64_t>(norm.horizon_years), schedule_text(norm),
               norm.dynamics.effect_scale, norm.dynamics.effect_half_life_months,
               static_cast<int64_t>(norm.dynamics.half_life_for_all), norm.dynamics.deadweight,
               static_cast<int64_t>(run.appraisal.plan.norm_group[n]), static_cast<int64_t>(n)});
  }
  Database::Insert reach(db, "INSERT INTO reach VALUES (?, ?)");
  for (size_t i = 0; i < s.proposals.size(); ++i)
    for (int d : run.appraisal.reach[i])
      reach.row({s.proposals[i].id, s.departments[static_cast<size_t>(d)].id});
  Database::Insert edges(db, "INSERT INTO graph_edges VALUES (?, ?, ?, ?)");
  for (const auto& e : run.appraisal.graph_edges)
    edges.row({s.modules[static_cast<size_t>(e.from_module)].id,
               s.modules[static_cast<size_t>(e.to_module)].id, e.kind,
               static_cast<int64_t>(e.feedback)});
  Database::Insert draws(db, "INSERT INTO effect_draws VALUES (?, ?, ?, ?, ?, ?)");
  for (size_t r = 0; r < run.appraisal.results.effect_draws.size(); ++r)
    for (size_t i = 0; i < s.proposals.size(); ++i)
      for (size_t e = 0; e < s.proposals[i].effects.size(); ++e) {
        const auto& effect = s.proposals[i].effects[e];
        const auto& module = s.modules[static_cast<size_t>(effect.module)];
        const auto& tr = module.transitions[static_cast<size_t>(effect.transition)];
        draws.row({static_cast<int64_t>(r), s.proposals[i].id, static_cast<int64_t>(e), module.id,
                   module.states[tr.from].id + " -> " + module.states[tr.to].id,
                   run.appraisal.results.effect_draws[r][i][e]});
      }
}

void write_unit_results(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  const bool withheld = run.appraisal.disclosure.applied;  // the counts (kWithheldTables)
  Database::Insert flows(db, "INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?)");
  Database::Insert outcomes(db, "INSERT INTO outcomes VALUES (?, ?, ?, ?, ?, ?)");
  Database::Insert states(db, "INSERT INTO state_months VALUES (?, ?, ?, ?, ?, ?, ?)");
  Database::Insert transitions(db, "INSERT INTO transitions VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  Database::Insert demography(db, "INSERT INTO demography VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Database::Insert participation(db, "INSERT INTO participation VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (size_t u = 0; u < run.appraisal.plan.units.size(); ++u) {
    const auto& unit = run.appraisal.plan.units[u];
    const auto& arm = s.arms[static_cast<size_t>(unit.arm)];
    const auto g = static_cast<int64_t>(unit.dynamics_group);
    const auto r = static_cast<int64_t>(unit.replicate);
    for (size_t y = 0; y < run.appraisal.analysis.accounts[u].size(); ++y) {
      const auto year = static_cast<int64_t>(s.base_year + static_cast<int>(y));
      const auto& account = run.appraisal.analysis.accounts[u][y];
      for (size_t d = 0; d < s.departments.size(); ++d)
        for (int p = 0; p < model::kPayerCount; ++p)
          flows.row({g, arm.id, r, year, s.departments[d].id,
                     std::string(model::kPayerNames[static_cast<size_t>(p)]),
                     account.at(static_cast<int>(d), static_cast<model::Payer>(p))});
      if (withheld) continue;
      for (size_t m = 0; m < s.measures.size(); ++m)
        outcomes.row({g, arm.id, r, year, s.measures[m].id, account.measures[m]});
      const auto& tally = run.appraisal.results.tallies[u][y];
      // Person-months per state, summed over the state's refusion bands.
      std::vector<std::vector<int64_t>> per_state(s.modules.size());
      for (size_t m = 0; m < s.modules.size(); ++m)
        per_state[m].assign(s.modules[m].states.size(), 0);
      for (size_t slot = 0; slot < run.appraisal.compiled.slots.size(); ++slot) {
        const auto& info = run.appraisal.compiled.slots[slot];
        per_state[static_cast<size_t>(info.module)][static_cast<size_t>(info.state)] +=
            static_cast<int64_t>(tally.state_months[slot]);
      }
      for (size_t m = 0; m < s.modules.size(); ++m)
        for (size_t st = 0; st < s.modules[m].states.size(); ++st)
          states.row(
              {g, arm.id, r, year, s.modules[m].id, s.modules[m].states[st].id, per_state[m][st]});
      for (int e = 0; e < run.appraisal.compiled.event_slots; ++e) {
        const auto& module = s.modules[static_cast<size_t>(
            run.appraisal.compiled.event_module[static_cast<size_t>(e)])];
        const auto& tr = module.transitions[static_cast<size_t>(
            run.appraisal.compiled.event_transition[static_cast<size_t>(e)])];
        transitions.row({g, arm.id, r, year, module.id, module.states[tr.from].id,
                         module.states[tr.to].id,
                         static_cast<int64_t>(tally.events[static_cast<size_t>(e)])});
      }
      demography.row({g, arm.id, r, year, static_cast<int64_t>(tally.person_months),
                      static_cast<int64_t>(tally.births), static_cast<int64_t>(tally.deaths),
                      static_cast<int64_t>(tally.out_migrants),
                      static_cast<int64_t>(tally.in_migrants)});
      for (size_t k = 0; k < arm.proposals.size(); ++k)
        participation.row({g, arm.id, r, year,
                           s.proposals[static_cast<size_t>(arm.proposals[k])].id,
                           static_cast<int64_t>(tally.admissions[k]),
                           static_cast<int64_t>(tally.participant_months[k])});
    }
  }
}

// Results by age (the scenario's result age bands): person-months per state and transitions,
// per arm and year, mean over replicates of the first dynamics group.
void write_results_by_age(Database& db, const RunRecord& run) {
  const auto& a = run.appraisal;
  const auto& s = a.scenario;
  const auto bands = static_cast<size_t>(a.compiled.result_age_bands);
  if (bands == 0 || a.disclosure.applied) return;  // withheld on real data (kWithheldTables)
  Database::Insert states(db, "INSERT INTO state_months_by_age VALUES (?, ?, ?, ?, ?, ?, ?)");
  Database::Insert transitions(db,
                               "INSERT INTO transitions_by_age VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const auto age_to = [&](size_t b) -> Value {
    return b + 1 < bands ? Value{static_cast<int64_t>(s.result_age_bands[b + 1])} : Value{};
  };
  const size_t arms = s.arms.size();
  const size_t years = a.results.tallies[a.plan.unit_index(0, 0, 0, arms)].size();
  for (size_t arm = 0; arm < arms; ++arm)
    for (size_t y = 0; y < years; ++y) {
      const auto year = static_cast<int64_t>(s.base_year + static_cast<int>(y));
      std::vector<double> state_months(a.compiled.slots.size() * bands, 0.0);
      std::vector<double> events(static_cast<size_t>(a.compiled.event_slots) * bands, 0.0);
      for (int r = 0; r < a.plan.replicates; ++r) {
        const auto u = a.plan.unit_index(0, r, static_cast<int>(arm), arms);
        const auto& tally =
            a.results
                .tallies[a.plan.units[u].same_as >= 0 ? static_cast<size_t>(a.plan.units[u].same_as)
                                                      : u][y];
        for (size_t i = 0; i < state_months.size(); ++i)
          state_months[i] += static_cast<double>(tally.state_months_by_age[i]) / a.plan.replicates;
        for (size_t i = 0; i < events.size(); ++i)
          events[i] += static_cast<double>(tally.events_by_age[i]) / a.plan.replicates;
      }
      // A state's refusion bands summed.
      std::vector<std::vector<double>> per_state(s.modules.size());
      for (size_t m = 0; m < s.modules.size(); ++m)
        per_state[m].assign(s.modules[m].states.size() * bands, 0.0);
      for (size_t slot = 0; slot < a.compiled.slots.size(); ++slot) {
        const auto& info = a.compiled.slots[slot];
        for (size_t b = 0; b < bands; ++b)
          per_state[static_cast<size_t>(info.module)]
                   [static_cast<size_t>(info.state) * bands + b] += state_months[slot * bands + b];
      }
      for (size_t m = 0; m < s.modules.size(); ++m)
        for (size_t st = 0; st < s.modules[m].states.size(); ++st)
          for (size_t b = 0; b < bands; ++b)
            states.row({s.arms[arm].id, year, s.modules[m].id, s.modules[m].states[st].id,
                        static_cast<int64_t>(s.result_age_bands[b]), age_to(b),
                        per_state[m][st * bands + b]});
      for (int e = 0; e < a.compiled.event_slots; ++e) {
        const auto& module =
            s.modules[static_cast<size_t>(a.compiled.event_module[static_cast<size_t>(e)])];
        const auto& tr = module.transitions[static_cast<size_t>(
            a.compiled.event_transition[static_cast<size_t>(e)])];
        for (size_t b = 0; b < bands; ++b)
          transitions.row({s.arms[arm].id, year, module.id, module.states[tr.from].id,
                           module.states[tr.to].id, static_cast<int64_t>(s.result_age_bands[b]),
                           age_to(b), events[static_cast<size_t>(e) * bands + b]});
      }
    }
}

void write_valuation(Database& db, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  Database::Insert npv(db, "INSERT INTO net_values VALUES (?, ?, ?, ?)");
  for (size_t n = 0; n < s.norms.size(); ++n)
    for (size_t a = 1; a < s.arms.size(); ++a)
      for (size_t r = 0; r < run.appraisal.analysis.npv[n][a].size(); ++r)
        npv.row({s.norms[n].id, s.arms[a].id, static_cast<int64_t>(r),
                 run.appraisal.analysis.npv[n][a][r]});
}

}  // namespace

void write_results_sqlite(const RunRecord& run, const std::filesystem::path& file) {
  Database db(file);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  db.exec("BEGIN");
  db.exec(kSchema);
  write_definitions(db, run);
  write_unit_results(db, run);
  write_results_by_age(db, run);
  write_valuation(db, run);
  write_decision_tables(db, run);
  db.exec("COMMIT");
}

}  // namespace kommunesim::output
