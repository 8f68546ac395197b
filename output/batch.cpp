// The batch's summary.csv and manifest.json (batch.hpp).
#include "output/batch.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

void write_batch_summary_csv(const std::vector<BatchEntry>& entries,
                             const std::filesystem::path& file) {
  auto out = open_for_writing(file);
  std::string header;
  for (const BatchEntry& e : entries) {
    std::ifstream in(e.run / "summary.csv");
    std::string line;
    if (!std::getline(in, line))
      throw std::runtime_error((e.run / "summary.csv").string() + ": expected a header line");
    if (header.empty()) {
      header = line;
      out << "scenario_folder,scenario," << header << "\n";
    } else if (line != header) {
      throw std::runtime_error((e.run / "summary.csv").string() +
                               ": its columns differ from the batch's first scenario's");
    }
    const std::string prefix = csv_field(e.folder) + "," + csv_field(e.scenario) + ",";
    while (std::getline(in, line))
      if (!line.empty()) out << prefix << line << "\n";
  }
  check_written(out, file);
}

void write_batch_manifest(const std::vector<BatchEntry>& entries, const std::string& engine_version,
                          const std::string& engine_commit, const std::string& command_line,
                          const std::string& started_utc, double wall_seconds,
                          const std::filesystem::path& file) {
  nlohmann::ordered_json j;
  j["engine"] = {{"name", "kommunesim"}, {"version", engine_version}, {"commit", engine_commit}};
  j["batch"] = nlohmann::ordered_json::array();
  for (const BatchEntry& e : entries)
    j["batch"].push_back({{"scenario", e.scenario},
                          {"output_folder", e.folder},
                          {"wall_time_seconds", e.wall_seconds}});
  j["started_utc"] = started_utc;
  j["wall_time_seconds"] = wall_seconds;
  j["command_line"] = command_line;
  auto out = open_for_writing(file);
  out << j.dump(2) << "\n";
  check_written(out, file);
}

}  // namespace kommunesim::output
