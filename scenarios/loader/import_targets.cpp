// Calibration targets from a StatBank table through a mapping file (import_targets.hpp).
#include "scenarios/loader/import_targets.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "scenarios/loader/toml_edit.hpp"
#include "scenarios/loader/toml_reader.hpp"
#include "scenarios/loader/write_values.hpp"

namespace kommunesim::scenarios {
namespace fs = std::filesystem;
namespace {

// The keys of a calibration target (calibration.toml) that a mapping may define for a new one.
constexpr const char* kDefinitionKeys[] = {
    "title", "kind",    "module",  "states",    "from",
    "to",    "age_min", "age_max", "tolerance", "tolerance_source"};

struct MappedTarget {
  std::string id;
  std::string path;  // e.g. target[2], for messages
  int line = 0;
  struct Rows {
    std::string column;
    std::vector<std::string> values;  // the value texts summed
    int line = 0;
  };
  std::vector<Rows> rows;
  std::vector<std::pair<std::string, std::string>> definition;  // key -> TOML value
};

std::string toml_text(const toml::node& node) {
  std::ostringstream out;
  node.visit([&](const auto& v) { out << v; });
  return out.str();
}

// How the mapping says the table is read.
struct TableFormat {
  std::string area, time;  // columns; "" for a table of one municipality or period
  std::string figure;      // "" for a StatBank export (INDHOLD)
  bool thousands_separators = false;
  double scale = 1;  // figures in 1.000 kr.: 1000
};

// The mapping file, checked as the scenario's files are (unknown keys, types).
std::vector<MappedTarget> read_mapping(const fs::path& file, TargetsImport& out,
                                       TableFormat& format) {
  toml::table doc;
  try {
    doc = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(fmt::format("{}:{}:{}: {}", file.string(), e.source().begin.line,
                                         e.source().begin.column, e.description()));
  }
  Diagnostics diagnostics;
  std::vector<MappedTarget> targets;
  {
    TableReader r(doc, file.string(), "", diagnostics);
    out.table = r.string("table", Need::kRequired).value_or("");
    out.description = r.string("description", Need::kOptional).value_or("");
    out.publisher = r.string("publisher", Need::kOptional)
                        .value_or("Statistics Denmark, StatBank table " + out.table);
    format.area = r.string("area", Need::kOptional).value_or("OMRÅDE");
    format.time = r.string("time", Need::kOptional).value_or("TID");
    format.figure = r.string("figure", Need::kOptional).value_or("");
    format.thousands_separators =
        r.boolean("thousands_separators", Need::kOptional).value_or(false);
    constexpr double kSmallestScale = 1e-9, kLargestScale = 1e9;
    format.scale = r.number("scale", Need::kOptional, kSmallestScale, kLargestScale).value_or(1);
    const auto tables = r.tables("target", Need::kRequired);
    for (size_t i = 0; i < tables.size(); ++i) {
      MappedTarget m;
      m.path = "target[" + std::to_string(i) + "]";
      m.line = static_cast<int>(tables[i]->source().begin.line);
      TableReader t(*tables[i], file.string(), m.path, diagnostics);
      m.id = t.identifier("id", Need::kRequired).value_or("");
      if (const toml::table* rows = t.table("rows", Need::kRequired)) {
        for (const auto& [key, node] : *rows) {
          std::vector<std::string> values;
          if (const auto one = node.value<std::string>()) {
            values.push_back(*one);
          } else if (const toml::array* list = node.as_array()) {
            for (const toml::node& v : *list)
              if (const auto text = v.value<std::string>()) values.push_back(*text);
          }
          if (values.empty())
            diagnostics.add(at(node, file.string(), m.path + ".rows." + std::string(key.str()),
                               "expected the table's value texts to sum, e.g. "
                               "[\"Kontanthjælp\"]"));
          m.rows.push_back(
              {std::string(key.str()), values, static_cast<int>(node.source().begin.line)});
        }
        if (rows->empty()) t.error("rows", "expected at least one column and its value texts");
      }
      for (const char* key : kDefinitionKeys)
        if (const toml::node* node = t.node(key)) m.definition.emplace_back(key, toml_text(*node));
      targets.push_back(std::move(m));
    }
  }
  if (!diagnostics.empty()) {
    std::string message;
    for (const Diagnostic& d : diagnostics.items())
      message += (message.empty() ? "" : "\n") + scenarios::format(d);
    throw std::runtime_error(message);
  }
  return targets;
}

int required_column(const StatbankTable& table, const std::string& name, const fs::path& mapping,
                    const std::string& key) {
  const int c = table.column(name);
  if (c < 0)
    throw std::runtime_error(fmt::format("{}: {}: the table {} has no column {}; it has: {}",
                                         mapping.string(), key, table.file.filename().string(),
                                         name, joined(table.columns)));
  return c;
}

}  // namespace

TargetsImport import_targets(const fs::path& table_file, const fs::path& mapping_file,
                             const LoadedScenario& loaded,
                             const std::optional<std::string>& municipality,
                             const std::optional<std::string>& period,
                             const std::optional<int>& year) {
  const model::Scenario& s = loaded.scenario;
  TargetsImport out;
  TableFormat format;
  const std::vector<MappedTarget> mapped = read_mapping(mapping_file, out, format);
  const StatbankTable table =
      format.figure.empty()
          ? read_statbank_csv(table_file)
          : read_semicolon_table(table_file, format.figure, format.thousands_separators);
  const toml::table scenario_toml = parsed(loaded.folder / "scenario.toml");
  if (!scenario_toml["calibration"].value<std::string>())
    throw std::runtime_error(
        (loaded.folder / "scenario.toml").string() +
        ": the scenario has no calibration file; add calibration.toml with its tolerance first");
  // A table of one municipality (its own accounts) or of one period has no such column.
  const int area =
      format.area.empty() ? -1 : required_column(table, format.area, mapping_file, "area");
  const int time =
      format.time.empty() ? -1 : required_column(table, format.time, mapping_file, "time");
  if (time < 0 && !year)
    throw std::runtime_error(mapping_file.string() +
                             ": the table has no column of periods (time = \"\"); give the "
                             "calibration year its figures are for with --year");
  if (area >= 0 && time >= 0) {
    StatbankSelection chosen = select_area_and_period(table, area, time, municipality, period);
    out.municipality = chosen.area;
    out.period = chosen.period;
    out.notes = std::move(chosen.notes);
  }
  out.year = year.value_or(std::atoi(out.period.substr(0, 4).c_str()));
  if (out.year < s.base_year || out.year >= s.base_year + s.horizon_years)
    throw std::runtime_error(fmt::format(
        "{}: the period {} is not a year of the scenario ({}-{}); give the calibration year its "
        "figures are for with --year (e.g. --year {} for the latest figures as the base year's)",
        table.file.string(), out.period, s.base_year, s.base_year + s.horizon_years - 1,
        s.base_year));
  std::set<std::string> scenario_targets;
  for (const model::CalibrationTarget& t : s.calibration) scenario_targets.insert(t.id);

  std::set<std::string> seen;
  for (const MappedTarget& m : mapped) {
    const std::string where = fmt::format("{}:{}: {}", mapping_file.string(), m.line, m.path);
    if (!seen.insert(m.id).second)
      throw std::runtime_error(where + fmt::format(": the target {} is mapped twice", m.id));
    ImportedTarget target;
    target.id = m.id;
    target.existing = scenario_targets.count(m.id) > 0;
    if (!target.existing && m.definition.empty())
      throw std::runtime_error(
          where + fmt::format(": the scenario has no calibration target {}; expected its title, "
                              "kind and the kind's keys (as in calibration.toml) to add it",
                              m.id));
    if (target.existing && !m.definition.empty())
      out.notes.push_back(fmt::format(
          "{}: the scenario's own definition of the target is kept; the mapping's is not used",
          m.id));
    for (const auto& [key, value] : m.definition)
      target.new_target_keys += key + " = " + value + "\n";
    // The rows: the mapped values of the mapped columns, the others at their total or summed.
    std::vector<int> chosen_columns = {area, time};
    std::vector<std::pair<int, std::set<std::string>>> filters;
    for (const auto& [column, values, line] : m.rows) {
      const std::string at_rows =
          fmt::format("{}:{}: {}.rows", mapping_file.string(), line, m.path);
      const int c = required_column(table, column, mapping_file, m.path + ".rows");
      std::set<std::string> present, wanted;
      for (const StatbankRow& row : table.rows)
        present.insert(lowercase(row.fields[static_cast<size_t>(c)]));
      for (const std::string& v : values) {
        if (!present.count(lowercase(v))) {
          std::set<std::string> texts;
          for (const StatbankRow& row : table.rows)
            texts.insert(row.fields[static_cast<size_t>(c)]);
          throw std::runtime_error(
              at_rows + fmt::format(".{}: \"{}\" is not a value of the table's {} column; it "
                                    "holds: {}",
                                    column, v, column, joined(texts)));
        }
        wanted.insert(lowercase(v));
      }
      chosen_columns.push_back(c);
      filters.emplace_back(c, wanted);
      std::string list;
      for (const std::string& v : values) list += (list.empty() ? "" : " + ") + v;
      target.filter += (target.filter.empty() ? "" : "; ") + column + " = " + list;
    }
    std::vector<std::string> column_notes;
    const std::vector<int> at_total = columns_at_total(table, chosen_columns, column_notes);
    for (const std::string& n : column_notes) target.filter += "; " + n;
    for (const StatbankRow& row : table.rows) {
      const auto field = [&](int c) -> const std::string& {
        return row.fields[static_cast<size_t>(c)];
      };
      if ((area >= 0 && field(area) != out.municipality) ||
          (time >= 0 && field(time) != out.period))
        continue;
      if (std::any_of(filters.begin(), filters.end(),
                      [&](const auto& f) { return !f.second.count(lowercase(field(f.first))); }))
        continue;
      if (std::any_of(at_total.begin(), at_total.end(), [&](int c) { return !is_total(field(c)); }))
        continue;
      target.value += format.scale * table.figure(row);
      ++target.rows;
    }
    if (target.rows == 0)
      throw std::runtime_error(where + fmt::format(": no row of {} matches it for {}, {}",
                                                   table.file.filename().string(), out.municipality,
                                                   out.period));
    out.targets.push_back(std::move(target));
  }
  return out;
}

void copy_with_targets(const LoadedScenario& loaded, const fs::path& destination,
                       const TargetsImport& imported, const std::string& table_file) {
  const auto name = parsed(loaded.folder / "scenario.toml")["calibration"].value<std::string>();
  if (!name) throw std::runtime_error("scenario.toml names no calibration file");
  fs::copy(loaded.folder, destination, fs::copy_options::recursive);
  const fs::path file = destination / *name;
  const toml::table calibration = parsed(file);
  const auto source = [&](const ImportedTarget& t) {
    std::string where = imported.municipality;
    if (!imported.period.empty()) where += (where.empty() ? "" : ", ") + imported.period;
    return fmt::format(
        "{} (file {}){}: {}{}{} (imported by kommunesim import-targets)", imported.publisher,
        table_file, imported.description.empty() ? "" : ", " + imported.description,
        where.empty() ? "" : where + "; ", t.filter,
        imported.period.empty() || std::to_string(imported.year) == imported.period.substr(0, 4)
            ? ""
            : fmt::format("; the {} figure taken for {}", imported.period, imported.year));
  };
  std::map<size_t, std::string> at, after;
  std::set<size_t> dropped;
  std::string added;
  for (const ImportedTarget& t : imported.targets) {
    const std::string value = "value = " + register_number(t.value);
    if (!t.existing) {
      added += fmt::format(
          "\n# From {} by kommunesim import-targets.\n[[target]]\nid = {}\n{}"
          "year = {}\n{}\nsource = {}\n",
          imported.table, toml_string(t.id), t.new_target_keys, imported.year, value,
          toml_string(source(t)));
      continue;
    }
    const toml::array* targets = calibration["target"].as_array();
    for (const toml::node& node : *targets) {
      const toml::table* target = node.as_table();
      if (target == nullptr || (*target)["id"].value<std::string>() != t.id) continue;
      replace_key(*target->get("value"), value, at, dropped);
      replace_key(*target->get("source"), "source = " + toml_string(source(t)), at, dropped);
      const std::string year = fmt::format("year = {}", imported.year);
      if (const toml::node* y = target->get("year"))
        replace_key(*y, year, at, dropped);
      else
        after[static_cast<size_t>(target->get("value")->source().end.line) - 1] = year;
    }
  }
  write_lines(file, lines_of(file), at, dropped, after);
  if (!added.empty()) {
    std::ofstream out(file, std::ios::app);
    out << added;
    if (!out) throw std::runtime_error(file.string() + ": cannot be written");
  }
}

}  // namespace kommunesim::scenarios
