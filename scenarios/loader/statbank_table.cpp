// StatBank CSV exports, read field by field.
#include "scenarios/loader/statbank_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>

namespace kommunesim::scenarios {
namespace {

constexpr char kSeparator = ';';
constexpr const char* kFigureColumn = "INDHOLD";

// The fields of one line, quotes removed ("" inside quotes is one quote).
std::vector<std::string> split(const std::string& line, const std::filesystem::path& file,
                               int number) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == kSeparator) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted)
    throw std::runtime_error(
        fmt::format("{}:{}: a quoted field is not closed", file.string(), number));
  return fields;
}

}  // namespace

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

int StatbankTable::column(const std::string& name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (lowercase(columns[i]) == lowercase(name)) return static_cast<int>(i);
  return -1;
}

double StatbankTable::figure(const StatbankRow& row) const {
  const auto c = static_cast<size_t>(figure_column);
  const std::string& text = row.fields[c];
  const auto where = [&] {
    return fmt::format("{}:{}: column {} ({})", file.string(), row.line, c + 1, columns[c]);
  };
  if (text == "..") throw std::runtime_error(where() + ": the figure is not available (\"..\")");
  std::string number = text;
  // Thousands grouped by '.', where the table may have them: 1.234.567,5.
  static const std::regex grouped(R"(^-?\d{1,3}(\.\d{3})+(,\d+)?$)");
  if (thousands_separators && std::regex_match(number, grouped))
    number.erase(std::remove(number.begin(), number.end(), '.'), number.end());
  const std::string checked = number;
  const auto comma = number.find(',');
  if (comma != std::string::npos) number[comma] = '.';
  const bool digits_only = !number.empty() && std::all_of(number.begin(), number.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-';
  });
  if (!digits_only || checked.find('.') != std::string::npos ||
      std::count(number.begin(), number.end(), '.') > 1)
    throw std::runtime_error(
        where() + fmt::format(": expected a number in Danish format (decimal comma, {}); found "
                              "\"{}\"",
                              thousands_separators ? "thousands grouped by '.', e.g. 1.234,5"
                                                   : "no thousands separator, e.g. 1234 or 12,5",
                              text));
  return std::stod(number);
}

namespace {

// The table of a semicolon-separated file; `figure_column` empty: a StatBank export (the header
// ends with INDHOLD).
StatbankTable read_table(const std::filesystem::path& file, const std::string& figure_column,
                         bool thousands_separators) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  StatbankTable table;
  table.file = file;
  table.thousands_separators = thousands_separators;
  const bool statbank = figure_column.empty();
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // byte order mark
    if (line.empty()) continue;
    std::vector<std::string> fields = split(line, file, number);
    if (table.columns.empty()) {
      if (statbank && (fields.size() < 2 || lowercase(fields.back()) != lowercase(kFigureColumn)))
        throw std::runtime_error(fmt::format(
            "{}:{}: expected a StatBank CSV header: the table's variables separated by "
            "semicolons, ending with {} (e.g. OMRÅDE;KØN;ALDER;TID;INDHOLD); found \"{}\"",
            file.string(), number, kFigureColumn, line));
      table.columns = std::move(fields);
      table.figure_column =
          statbank ? static_cast<int>(table.columns.size()) - 1 : table.column(figure_column);
      if (table.figure_column < 0)
        throw std::runtime_error(
            fmt::format("{}:{}: expected a header with the column {} (the figures); found \"{}\"",
                        file.string(), number, figure_column, line));
      continue;
    }
    if (fields.size() != table.columns.size())
      throw std::runtime_error(
          fmt::format("{}:{}: expected {} fields separated by semicolons, "
                      "as the header has; found {}",
                      file.string(), number, table.columns.size(), fields.size()));
    table.rows.push_back({number, std::move(fields)});
  }
  if (table.columns.empty())
    throw std::runtime_error(file.string() + ": the file is empty; expected a table with a header");
  return table;
}

}  // namespace

StatbankTable read_statbank_csv(const std::filesystem::path& file) {
  return read_table(file, "", false);
}

StatbankTable read_semicolon_table(const std::filesystem::path& file,
                                   const std::string& figure_column, bool thousands_separators) {
  return read_table(file, figure_column, thousands_separators);
}

bool is_total(const std::string& text) {
  const std::string t = lowercase(text);
  const auto ends_with = [&](const std::string& end) {
    return t.size() >= end.size() && t.compare(t.size() - end.size(), end.size(), end) == 0;
  };
  return ends_with("i alt") || ends_with("total") || t.rfind("total", 0) == 0;
}

StatbankSelection select_area_and_period(const StatbankTable& table, int area, int time,
                                         const std::optional<std::string>& municipality,
                                         const std::optional<std::string>& period) {
  if (table.rows.empty())
    throw std::runtime_error(table.file.string() + ": the table has a header but no rows");
  std::set<std::string> areas, periods;
  for (const StatbankRow& row : table.rows) {
    areas.insert(row.fields[static_cast<size_t>(area)]);
    periods.insert(row.fields[static_cast<size_t>(time)]);
  }
  const std::string& area_name = table.columns[static_cast<size_t>(area)];
  const std::string& time_name = table.columns[static_cast<size_t>(time)];
  StatbankSelection out;
  if (municipality) {
    const auto found = std::find_if(areas.begin(), areas.end(), [&](const std::string& a) {
      return lowercase(a) == lowercase(*municipality);
    });
    if (found == areas.end())
      throw std::runtime_error(fmt::format(
          "{}: the municipality \"{}\" (--municipality) is not in the table's {} column; it "
          "holds: {}",
          table.file.string(), *municipality, area_name, joined(areas)));
    out.area = *found;
  } else if (areas.size() == 1) {
    out.area = *areas.begin();
  } else {
    throw std::runtime_error(
        fmt::format("{}: the table holds {} areas ({}); choose the municipality with "
                    "--municipality",
                    table.file.string(), areas.size(), joined(areas)));
  }
  if (period) {
    if (!periods.count(*period))
      throw std::runtime_error(
          fmt::format("{}: the period \"{}\" (--period) is not in the table's {} column; it "
                      "holds: {}",
                      table.file.string(), *period, time_name, joined(periods)));
    out.period = *period;
  } else {
    out.period = *periods.rbegin();  // 2023K4 < 2024K1: the latest sorts last
    if (periods.size() > 1)
      out.notes.push_back(fmt::format("the latest of {} periods: {} (choose another with --period)",
                                      periods.size(), out.period));
  }
  return out;
}

std::vector<int> columns_at_total(const StatbankTable& table, const std::vector<int>& chosen,
                                  std::vector<std::string>& notes) {
  std::vector<int> at_total;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    const int i = static_cast<int>(c);
    if (i == table.figure_column || std::find(chosen.begin(), chosen.end(), i) != chosen.end())
      continue;
    const bool has_total = std::any_of(table.rows.begin(), table.rows.end(),
                                       [&](const StatbankRow& r) { return is_total(r.fields[c]); });
    if (has_total) at_total.push_back(i);
    notes.push_back(fmt::format("{}: {}", table.columns[c],
                                has_total ? "its total" : "summed over its values"));
  }
  return at_total;
}

}  // namespace kommunesim::scenarios
