// Loading a scenario for a command, with every problem printed for the analyst.
#pragma once

#include <filesystem>
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

// Why a new scenario folder (calibrate's, import-population's) may not be written to
// `destination`, or nullopt: what a run's --out must be, and besides a new or empty folder
// outside the scenario `scenario` (the copy would hold itself).
std::optional<std::string> new_scenario_folder_problem(const std::string& destination,
                                                       const std::filesystem::path& scenario);

}  // namespace kommunesim::runner
