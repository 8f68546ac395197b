// Golden test: summary.csv of the bundled scenario with a fixed seed, compared with the reviewed
// reference to 6 significant digits. Regenerate only on purpose: tests/golden/update.sh.
#include <gtest/gtest.h>

#include <cmath>

#include "command_support.hpp"

using namespace kommunesim::test_support;

namespace {

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        cell += text[++i];
      else if (c == '"')
        quoted = false;
      else
        cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
    } else if (c == '\n') {
      row.push_back(cell);
      rows.push_back(row);
      row.clear();
      cell.clear();
    } else {
      cell += c;
    }
  }
  return rows;
}

bool same_to_six_digits(const std::string& a, const std::string& b) {
  char* end_a = nullptr;
  char* end_b = nullptr;
  const double x = std::strtod(a.c_str(), &end_a), y = std::strtod(b.c_str(), &end_b);
  if (a.empty() || *end_a != '\0' || b.empty() || *end_b != '\0') return a == b;
  return std::abs(x - y) <= 5e-6 * std::max(std::abs(x), std::abs(y)) + 1e-9;
}

}  // namespace

TEST(Golden, MiniKommuneSummaryMatchesTheReviewedReference) {
  TempFolder tmp("golden");
  const auto r =
      run_kommunesim(std::string("run ") + KOMMUNESIM_TEST_SCENARIO +
                     " --replicates 4 --seed 7 --threads 2 --out " + (tmp.path / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string reference_file =
      std::string(KOMMUNESIM_GOLDEN_DIR) + "/mini-kommune-summary.csv";
  const std::string reference = read_file(reference_file);
  ASSERT_FALSE(reference.empty()) << "missing " << reference_file
                                  << "; create it with tests/golden/update.sh";
  const auto expected = parse_csv(reference);
  const auto actual = parse_csv(read_file(tmp.path / "out" / "summary.csv"));
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(actual[i].size(), expected[i].size()) << "row " << i;
    for (size_t j = 0; j < expected[i].size(); ++j)
      EXPECT_TRUE(same_to_six_digits(actual[i][j], expected[i][j]))
          << "row " << i << " column " << expected[0][j] << ": " << actual[i][j] << " vs reference "
          << expected[i][j];
  }
}
