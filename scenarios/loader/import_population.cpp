// FOLK1A rows filtered, summed by sex and age band, and written over a population file's lines.
#include "scenarios/loader/import_population.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include "scenarios/loader/toml_edit.hpp"
#include "scenarios/loader/write_values.hpp"

namespace kommunesim::scenarios {
namespace {
namespace fs = std::filesystem;

int required_column(const StatbankTable& table, const std::string& name) {
  const int c = table.column(name);
  if (c < 0)
    throw std::runtime_error(
        fmt::format("{}:1: expected a column {} in the header (FOLK1A: "
                    "OMRÅDE;KØN;ALDER;TID;INDHOLD)",
                    table.file.string(), name));
  return c;
}

enum class Sex { kMale, kFemale, kTotal };

Sex sex_of(const StatbankTable& table, const StatbankRow& row, int column) {
  const std::string t = lowercase(row.fields[static_cast<size_t>(column)]);
  if (t == "mænd" || t == "men" || t == "1") return Sex::kMale;
  if (t == "kvinder" || t == "women" || t == "2") return Sex::kFemale;
  if (is_total(t) || t == "tot") return Sex::kTotal;
  throw std::runtime_error(fmt::format(
      "{}:{}: column {} (KØN): expected Mænd, Kvinder or I alt; found \"{}\"", table.file.string(),
      row.line, column + 1, row.fields[static_cast<size_t>(column)]));
}

// The age in whole years ("0 år", "17 years", "100 år og derover"), or -1 for a total.
int age_of(const StatbankTable& table, const StatbankRow& row, int column) {
  const std::string& t = row.fields[static_cast<size_t>(column)];
  size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits])) != 0) ++digits;
  if (digits > 0 && digits <= 3) return std::stoi(t.substr(0, digits));
  if (is_total(t) || lowercase(t) == "ialt") return -1;
  throw std::runtime_error(
      fmt::format("{}:{}: column {} (ALDER): expected an age such as "
                  "\"17 år\", or a total; found \"{}\"",
                  table.file.string(), row.line, column + 1, t));
}

}  // namespace

PopulationImport folk1a_population(const StatbankTable& table,
                                   const std::vector<int>& band_from_years,
                                   const std::optional<std::string>& municipality,
                                   const std::optional<std::string>& period) {
  const int area = required_column(table, "OMRÅDE");
  const int sex = required_column(table, "KØN");
  const int age = required_column(table, "ALDER");
  const int time = required_column(table, "TID");
  const auto field = [](const StatbankRow& row, int c) -> const std::string& {
    return row.fields[static_cast<size_t>(c)];
  };
  PopulationImport result;

  StatbankSelection chosen = select_area_and_period(table, area, time, municipality, period);
  result.municipality = chosen.area;
  result.period = chosen.period;
  result.notes = std::move(chosen.notes);
  // Other variables (e.g. CIVILSTAND): their total when the table has it, else the sum.
  const std::vector<int> at_total = columns_at_total(table, {area, sex, age, time}, result.notes);

  const size_t bands = band_from_years.size();
  std::vector<double> women(bands, 0), all(bands, 0);
  for (const StatbankRow& row : table.rows) {
    // result.municipality is the table's own text for the area.
    if (field(row, area) != result.municipality || field(row, time) != result.period) continue;
    if (std::any_of(at_total.begin(), at_total.end(),
                    [&](int c) { return !is_total(field(row, c)); }))
      continue;
    const Sex s = sex_of(table, row, sex);
    const int years = age_of(table, row, age);
    if (s == Sex::kTotal || years < 0) continue;
    const double count = table.figure(row);
    auto& by_year = result.persons_by_year_of_age;
    if (by_year.size() <= static_cast<size_t>(years))
      by_year.resize(static_cast<size_t>(years) + 1);
    by_year[static_cast<size_t>(years)] += count;
    const auto band = static_cast<size_t>(
        std::upper_bound(band_from_years.begin(), band_from_years.end(), years) -
        band_from_years.begin());
    if (band == 0) continue;  // below the first band (the scenario's bands start at 0)
    all[band - 1] += count;
    if (s == Sex::kFemale) women[band - 1] += count;
  }
  double female = 0;
  for (size_t b = 0; b < bands; ++b) {
    result.persons += all[b];
    female += women[b];
    if (all[b] == 0)
      throw std::runtime_error(
          fmt::format("{}: no inhabitants of {} in {} aged {}+ in the "
                      "table; expected every age (ALDER), both sexes",
                      table.file.string(), result.municipality, result.period, band_from_years[b]));
    result.female_share_by_band.push_back(women[b] / all[b]);
  }
  result.persons_by_band = all;
  result.female_share = female / result.persons;
  return result;
}

namespace {

// The population targets of `imported`'s year in the calibration file: value and source from
// the imported counts. Returns their ids.
std::vector<std::string> replace_population_targets(const fs::path& file, int base_year,
                                                    const PopulationImport& imported,
                                                    const std::string& source) {
  const toml::table calibration = parsed(file);
  const int year = std::stoi(imported.period.substr(0, 4));
  const toml::array* targets = calibration["target"].as_array();
  std::vector<std::string> replaced;
  std::map<size_t, std::string> at;
  std::set<size_t> dropped;
  if (targets == nullptr) return replaced;
  const auto& by_year = imported.persons_by_year_of_age;
  for (const toml::node& node : *targets) {
    const toml::table* t = node.as_table();
    if (t == nullptr || (*t)["kind"].value<std::string>() != "population" ||
        (*t)["year"].value<int64_t>().value_or(base_year) != year)
      continue;
    const auto min_age = (*t)["age_min"].value<int64_t>().value_or(0);
    const auto max_age = (*t)["age_max"].value<int64_t>().value_or(1000);
    double count = 0;
    for (size_t a = 0; a < by_year.size(); ++a)
      if (static_cast<int64_t>(a) >= min_age && static_cast<int64_t>(a) < max_age)
        count += by_year[a];
    const toml::node* value = t->get("value");
    const toml::node* target_source = t->get("source");
    if (value == nullptr || target_source == nullptr) continue;
    replace_key(*value, fmt::format("value = {:.0f}", count), at, dropped);
    replace_key(*target_source,
                "source = " + toml_string(source + "; the same figures as the population, so this "
                                                   "target checks the synthetic population, not "
                                                   "the model"),
                at, dropped);
    replaced.push_back((*t)["id"].value<std::string>().value_or("?"));
  }
  if (!replaced.empty()) write_lines(file, lines_of(file), at, dropped);
  return replaced;
}

}  // namespace

std::vector<std::string> copy_with_population(const LoadedScenario& loaded,
                                              const fs::path& destination,
                                              const PopulationImport& imported,
                                              const std::string& source) {
  const toml::table scenario = parsed(loaded.folder / "scenario.toml");
  const auto name = scenario["population"].value<std::string>();
  if (!name) throw std::runtime_error("scenario.toml names no population file");
  fs::copy(loaded.folder, destination, fs::copy_options::recursive);
  const fs::path file = destination / *name;
  const toml::table population = parsed(file);
  for (const std::string key : {"persons", "persons_by_age", "female_share", "source"})
    if (population.get(key) == nullptr)
      throw std::runtime_error(file.string() + ": expected the key " + key);
  const auto list = [](const std::vector<double>& values, bool shares) {
    std::string s = "[";
    for (size_t i = 0; i < values.size(); ++i)
      s += (i ? ", " : "") +
           (shares ? fmt::format("{:.4f}", values[i]) : fmt::format("{:.0f}", values[i]));
    return s + "]";
  };
  const std::map<std::string, std::string> replaced = {
      {"persons", fmt::format("{:.0f}", imported.persons)},
      {"persons_by_age", list(imported.persons_by_band, false)},
      {"female_share", fmt::format("{:.4f}", imported.female_share)},
      {"female_share_by_age", list(imported.female_share_by_band, true)},
      {"source", toml_string(source)}};
  std::map<size_t, std::string> at, after;
  std::set<size_t> dropped;
  for (const auto& [key, value] : replaced)
    if (const toml::node* node = population.get(key))
      replace_key(*node, key + " = " + value, at, dropped);
  if (population.get("female_share_by_age") == nullptr)  // added after female_share
    after[static_cast<size_t>(population.get("female_share")->source().end.line) - 1] =
        "female_share_by_age = " + replaced.at("female_share_by_age");
  write_lines(file, lines_of(file), at, dropped, after);

  const auto calibration = scenario["calibration"].value<std::string>();
  if (!calibration) return {};
  return replace_population_targets(destination / *calibration, loaded.scenario.base_year, imported,
                                    source);
}

}  // namespace kommunesim::scenarios
