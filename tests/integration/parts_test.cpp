// kommunesim run --part i/n and kommunesim merge: the parts of a run merged into the output one
// run writes.
#include <gtest/gtest.h>

#include "command_support.hpp"

using namespace kommunesim::test_support;
namespace fs = std::filesystem;

namespace {

const std::string kScenario = KOMMUNESIM_TEST_SCENARIO;

}  // namespace

TEST(Parts, ThreePartsMergedWriteWhatOneRunWritesByteForByte) {
  TempFolder tmp("parts");
  const fs::path scenario = with_replicate_rule(kScenario, tmp.path);
  const std::string common = "run " + scenario.string() + " --seed 5 --lang en";
  const auto single = run_kommunesim(common + " --out " + (tmp.path / "single").string());
  ASSERT_EQ(single.exit_code, 0) << single.output;
  std::string parts;
  for (int i = 1; i <= 3; ++i) {
    const fs::path part = tmp.path / ("part-" + std::to_string(i));
    const auto r = run_kommunesim(common + " --part " + std::to_string(i) +
                                  "/3 --threads 1 --out " + part.string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("part " + std::to_string(i) + " of 3"), std::string::npos) << r.output;
    parts += " " + part.string();
  }
  const auto merged =
      run_kommunesim("merge" + parts + " --lang en --out " + (tmp.path / "merged").string());
  ASSERT_EQ(merged.exit_code, 0) << merged.output;
  size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(tmp.path / "single")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".csv" && ext != ".sqlite") continue;
    EXPECT_EQ(read_file(tmp.path / "merged" / entry.path().filename()), read_file(entry.path()))
        << entry.path().filename();
    ++compared;
  }
  EXPECT_GE(compared, 7u);  // six csv files and results.sqlite
  // The summaries agree too (the same replicates were added).
  EXPECT_NE(merged.output.find("8 replicates"), std::string::npos) << merged.output;
}

TEST(Parts, AMissingPartOrAPartOfAnotherScenarioIsNamedAndNothingIsWritten) {
  TempFolder tmp("parts-wrong");
  const std::string common = "run " + kScenario + " --replicates 2 --seed 5";
  for (int i = 1; i <= 2; ++i)
    ASSERT_EQ(run_kommunesim(common + " --part " + std::to_string(i) + "/2 --out " +
                             (tmp.path / ("p" + std::to_string(i))).string())
                  .exit_code,
              0);
  const fs::path out = tmp.path / "out";
  const auto missing =
      run_kommunesim("merge " + (tmp.path / "p1").string() + " --out " + out.string());
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("part 2 of 2 is missing"), std::string::npos) << missing.output;
  EXPECT_FALSE(fs::exists(out));
  // Part 2 of a run with another seed.
  ASSERT_EQ(run_kommunesim("run " + kScenario + " --replicates 2 --seed 6 --part 2/2 --out " +
                           (tmp.path / "other").string())
                .exit_code,
            0);
  const auto other = run_kommunesim("merge " + (tmp.path / "p1").string() + " " +
                                    (tmp.path / "other").string() + " --out " + out.string());
  EXPECT_EQ(other.exit_code, 2) << other.output;
  EXPECT_NE(other.output.find("its seed differ"), std::string::npos) << other.output;
  EXPECT_FALSE(fs::exists(out));
  // The scenario changed since the parts ran.
  const fs::path changed = tmp.path / "changed";
  fs::copy(kScenario, changed, fs::copy_options::recursive);
  std::ofstream(changed / "scenario.toml", std::ios::app) << "\n# edited\n";
  const auto edited =
      run_kommunesim("merge " + (tmp.path / "p1").string() + " " + (tmp.path / "p2").string() +
                     " --scenario " + changed.string() + " --out " + out.string());
  EXPECT_EQ(edited.exit_code, 2) << edited.output;
  EXPECT_NE(edited.output.find("its files differ from those the parts ran"), std::string::npos)
      << edited.output;
  EXPECT_FALSE(fs::exists(out));
  // A bad part number.
  const auto bad = run_kommunesim(common + " --part 3/2 --out " + out.string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("expected i/n with 1 <= i <= n"), std::string::npos) << bad.output;
  EXPECT_FALSE(fs::exists(out));
}
