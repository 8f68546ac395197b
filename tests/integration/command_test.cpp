// The kommunesim command as a user runs it, on the bundled scenario and on broken copies of it.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "command_support.hpp"

using namespace kommunesim::test_support;
namespace fs = std::filesystem;

namespace {

const std::string kScenario = KOMMUNESIM_TEST_SCENARIO;

}  // namespace

TEST(Command, ValidateAcceptsTheBundledScenario) {
  const auto r = run_kommunesim("validate " + kScenario);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("valid"), std::string::npos);
}

TEST(Command, HelpOnEveryCommand) {
  for (const char* command :
       {"--help", "run --help", "batch --help", "merge --help", "validate --help", "bench --help",
        "compare --help", "proposal-template --help", "add-proposal --help",
        "import-targets --help"}) {
    const auto r = run_kommunesim(command);
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << command;
  }
}

TEST(Command, UsageErrorsExitTwo) {
  EXPECT_EQ(run_kommunesim("run --no-such-option").exit_code, 2);
  // The command line has the scenario files' limit on replicates, and says it.
  for (const char* count : {"0", "1000000"}) {
    const auto r = run_kommunesim(std::string("run --replicates ") + count);
    EXPECT_EQ(r.exit_code, 2) << count;
    EXPECT_NE(r.output.find("not in range 1 to 100000"), std::string::npos) << r.output;
  }
  EXPECT_EQ(run_kommunesim("").exit_code, 2);
  const auto missing = run_kommunesim("validate /no/such/folder");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("does not exist"), std::string::npos);
}

TEST(Command, RunWritesSummaryResultsAndManifest) {
  TempFolder tmp("run");
  const fs::path out = tmp.path / "out";
  const auto r =
      run_kommunesim("run " + kScenario + " --out " + out.string() + " --replicates 3 --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(fs::exists(out / "summary.csv"));
  EXPECT_TRUE(fs::exists(out / "results.sqlite"));
  // Plain progress lines when standard error is not a terminal, for every phase up to the last
  // (the sensitivity phases used to be silent, the writing too), in Danish by default.
  for (const char* phase : {"simulerer", "tornado", "skifteværdier", "skriver"})
    EXPECT_NE(r.output.find(std::string(phase) + ": 100%"), std::string::npos) << r.output;
  // The summary for a budget analyst names each proposal and normative set.
  EXPECT_NE(r.output.find("Intensive job support for parents"), std::string::npos);
  EXPECT_NE(r.output.find("Municipal four-year budget"), std::string::npos);
  // Nothing but the output folder is left behind.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) ++entries;
  EXPECT_EQ(entries, 1);

  const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  EXPECT_EQ(manifest["replicates"], 3);
  EXPECT_EQ(manifest["threads"], 2);
  EXPECT_EQ(manifest["inputs"].size(), 15u);
  for (const auto& input : manifest["inputs"])
    EXPECT_TRUE(std::regex_match(input["sha256"].get<std::string>(), std::regex("[0-9a-f]{64}")));
  EXPECT_TRUE(manifest["engine"].contains("commit"));
  // No folder of this machine in what may be shared: the scenario by its folder's name, the
  // command line with each absolute path reduced to its last part.
  EXPECT_EQ(manifest["scenario_folder"], "mini-kommune");
  EXPECT_EQ(manifest["command_line"].get<std::string>().find('/'), std::string::npos)
      << manifest["command_line"];

  // Every proposal and package appears under every normative set.
  const std::string csv = read_file(out / "summary.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 3 * 4);  // 3 arms x 4 sets
  // The closing ranking: per proposal its rank under each set, in the sets' order (lettered), as
  // summary.csv gives it.
  EXPECT_NE(r.output.find("Placering under hvert perspektiv"), std::string::npos);
  const auto table = parse_csv(csv);
  const auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(table[0].begin(), table[0].end(), name) -
                               table[0].begin());
  };
  std::map<std::string, std::vector<std::string>> ranks;  // proposal -> rank per set, in order
  for (size_t i = 1; i < table.size(); ++i)
    ranks[table[i].at(column("proposal"))].push_back(table[i].at(column("rank")));
  for (const auto& [proposal, by_set] : ranks) {
    std::string pattern = "\\n  " + proposal + " +";
    for (const auto& rank : by_set) pattern += " +" + rank + R"(\??[-+~0])";
    EXPECT_TRUE(std::regex_search(r.output, std::regex(pattern + "\\n"))) << pattern;
  }
  // assumptions.md lists the modules' figures with the largest tornado swing (the benefit rate
  // moves the savings of job support).
  const std::string assumptions = read_file(out / "assumptions.md");
  EXPECT_NE(assumptions.find("## Modulernes og forslagenes tal"), std::string::npos);
  EXPECT_TRUE(std::regex_search(
      assumptions,
      std::regex(
          R"(\| `jobcentre\.kontanthjaelp\.cost_municipality`<br>[^|]*(\|[^|]*){6}\| [1-9][0-9]* \|)")))
      << assumptions;
  // The cross-silo case: a jobcentre proposal reaches children's services.
  EXPECT_NE(
      dump_table(out / "results.sqlite", "reach").find("job_support_parents|children_family|"),
      std::string::npos);
}

TEST(Command, TheSummaryIsDanishWithDanishNumbersUnlessEnglishIsAsked) {
  TempFolder tmp("lang");
  const std::string common = "run " + kScenario + " --replicates 2 --threads 2 --out ";
  const auto danish = run_kommunesim(common + (tmp.path / "da").string());
  const auto english = run_kommunesim(common + (tmp.path / "en").string() + " --lang en");
  ASSERT_EQ(danish.exit_code, 0) << danish.output;
  ASSERT_EQ(english.exit_code, 0) << english.output;
  // The budget team's words, and amounts with a decimal comma: "kommunens nettoudgift,
  // budgetåret (ikke diskonteret): 1,1 [1,0; 1,3]".
  for (const char* words :
       {"beløb i mio. kr.", "kommunens nettoudgift, budgetåret (ikke diskonteret):",
        "budgetår og tre overslagsår", "heraf serviceudgifter", "(budgetgaranti)", "perspektiv",
        "konklusionen", "nettoudgift i budgetperioden", "skrev "})
    EXPECT_NE(danish.output.find(words), std::string::npos) << words;
  EXPECT_TRUE(std::regex_search(
      danish.output,
      std::regex(
          R"(budgetåret \(ikke diskonteret\): -?[0-9]+,[0-9] \[-?[0-9]+,[0-9]; -?[0-9]+,[0-9]\])")))
      << danish.output;
  for (const char* english_words : {"net cost", "net value", "under every normative set",
                                    "net cost over the budget period", "simulating", "wrote "})
    EXPECT_EQ(danish.output.find(english_words), std::string::npos) << english_words;
  // --lang en gives the English summary with decimal points.
  EXPECT_TRUE(std::regex_search(
      english.output, std::regex(R"(first budget year \(undiscounted\): -?[0-9]+\.[0-9] \[)")))
      << english.output;
  EXPECT_NE(english.output.find("simulating: 100%"), std::string::npos);
  // The language changes the words, never the results.
  for (const char* file : {"summary.csv", "ledger.csv", "budget.csv", "flips.csv"})
    EXPECT_EQ(read_file(tmp.path / "da" / file), read_file(tmp.path / "en" / file)) << file;
  EXPECT_EQ(run_kommunesim("run " + kScenario + " --lang de").exit_code, 2);
}

TEST(Command, AssumptionsListsTheNormativeChoicesPerSetAndEveryFigureWithItsSource) {
  const auto r = run_kommunesim("assumptions " + kScenario);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // The sets disagree on the horizon (marked) and every set's column is there.
  EXPECT_TRUE(std::regex_search(
      r.output, std::regex(R"(\* horizon_years +valuation +4 +1 to 5 +1 +4 +5 +4)")))
      << r.output;
  // A module's figure with its value, range and evidence, and its source further down.
  EXPECT_TRUE(std::regex_search(
      r.output,
      std::regex(
          R"(children\.placed\.cost_municipality +valuation +60058 +48046 to 72070 +cited figure)")))
      << r.output;
  EXPECT_NE(r.output.find("family_therapy.effect.children.none_to_placed (relative risk)"),
            std::string::npos);
  EXPECT_NE(r.output.find("source: VIVE via sbst.dk, Funktionel familieterapi"), std::string::npos);
}

TEST(Command, SameSeedGivesIdenticalResultsForOneAndTwoThreads) {
  TempFolder tmp("threads");
  const std::string common = "run " + kScenario + " --replicates 4 --seed 99 --out ";
  ASSERT_EQ(run_kommunesim(common + (tmp.path / "t1").string() + " --threads 1").exit_code, 0);
  ASSERT_EQ(run_kommunesim(common + (tmp.path / "t2").string() + " --threads 2").exit_code, 0);
  EXPECT_EQ(read_file(tmp.path / "t1" / "summary.csv"), read_file(tmp.path / "t2" / "summary.csv"));
  for (const char* table :
       {"flows", "outcomes", "state_months", "transitions", "demography", "participation",
        "effect_draws", "net_values", "summary", "cross_silo", "cross_silo_costs"}) {
    const std::string one = dump_table(tmp.path / "t1" / "results.sqlite", table);
    EXPECT_FALSE(one.empty()) << table;
    EXPECT_EQ(one, dump_table(tmp.path / "t2" / "results.sqlite", table)) << table;
  }
}

TEST(Command, BrokenScenarioExitsTwoNamesEachProblemAndWritesNothing) {
  TempFolder tmp("broken");
  const fs::path scenario = tmp.path / "scenario";
  fs::copy(kScenario, scenario, fs::copy_options::recursive);
  const auto patch = [&](const std::string& file, const std::string& find,
                         const std::string& replace) {
    ASSERT_TRUE(replace_in_file(scenario / file, find, replace)) << file << ": " << find;
  };
  patch("modules/jobcentre.toml", "probability = \"jobcentre.employed_to_outside\"",
        "probabilty = \"jobcentre.employed_to_outside\"");
  patch("modules/children.toml", "probability = \"children.placed_to_none\"", "probability = 0.02");
  patch("norms/sceptic.toml", "horizon_years = 4", "horizon_years = = 4");

  const auto validate = run_kommunesim("validate " + scenario.string());
  EXPECT_EQ(validate.exit_code, 2);
  EXPECT_TRUE(std::regex_search(
      validate.output,
      std::regex(
          R"(modules/jobcentre\.toml:\d+:\d+: .*probabilty: unknown key \(did you mean 'probability'\?\))")))
      << validate.output;
  EXPECT_TRUE(std::regex_search(
      validate.output,
      std::regex(
          R"(modules/children\.toml:\d+:\d+: .*probability: expected the id of a register parameter)")))
      << validate.output;
  EXPECT_TRUE(std::regex_search(validate.output,
                                std::regex(R"(norms/sceptic\.toml:\d+:\d+: TOML syntax error)")))
      << validate.output;

  const fs::path out = tmp.path / "out";
  const auto run = run_kommunesim("run " + scenario.string() + " --out " + out.string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_NE(run.output.find("nothing was run or written"), std::string::npos);
}

TEST(Command, BenchPrintsWallAndCpuTimeAndThroughputPerCpuSecondLast) {
  const auto r = run_kommunesim("bench --persons 20000 --months 12 --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(person-months per CPU-second: \d+\n$)")))
      << r.output;
  EXPECT_TRUE(
      std::regex_search(r.output, std::regex(R"(wall time: [0-9.]+ s, CPU time: [0-9.]+ s)")))
      << r.output;
  EXPECT_NE(r.output.find("person-months per wall-second: "), std::string::npos);
  EXPECT_NE(r.output.find("peak memory (resident): "), std::string::npos);
  EXPECT_NE(r.output.find("bytes per person"), std::string::npos);
}

TEST(Command, BenchTimesAWholeAppraisalOfAnyScenario) {
  const auto r = run_kommunesim("bench --appraisal --scenario " + kScenario + " --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("scenario: Mini-kommune"), std::string::npos) << r.output;
  EXPECT_TRUE(std::regex_search(
      r.output,
      std::regex(R"(effective person-months of results \(every unit of the plan\): \d+)")))
      << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(person-months per CPU-second: \d+\n$)")))
      << r.output;
}

TEST(Command, BenchFollowsTheLifelongCohortScenarioForAHundredYears) {
  // The benchmark scenario of inert person-months: one birth cohort to age 100. Its mortality
  // table gives a life expectancy at birth of about 81 years, so 2,000 births live about
  // 1.95 m person-months (the band allows for Monte Carlo error and the table's rounding).
  const std::string cohort = KOMMUNESIM_COHORT_SCENARIO;
  ASSERT_EQ(run_kommunesim("validate " + cohort).exit_code, 0);
  const auto r =
      run_kommunesim("bench --scenario " + cohort + " --persons 2000 --months 1200 --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.output, m, std::regex(R"(simulation: (\d+) person-months)")))
      << r.output;
  const double life_years = std::stod(m[1]) / 2000 / 12;
  EXPECT_GT(life_years, 78) << r.output;
  EXPECT_LT(life_years, 84) << r.output;
}

namespace {

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> cells;
    std::stringstream cs(line);
    std::string cell;
    while (std::getline(cs, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.push_back("");
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

TEST(Command, ReRunningAtASwitchingValueGivesZeroNetValueWithinMonteCarloError) {
  TempFolder tmp("switching");
  // The scenario's own seed and replicates (10).
  const std::string common = " --threads 2 --out ";
  ASSERT_EQ(run_kommunesim("run " + kScenario + common + (tmp.path / "a").string()).exit_code, 0);
  for (const char* file :
       {"ledger.csv", "flips.csv", "switching.csv", "tornado.csv", "assumptions.md"})
    EXPECT_TRUE(fs::exists(tmp.path / "a" / file)) << file;
  // A switching value of the discount rate (revalued) or else of the effect scale (re-simulated).
  std::string proposal, norm, parameter, value;
  for (const char* wanted : {"discount_rate", "effect_scale"}) {
    for (const auto& row : csv_rows(read_file(tmp.path / "a" / "switching.csv")))
      if (row.size() == 7 && row[2] == wanted && row[6] != "none within range") {
        proposal = row[0];
        norm = row[1];
        parameter = row[2];
        value = row[6];
        break;
      }
    if (!value.empty()) break;
  }
  ASSERT_FALSE(value.empty())
      << "no discount-rate or effect-scale switching value in the bundled scenario";

  // The same scenario with that normative set's parameter set to the switching value.
  const fs::path scenario = tmp.path / "scenario";
  fs::copy(kScenario, scenario, fs::copy_options::recursive);
  const fs::path norm_file = scenario / "norms" / (norm + ".toml");
  std::string text = read_file(norm_file);
  const size_t at = text.find(parameter + " = ");
  if (at == std::string::npos)
    text += parameter + " = " + value + "\n";  // [values] is the file's last table
  else
    text.replace(at, text.find('\n', at) - at, parameter + " = " + value);
  std::ofstream(norm_file) << text;
  const auto rerun =
      run_kommunesim("run " + scenario.string() + common + (tmp.path / "b").string());
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  for (const auto& row : csv_rows(read_file(tmp.path / "b" / "summary.csv"))) {
    if (row[0] != proposal || row[2] != norm) continue;
    // summary.csv: net_value_mean_dkk, then its standard error of the mean.
    const double mean = std::stod(row[5]), standard_error = std::stod(row[6]);
    EXPECT_NEAR(mean, 0.0, 2 * standard_error + 1.0)
        << proposal << " under " << norm << " at " << parameter << " = " << value;
    return;
  }
  FAIL() << "no summary row for " << proposal << " under " << norm;
}

// Every file below `folder`, with its contents, to see that nothing was touched.
std::map<std::string, std::string> files_below(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(folder))
    if (e.is_regular_file()) files[fs::relative(e.path(), folder).string()] = read_file(e.path());
  return files;
}

TEST(Command, OutNeverReplacesTheScenarioOrAnythingKommunesimDidNotWrite) {
  TempFolder tmp("out-safety");
  const fs::path scenario = tmp.path / "scenario";
  fs::copy(kScenario, scenario, fs::copy_options::recursive);
  const fs::path own = tmp.path / "my-notes";
  fs::create_directory(own);
  std::ofstream(own / "budget-2026.txt") << "the user's own work\n";
  std::ofstream(tmp.path / "a-file") << "a plain file\n";
  const auto before = files_below(tmp.path);
  const std::pair<std::string, std::string> refused[] = {
      {scenario.string(), "is the scenario folder"},
      {tmp.path.string(), "contains the scenario folder"},
      {(scenario / "..").string(), "expected the name of an output folder"},
      {own.string() + "/", "did not write"},
      {(tmp.path / "a-file").string(), "is not a folder"}};
  for (const auto& [out, why] : refused) {
    const auto r = run_kommunesim("run " + scenario.string() + " --replicates 2 --out " + out);
    EXPECT_EQ(r.exit_code, 2) << out << "\n" << r.output;
    EXPECT_NE(r.output.find("--out"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(why), std::string::npos) << out << "\n" << r.output;
    EXPECT_EQ(r.output.find("simulerer"), std::string::npos) << "refused only after simulating";
  }
  EXPECT_EQ(files_below(tmp.path), before) << "a refused run touched a file";
}

TEST(Command, OutTakesATrailingSlashReplacesItsOwnRunAndClearsWhatInterruptedRunsLeft) {
  TempFolder tmp("out-replace");
  const std::string run = "run " + kScenario + " --replicates 2 --threads 2 --out ";
  ASSERT_EQ(run_kommunesim(run + (tmp.path / "out").string() + "/").exit_code, 0);
  ASSERT_TRUE(fs::exists(tmp.path / "out" / "manifest.json"));
  // What a run killed while writing leaves: a staging folder of a process that no longer runs.
  fs::create_directory(tmp.path / ".out.partial-999999999");
  std::ofstream(tmp.path / ".out.partial-999999999" / "summary.csv") << "half written\n";
  std::ofstream(tmp.path / "out" / "stale.txt") << "from no run\n";  // gone with the old folder
  const auto again = run_kommunesim(run + (tmp.path / "out").string() + " --seed 9");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(tmp.path)) names.push_back(e.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"out"}) << "leftovers beside the output folder";
  EXPECT_FALSE(fs::exists(tmp.path / "out" / "stale.txt"));
  EXPECT_NE(read_file(tmp.path / "out" / "manifest.json").find("\"seed\": 9"), std::string::npos);
}

TEST(Command, ASecondRunOnTheSameOutIsRefusedBeforeSimulating) {
  TempFolder tmp("out-lock");
  // Another run holds the destination's lock (here this test, as a run would while it works).
  const int lock = ::open((tmp.path / ".out.lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(lock, 0);
  ASSERT_EQ(::flock(lock, LOCK_EX | LOCK_NB), 0);
  const auto r =
      run_kommunesim("run " + kScenario + " --replicates 2 --out " + (tmp.path / "out").string());
  ::close(lock);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("another kommunesim run is writing to"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("simulerer"), std::string::npos);
  EXPECT_FALSE(fs::exists(tmp.path / "out"));
}

TEST(Command, HostileTitlesCannotRunFormulasBlankTheReportInjectMarkupOrDriveTheTerminal) {
  TempFolder tmp("hostile");
  const fs::path scenario = tmp.path / "scenario";
  fs::copy(kScenario, scenario, fs::copy_options::recursive);
  const fs::path proposal = scenario / "proposals" / "family_therapy.toml";
  std::string text = read_file(proposal);
  const std::string title_line = text.substr(text.find("title = "));
  text.replace(text.find("title = "), title_line.find('\n'),
               R"(title = "=HYPERLINK(\"http://x\",\"y\") <!--<script> \u001B[31mred")");
  std::ofstream(proposal) << text;
  // A source that would be markup in assumptions.md: an image with a script and a link.
  const fs::path register_file = scenario / "parameters.toml";
  std::string register_text = read_file(register_file);
  register_text.replace(
      register_text.find("source = \"Danish municipal budget practice"),
      std::string("source = \"Danish municipal budget practice").size(),
      R"(source = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) Danish municipal budget practice)");
  std::ofstream(register_file) << register_text;
  const fs::path out = tmp.path / "out";
  const auto r =
      run_kommunesim("run " + scenario.string() + " --replicates 2 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // assumptions.md shows the source as text: no HTML, no link.
  const std::string assumptions = read_file(out / "assumptions.md");
  EXPECT_EQ(assumptions.find("<img"), std::string::npos);
  EXPECT_EQ(assumptions.find("[click]"), std::string::npos);
  EXPECT_NE(assumptions.find("&lt;img src=x onerror=alert(1)&gt; &#91;click&#93;(javascript"),
            std::string::npos);
  // The csv cell is text to a spreadsheet: quoted (RFC 4180) and led by an apostrophe.
  EXPECT_NE(
      read_file(out / "summary.csv").find(R"(,"'=HYPERLINK(""http://x"",""y"") <!--<script> )"),
      std::string::npos);
  // The report's data cannot open a comment or a script: every '<' in it is \u003c.
  const std::string report = read_file(out / "report.html");
  EXPECT_EQ(report.find("<!--<script>"), std::string::npos);
  EXPECT_NE(report.find(R"(\u003c!--\u003cscript>)"), std::string::npos);
  // The terminal prints the title without its escape code.
  EXPECT_EQ(r.output.find('\x1b'), std::string::npos);
  EXPECT_NE(r.output.find("<!--<script> [31mred"), std::string::npos) << r.output;
}

TEST(Command, CompareNamesWhatChangedInTheInputsAndInTheResults) {
  TempFolder tmp("compare");
  const fs::path scenario = tmp.path / "scenario";
  fs::copy(kScenario, scenario, fs::copy_options::recursive);
  const std::string run = "run " + scenario.string() + " --replicates 2 --threads 2 --out ";
  ASSERT_EQ(run_kommunesim(run + (tmp.path / "a").string()).exit_code, 0);
  // Next year's scenario: one unit cost revised.
  const fs::path register_file = scenario / "parameters" / "children.toml";
  ASSERT_TRUE(replace_in_file(register_file, "value = 10400", "value = 12000"));
  ASSERT_EQ(run_kommunesim(run + (tmp.path / "b").string()).exit_code, 0);

  const fs::path page = tmp.path / "compare.html";
  const std::string compare = "compare " + (tmp.path / "a").string() + " " +
                              (tmp.path / "b").string() + " --html " + page.string();
  const auto r = run_kommunesim(compare);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Ændrede forudsætninger"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("children.preventive.cost_municipality: 10400 -> 12000"),
            std::string::npos)
      << r.output;
  // Every proposal under every set, with its net value in each run and the verdicts.
  EXPECT_TRUE(std::regex_search(
      r.output,
      std::regex(R"(family_therapy +municipal_budget_4y +-?[0-9]+,[0-9] +-?[0-9]+,[0-9])")))
      << r.output;
  const std::string html = read_file(page);
  EXPECT_NE(html.find("<html lang=\"da\">"), std::string::npos);
  EXPECT_NE(html.find("children.preventive.cost_municipality"), std::string::npos);
  EXPECT_NE(html.find("Functional family therapy"), std::string::npos);  // titles, not ids

  // A run against itself changes nothing; in English on request.
  const auto same =
      run_kommunesim("compare " + (tmp.path / "a").string() + " " + (tmp.path / "a").string() +
                     " --lang en --html " + page.string());
  ASSERT_EQ(same.exit_code, 0) << same.output;
  EXPECT_NE(same.output.find("No changed inputs"), std::string::npos) << same.output;
  // Not a run, or a page that would overwrite a user's file: refused.
  const auto not_a_run =
      run_kommunesim("compare " + (tmp.path / "a").string() + " " + scenario.string());
  EXPECT_EQ(not_a_run.exit_code, 2);
  EXPECT_NE(not_a_run.output.find("holds no run"), std::string::npos) << not_a_run.output;
  std::ofstream(tmp.path / "notes.html") << "<p>mine</p>\n";
  EXPECT_EQ(run_kommunesim(compare.substr(0, compare.find(" --html")) + " --html " +
                           (tmp.path / "notes.html").string())
                .exit_code,
            2);
  EXPECT_EQ(read_file(tmp.path / "notes.html"), "<p>mine</p>\n");
}

TEST(Command, MissingChartLibrariesFailTheRunBeforeAnythingIsWritten) {
  TempFolder tmp("no-assets");
  const fs::path out = tmp.path / "out";
  const auto run = run_kommunesim("run " + kScenario + " --replicates 1 --out " + out.string(),
                                  "KOMMUNESIM_REPORT_ASSETS=" + (tmp.path / "none").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_NE(run.output.find("report_template.html is missing"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("simulating"), std::string::npos) << "it simulated first";
}

TEST(Command, SharingTheBaselineGivesTheOutputsOfSimulatingEveryArmInFull) {
  TempFolder tmp("full-path");
  const std::string common = "run " + kScenario + " --replicates 2 --seed 3 --threads 2 --out ";
  const auto shared = run_kommunesim(common + (tmp.path / "shared").string());
  ASSERT_EQ(shared.exit_code, 0) << shared.output;
  const auto full = run_kommunesim(common + (tmp.path / "full").string() + " --full-simulations");
  ASSERT_EQ(full.exit_code, 0) << full.output;
  for (const char* file :
       {"summary.csv", "ledger.csv", "flips.csv", "switching.csv", "tornado.csv"}) {
    const std::string a = read_file(tmp.path / "shared" / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_EQ(a, read_file(tmp.path / "full" / file)) << file;
  }
  for (const char* table : {"flows", "outcomes", "state_months", "transitions", "participation",
                            "net_values", "summary", "cross_silo", "cross_silo_costs"})
    EXPECT_EQ(dump_table(tmp.path / "shared" / "results.sqlite", table),
              dump_table(tmp.path / "full" / "results.sqlite", table))
        << table;
}

namespace {

// Job support for parents on kontanthjælp narrowed by `target` (replacing "has children"): fewer
// admitted than with all parents, the same with the baseline shared as in full.
void expect_a_narrower_target_admits_fewer_and_shares_the_baseline(const std::string& name,
                                                                   const std::string& target) {
  TempFolder tmp(name);
  const fs::path scenario = tmp.path / "scenario";
  fs::copy(kScenario, scenario, fs::copy_options::recursive);
  ASSERT_TRUE(replace_in_file(scenario / "proposals" / "job_support_parents.toml",
                              "household = [\"has_children\"]", target));
  const std::string common = " --replicates 2 --seed 3 --threads 2 --out ";
  const auto all = run_kommunesim("run " + kScenario + common + (tmp.path / "all").string());
  ASSERT_EQ(all.exit_code, 0) << all.output;
  const std::string run = "run " + scenario.string() + common;
  const auto shared = run_kommunesim(run + (tmp.path / "shared").string());
  ASSERT_EQ(shared.exit_code, 0) << shared.output;
  const auto full = run_kommunesim(run + (tmp.path / "full").string() + " --full-simulations");
  ASSERT_EQ(full.exit_code, 0) << full.output;
  for (const char* table : {"participation", "state_months", "cross_silo", "net_values"})
    EXPECT_EQ(dump_table(tmp.path / "shared" / "results.sqlite", table),
              dump_table(tmp.path / "full" / "results.sqlite", table))
        << table;
  // Admissions of the first dynamics group (dump_table's rows: fields ended by '|').
  const auto admitted = [&](const char* folder) {
    int64_t total = 0;
    std::istringstream rows(dump_table(tmp.path / folder / "results.sqlite", "participation"));
    for (std::string row; std::getline(rows, row);) {
      std::vector<std::string> field;
      std::istringstream cells(row);
      for (std::string cell; std::getline(cells, cell, '|');) field.push_back(cell);
      if (field.size() >= 6 && field[0] == "0" && field[4] == "job_support_parents")
        total += std::stoll(field[5]);
    }
    return total;
  };
  EXPECT_GT(admitted("shared"), 0);
  EXPECT_LT(admitted("shared"), admitted("all"));
}

}  // namespace

TEST(Command, AFamilyTargetByCentresAdmitsOnlyThoseFamiliesAndSharingTheBaselineKeepsIt) {
  // A child in children's services makes the family known to two centres.
  expect_a_narrower_target_admits_fewer_and_shares_the_baseline("family-target",
                                                                "family_known_to_at_least = 2");
}

TEST(Command, AFamilyTargetByCostAdmitsOnlyThoseFamiliesAndSharingTheBaselineKeepsIt) {
  expect_a_narrower_target_admits_fewer_and_shares_the_baseline(
      "family-cost-target", "household = [\"has_children\"]\nfamily_costs_more_than = 300000");
}

TEST(Command, ReplicatesAddedUntilResolvedGiveTheSameResultsAsThatFixedCountOnAnyThreads) {
  TempFolder tmp("adaptive");
  const fs::path scenario = with_replicate_rule(kScenario, tmp.path);

  const std::string common = "run " + scenario.string() + " --seed 5 --out ";
  const auto one = run_kommunesim(common + (tmp.path / "t1").string() + " --threads 1");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  ASSERT_EQ(run_kommunesim(common + (tmp.path / "t2").string() + " --threads 2").exit_code, 0);
  // The stopping rule reads only results: the same count and the same outputs for any threads.
  for (const char* file : {"summary.csv", "ledger.csv", "flips.csv", "switching.csv"})
    EXPECT_EQ(read_file(tmp.path / "t1" / file), read_file(tmp.path / "t2" / file)) << file;
  const auto manifest = nlohmann::json::parse(read_file(tmp.path / "t1" / "manifest.json"));
  const int replicates = manifest["replicates"].get<int>();
  EXPECT_GT(replicates, 2) << one.output;  // 2 leave verdicts unresolved in this scenario
  EXPECT_EQ(replicates % 2, 0);
  EXPECT_LE(replicates, 8);
  EXPECT_NE(one.output.find("replikation 3-4: efter 2 er"), std::string::npos) << one.output;

  // Replicate k is the same whatever the total: a fixed run with that count gives the same.
  ASSERT_EQ(run_kommunesim(common + (tmp.path / "fixed").string() + " --threads 2 --replicates " +
                           std::to_string(replicates))
                .exit_code,
            0);
  for (const char* file : {"summary.csv", "ledger.csv", "flips.csv"})
    EXPECT_EQ(read_file(tmp.path / "t1" / file), read_file(tmp.path / "fixed" / file)) << file;
  // Every row is resolved, or the terminal says how many are not and why the run stopped.
  const std::string summary = read_file(tmp.path / "t1" / "summary.csv");
  if (summary.find("too_close_to_call") != std::string::npos) {
    EXPECT_NE(one.output.find("stoppet ved loftet"), std::string::npos) << one.output;
  }
}

TEST(Command, DrawnPopulationsAndUnitCostsAreReproducibleAndReportTheirShareOfTheVariance) {
  TempFolder tmp("uncertainty");
  const fs::path scenario = tmp.path / "scenario";
  fs::copy(kScenario, scenario, fs::copy_options::recursive);
  std::ofstream(scenario / "scenario.toml", std::ios::app)
      << "\n[uncertainty]\nredraw_population = true\ndraw_unit_costs = true\n";

  const std::string common = "run " + scenario.string() + " --replicates 6 --seed 3 --out ";
  const auto one = run_kommunesim(common + (tmp.path / "t1").string() + " --threads 1");
  ASSERT_EQ(one.exit_code, 0) << one.output;
  const std::string assumptions = read_file(tmp.path / "t1" / "assumptions.md");
  EXPECT_NE(
      assumptions.find("en syntetisk befolkning trukket på ny for hvert par af replikationer"),
      std::string::npos);
  EXPECT_NE(assumptions.find("Andel tilføjet ved at trække enhedsomkostninger: median"),
            std::string::npos);
  ASSERT_EQ(run_kommunesim(common + (tmp.path / "t2").string() + " --threads 2").exit_code, 0);
  // The full path re-simulates every arm and tornado point alone: the same draws give the same.
  ASSERT_EQ(
      run_kommunesim(common + (tmp.path / "full").string() + " --threads 2 --full-simulations")
          .exit_code,
      0);
  for (const char* file :
       {"summary.csv", "ledger.csv", "flips.csv", "switching.csv", "tornado.csv"}) {
    const std::string a = read_file(tmp.path / "t1" / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_EQ(a, read_file(tmp.path / "t2" / file)) << file;
    EXPECT_EQ(a, read_file(tmp.path / "full" / file)) << file;
  }

  // Every row says how much of its variance the populations and the unit costs account for.
  const auto rows = parse_csv(read_file(tmp.path / "t1" / "summary.csv"));
  ASSERT_GT(rows.size(), 1u);
  const auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin());
  };
  const size_t population = column("population_variance_share");
  const size_t unit_costs = column("unit_cost_variance_share");
  ASSERT_LT(unit_costs, rows[0].size());
  double largest_population = 0, largest_unit_costs = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const double p = std::stod(rows[r][population]);
    const double c = std::stod(rows[r][unit_costs]);
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
    EXPECT_GE(c, 0.0);
    EXPECT_LE(c, 1.0);
    largest_population = std::max(largest_population, p);
    largest_unit_costs = std::max(largest_unit_costs, c);
  }
  EXPECT_GT(largest_population, 0.0);
  EXPECT_GT(largest_unit_costs, 0.0);

  // Without the scenario setting the same seed gives other results: the draws are in them.
  ASSERT_EQ(run_kommunesim("run " + kScenario + " --replicates 6 --seed 3 --out " +
                           (tmp.path / "plain").string())
                .exit_code,
            0);
  EXPECT_NE(read_file(tmp.path / "plain" / "summary.csv"),
            read_file(tmp.path / "t1" / "summary.csv"));
  EXPECT_EQ(parse_csv(read_file(tmp.path / "plain" / "summary.csv"))[1][population], "");

  // Pairs need even counts: on the command line and in the scenario file.
  const auto odd = run_kommunesim("run " + scenario.string() + " --replicates 3 --out " +
                                  (tmp.path / "odd").string());
  EXPECT_EQ(odd.exit_code, 2);
  EXPECT_NE(odd.output.find("--replicates 3: expected an even number"), std::string::npos)
      << odd.output;
  EXPECT_FALSE(fs::exists(tmp.path / "odd"));
  ASSERT_TRUE(replace_in_file(scenario / "scenario.toml", "replicates = 10\n", "replicates = 5\n"));
  const auto validate = run_kommunesim("validate " + scenario.string());
  EXPECT_EQ(validate.exit_code, 2);
  EXPECT_TRUE(std::regex_search(
      validate.output,
      std::regex(R"(scenario\.toml:\d+:\d+: .*replicates: expected an even number \(5 given\))")))
      << validate.output;
}

TEST(Command, TheWorkedExampleOfAddingAProposalValidatesOnTheDefaultScenario) {
  // The three edits of docs/SCENARIO_FORMAT.md's worked example, taken from the document itself.
  TempFolder tmp("worked-example");
  const fs::path scenario = tmp.path / "scenario";
  fs::copy(KOMMUNESIM_DEFAULT_SCENARIO, scenario, fs::copy_options::recursive);
  const std::string doc = read_file(fs::path(KOMMUNESIM_DOCS_DIR) / "SCENARIO_FORMAT.md");
  const size_t section = doc.find("## Worked example: adding a proposal");
  ASSERT_NE(section, std::string::npos);
  std::vector<std::string> blocks;
  for (size_t at = doc.find("```toml\n", section); at != std::string::npos;
       at = doc.find("```toml\n", at)) {
    at += 8;
    const size_t end = doc.find("```", at);
    blocks.push_back(doc.substr(at, end - at));
    at = end + 3;
  }
  ASSERT_EQ(blocks.size(), 2u);
  std::ofstream(scenario / "parameters" / "proposals.toml", std::ios::app) << "\n" << blocks[0];
  std::ofstream(scenario / "proposals" / "youth_mentor.toml") << blocks[1];
  const std::string listed = "\"proposals/coordinated_case.toml\",";
  ASSERT_TRUE(replace_in_file(scenario / "scenario.toml", listed,
                              listed + "\n  \"proposals/youth_mentor.toml\","));
  const auto validate = run_kommunesim("validate " + scenario.string());
  EXPECT_EQ(validate.exit_code, 0) << validate.output;
  EXPECT_NE(validate.output.find("7 proposals"), std::string::npos) << validate.output;
}

namespace {

// Mini-kommune with a calibration file of these targets (TOML [[target]] tables).
void write_with_calibration(const fs::path& folder, const std::string& targets) {
  fs::copy(kScenario, folder, fs::copy_options::recursive);
  std::string scenario = read_file(folder / "scenario.toml");
  scenario.replace(scenario.find("parameters = "), 0, "calibration = \"calibration.toml\"\n");
  std::ofstream(folder / "scenario.toml") << scenario;
  std::ofstream(folder / "calibration.toml") << "tolerance = 0.05\ntolerance_source = \"test\"\n\n"
                                             << targets;
}

// Mini-kommune with a calibration target on the dagpenge stock and its entry rate from
// employment marked as calibrated, at `rate`; the target's value is `target` persons.
void write_calibration_scenario(const fs::path& folder, const std::string& rate,
                                const std::string& target) {
  write_with_calibration(folder,
                         "[[target]]\nid = \"dagpenge\"\ntitle = \"Persons on dagpenge\"\nkind = "
                         "\"persons\"\nmodule = \"jobcentre\"\nstates = [\"dagpenge\"]\nvalue = " +
                             target + "\nsource = \"test\"\n");
  const fs::path register_file = folder / "parameters" / "jobcentre.toml";
  std::string text = read_file(register_file);
  const size_t at = text.find("id = \"jobcentre.employed_to_dagpenge\"");
  const size_t value = text.find("value = ", at), evidence = text.find("evidence = ", at);
  text.replace(evidence, text.find('\n', evidence) - evidence, "evidence = \"calibrated (test)\"");
  text.replace(value, text.find('\n', value) - value, "value = " + rate);
  std::ofstream(register_file) << text;
}

// The baseline's figure and whether it is within tolerance, from a run's calibration.csv.
std::pair<double, std::string> calibrated_figure(const fs::path& run) {
  const auto rows = csv_rows(read_file(run / "calibration.csv"));
  return {std::stod(rows.at(1).at(5)), rows.at(1).at(8)};
}

}  // namespace

TEST(Command, CalibrateMovesAMovedRateBackUntilTheTargetIsMetAndNamesATargetOutOfReach) {
  TempFolder tmp("calibrate");
  const std::string fixed = " --replicates 4 --seed 5 --threads 2";
  // The target: the baseline's dagpenge stock at the register's rate (0.006).
  write_calibration_scenario(tmp.path / "truth", "0.006", "100");
  ASSERT_EQ(run_kommunesim("run " + (tmp.path / "truth").string() + fixed + " --out " +
                           (tmp.path / "truth-run").string())
                .exit_code,
            0);
  const double truth = calibrated_figure(tmp.path / "truth-run").first;

  // The rate moved by a quarter: the target is missed, and the fit brings it back.
  write_calibration_scenario(tmp.path / "moved", "0.0075", std::to_string(truth));
  const auto fit = run_kommunesim("calibrate " + (tmp.path / "moved").string() + fixed +
                                  " --lang en --out " + (tmp.path / "fitted").string());
  ASSERT_EQ(fit.exit_code, 0) << fit.output;
  EXPECT_NE(fit.output.find("0 of 1 targets within tolerance before, 1 after"), std::string::npos)
      << fit.output;
  EXPECT_NE(fit.output.find("All 1 targets are met."), std::string::npos) << fit.output;
  EXPECT_TRUE(fs::exists(tmp.path / "fitted" / "calibration_fit.txt"));
  // The fitted scenario holds the new value with a note, validates, and meets the target.
  const std::string fitted_register =
      read_file(tmp.path / "fitted" / "parameters" / "jobcentre.toml");
  EXPECT_NE(fitted_register.find("# fitted by kommunesim calibrate"), std::string::npos);
  EXPECT_EQ(read_file(tmp.path / "moved" / "parameters" / "children.toml"),
            read_file(tmp.path / "fitted" / "parameters" / "children.toml"));
  ASSERT_EQ(run_kommunesim("run " + (tmp.path / "fitted").string() + fixed + " --out " +
                           (tmp.path / "fitted-run").string())
                .exit_code,
            0);
  const auto [figure, within] = calibrated_figure(tmp.path / "fitted-run");
  EXPECT_EQ(within, "yes") << figure << " against " << truth;
  EXPECT_NEAR(figure, truth, 0.05 * truth);

  // Three times the stock is beyond the rate's range: reported, with the figure at its bound.
  write_calibration_scenario(tmp.path / "far", "0.006", std::to_string(3 * truth));
  const auto far = run_kommunesim("calibrate " + (tmp.path / "far").string() + fixed +
                                  " --lang en --out " + (tmp.path / "far-fitted").string());
  ASSERT_EQ(far.exit_code, 0) << far.output;
  EXPECT_NE(far.output.find("Targets not met within the figures' ranges: Persons on dagpenge."),
            std::string::npos)
      << far.output;
  EXPECT_NE(far.output.find("AT A BOUND"), std::string::npos);

  // Never into the scenario, nor over a folder with something in it.
  const auto inside = run_kommunesim("calibrate " + (tmp.path / "far").string() + " --out " +
                                     (tmp.path / "far" / "fitted").string());
  EXPECT_EQ(inside.exit_code, 2) << inside.output;
  const auto taken = run_kommunesim("calibrate " + (tmp.path / "far").string() + " --out " +
                                    (tmp.path / "fitted").string());
  EXPECT_EQ(taken.exit_code, 2) << taken.output;
  EXPECT_FALSE(fs::exists(tmp.path / "far" / "fitted"));
}

TEST(Command, ImportPopulationWritesFolk1aCountsInTheScenariosAgeBandsWithTheirSource) {
  TempFolder tmp("import");
  const fs::path table = fs::path(KOMMUNESIM_FIXTURES_DIR) / "statbank" / "folk1a.csv";
  const fs::path imported = tmp.path / "glostrup";
  const auto result =
      run_kommunesim("import-population " + table.string() + " " + KOMMUNESIM_DEFAULT_SCENARIO +
                     " --municipality glostrup" + " --out " + imported.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  // The latest quarter, said so; the fixture's Glostrup 2024K2 counts summed by hand.
  EXPECT_NE(result.output.find("the latest of 2 periods: 2024K2"), std::string::npos)
      << result.output;
  const std::string population = read_file(imported / "population.toml");
  EXPECT_NE(population.find("\npersons = 25012\n"), std::string::npos) << population;
  EXPECT_NE(population.find(
                "\npersons_by_age = [1500, 3000, 3000, 5000, 4250, 3250, 1250, 1250, 2512]\n"),
            std::string::npos);
  EXPECT_NE(population.find("\nfemale_share = 0.5200\n"), std::string::npos);
  EXPECT_NE(population.find("\nfemale_share_by_age = [0.5200, 0.5200, 0.5200, 0.5200, 0.5200, "
                            "0.5200, 0.5200, 0.5200, 0.5199]\n"),
            std::string::npos);
  EXPECT_NE(population.find("StatBank table FOLK1A (file folk1a.csv): inhabitants of Glostrup on "
                            "the first day of 2024K2"),
            std::string::npos);
  // Everything else is the scenario's, and the copy validates.
  EXPECT_EQ(read_file(imported / "parameters.toml"),
            read_file(fs::path(KOMMUNESIM_DEFAULT_SCENARIO) / "parameters.toml"));
  EXPECT_NE(population.find("single_parent_share = 0.22"), std::string::npos);
  const auto valid = run_kommunesim("validate " + imported.string());
  EXPECT_EQ(valid.exit_code, 0) << valid.output;

  // Imported in the base year, the population targets of that year take the same counts.
  std::string base_year_table = "OMRÅDE;KØN;ALDER;TID;INDHOLD\n";
  for (int age = 0; age <= 100; ++age)
    for (const char* sex : {"Mænd", "Kvinder"})
      base_year_table +=
          std::string("Glostrup;") + sex + ";" + std::to_string(age) + " år;2025K1;100\n";
  std::ofstream(tmp.path / "folk1a-2025.csv") << base_year_table;
  const auto in_base_year =
      run_kommunesim("import-population " + (tmp.path / "folk1a-2025.csv").string() + " " +
                     KOMMUNESIM_DEFAULT_SCENARIO + " --out " + (tmp.path / "g2025").string());
  ASSERT_EQ(in_base_year.exit_code, 0) << in_base_year.output;
  EXPECT_NE(in_base_year.output.find("calibration targets of 2025 set to these counts: "
                                     "population_0_5, population_6_17"),
            std::string::npos)
      << in_base_year.output;
  const std::string targets = read_file(tmp.path / "g2025" / "calibration.toml");
  EXPECT_NE(targets.find("id = \"population_0_5\"\ntitle = \"Indbyggere 0-5 år\"\nkind = "
                         "\"population\"\nage_min = 0\nage_max = 6\nvalue = 1200\nsource = "
                         "\"Statistics Denmark, StatBank table FOLK1A"),
            std::string::npos)
      << targets;
  EXPECT_EQ(in_base_year.output.find("note: no population target"), std::string::npos);
  // A quarter of another year leaves the targets alone, and says so.
  EXPECT_NE(result.output.find("note: no population target of the calibration is for 2024"),
            std::string::npos);
  EXPECT_EQ(read_file(imported / "calibration.toml"),
            read_file(fs::path(KOMMUNESIM_DEFAULT_SCENARIO) / "calibration.toml"));

  // The small scenario with an imported population runs.
  const fs::path mini = tmp.path / "mini";
  ASSERT_EQ(run_kommunesim("import-population " + table.string() + " " + kScenario +
                           " --municipality Albertslund --period 2024K1 --out " + mini.string())
                .exit_code,
            0);
  const auto run = run_kommunesim("run " + mini.string() + " --replicates 2 --threads 2 --out " +
                                  (tmp.path / "mini-run").string());
  EXPECT_EQ(run.exit_code, 0) << run.output;

  // Errors name the file, line and column, and nothing is written.
  const auto problem = [&](const std::string& name, const std::string& text,
                           const std::string& options) {
    const fs::path file = tmp.path / name;
    std::ofstream(file) << text;
    const fs::path out = tmp.path / ("out-" + name);
    const auto r = run_kommunesim("import-population " + file.string() + " " + kScenario + " " +
                                  options + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_FALSE(fs::exists(out));
    return r.output;
  };
  const std::string rows = "Glostrup;Mænd;0 år;2024K1;120\nGlostrup;Kvinder;0 år;2024K1;";
  EXPECT_NE(problem("english.csv", "OMRÅDE;KØN;ALDER;TID;INDHOLD\n" + rows + "130.5\n", "")
                .find("english.csv:3: column 5 (INDHOLD): expected a number in Danish format"),
            std::string::npos);
  EXPECT_NE(problem("header.csv", "OMRÅDE,KØN,ALDER,TID,INDHOLD\n", "")
                .find("header.csv:1: expected a StatBank CSV header"),
            std::string::npos);
  EXPECT_NE(problem("area.csv", "OMRÅDE;KØN;ALDER;TID;INDHOLD\n" + rows + "130\n",
                    "--municipality Ballerup")
                .find("the municipality \"Ballerup\" (--municipality) is not in the table's "
                      "OMRÅDE column; it holds: Glostrup"),
            std::string::npos);
  EXPECT_NE(problem("fields.csv", "OMRÅDE;KØN;ALDER;TID;INDHOLD\nGlostrup;Mænd;0 år;120\n", "")
                .find("fields.csv:2: expected 5 fields"),
            std::string::npos);
  EXPECT_NE(problem("several.csv", read_file(table), "")
                .find("the table holds 2 areas (Albertslund, Glostrup); choose the municipality "
                      "with --municipality"),
            std::string::npos);
}

namespace {

// Fills in `form` with LibreOffice as a user would (tests/forms/fill_in_libreoffice.py):
// `entries` is a JSON list of [row label, column, value].
void fill_in_libreoffice(const fs::path& form, const fs::path& filled, const std::string& entries) {
  const fs::path json = filled.parent_path() / (filled.stem().string() + ".json");
  std::ofstream(json) << entries;
  const std::string command = "/usr/bin/python3 '" KOMMUNESIM_FORM_FILLER "' '" + form.string() +
                              "' '" + filled.string() + "' '" + json.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

// A youth mentor scheme on Mini-kommune's budget form, as the budget team fills it in; the
// fixed cost typed as Danish text.
std::string mentor_form_entries(const std::string& fixed_cost) {
  return R"json([["Id (kort navn)", "B", "mentor_unge"], ["Titel", "B", "Mentorordning for unge"],
    ["Ansvarligt center", "B", "Jobcentre [jobcentre]"], ["Udvidelse eller reduktion", "B", "Udvidelse"],
    ["Startår", "B", 2025], ["Startmåned (1-12)", "B", 7], ["Pladser (kapacitet)", "B", 20],
    ["Forløbets længde (måneder)", "B", 12],
    ["Fast udgift pr. år (kr.)", "C", ")json" +
         fixed_cost + R"json("], ["Fast udgift pr. år (kr.)", "D", 520000],
    ["Fast udgift pr. år (kr.)", "E", 780000], ["Fast udgift pr. år (kr.)", "G", "cited figure"],
    ["Fast udgift pr. år (kr.)", "H", "socialraadgiverne.dk (2022): a caseworker at full cost"],
    ["Udgift pr. deltagermåned (kr.)", "C", 500], ["Udgift pr. deltagermåned (kr.)", "D", 250],
    ["Udgift pr. deltagermåned (kr.)", "E", 750], ["Udgift pr. deltagermåned (kr.)", "G", "D"],
    ["Udgift pr. deltagermåned (kr.)", "H", "assumption: 6,000 DKK a year of activities"],
    ["Modul", "B", "[jobcentre]"], ["Tilstand 1", "B", "[jobcentre.kontanthjaelp]"],
    ["Alder til (år, ikke medregnet)", "B", 30],
    ["Virkning 1", "B", "[jobcentre.kontanthjaelp>employed]"], ["Virkning 1", "D", 1.1],
    ["Virkning 1", "E", 1.5], ["Virkning 1", "G", "D (assumption)"],
    ["Virkning 1", "H", "assumption: a modest effect"]])json";
}

}  // namespace

TEST(Command, AProposalFromTheBudgetFormFilledInLibreOfficeRunsAsAnArm) {
  TempFolder tmp("budget-form");
  const fs::path form = tmp.path / "forslag.xlsx";
  const auto written =
      run_kommunesim(std::string("proposal-template ") + kScenario + " --out " + form.string());
  ASSERT_EQ(written.exit_code, 0) << written.output;
  EXPECT_NE(written.output.find("skrev"), std::string::npos) << written.output;
  // A form that exists (perhaps filled in) is never overwritten.
  const auto again =
      run_kommunesim(std::string("proposal-template ") + kScenario + " --out " + form.string());
  EXPECT_EQ(again.exit_code, 2) << again.output;
  EXPECT_NE(again.output.find("the file exists"), std::string::npos) << again.output;

  const fs::path filled = tmp.path / "udfyldt.xlsx";
  fill_in_libreoffice(form, filled, mentor_form_entries("650.000"));
  const fs::path scenario = tmp.path / "with-mentor";
  const auto added = run_kommunesim("add-proposal " + filled.string() + " " + kScenario +
                                    " --out " + scenario.string());
  ASSERT_EQ(added.exit_code, 0) << added.output;
  const std::string proposal = read_file(scenario / "proposals" / "mentor_unge.toml");
  EXPECT_NE(proposal.find("start_year = 2025\nstart_month = 7\ncapacity = 20\n"), std::string::npos)
      << proposal;
  EXPECT_NE(proposal.find("[target]\nmodule = \"jobcentre\"\nstates = [\"kontanthjaelp\"]\n"
                          "age_max = 30\n"),
            std::string::npos)
      << proposal;
  const std::string figures = read_file(scenario / "parameters" / "proposal_mentor_unge.toml");
  // "650.000" typed as text in the Danish form is 650,000 kroner; the effect's value is the
  // median of its lognormal 90 % interval, sqrt(1.1 * 1.5).
  EXPECT_NE(figures.find("value = 650000\n"), std::string::npos) << figures;
  EXPECT_NE(figures.find("value = 1.284523257866513\nlow = 1.1\nhigh = 1.5\n"
                         "distribution = \"lognormal\""),
            std::string::npos)
      << figures;

  const auto run = run_kommunesim("run " + scenario.string() + " --replicates 2 --out " +
                                  (tmp.path / "run").string() + " --lang en");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto summary = csv_rows(read_file(tmp.path / "run" / "summary.csv"));
  bool mentor_arm = false;
  for (const auto& row : summary) mentor_arm = mentor_arm || row.at(0) == "mentor_unge";
  EXPECT_TRUE(mentor_arm) << read_file(tmp.path / "run" / "summary.csv");

  // A wrong cell: exit 2, the cell named, nothing written.
  const fs::path wrong = tmp.path / "forkert.xlsx";
  fill_in_libreoffice(form, wrong, mentor_form_entries("ca. 2 mio."));
  const auto refused = run_kommunesim("add-proposal " + wrong.string() + " " + kScenario +
                                      " --out " + (tmp.path / "refused").string());
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("Forslag!C19 (Fast udgift pr. år (kr.)): expected an amount in "
                                "kroner; found 'ca. 2 mio.'"),
            std::string::npos)
      << refused.output;
  EXPECT_FALSE(fs::exists(tmp.path / "refused"));
}

namespace {

// A query's rows: its first `keys` columns as text, the rest as numbers (nullopt for NULL).
struct QueryRow {
  std::string key;
  std::vector<std::optional<double>> values;
};
std::vector<QueryRow> query_rows(const fs::path& db_file, const std::string& sql, int keys) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::vector<QueryRow> rows;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
    QueryRow row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      if (c < keys) {
        const unsigned char* text = sqlite3_column_text(stmt, c);
        row.key += std::string(text ? reinterpret_cast<const char*>(text) : "") + "|";
      } else {
        row.values.push_back(sqlite3_column_type(stmt, c) == SQLITE_NULL
                                 ? std::nullopt
                                 : std::optional(sqlite3_column_double(stmt, c)));
      }
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

}  // namespace

TEST(Command, OnRealDataNoCountBelowTheThresholdNorOneThatFollowsFromATotalIsShown) {
  TempFolder tmp("disclosure");
  const fs::path scenario = tmp.path / "real";
  fs::copy(kScenario, scenario, fs::copy_options::recursive);
  // A threshold of 50 on Mini-kommune, so that every table has small cells.
  std::ofstream(scenario / "scenario.toml", std::ios::app)
      << "\n[disclosure]\nreal_data = true\nthreshold = 50\nsource = \"the municipality's data "
         "policy (test)\"\n";
  const fs::path real = tmp.path / "real-run", open = tmp.path / "open-run";
  const auto run_real = run_kommunesim("run " + scenario.string() + " --replicates 4 --out " +
                                       real.string() + " --seed 7");
  ASSERT_EQ(run_real.exit_code, 0) << run_real.output;
  EXPECT_NE(run_real.output.find("antal under 50 personer, familier eller hændelser er skjult"),
            std::string::npos)
      << run_real.output;
  EXPECT_NE(run_real.output.find("Reglen kommer fra: the municipality's data policy (test)."),
            std::string::npos)
      << run_real.output;
  const auto run_open =
      run_kommunesim("run " + kScenario + " --replicates 4 --out " + open.string() + " --seed 7");
  ASSERT_EQ(run_open.exit_code, 0) << run_open.output;
  const double t = 50;

  // Each count table: a cell is the open run's or hidden; what is shown is 0 or at least 50; a
  // hidden cell's own count (from the open run) is small, or it was hidden with small ones.
  const std::vector<std::pair<std::string, int>> tables = {
      {"SELECT arm, year, centres, centre_count >= 2, persons, municipal_dkk FROM cross_silo "
       "ORDER BY 1, 2, 3",
       4},
      {"SELECT arm, year, centres, centre_count >= 2, households, household_members, "
       "household_municipal_dkk FROM cross_silo ORDER BY 1, 2, 3",
       4},
      {"SELECT proposal, year, admissions FROM capacity_use ORDER BY 1, 2", 2},
      {"SELECT proposal, year, participant_months / 12, fill_rate FROM capacity_use ORDER BY 1, 2",
       2},
      {"SELECT arm, module, from_state, to_state, events FROM citizen_flows ORDER BY 1, 2, 3, 4",
       4},
      {"SELECT norm, arm, participants, net_value_per_participant_dkk FROM summary ORDER BY 1, 2",
       2}};
  size_t small_hidden = 0, hidden_with_them = 0;
  for (const auto& [sql, keys] : tables) {
    const auto a = query_rows(real / "results.sqlite", sql, keys);
    const auto b = query_rows(open / "results.sqlite", sql, keys);
    ASSERT_EQ(a.size(), b.size()) << sql;
    std::map<std::string, std::pair<double, bool>> hidden_by_group;  // hidden sum, all hidden
    for (size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i].key, b[i].key) << sql;
      const std::optional<double> count = a[i].values[0], truth = b[i].values[0];
      if (count) {
        EXPECT_TRUE(*count == 0 || *count >= t) << sql << " " << a[i].key << *count;
        for (size_t c = 0; c < a[i].values.size(); ++c)
          EXPECT_EQ(a[i].values[c], b[i].values[c]) << sql << " " << a[i].key;
        continue;
      }
      for (const auto& v : a[i].values) EXPECT_FALSE(v.has_value()) << sql << " " << a[i].key;
      ASSERT_TRUE(truth.has_value());
      (*truth < t ? small_hidden : hidden_with_them)++;
      if (keys == 4 && sql.find("cross_silo") != std::string::npos) {
        // arm | year | centres | group: the group is arm, year and two-or-more.
        const std::string& k = a[i].key;
        const std::string group =
            k.substr(0, k.find('|', k.find('|') + 1)) + k.substr(k.rfind('|', k.size() - 2));
        hidden_by_group[group].first += *truth;
      }
    }
    // In the cross-silo picture what is hidden in a group adds up to the threshold, unless every
    // non-zero cell of the group is hidden (then no total of it is shown).
    for (const auto& [group, hidden] : hidden_by_group) {
      bool all = true;
      for (size_t i = 0; i < a.size(); ++i) {
        const std::string& k = a[i].key;
        const std::string g =
            k.substr(0, k.find('|', k.find('|') + 1)) + k.substr(k.rfind('|', k.size() - 2));
        if (g == group && a[i].values[0] && *a[i].values[0] > 0) all = false;
      }
      EXPECT_TRUE(hidden.first >= t || all) << sql << " " << group << " " << hidden.first;
    }
  }
  EXPECT_GT(small_hidden, 0u);
  EXPECT_GT(hidden_with_them, 0u);  // the rule's second step was exercised

  // Counts per replicate and by age are not written; the disclosure table says so.
  for (const char* table : {"state_months", "transitions", "demography", "participation",
                            "outcomes", "state_months_by_age", "transitions_by_age"}) {
    EXPECT_EQ(dump_table(real / "results.sqlite", table), "") << table;
    EXPECT_EQ(
        dump_table(real / "results.sqlite",
                   std::string("disclosure WHERE withheld = 1 AND table_name = '") + table + "'")
            .empty(),
        false)
        << table;
  }
  EXPECT_EQ(dump_table(real / "results.sqlite", "run_info WHERE key = 'disclosure_threshold'"),
            "disclosure_threshold|50|\n");
  // Money over whole departments is shown as in the open run.
  for (const char* file : {"ledger.csv", "budget.csv", "flips.csv"})
    EXPECT_EQ(read_file(real / file), read_file(open / file)) << file;
  // The workbook and assumptions.md say what is hidden; the workbook shows "<50".
  EXPECT_NE(read_file(real / "assumptions.md").find("antal under 50"), std::string::npos);
  const std::string check =
      "import openpyxl, sys\nb = openpyxl.load_workbook(sys.argv[1])\n"
      "cells = [v for r in b['På tværs, familier'].iter_rows(values_only=True) "
      "for v in r]\nitems = [r[0] for r in b['Kørslen'].iter_rows(values_only=True)]\n"
      "sys.exit(0 if '<50' in cells and 'Diskretionering' in items else 1)\n";
  std::ofstream(tmp.path / "check.py") << check;
  EXPECT_EQ(std::system(("/usr/bin/python3 " + (tmp.path / "check.py").string() + " " +
                         (real / "workbook.xlsx").string())
                            .c_str()),
            0);
}

TEST(Command, ImportTargetsSumsTheMappedRowsOfAStatBankTableIntoTheCalibrationTargets) {
  TempFolder tmp("import-targets");
  const fs::path fixtures = fs::path(KOMMUNESIM_FIXTURES_DIR) / "statbank";
  const std::string table = (fixtures / "auk01.csv").string();
  const std::string mapping = (fixtures / "auk01-glostrup-like.toml").string();
  const std::string command = "import-targets " + table + " " + KOMMUNESIM_DEFAULT_SCENARIO +
                              " --mapping " + mapping + " --municipality glostrup";
  // The table's latest quarter is of 2024, before the scenario's first year: said, not guessed.
  const auto before = run_kommunesim(command + " --out " + (tmp.path / "a").string());
  EXPECT_EQ(before.exit_code, 2) << before.output;
  EXPECT_NE(before.output.find("the period 2024K2 is not a year of the scenario (2025-2044); give "
                               "the calibration year its figures are for with --year"),
            std::string::npos)
      << before.output;
  EXPECT_FALSE(fs::exists(tmp.path / "a"));

  const fs::path out = tmp.path / "b";
  const auto result = run_kommunesim(command + " --year 2025 --out " + out.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  // Kontanthjælp 254 and uddannelseshjælp 76 in the fixture's Glostrup 2024K2, each at its total
  // over sex and age (the rows by sex and age are not counted again).
  EXPECT_NE(result.output.find("kontanthjaelp                           330.0 (replaced, 2 rows"),
            std::string::npos)
      << result.output;
  const std::string calibration = read_file(out / "calibration.toml");
  EXPECT_NE(calibration.find(
                "id = \"kontanthjaelp\"\ntitle = \"Personer på kontanthjælp eller "
                "uddannelseshjælp\"\nkind = \"persons\"\nmodule = \"jobcentre\"\nstates = "
                "[\"kh_jobready\", \"kh_activity\"]\nvalue = 330.0\nyear = 2025\nsource = "
                "\"Statistics Denmark, StatBank table AUK01 (file auk01.csv), fuldtidsmodtagere "
                "af offentlige forsørgelsesydelser: Glostrup, 2024K2; YDELSESTYPE = Kontanthjælp "
                "+ Uddannelseshjælp; KØN: its total; ALDER: its total; the 2024K2 figure taken "
                "for 2025"),
            std::string::npos)
      << calibration;
  // The target the mapping defines is added; the copy validates, and the rest is unchanged.
  EXPECT_NE(calibration.find("id = \"recipients_all_benefits\"\ntitle = 'Fuldtidsmodtagere af de "
                             "modellerede ydelser'\nkind = 'persons'"),
            std::string::npos);
  EXPECT_NE(calibration.find("value = 2319.0\n"), std::string::npos);
  EXPECT_NE(calibration.find("id = \"children_placed\""), std::string::npos);
  const auto valid = run_kommunesim("validate " + out.string());
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
  EXPECT_EQ(read_file(out / "population.toml"),
            read_file(fs::path(KOMMUNESIM_DEFAULT_SCENARIO) / "population.toml"));

  // A benefit text the table does not have is named with the mapping's line and the table's texts.
  std::string text = read_file(mapping);
  text.replace(text.find("\"Sygedagpenge\"]"), 15, "\"Sygedagpenges\"]");
  std::ofstream(tmp.path / "wrong.toml") << text;
  const auto wrong =
      run_kommunesim("import-targets " + table + " " + KOMMUNESIM_DEFAULT_SCENARIO + " --mapping " +
                     (tmp.path / "wrong.toml").string() +
                     " --municipality glostrup --year 2025 --out " + (tmp.path / "c").string());
  EXPECT_EQ(wrong.exit_code, 2) << wrong.output;
  EXPECT_NE(wrong.output.find("wrong.toml:22: target[2].rows.YDELSESTYPE: \"Sygedagpenges\" is "
                              "not a value of the table's YDELSESTYPE column; it holds: Dagpenge"),
            std::string::npos)
      << wrong.output;
  EXPECT_FALSE(fs::exists(tmp.path / "c"));
  // Imported into a small scenario, the targets are checked by a run.
  const fs::path mini = tmp.path / "mini";
  write_calibration_scenario(mini, "0.006", "60");
  std::ofstream(tmp.path / "mini.toml")
      << "table = \"AUK01\"\n\n[[target]]\nid = \"dagpenge\"\nrows = { YDELSESTYPE = "
         "[\"Dagpenge\"] }\n\n[[target]]\nid = \"kontanthjaelp\"\ntitle = \"Kontanthjælp\"\nkind = "
         "\"persons\"\nmodule = \"jobcentre\"\nstates = [\"kontanthjaelp\"]\nrows = { YDELSESTYPE "
         "= [\"Kontanthjælp\", \"Uddannelseshjælp\"] }\n";
  const auto into_mini = run_kommunesim("import-targets " + table + " " + mini.string() +
                                        " --mapping " + (tmp.path / "mini.toml").string() +
                                        " --municipality Glostrup --period 2024K1 --year 2025 "
                                        "--out " +
                                        (tmp.path / "mini-imported").string());
  ASSERT_EQ(into_mini.exit_code, 0) << into_mini.output;
  const auto checked = run_kommunesim("run " + (tmp.path / "mini-imported").string() +
                                      " --replicates 2 --out " + (tmp.path / "mini-run").string());
  ASSERT_EQ(checked.exit_code, 0) << checked.output;
  const auto rows = csv_rows(read_file(tmp.path / "mini-run" / "calibration.csv"));
  ASSERT_EQ(rows.size(), 3u);  // header, dagpenge, kontanthjaelp
  EXPECT_EQ(rows[1].at(0), "dagpenge");
  EXPECT_EQ(rows[1].at(4), "230");  // Glostrup 2024K1 in the fixture
  EXPECT_EQ(rows[2].at(0), "kontanthjaelp");
  EXPECT_EQ(rows[2].at(4), "322");  // 250 + 72

  // A scenario without calibration targets has nowhere to put them.
  const auto none =
      run_kommunesim("import-targets " + table + " " + kScenario + " --mapping " + mapping +
                     " --municipality glostrup --year 2025 --out " + (tmp.path / "d").string());
  EXPECT_EQ(none.exit_code, 2) << none.output;
  EXPECT_NE(none.output.find("the scenario has no calibration file"), std::string::npos)
      << none.output;
}

TEST(Command, ImportTargetsReadsTheAccountsByFunctionFromStatBankOrTheMunicipalitysOwnExport) {
  TempFolder tmp("import-accounts");
  const fs::path fixtures = fs::path(KOMMUNESIM_FIXTURES_DIR) / "statbank";
  // REGK31 in 1.000 kr. and the municipality's own export in kroner with thousands separators:
  // the same operating expenditure of the four functions, 55,650,500 kr.
  for (const auto& [table, mapping] :
       {std::pair("regk31.csv", "regk31-glostrup-like.toml"),
        std::pair("accounts-glostrup-2024.csv", "accounts-glostrup-like.toml")}) {
    const fs::path out = tmp.path / table;
    const auto result = run_kommunesim(
        "import-targets " + (fixtures / table).string() + " " + KOMMUNESIM_DEFAULT_SCENARIO +
        " --mapping " + (fixtures / mapping).string() + " --year 2025 --out " + out.string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const std::string calibration = read_file(out / "calibration.toml");
    EXPECT_NE(calibration.find("module = \"children_family\"\nvalue = 55650500\nyear = 2025\n"),
              std::string::npos)
        << table << "\n"
        << calibration;
  }
  // The municipality's own file has no column of years: the calibration year must be given.
  const auto no_year = run_kommunesim(
      "import-targets " + (fixtures / "accounts-glostrup-2024.csv").string() + " " +
      KOMMUNESIM_DEFAULT_SCENARIO + " --mapping " +
      (fixtures / "accounts-glostrup-like.toml").string() + " --out " + (tmp.path / "x").string());
  EXPECT_EQ(no_year.exit_code, 2);
  EXPECT_NE(no_year.output.find("give the calibration year its figures are for with --year"),
            std::string::npos)
      << no_year.output;
  // An English decimal mark is named with its line and column.
  std::string accounts = read_file(fixtures / "accounts-glostrup-2024.csv");
  accounts.replace(accounts.find("9.800.000,00"), 12, "9800000.00");
  std::ofstream(tmp.path / "english.csv", std::ios::binary) << accounts;
  const auto english = run_kommunesim("import-targets " + (tmp.path / "english.csv").string() +
                                      " " + KOMMUNESIM_DEFAULT_SCENARIO + " --mapping " +
                                      (fixtures / "accounts-glostrup-like.toml").string() +
                                      " --year 2025 --out " + (tmp.path / "y").string());
  EXPECT_EQ(english.exit_code, 2);
  EXPECT_NE(english.output.find("english.csv:6: column 5 (Beløb): expected a number in Danish "
                                "format (decimal comma, thousands grouped by '.', e.g. 1.234,5); "
                                "found \"9800000.00\""),
            std::string::npos)
      << english.output;
  EXPECT_FALSE(fs::exists(tmp.path / "y"));
}

TEST(Command, AnOverlapTargetIsTheCrossSiloPicturesCountInRunsAndInCalibrate) {
  TempFolder tmp("overlap-target");
  const fs::path scenario = tmp.path / "scenario";
  // Families known to both centres (a count a municipality can obtain from its own aggregate
  // statistics), and persons known to at least one.
  write_with_calibration(
      scenario,
      "[[target]]\nid = \"families_both\"\n"
      "title = \"Families known to the jobcentre and children's services\"\nkind = "
      "\"overlap\"\ncounted_by = \"households\"\ncentres = [\"jobcentre\", "
      "\"children_family\"]\nvalue = 10\nsource = \"test\"\n\n[[target]]\nid = "
      "\"persons_known\"\ntitle = \"Persons known to a centre\"\nkind = \"overlap\"\n"
      "counted_by = \"persons\"\ncentres_at_least = 1\nvalue = 400\nsource = \"test\"\n");
  const fs::path out = tmp.path / "run";
  const auto run = run_kommunesim("run " + scenario.string() + " --replicates 4 --seed 5 --out " +
                                  out.string() + " --lang en");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  // The baseline's figure is the cross-silo picture's, summed over the combinations that count.
  const auto figure = [&](const std::string& target) {
    return query_rows(out / "results.sqlite",
                      "SELECT baseline FROM calibration WHERE target = '" + target + "'", 0)
        .at(0)
        .values.at(0)
        .value();
  };
  const auto picture = [&](const std::string& sql) {
    return query_rows(
               out / "results.sqlite",
               "SELECT SUM(" + sql + ") FROM cross_silo WHERE arm = 'baseline' AND year = 2025", 0)
        .at(0)
        .values.at(0)
        .value();
  };
  EXPECT_NEAR(figure("families_both"),
              picture("CASE WHEN centres = 'jobcentre+children_family' THEN households END"), 1e-9);
  EXPECT_NEAR(figure("persons_known"), picture("CASE WHEN centre_count >= 1 THEN persons END"),
              1e-9);
  EXPECT_GT(figure("families_both"), 0);

  // A department without case states cannot know anybody: named.
  std::string calibration = read_file(scenario / "calibration.toml");
  ASSERT_TRUE(
      replace_in_file(scenario / "calibration.toml", "\"children_family\"]", "\"finance\"]"));
  const auto invalid = run_kommunesim("validate " + scenario.string());
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.output.find("calibration.toml:9:11: target.centres: the department 'finance' "
                                "has no case states"),
            std::string::npos)
      << invalid.output;
  std::ofstream(scenario / "calibration.toml") << calibration;

  // kommunesim calibrate counts the overlap in its own evaluations.
  const fs::path fitted = tmp.path / "calibrated";
  write_calibration_scenario(fitted, "0.004", "60");
  std::ofstream(fitted / "calibration.toml", std::ios::app)
      << "\n[[target]]\nid = \"families_both\"\ntitle = \"Families known to both\"\nkind = "
         "\"overlap\"\ncounted_by = \"households\"\ncentres_at_least = 2\nvalue = 10\nsource = "
         "\"test\"\n";
  const auto fit = run_kommunesim("calibrate " + fitted.string() +
                                  " --replicates 2 --iterations 1 --lang en --out " +
                                  (tmp.path / "fit").string());
  ASSERT_EQ(fit.exit_code, 0) << fit.output;
  const size_t line = fit.output.find("Families known to both");
  ASSERT_NE(line, std::string::npos) << fit.output;
  const std::string row = fit.output.substr(line, fit.output.find('\n', line) - line);
  // "Families known to both  2025  10  <before>  <after>  <off by>": counted, not 0 or nan.
  std::smatch columns;
  ASSERT_TRUE(std::regex_search(row, columns, std::regex(R"(2025\s+10\s+(\S+)\s+(\S+))"))) << row;
  EXPECT_GT(std::stod(columns[1].str()), 0) << row;
  EXPECT_GT(std::stod(columns[2].str()), 0) << row;
}
