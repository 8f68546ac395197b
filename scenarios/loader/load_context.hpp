// Shared state of one load: the scenario being built, name-to-index maps, diagnostics.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/load_scenario.hpp"
#include "scenarios/loader/toml_reader.hpp"

namespace kommunesim::scenarios {

// The largest scenario file read (a scenario file is text of a few kB; this keeps /dev/zero or a
// stray data file from exhausting memory).
constexpr uintmax_t kMaxScenarioFileBytes = 16'000'000;

using NameIndex = std::map<std::string, int>;

struct LoadContext {
  std::filesystem::path folder;
  Diagnostics diagnostics;
  LoadedScenario out;
  NameIndex departments, measures, flags, refusions, modules, household_conditions, proposals;
  NameIndex parameters;                       // register ids, over all register files
  std::vector<Diagnostic> parameter_origins;  // per register parameter: where it is declared
  std::vector<std::string> scales_with;       // per register parameter: its scales_with id or ""
  std::vector<int> price_years;               // per register parameter: its price_year or 0
  // Per register parameter: its [[parameter.change]] entries, checked once the modules have
  // named what each parameter is (resolve_dated_changes).
  struct PendingChange {
    model::MonthIndex month = 0;
    double value = 0;
    std::string source;
    Diagnostic origin;
  };
  std::vector<std::vector<PendingChange>> changes;

  std::vector<std::string> norm_files;                  // per normative set: its file
  std::vector<NameIndex> states;                        // per module
  std::vector<bool> module_has_clock;                   // per module: it declares a [clock]
  std::vector<std::unique_ptr<toml::table>> documents;  // kept alive while loading
  // A listed file could not be read or parsed: what it declares is unknown, so names it might have
  // declared (modules and their states, register parameters, proposals, sets) are not reported
  // as unknown, and no parameter is reported as unused; the file's own error stands.
  bool unread_file = false;

  // Parses a file of the package; on a syntax error or a missing file, adds a diagnostic.
  const toml::table* parse(const std::string& relative);

  // Resolves a name to its index, or reports it (with a suggestion) and returns -1.
  int resolve(TableReader& reader, std::string_view key, const std::string& name,
              const NameIndex& index, std::string_view what);
  // States of module `module` named under `key`, as a bit mask; each unknown name is reported
  // (`what` names the kind, e.g. "state of module 'jobcentre'") and left out.
  uint64_t state_mask(TableReader& reader, std::string_view key,
                      const std::vector<std::string>& names, int module, std::string_view what);
  // Same for a name found as an element of an array or as a key of an inline table.
  int resolve_at(const toml::node& node, const std::string& file, const std::string& key,
                 const std::string& name, const NameIndex& index, std::string_view what);
  // A figure of the model taken from the register: `node` must be the id of a register parameter
  // (a string) whose category fits the use (costs are valuation, everything else dynamics) and
  // whose range lies within [min, max]. Records the use and returns the parameter's value, or
  // reports what is wrong at `key` (`what` names the figure, e.g. "a monthly probability").
  std::optional<double> parameter(const toml::node& node, const std::string& file,
                                  const std::string& key, std::string_view what,
                                  model::ParameterUse use, double min, double max);
  // The same for a key of a table; a missing key is reported.
  std::optional<double> parameter(TableReader& reader, std::string_view key, std::string_view what,
                                  model::ParameterUse use, double min, double max);
  // Adds a name, reporting a duplicate.
  int declare(TableReader& reader, std::string_view key, const std::string& name, NameIndex& index,
              std::string_view what);
};

std::vector<std::string> names_of(const NameIndex& index);

// A payer named in a file (municipality, state, region, citizen), or a reported error.
std::optional<model::Payer> resolve_payer(TableReader& reader, std::string_view key,
                                          const std::string& name);

// `duration`, what a table's duration bands count: the months in the current state (the default,
// false) or the module's clock (true); an unknown value is reported and read as the default.
bool reads_clock(TableReader& reader);

// Loaders of the parts of a package, in the order load_scenario calls them.
void declare_module(LoadContext& ctx, const std::string& file, const toml::table& doc);
void load_module(LoadContext& ctx, const std::string& file, const toml::table& doc, int module);
void load_household_conditions(LoadContext& ctx, TableReader& scenario_reader);
void load_equity_groups(LoadContext& ctx, TableReader& scenario_reader);
void load_population(LoadContext& ctx, const std::string& file, const toml::table& doc);
void load_register(LoadContext& ctx, const std::string& file, const toml::table& doc);
// Whole-register checks once every file is read: the engine's own parameters are declared.
void check_register(LoadContext& ctx, TableReader& scenario_reader);
// After modules and proposals: every register parameter is read by something.
void check_register_use(LoadContext& ctx);
// Resolves each register parameter's `scales_with` (after the modules and proposals have named
// their unit costs).
void resolve_scales_with(LoadContext& ctx);
// Checks each unit cost's `price_year` against the scenario's [prices] and converts its value,
// low and high to the scenario's price year (after the modules and proposals have named the
// unit costs).
void resolve_price_years(LoadContext& ctx);
// Checks each parameter's dated changes (a figure of the modules' dynamics, a month inside the
// horizon, a value of the figure's kind) and lists them in the scenario by month.
void resolve_dated_changes(LoadContext& ctx);
void load_norm(LoadContext& ctx, const std::string& file, const toml::table& doc);
void load_proposal(LoadContext& ctx, const std::string& file, const toml::table& doc);
void load_calibration(LoadContext& ctx, const std::string& file, const toml::table& doc);

// Reads a mapping { state = share, ... } over a module's states into a vector of shares that
// must sum to 1; the shares are plain numbers (population.toml's data).
std::optional<std::vector<double>> read_shares_table(LoadContext& ctx, const toml::table& table,
                                                     const std::string& file,
                                                     const std::string& path, int module);
// The same with each share a register parameter (a module's entry rule `rule`: -1 is the
// default rule, else the index of its by_history rule).
std::optional<std::vector<double>> read_share_parameters(LoadContext& ctx, TableReader& reader,
                                                         std::string_view key, int module,
                                                         int rule);

}  // namespace kommunesim::scenarios
