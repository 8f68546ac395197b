// Reporting load problems.
#include "runner/scenario_loading.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "model/engine/initial_populations.hpp"
#include "output/staged_folder.hpp"
#include "runner/commands.hpp"

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

std::optional<std::string> new_scenario_folder_problem(const std::string& destination,
                                                       const std::filesystem::path& scenario) {
  namespace fs = std::filesystem;
  if (auto problem = output::destination_problem(destination, scenario)) return problem;
  const fs::path out = fs::weakly_canonical(fs::absolute(destination));
  if (output::within(out, fs::weakly_canonical(fs::absolute(scenario))))
    return fmt::format("--out {}: expected a folder outside the scenario {}", destination,
                       scenario.string());
  if (fs::exists(out) && !fs::is_empty(out))
    return fmt::format("--out {}: expected a new or empty folder; it exists and is not empty",
                       destination);
  return std::nullopt;
}

int write_new_scenario(const std::string& destination, const std::string& origin,
                       const std::string& what,
                       const std::function<void(const std::filesystem::path&)>& write) {
  try {
    output::StagedFolder folder(destination);
    write(folder.path());
    const scenarios::LoadResult check = scenarios::load_scenario(folder.path());
    if (!check.loaded) {
      for (const auto& d : check.diagnostics.items())
        fmt::print(stderr, "{}: {}\n", origin, scenarios::format(d));
      fmt::print(stderr, "{} does not load; nothing was written to {}\n", what, destination);
      return kExitInvalidInput;
    }
    folder.commit();
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the scenario could not be written: {}\nnothing was written to {}\n",
               e.what(), destination);
    return kExitRunFailed;
  }
  return kExitSuccess;
}

}  // namespace kommunesim::runner
