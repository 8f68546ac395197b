// kommunesim import-population: a municipality's inhabitants by age and sex from a Statistics
// Denmark FOLK1A export into a new copy of a scenario (the scenario itself is never changed).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <exception>
#include <string>
#include <vector>

#include "output/staged_folder.hpp"
#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"
#include "scenarios/loader/import_population.hpp"

namespace kommunesim::runner {

int import_population_command(const ImportPopulationOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  if (const auto problem = new_scenario_folder_problem(options.out, loaded->folder)) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  scenarios::PopulationImport imported;
  try {
    const scenarios::StatbankTable table = scenarios::read_statbank_csv(options.table);
    imported = scenarios::folk1a_population(table, loaded->scenario.population.age_band_from_years,
                                            options.municipality, options.period);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\nnothing was written to {}\n", e.what(), options.out);
    return kExitInvalidInput;
  }
  const std::string file = std::filesystem::path(options.table).filename().string();
  const std::string source = fmt::format(
      "Statistics Denmark, StatBank table FOLK1A (file {}): inhabitants of {} on the first day of "
      "{}, by age and sex, summed into the scenario's age bands (imported by kommunesim "
      "import-population)",
      file, imported.municipality, imported.period);
  std::vector<std::string> targets;
  try {
    output::StagedFolder folder(options.out);
    targets = scenarios::copy_with_population(*loaded, folder.path(), imported, source);
    folder.commit();
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the scenario could not be written: {}\nnothing was written to {}\n",
               e.what(), options.out);
    return kExitRunFailed;
  }
  fmt::print("{}, {}: {:.0f} inhabitants, {:.1f} % women\n", imported.municipality, imported.period,
             imported.persons, 100 * imported.female_share);
  const auto& from = loaded->scenario.population.age_band_from_years;
  for (size_t b = 0; b < from.size(); ++b)
    fmt::print("  {:>3}{:<4} {:>8.0f}\n", from[b],
               b + 1 < from.size() ? fmt::format("-{}", from[b + 1] - 1) : std::string("+"),
               imported.persons_by_band[b]);
  for (const std::string& note : imported.notes) fmt::print("note: {}\n", note);
  if (!targets.empty())
    fmt::print("calibration targets of {} set to these counts: {}\n", imported.period.substr(0, 4),
               fmt::join(targets, ", "));
  else
    fmt::print(
        "note: no population target of the calibration is for {}; the targets are left as "
        "they are\n",
        imported.period.substr(0, 4));
  fmt::print("wrote {} (the scenario with this population); run it with: kommunesim run {}\n",
             options.out, options.out);
  return kExitSuccess;
}

}  // namespace kommunesim::runner
