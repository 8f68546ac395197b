// A table exported from Statistics Denmark's StatBank (statistikbanken.dk) as the StatBank API's
// CSV format gives it (https://api.statbank.dk, data call with format=CSV; described on
// dst.dk/en/Statistik/hjaelp-til-statistikbanken/api): UTF-8 (a byte order mark allowed),
// semicolon-separated, a header row of the table's variable codes (e.g. OMRÅDE;KØN;ALDER;TID)
// ending with INDHOLD (the figure), then one row per combination of the variables' value texts.
// Figures are written the Danish way: a decimal comma, no thousands separator; ".." marks a
// figure that is not available. Fields may be quoted ("...").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kommunesim::scenarios {

struct StatbankRow {
  int line = 0;                     // in the file, from 1
  std::vector<std::string> fields;  // one per column, unquoted
};

struct StatbankTable {
  std::filesystem::path file;
  std::vector<std::string> columns;  // the header: for StatBank, the last one INDHOLD
  std::vector<StatbankRow> rows;
  int figure_column = 0;              // the column of the figures
  bool thousands_separators = false;  // figures may group thousands with '.' (1.234.567,50)
  // The index of column `name` (compared without case), or -1.
  int column(const std::string& name) const;
  // Row `row`'s figure (the figure column) as a number. Throws std::runtime_error naming the
  // file, line and column when it is not a Danish-format number.
  double figure(const StatbankRow& row) const;
};

// `text` with its ASCII letters in lower case: StatBank's variable codes and value texts are
// compared without case ("Glostrup", "glostrup"; "I alt", "i alt").
std::string lowercase(std::string text);

// The texts, comma-separated, for messages that list a table's columns or values.
template <class Texts>
std::string joined(const Texts& texts) {
  std::string s;
  for (const std::string& t : texts) s += (s.empty() ? "" : ", ") + t;
  return s;
}

// Whether a value text is a variable's total ("I alt", "Alder i alt", "Total", "Age, total"):
// StatBank adds one when the user ticks it, and it must not be counted again.
bool is_total(const std::string& text);

// The municipality (a value of column `area`) and period (of column `time`) a table is imported
// for: the one asked for, else the table's only area and its latest period (said in `notes`).
struct StatbankSelection {
  std::string area;    // the table's own text for it
  std::string period;  // e.g. 2024K1
  std::vector<std::string> notes;
};
// Throws std::runtime_error naming the file when the table has no rows, an area or period asked
// for is not in it, or it holds several areas and none was asked for.
StatbankSelection select_area_and_period(const StatbankTable& table, int area, int time,
                                         const std::optional<std::string>& municipality,
                                         const std::optional<std::string>& period);

// The columns other than `chosen` (and INDHOLD) taken at their total, for the tables that have
// one; the others are summed over their values. Each is said in `notes`.
std::vector<int> columns_at_total(const StatbankTable& table, const std::vector<int>& chosen,
                                  std::vector<std::string>& notes);

// Reads a StatBank CSV file. Throws std::runtime_error naming the file, and the line and column
// where it applies, when the file cannot be read, its header does not end with INDHOLD, or a row
// has a different number of fields than the header.
StatbankTable read_statbank_csv(const std::filesystem::path& file);

// Reads a semicolon-separated table of the same shape whose figures are in the column named
// `figure_column` (anywhere in the header), e.g. a municipality's accounts by function exported
// from its finance system; `thousands_separators`: its figures may group thousands with '.'.
StatbankTable read_semicolon_table(const std::filesystem::path& file,
                                   const std::string& figure_column, bool thousands_separators);

}  // namespace kommunesim::scenarios
