// results.sqlite holds every table of the run: an analyst rebuilds summary.csv, ledger.csv,
// flips.csv, switching.csv and tornado.csv with SQL alone, using the queries in docs/sql/.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <string>
#include <vector>

#include "command_support.hpp"

using namespace kommunesim::test_support;
namespace fs = std::filesystem;

namespace {

// The CSV text a query of docs/sql/ gives: one line per row of its single column.
std::string run_query(const fs::path& database, const fs::path& query_file) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  const std::string sql = read_file(query_file);
  std::string text;
  char* error = nullptr;
  const int status = sqlite3_exec(
      db, sql.c_str(),
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) += std::string(values[0] ? values[0] : "") + "\n";
        return 0;
      },
      &text, &error);
  EXPECT_EQ(status, SQLITE_OK) << query_file << ": " << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
  return text;
}

// One unit in the last place a number is printed with ("12.35" -> 0.01, "1.5e+06" -> 1e5).
double last_place(const std::string& number) {
  const size_t e = number.find_first_of("eE");
  const std::string mantissa = number.substr(0, e);
  const int exponent = e == std::string::npos ? 0 : std::stoi(number.substr(e + 1));
  const size_t dot = mantissa.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  return std::pow(10.0, exponent - decimals);
}

// Text cells are equal; numbers are equal as printed. SQLite's printf rounds exact ties away from
// zero where the writers round them to even, so the last printed digit may differ by one.
bool same_cell(const std::string& a, const std::string& b) {
  if (a == b) return true;
  char* end_a = nullptr;
  char* end_b = nullptr;
  const double x = std::strtod(a.c_str(), &end_a), y = std::strtod(b.c_str(), &end_b);
  if (a.empty() || *end_a != '\0' || b.empty() || *end_b != '\0') return false;
  return std::abs(x - y) <= 1.000001 * std::max(last_place(a), last_place(b));
}

// The first column of a query's first row as an integer, -1 when it gives no row.
int64_t first_integer(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  const int64_t n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  return n;
}

}  // namespace

TEST(ResultStore, EveryDecisionCsvIsRebuiltFromTheStoreWithSqlAlone) {
  TempFolder tmp("store");
  const fs::path out = tmp.path / "o";
  const auto r = run_kommunesim("run " + std::string(KOMMUNESIM_TEST_SCENARIO) +
                                " --replicates 3 --seed 5 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const std::string name : {"summary", "ledger", "budget", "flips", "switching", "tornado"}) {
    const auto expected = parse_csv(read_file(out / (name + ".csv")));
    const auto rebuilt = parse_csv(
        run_query(out / "results.sqlite", fs::path(KOMMUNESIM_DOCS_DIR) / "sql" / (name + ".sql")));
    ASSERT_GT(expected.size(), 1u) << name;
    ASSERT_EQ(rebuilt.size(), expected.size()) << name;
    int differing_digits = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
      ASSERT_EQ(rebuilt[i].size(), expected[i].size()) << name << " row " << i;
      for (size_t j = 0; j < expected[i].size(); ++j) {
        EXPECT_TRUE(same_cell(rebuilt[i][j], expected[i][j]))
            << name << ".csv row " << i << " column " << expected[0][j] << ": store gives "
            << rebuilt[i][j] << ", the file " << expected[i][j];
        differing_digits += rebuilt[i][j] != expected[i][j];
      }
    }
    // Rounding ties are rare: nearly every cell is the same text.
    EXPECT_LE(differing_digits, 2) << name;
  }
}

TEST(ResultStore, HoldsTheRegisterWithSourcesAndEachSetsValues) {
  TempFolder tmp("register");
  const fs::path out = tmp.path / "o";
  ASSERT_EQ(run_kommunesim("run " + std::string(KOMMUNESIM_TEST_SCENARIO) +
                           " --replicates 2 --out " + out.string())
                .exit_code,
            0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((out / "results.sqlite").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  const auto count = [&](const std::string& sql) { return first_integer(db, sql); };
  EXPECT_GT(count("SELECT COUNT(*) FROM parameters"), 20);
  EXPECT_EQ(count("SELECT COUNT(*) FROM parameters WHERE trim(source) = ''"), 0);
  // Every normative parameter has a value under every set; figures have none there.
  EXPECT_EQ(count("SELECT COUNT(*) FROM norm_values"),
            count("SELECT (SELECT COUNT(*) FROM parameters WHERE role = 'normative') * "
                  "(SELECT COUNT(*) FROM norms)"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM norm_values JOIN parameters USING (parameter) "
                  "WHERE role <> 'normative'"),
            0);
  // The horizon a set's values give is the set's horizon.
  EXPECT_EQ(count("SELECT COUNT(*) FROM norm_values v JOIN norms n USING (norm) "
                  "WHERE v.parameter = 'horizon_years' AND v.value <> n.horizon_years"),
            0);
  // Citizen flows: one row per arm and transition; the baseline's agree with its transitions.
  EXPECT_GT(count("SELECT COUNT(*) FROM citizen_flows WHERE arm = 'baseline'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT f.module, f.from_state, f.to_state, f.events, "
                  "(SELECT SUM(events) / 2.0 FROM transitions t WHERE t.dynamics_group = 0 AND "
                  "t.arm = 'baseline' AND t.module = f.module AND t.from_state = f.from_state "
                  "AND t.to_state = f.to_state) AS total FROM citizen_flows f "
                  "WHERE f.arm = 'baseline') WHERE abs(events - total) > 1e-9"),
            0);
  sqlite3_close(db);
}

TEST(ResultStore, TheCrossSiloPictureAddsUpToThePopulationAndTheModulesSpending) {
  TempFolder tmp("cross-silo");
  const fs::path out = tmp.path / "o";
  ASSERT_EQ(run_kommunesim("run " + std::string(KOMMUNESIM_TEST_SCENARIO) +
                           " --replicates 2 --out " + out.string())
                .exit_code,
            0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((out / "results.sqlite").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  const auto count = [&](const std::string& sql) { return first_integer(db, sql); };
  // Every arm-year's combinations add up to its full-year persons (the
  // demography's person-months / 12, mean over the 2 replicates), counted by persons and by the
  // households' members, and the spending counted both ways is the same.
  const std::string per_arm_year =
      "SELECT c.arm, c.year, SUM(c.persons) AS persons, SUM(c.household_members) AS members, "
      "SUM(c.municipal_dkk) AS dkk, SUM(c.household_municipal_dkk) AS household_dkk, "
      "(SELECT SUM(person_months) / 12.0 / 2 FROM demography d WHERE d.dynamics_group = 0 AND "
      "d.arm = c.arm AND d.year = c.year) AS population FROM cross_silo c GROUP BY c.arm, c.year";
  EXPECT_EQ(count("SELECT COUNT(*) FROM (" + per_arm_year + ")"),
            count("SELECT COUNT(*) FROM (SELECT DISTINCT arm, year FROM demography)"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM (" + per_arm_year +
                  ") WHERE abs(persons - population) > 1e-9 * population OR "
                  "abs(members - population) > 1e-9 * population OR "
                  "abs(dkk - household_dkk) > 1e-6 * abs(dkk)"),
            0);
  // Each row's spending is its departments' spending.
  EXPECT_EQ(count("SELECT COUNT(*) FROM cross_silo c WHERE abs(c.municipal_dkk - (SELECT "
                  "coalesce(SUM(dkk), 0) FROM cross_silo_costs k WHERE k.arm = c.arm AND k.year = "
                  "c.year AND k.centres = c.centres AND k.counted_by = 'person')) > 1e-6"),
            0);
  // Families with a parent at the jobcentre and a child in children's services.
  EXPECT_EQ(count("SELECT COUNT(*) FROM cross_silo WHERE centres = 'jobcentre+children_family' AND "
                  "centre_count = 2 AND households > 0 AND household_members > households"),
            count("SELECT COUNT(DISTINCT arm || year) FROM demography"));
  sqlite3_close(db);
}
