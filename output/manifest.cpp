// manifest.json: the provenance of a run.
#include <fstream>
#include <nlohmann/json.hpp>

#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {

void write_manifest(const RunRecord& run, const std::filesystem::path& file) {
  const Provenance& p = run.provenance;
  nlohmann::ordered_json j;
  j["scenario"] = run.appraisal.scenario.name;
  j["scenario_folder"] = p.scenario_folder;
  j["engine"] = {
      {"name", "kommunesim"}, {"version", p.engine_version}, {"commit", p.engine_commit}};
  j["seed"] = run.appraisal.plan.seed;
  j["price_level"] = price_level_text(run.appraisal.scenario, Language::kEnglish);
  j["replicates"] = run.appraisal.plan.replicates;
  j["months"] = run.appraisal.plan.months;
  j["threads"] = p.threads;
  j["processes"] = p.processes;
  j["simulations"] = run.appraisal.plan.simulations();
  j["sensitivity_simulations"] = run.appraisal.sensitivity.simulations;
  j["sensitivity_replicates"] = run.appraisal.sensitivity.replicates;
  j["started_utc"] = p.started_utc;
  j["wall_time_seconds"] = p.wall_seconds;
  j["command_line"] = p.command_line;
  j["inputs"] = nlohmann::ordered_json::array();
  for (const auto& input : p.inputs)
    j["inputs"].push_back({{"path", input.path}, {"sha256", input.sha256}});
  auto out = open_for_writing(file);
  out << j.dump(2) << "\n";
  check_written(out, file);
}

}  // namespace kommunesim::output
