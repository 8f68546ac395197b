// A table exported from Statistics Denmark's StatBank (statistikbanken.dk) as the StatBank API's
// CSV format gives it (https://api.statbank.dk, data call with format=CSV; described on
// dst.dk/en/Statistik/hjaelp-til-statistikbanken/api): UTF-8 (a byte order mark allowed),
// semicolon-separated, a header row of the table's variable codes (e.g. OMRÅDE;KØN;ALDER;TID)
// ending with INDHOLD (the figure), then one row per combination of the variables' value texts.
// Figures are written the Danish way: a decimal comma, no thousands separator; ".." marks a
// figure that is not available. Fields may be quoted ("...").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kommunesim::scenarios {

struct StatbankRow {
  int line = 0;                     // in the file, from 1
  std::vector<std::string> fields;  // one per column, unquoted
};

struct StatbankTable {
  std::filesystem::path file;
  std::vector<std::string> columns;  // the header, the last one INDHOLD
  std::vector<StatbankRow> rows;
  // The index of column `name` (compared without case), or -1.
  int column(const std::string& name) const;
  // Row `row`'s figure (the INDHOLD column) as a number. Throws std::runtime_error naming the
  // file, line and column when it is not a Danish-format number.
  double figure(const StatbankRow& row) const;
};

// `text` with its ASCII letters in lower case: StatBank's variable codes and value texts are
// compared without case ("Glostrup", "glostrup"; "I alt", "i alt").
std::string lowercase(std::string text);

// Reads a StatBank CSV file. Throws std::runtime_error naming the file, and the line and column
// where it applies, when the file cannot be read, its header does not end with INDHOLD, or a row
// has a different number of fields than the header.
StatbankTable read_statbank_csv(const std::filesystem::path& file);

}  // namespace kommunesim::scenarios
