// Loading a scenario package (a folder of TOML files) into a frozen model::Scenario, validating
// everything before any simulation starts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/engine/scenario.hpp"
#include "scenarios/loader/diagnostics.hpp"

namespace kommunesim::scenarios {

struct LoadedScenario {
  model::Scenario scenario;
  std::vector<std::string> files;  // every file read, relative to the folder, in reading order
  std::filesystem::path folder;
  // TOML files in the scenario folder that no list names, relative to it: never read, said so.
  std::vector<std::string> unlisted;
};

struct LoadResult {
  std::optional<LoadedScenario> loaded;  // set only when there are no diagnostics
  Diagnostics diagnostics;
};

LoadResult load_scenario(const std::filesystem::path& folder);

}  // namespace kommunesim::scenarios
