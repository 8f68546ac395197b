// Reporting load problems.
#include "runner/scenario_loading.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "model/engine/initial_populations.hpp"

namespace kommunesim::runner {

std::optional<scenarios::LoadedScenario> load_or_report(const std::string& folder) {
  if (!std::filesystem::is_directory(folder)) {
    fmt::print(stderr, "error: scenario folder '{}' does not exist or is not a folder\n", folder);
    return std::nullopt;
  }
  scenarios::LoadResult result = scenarios::load_scenario(folder);
  if (result.loaded) {
    for (const auto& file : result.loaded->unlisted)
      fmt::print(stderr,
                 "note: {}/{} is not named in any list of scenario.toml (modules, proposals, "
                 "norms, parameters, population, calibration): it is not read\n",
                 folder, file);
    return std::move(result.loaded);
  }
  const auto& items = result.diagnostics.items();
  for (const auto& d : items) fmt::print(stderr, "{}/{}\n", folder, scenarios::format(d));
  fmt::print(stderr, "{} problem{} in scenario '{}'; nothing was run or written\n", items.size(),
             items.size() == 1 ? "" : "s", folder);
  return std::nullopt;
}

std::optional<std::string> replicates_problem(const scenarios::LoadedScenario& loaded,
                                              int replicates) {
  if (!loaded.scenario.redraw_population || replicates % model::kReplicatesPerPopulation == 0)
    return std::nullopt;
  return fmt::format(
      "--replicates {}: expected an even number, because {}'s [uncertainty] redraw_population "
      "draws one population for every pair of replicates",
      replicates, (loaded.folder / "scenario.toml").string());
}

}  // namespace kommunesim::runner
