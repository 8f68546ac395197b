// Golden tests: summary.csv, ledger.csv, budget.csv, flips.csv, switching.csv and tornado.csv of
// the bundled Mini-kommune with a fixed seed, compared with the reviewed references to 6
// significant digits. Regenerate only on purpose: tests/golden/update.sh.
#include <gtest/gtest.h>

#include <cmath>

#include "command_support.hpp"

using namespace kommunesim::test_support;

namespace {

bool same_to_six_digits(const std::string& a, const std::string& b) {
  char* end_a = nullptr;
  char* end_b = nullptr;
  const double x = std::strtod(a.c_str(), &end_a), y = std::strtod(b.c_str(), &end_b);
  if (a.empty() || *end_a != '\0' || b.empty() || *end_b != '\0') return a == b;
  return std::abs(x - y) <= 5e-6 * std::max(std::abs(x), std::abs(y)) + 1e-9;
}

// One run for every golden file (the arguments of tests/golden/update.sh).
class Golden : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempFolder("golden");
    const auto r = run_kommunesim(std::string("run ") + KOMMUNESIM_TEST_SCENARIO +
                                  " --replicates 4 --seed 7 --threads 2 --out " +
                                  (tmp_->path / "out").string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  static TempFolder* tmp_;
};
TempFolder* Golden::tmp_ = nullptr;

}  // namespace

TEST_P(Golden, MatchesTheReviewedReference) {
  const std::string file = GetParam();
  const std::string reference_file = std::string(KOMMUNESIM_GOLDEN_DIR) + "/mini-kommune-" + file;
  const std::string reference = read_file(reference_file);
  ASSERT_FALSE(reference.empty()) << "missing " << reference_file
                                  << "; create it with tests/golden/update.sh";
  const auto expected = parse_csv(reference);
  const auto actual = parse_csv(read_file(tmp_->path / "out" / file));
  ASSERT_EQ(actual.size(), expected.size()) << file;
  for (size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(actual[i].size(), expected[i].size()) << file << " row " << i;
    for (size_t j = 0; j < expected[i].size(); ++j)
      EXPECT_TRUE(same_to_six_digits(actual[i][j], expected[i][j]))
          << file << " row " << i << " column " << expected[0][j] << ": " << actual[i][j]
          << " vs reference " << expected[i][j];
  }
}

INSTANTIATE_TEST_SUITE_P(MiniKommune, Golden,
                         ::testing::Values("summary.csv", "ledger.csv", "budget.csv", "flips.csv",
                                           "switching.csv", "tornado.csv"),
                         [](const auto& info) {
                           return info.param.substr(0, info.param.find('.'));
                         });
