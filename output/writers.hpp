// The writers of a run's output folder and the terminal summary.
#pragma once

#include <filesystem>
#include <string>

#include "output/run_record.hpp"

namespace kommunesim::output {

// summary.csv: one row per proposal (or package) and normative set.
void write_summary_csv(const RunRecord& run, const std::filesystem::path& file);
// results.sqlite: the result store (schema in docs/RESULTS_SCHEMA.md).
void write_results_sqlite(const RunRecord& run, const std::filesystem::path& file);
// manifest.json: inputs' SHA-256, engine version and commit, seed, threads, wall time.
void write_manifest(const RunRecord& run, const std::filesystem::path& file);
// The table printed after a run, for a budget analyst.
std::string text_summary(const RunRecord& run);

}  // namespace kommunesim::output
