// Loading a scenario package (a folder of TOML files) into a frozen model::Scenario, validating
// everything before any simulation starts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "scenarios/loader/diagnostics.hpp"

namespace kommunesim::scenarios {

// A parameter of the register (parameters.toml): declared once, overridden by normative sets.
struct RegisterEntry {
  std::string id;
  std::string description;
  std::string unit;
  double value = 0;
  double low = 0;
  double high = 0;
  std::string category;  // "valuation" or "dynamics"
  std::string source;
  std::string evidence;
};

struct LoadedScenario {
  model::Scenario scenario;
  std::vector<RegisterEntry> register_entries;
  std::vector<std::string> files;  // every file read, relative to the folder, in reading order
  std::filesystem::path folder;
};

struct LoadResult {
  std::optional<LoadedScenario> loaded;  // set only when there are no diagnostics
  Diagnostics diagnostics;
};

LoadResult load_scenario(const std::filesystem::path& folder);

}  // namespace kommunesim::scenarios
