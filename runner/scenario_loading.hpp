// Loading a scenario for a command, with every problem printed for the analyst.
#pragma once

#include <optional>
#include <string>

#include "scenarios/loader/load_scenario.hpp"

namespace kommunesim::runner {

// The loaded scenario, or nullopt after printing each problem to standard error.
std::optional<scenarios::LoadedScenario> load_or_report(const std::string& folder);

}  // namespace kommunesim::runner
