// The .xlsx reader of xlsx_reader.hpp.
#include "forms/xlsx_reader.hpp"

#include <zip.h>

#include <cstdlib>
#include <memory>
#include <pugixml.hpp>
#include <string_view>

namespace kommunesim::forms {
namespace {

// The text of one part of the archive; empty when `optional` and the part is missing.
std::string part(zip_t* archive, const std::filesystem::path& file, const std::string& name,
                 bool optional) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name.c_str(), 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    if (optional) return {};
    throw XlsxError(file.string() + ": not an .xlsx workbook (it has no part " + name + ")");
  }
  constexpr zip_uint64_t kLargestPart = 256u << 20;  // a form is a few kB; refuse a zip bomb
  if (stat.size > kLargestPart)
    throw XlsxError(file.string() + ": the part " + name + " is larger than 256 MB");
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> entry(zip_fopen(archive, name.c_str(), 0),
                                                           &zip_fclose);
  if (!entry) throw XlsxError(file.string() + ": the part " + name + " cannot be read");
  std::string text(stat.size, '\0');
  if (zip_fread(entry.get(), text.data(), stat.size) != static_cast<zip_int64_t>(stat.size))
    throw XlsxError(file.string() + ": the part " + name + " is damaged");
  return text;
}

pugi::xml_document parsed(const std::filesystem::path& file, const std::string& name,
                          const std::string& text) {
  pugi::xml_document doc;
  if (const pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size()); !result)
    throw XlsxError(file.string() + ": the part " + name + " is not well-formed XML (" +
                    result.description() + ")");
  return doc;
}

// The text of a shared string or inline string: its <t>, or the <t> of each rich-text run.
std::string string_item(const pugi::xml_node& si) {
  if (const pugi::xml_node t = si.child("t")) return t.text().get();
  std::string text;
  for (const pugi::xml_node r : si.children("r")) text += r.child("t").text().get();
  return text;
}

// A relationship target relative to xl/ (the workbook's folder), or absolute from the root.
std::string part_name(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

Sheet read_sheet(const std::filesystem::path& file, const std::string& name,
                 const std::string& text, const std::vector<std::string>& shared) {
  Sheet sheet;
  const pugi::xml_document doc = parsed(file, name, text);
  for (const pugi::xml_node row : doc.child("worksheet").child("sheetData").children("row"))
    for (const pugi::xml_node c : row.children("c")) {
      const std::string reference = c.attribute("r").value();
      if (reference.empty()) continue;  // only the writers that name every cell are read
      const std::string type = c.attribute("t").value();
      const pugi::xml_node v = c.child("v");
      Cell cell;
      if (type == "s") {
        const auto index = static_cast<size_t>(v.text().as_ullong(shared.size()));
        if (index >= shared.size())
          throw XlsxError(file.string() + ": cell " + reference + " of " + name +
                          " names a shared string that does not exist");
        cell = {Cell::Kind::kText, 0, shared[index]};
      } else if (type == "inlineStr") {
        cell = {Cell::Kind::kText, 0, string_item(c.child("is"))};
      } else if (type == "str") {
        cell = {Cell::Kind::kText, 0, v.text().get()};
      } else if (type == "b") {
        cell = {Cell::Kind::kBoolean, v.text().as_double(), ""};
      } else if (type == "e") {
        cell = {Cell::Kind::kError, 0, v.text().get()};
      } else if (v) {  // "n" or no type: a number
        const std::string digits = v.text().get();
        char* end = nullptr;
        const double number = std::strtod(digits.c_str(), &end);
        if (digits.empty() || end != digits.c_str() + digits.size())
          throw XlsxError(file.string() + ": cell " + reference + " of " + name + " holds '" +
                          digits + "', not a number");
        cell = {Cell::Kind::kNumber, number, ""};
      }
      if (cell.kind == Cell::Kind::kText && cell.text.empty()) cell.kind = Cell::Kind::kEmpty;
      if (cell.kind != Cell::Kind::kEmpty) sheet.cells[reference] = cell;
    }
  return sheet;
}

}  // namespace

const Cell& Sheet::at(const std::string& reference) const {
  static const Cell kEmpty;
  const auto it = cells.find(reference);
  return it == cells.end() ? kEmpty : it->second;
}

const Sheet* Workbook::sheet(const std::string& name) const {
  for (const Sheet& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

std::string cell_reference(int row, int column) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

Workbook read_xlsx(const std::filesystem::path& file) {
  int error = 0;
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(zip_open(file.c_str(), ZIP_RDONLY, &error),
                                                         &zip_discard);
  if (!archive) {
    if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN)
      throw XlsxError(file.string() + ": cannot be opened (no such file, or no permission)");
    throw XlsxError(file.string() + ": not an .xlsx workbook (not a zip archive)");
  }
  std::vector<std::string> shared;
  if (const std::string text = part(archive.get(), file, "xl/sharedStrings.xml", true);
      !text.empty()) {
    const pugi::xml_document doc = parsed(file, "xl/sharedStrings.xml", text);
    for (const pugi::xml_node si : doc.child("sst").children("si"))
      shared.push_back(string_item(si));
  }
  std::map<std::string, std::string> targets;  // relationship id -> part
  {
    const std::string name = "xl/_rels/workbook.xml.rels";
    const pugi::xml_document doc = parsed(file, name, part(archive.get(), file, name, false));
    for (const pugi::xml_node r : doc.child("Relationships").children("Relationship"))
      targets[r.attribute("Id").value()] = part_name(r.attribute("Target").value());
  }
  Workbook book;
  const std::string name = "xl/workbook.xml";
  const pugi::xml_document doc = parsed(file, name, part(archive.get(), file, name, false));
  for (const pugi::xml_node s : doc.child("workbook").child("sheets").children("sheet")) {
    std::string relationship;  // the relationships namespace's id, usually written r:id
    for (const pugi::xml_attribute a : s.attributes())
      if (std::string_view(a.name()).ends_with(":id")) relationship = a.value();
    const auto target = targets.find(relationship);
    if (target == targets.end())
      throw XlsxError(file.string() + ": the sheet '" + s.attribute("name").value() +
                      "' has no part in the workbook's relationships");
    Sheet sheet =
        read_sheet(file, target->second, part(archive.get(), file, target->second, false), shared);
    sheet.name = s.attribute("name").value();
    book.sheets.push_back(std::move(sheet));
  }
  return book;
}

}  // namespace kommunesim::forms
