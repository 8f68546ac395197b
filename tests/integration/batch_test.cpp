// kommunesim batch: a folder of scenario packages run as separate runs would run them.
#include <gtest/gtest.h>

#include "command_support.hpp"

using namespace kommunesim::test_support;
namespace fs = std::filesystem;

namespace {

const std::string kScenario = KOMMUNESIM_TEST_SCENARIO;

// Every table's name in a results.sqlite.
std::vector<std::string> tables_of(const fs::path& db_file) {
  std::vector<std::string> tables;
  std::istringstream rows(dump_table(db_file, "sqlite_master WHERE type = 'table' ORDER BY name"));
  for (std::string row; std::getline(rows, row);) {
    // type|name|tbl_name|rootpage|sql|
    const size_t from = row.find('|') + 1;
    tables.push_back(row.substr(from, row.find('|', from) - from));
  }
  return tables;
}

// Three Mini-kommune packages: as bundled, with another seed, and renamed (a name with a comma,
// which the summary quotes).
fs::path three_packages(const fs::path& root) {
  const fs::path folder = root / "municipalities";
  fs::create_directory(folder);
  for (const char* name : {"a-mini", "b-other-seed", "c-renamed"})
    fs::copy(kScenario, folder / name, fs::copy_options::recursive);
  EXPECT_TRUE(
      replace_in_file(folder / "b-other-seed" / "scenario.toml", "seed = 20250101", "seed = 99"));
  EXPECT_TRUE(replace_in_file(folder / "c-renamed" / "scenario.toml", "name = \"Mini-kommune\"",
                              "name = \"Mini-kommune, renamed\""));
  return folder;
}

}  // namespace

TEST(Batch, EveryScenarioOfTheFolderGetsTheOutputASeparateRunGivesAndOneSummaryAcrossThem) {
  TempFolder tmp("batch");
  const fs::path folder = three_packages(tmp.path);
  std::ofstream(folder / "notes.txt") << "not a package\n";
  fs::create_directory(folder / "empty-folder");
  const std::string common = " --replicates 2 --threads 2 --lang en";
  const auto batch =
      run_kommunesim("batch " + folder.string() + " --out " + (tmp.path / "out").string() + common);
  ASSERT_EQ(batch.exit_code, 0) << batch.output;
  EXPECT_NE(batch.output.find("== Scenario 3 of 3: c-renamed =="), std::string::npos)
      << batch.output;

  std::vector<std::string> expected_rows;
  std::string header;
  for (const char* name : {"a-mini", "b-other-seed", "c-renamed"}) {
    const fs::path single = tmp.path / (std::string("single-") + name);
    const auto run =
        run_kommunesim("run " + (folder / name).string() + " --out " + single.string() + common);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const fs::path batched = tmp.path / "out" / name;
    for (const auto& entry : fs::directory_iterator(single)) {
      const std::string file = entry.path().filename().string();
      ASSERT_TRUE(fs::exists(batched / file)) << name << "/" << file;
      if (entry.path().extension() == ".csv") {
        EXPECT_EQ(read_file(batched / file), read_file(entry.path())) << name << "/" << file;
      }
    }
    const std::vector<std::string> tables = tables_of(single / "results.sqlite");
    EXPECT_GT(tables.size(), 10u);
    EXPECT_EQ(tables_of(batched / "results.sqlite"), tables);
    for (const std::string& table : tables)
      EXPECT_EQ(dump_table(batched / "results.sqlite", table),
                dump_table(single / "results.sqlite", table))
          << name << " " << table;
    // The summary across scenarios: each run's rows after its folder and scenario name.
    std::istringstream rows(read_file(single / "summary.csv"));
    std::string line;
    std::getline(rows, header);
    const std::string scenario =
        std::string(name) == "c-renamed" ? "\"Mini-kommune, renamed\"" : "Mini-kommune";
    while (std::getline(rows, line)) expected_rows.push_back(name + ("," + scenario + ",") + line);
  }
  std::istringstream summary(read_file(tmp.path / "out" / "summary.csv"));
  std::string line;
  std::getline(summary, line);
  EXPECT_EQ(line, "scenario_folder,scenario," + header);
  std::vector<std::string> rows;
  while (std::getline(summary, line)) rows.push_back(line);
  EXPECT_EQ(rows, expected_rows);
  // Only the packages became output folders; the batch's manifest lets a later batch replace it.
  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator(tmp.path / "out"))
    written.push_back(entry.path().filename().string());
  std::sort(written.begin(), written.end());
  EXPECT_EQ(written, (std::vector<std::string>{"a-mini", "b-other-seed", "c-renamed",
                                               "manifest.json", "summary.csv"}));
  const auto again =
      run_kommunesim("batch " + folder.string() + " --out " + (tmp.path / "out").string() + common);
  EXPECT_EQ(again.exit_code, 0) << again.output;
}

TEST(Batch, ABrokenPackageStopsTheBatchBeforeAnythingIsSimulatedOrWritten) {
  TempFolder tmp("batch-broken");
  const fs::path folder = three_packages(tmp.path);
  ASSERT_TRUE(replace_in_file(folder / "b-other-seed" / "scenario.toml", "seed = 99",
                              "seed = \"ninety-nine\""));
  const auto batch = run_kommunesim("batch " + folder.string() + " --out " +
                                    (tmp.path / "out").string() + " --replicates 2");
  EXPECT_EQ(batch.exit_code, 2) << batch.output;
  EXPECT_NE(batch.output.find("b-other-seed"), std::string::npos) << batch.output;
  EXPECT_NE(batch.output.find("seed"), std::string::npos) << batch.output;
  EXPECT_NE(batch.output.find("nothing was simulated or written"), std::string::npos)
      << batch.output;
  EXPECT_FALSE(fs::exists(tmp.path / "out"));
  // A folder without packages is named.
  fs::create_directory(tmp.path / "none");
  const auto none = run_kommunesim("batch " + (tmp.path / "none").string() + " --out " +
                                   (tmp.path / "out").string());
  EXPECT_EQ(none.exit_code, 2) << none.output;
  EXPECT_NE(none.output.find("expected a folder of scenario packages"), std::string::npos)
      << none.output;
  EXPECT_FALSE(fs::exists(tmp.path / "out"));
}
