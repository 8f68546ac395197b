// Two runs side by side (kommunesim compare): what changed in the inputs, read from each run's
// stored register (parameters and the normative sets' values, proposals, sets), and what changed
// in the results (per proposal and set: net value, verdict, rank). Both come from the runs'
// results.sqlite, so runs of different scenario versions, or years apart, compare.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output/language.hpp"

namespace kommunesim::output {

struct RunComparison {
  struct Run {
    std::string folder, scenario, price_level;
    int replicates = 0;
    uint32_t seed = 0;
  };
  Run a, b;
  // A register figure whose value differs, or that one run has and the other not (nullopt).
  struct ValueChange {
    std::string what;  // a parameter id, or "set: parameter" for a normative set's value
    std::string unit;
    std::optional<double> a, b;
  };
  std::vector<ValueChange> values;
  std::vector<std::string> arms_only_a, arms_only_b, norms_only_a, norms_only_b;
  // Per proposal and set that either run has: each run's figures.
  struct Side {
    std::optional<double> net_value;  // mean, DKK
    std::string verdict;              // id; "" when the run lacks the row
    std::optional<int> rank;
  };
  struct Result {
    std::string arm, arm_title, norm, norm_title;
    Side a, b;
  };
  std::vector<Result> results;

  // No register value, set value, proposal or set differs.
  bool inputs_unchanged() const {
    return values.empty() && arms_only_a.empty() && arms_only_b.empty() && norms_only_a.empty() &&
           norms_only_b.empty();
  }
};

// Reads the two run folders' results.sqlite; throws std::runtime_error naming a folder that
// holds no run.
RunComparison compare_runs(const std::filesystem::path& a, const std::filesystem::path& b);

// The comparison as a terminal table, and as a self-contained HTML page.
std::string comparison_text(const RunComparison& comparison, Language language);
std::string comparison_html(const RunComparison& comparison, Language language);

}  // namespace kommunesim::output
