// `kommunesim import-population`: a municipality's inhabitants by age and sex from Statistics
// Denmark's table FOLK1A (statbank_table.hpp's CSV format) written into a copy of a scenario's
// population file, in the scenario's own age bands, with the table, period and municipality as
// the source.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/load_scenario.hpp"
#include "scenarios/loader/statbank_table.hpp"

namespace kommunesim::scenarios {

struct PopulationImport {
  std::string municipality;                    // the OMRÅDE text
  std::string period;                          // the TID text, e.g. 2024K1
  std::vector<double> persons_by_year_of_age;  // ages 0, 1, ...; the last holds every older age
  std::vector<double> persons_by_band;
  std::vector<double> female_share_by_band;
  double persons = 0;
  double female_share = 0;
  std::vector<std::string> notes;  // what was chosen or summed, for the user
};

// The FOLK1A counts of `table` for one municipality and one period, summed into the age bands
// that start at `band_from_years` (the last band takes every older age). Without
// `municipality` the table must hold one; without `period` the latest is taken. Throws
// std::runtime_error naming the file (and line and column where it applies) when a column is
// missing, a municipality or period is not in the table, or a value cannot be read.
PopulationImport folk1a_population(const StatbankTable& table,
                                   const std::vector<int>& band_from_years,
                                   const std::optional<std::string>& municipality,
                                   const std::optional<std::string>& period);

// Copies `loaded`'s folder into `destination` (which must not exist) with the population file's
// persons, persons_by_age, female_share, female_share_by_age and source replaced by `imported`,
// and the value and source of each calibration target of kind "population" in the imported
// period's year (the base year when the target gives none) replaced by the imported count of
// its ages. Returns the ids of the targets replaced.
std::vector<std::string> copy_with_population(const LoadedScenario& loaded,
                                              const std::filesystem::path& destination,
                                              const PopulationImport& imported,
                                              const std::string& source);

}  // namespace kommunesim::scenarios
