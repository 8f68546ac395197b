// kommunesim import-targets: calibration targets from a Statistics Denmark StatBank table,
// through a mapping file, into a new copy of a scenario (the scenario itself is never changed).
#include <fmt/format.h>

#include <exception>
#include <filesystem>

#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"
#include "scenarios/loader/import_targets.hpp"
#include "scenarios/loader/write_values.hpp"

namespace kommunesim::runner {

int import_targets_command(const ImportTargetsOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  if (const auto problem = new_scenario_folder_problem(options.out, loaded->folder)) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  scenarios::TargetsImport imported;
  try {
    imported = scenarios::import_targets(options.table, options.mapping, *loaded,
                                         options.municipality, options.period, options.year);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\nnothing was written to {}\n", e.what(), options.out);
    return kExitInvalidInput;
  }
  // The copy must load: a new target's keys are checked as the scenario's own are.
  if (const int code = write_new_scenario(
          options.out, options.mapping, "the targets from the mapping",
          [&](const std::filesystem::path& folder) {
            scenarios::copy_with_targets(*loaded, folder, imported,
                                         std::filesystem::path(options.table).filename().string());
          });
      code != kExitSuccess)
    return code;
  std::string where = imported.municipality;
  if (!imported.period.empty()) where += (where.empty() ? "" : ", ") + imported.period;
  fmt::print("{}{} (calibration year {}):\n", imported.table, where.empty() ? "" : " " + where,
             imported.year);
  for (const auto& t : imported.targets)
    fmt::print("  {:<32} {:>12} ({}, {} row{}: {})\n", t.id, scenarios::register_number(t.value),
               t.existing ? "replaced" : "new", t.rows, t.rows == 1 ? "" : "s", t.filter);
  for (const std::string& note : imported.notes) fmt::print("note: {}\n", note);
  fmt::print("wrote {} (the scenario with these targets); check it with: kommunesim run {}\n",
             options.out, options.out);
  return kExitSuccess;
}

}  // namespace kommunesim::runner
