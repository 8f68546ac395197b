// Everything a writer needs to know about one completed run, as read-only references.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/analysis.hpp"
#include "model/calibration.hpp"
#include "model/cross_graph.hpp"
#include "model/module_tables.hpp"
#include "model/run_plan.hpp"
#include "model/scenario.hpp"
#include "model/sensitivity.hpp"

namespace kommunesim::output {

struct InputFile {
  std::string path;  // relative to the scenario folder
  std::string sha256;
};

struct Provenance {
  std::string scenario_folder;
  std::vector<InputFile> inputs;
  std::string engine_version;
  std::string engine_commit;
  std::string started_utc;
  std::string command_line;
  int threads = 1;
  double wall_seconds = 0;
};

struct RunRecord {
  const model::Scenario& scenario;
  const model::CompiledModel& compiled;
  const model::RunPlan& plan;
  const model::RunResults& results;
  const model::Analysis& analysis;
  Provenance provenance;
  std::vector<model::GraphEdge> graph_edges;
  std::vector<std::vector<int>> reach;  // per proposal: department indices it can affect
  std::vector<model::TornadoRow> tornado;
  std::vector<model::DynamicsSwitching> dynamics_switching;
  size_t sensitivity_simulations = 0;  // extra simulations the two above needed
  int sensitivity_replicates = 0;      // replicates those simulations ran
  std::vector<model::CalibrationRow> calibration;
};

}  // namespace kommunesim::output
