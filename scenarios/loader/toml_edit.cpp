// The line edits of toml_edit.hpp.
#include "scenarios/loader/toml_edit.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace kommunesim::scenarios {
namespace fs = std::filesystem;

std::string toml_string(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (c == '\n') {
      quoted += "\\n";  // a line break typed in a cell
    } else if (u < 0x20 || u == 0x7f) {
      quoted += fmt::format("\\u{:04X}", u);  // other control characters, escaped as TOML asks
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

toml::table parsed(const fs::path& file) {
  try {
    return toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(file.string() + ": " + std::string(e.description()));
  }
}

void replace_key(const toml::node& node, const std::string& text, std::map<size_t, std::string>& at,
                 std::set<size_t>& dropped) {
  const auto first = static_cast<size_t>(node.source().begin.line) - 1;
  const auto end = static_cast<size_t>(node.source().end.line) - 1;
  at[first] = text;
  for (size_t l = first + 1; l <= end; ++l) dropped.insert(l);
}

void write_lines(const fs::path& file, const std::vector<std::string>& lines,
                 const std::map<size_t, std::string>& at, const std::set<size_t>& dropped,
                 const std::map<size_t, std::string>& after) {
  std::ofstream out(file, std::ios::trunc);
  for (size_t l = 0; l < lines.size(); ++l) {
    if (dropped.count(l)) continue;
    out << (at.count(l) ? at.at(l) : lines[l]) << '\n';
    if (after.count(l)) out << after.at(l) << '\n';
  }
  if (!out) throw std::runtime_error(file.string() + ": cannot be written");
}

}  // namespace kommunesim::scenarios
