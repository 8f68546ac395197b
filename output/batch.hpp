// The files a batch (`kommunesim batch`) writes beside its scenarios' own output folders.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kommunesim::output {

// One scenario of a batch, after its output folder was written.
struct BatchEntry {
  std::string folder;         // the scenario package's folder name, and its output folder's
  std::string scenario;       // the scenario's name
  std::filesystem::path run;  // its output folder, holding summary.csv
  double wall_seconds = 0;
};

// summary.csv across the batch: every scenario's summary.csv rows, in the batch's order, after
// two columns naming the scenario (scenario_folder, scenario). Throws when a scenario's
// summary.csv has another header than the first one's.
void write_batch_summary_csv(const std::vector<BatchEntry>& entries,
                             const std::filesystem::path& file);

// manifest.json of the batch: the engine, the command line and each scenario's output folder (a
// later batch or run may replace a folder that holds it).
void write_batch_manifest(const std::vector<BatchEntry>& entries, const std::string& engine_version,
                          const std::string& engine_commit, const std::string& command_line,
                          const std::string& started_utc, double wall_seconds,
                          const std::filesystem::path& file);

}  // namespace kommunesim::output
