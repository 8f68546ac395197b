// `kommunesim import-targets`: a scenario's calibration targets from a Statistics Denmark
// StatBank table (statbank_table.hpp's CSV format), through a mapping file that says which rows
// of the table sum into which target. One mapping per table and scenario: benefit recipients by
// type into the jobcentre's states, children with measures and placements into children's
// services, the accounts by function into a module's spending. The mapping is the analyst's
// decision about what the table's categories mean in the model, written down where it can be
// read and reviewed (docs/SCENARIO_FORMAT.md, "Calibration targets from a StatBank table").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/load_scenario.hpp"
#include "scenarios/loader/statbank_table.hpp"

namespace kommunesim::scenarios {

struct ImportedTarget {
  std::string id;
  double value = 0;
  size_t rows = 0;              // rows of the table summed
  std::string filter;           // which rows, e.g. "YDELSESTYPE = Kontanthjælp, Uddannelseshjælp"
  bool existing = false;        // replaces a target of the scenario (else a new one)
  std::string new_target_keys;  // a new target's keys from the mapping, as TOML lines
};

struct TargetsImport {
  std::string table;  // the mapping's name for it, e.g. AUK01
  std::string description;
  std::string publisher;  // whose table: "Statistics Denmark, StatBank table AUK01" by default
  std::string municipality, period;
  int year = 0;  // the calibration year the figures are for
  std::vector<ImportedTarget> targets;
  std::vector<std::string> notes;
};

// The targets `mapping_file` defines, summed from the table in `table_file` (a StatBank CSV
// export, or another semicolon-separated table as the mapping describes it: a municipality's
// accounts by function) for one municipality and period (as import-population chooses them) and
// checked against `loaded`'s calibration: a mapped id that the scenario has keeps its definition
// and gets the figure; another must define a target. `year`: the calibration year (default the
// period's). Throws std::runtime_error naming the mapping file and line, or the table's file,
// line and column, for every problem.
TargetsImport import_targets(const std::filesystem::path& table_file,
                             const std::filesystem::path& mapping_file,
                             const LoadedScenario& loaded,
                             const std::optional<std::string>& municipality,
                             const std::optional<std::string>& period,
                             const std::optional<int>& year);

// Copies `loaded`'s folder into `destination` (which must not exist) with `imported` in its
// calibration file: each existing target's value, year and source replaced, each new target
// added with the same.
void copy_with_targets(const LoadedScenario& loaded, const std::filesystem::path& destination,
                       const TargetsImport& imported, const std::string& table_file);

}  // namespace kommunesim::scenarios
