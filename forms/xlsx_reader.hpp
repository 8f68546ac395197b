// Reads the cells of an .xlsx workbook (Office Open XML, ECMA-376 part 1, §18): the zip archive
// (libzip) and its workbook, shared-string and worksheet parts (pugixml). Values only: no
// formulas are evaluated (a formula cell gives its cached value, as the saving program wrote it),
// no styles, no dates.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace kommunesim::forms {

struct Cell {
  enum class Kind { kEmpty, kNumber, kText, kBoolean, kError };
  Kind kind = Kind::kEmpty;
  double number = 0;  // kNumber, kBoolean (0 or 1)
  std::string text;   // kText; kError: the error's text, e.g. #VALUE!
};

struct Sheet {
  std::string name;
  std::map<std::string, Cell> cells;  // by reference, e.g. "B7"
  // The cell at `reference` ("B7"); an empty cell when the sheet has none there.
  const Cell& at(const std::string& reference) const;
};

struct Workbook {
  std::vector<Sheet> sheets;  // in the workbook's order
  const Sheet* sheet(const std::string& name) const;
};

// Thrown when the file is not a readable .xlsx workbook; the message names the file and part.
struct XlsxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

Workbook read_xlsx(const std::filesystem::path& file);

// "B7" for column 1 (0-based: A = 0) and row 6 (0-based), as Excel names cells.
std::string cell_reference(int row, int column);

}  // namespace kommunesim::forms
