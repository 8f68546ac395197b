// Loading a scenario for a command, with every problem printed for the analyst.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "scenarios/loader/load_scenario.hpp"

namespace kommunesim::runner {

// The loaded scenario, or nullopt after printing each problem to standard error.
std::optional<scenarios::LoadedScenario> load_or_report(const std::string& folder);

// Why `replicates` (from --replicates) cannot run `loaded`, or nullopt: a scenario that redraws
// its population for every pair of replicates needs an even count.
std::optional<std::string> replicates_problem(const scenarios::LoadedScenario& loaded,
                                              int replicates);

// Writes a new scenario folder `destination` by `write(staging folder)`, and keeps it only when it
// loads as a hand-written scenario would; else prints each problem (prefixed by `origin`, the
// input it came from) and `what` does not load. Returns the exit code; nothing is left at
// `destination` unless it is kExitSuccess.
int write_new_scenario(const std::string& destination, const std::string& origin,
                       const std::string& what,
                       const std::function<void(const std::filesystem::path&)>& write);

// Why a new scenario folder (calibrate's, import-population's) may not be written to
// `destination`, or nullopt: what a run's --out must be, and besides a new or empty folder
// outside the scenario `scenario` (the copy would hold itself).
std::optional<std::string> new_scenario_folder_problem(const std::string& destination,
                                                       const std::filesystem::path& scenario);

}  // namespace kommunesim::runner
