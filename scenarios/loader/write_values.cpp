// Register values replaced line by line, found with toml++'s source positions.
#include "scenarios/loader/write_values.hpp"

#include <toml++/toml.h>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <locale>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace kommunesim::scenarios {
namespace fs = std::filesystem;

std::string register_number(double value) {
  constexpr int kSignificant = 6;
  const int magnitude = value == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::abs(value))));
  const int decimals = std::max(0, kSignificant - 1 - magnitude);
  std::ostringstream text;
  text.imbue(std::locale::classic());
  text << std::fixed << std::setprecision(decimals) << value;
  std::string s = text.str();
  if (s.find('.') != std::string::npos) {  // no trailing zeros, but keep one decimal
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s += '0';
  }
  return s;
}

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void copy_with_values(const LoadedScenario& loaded, const fs::path& destination,
                      const std::map<std::string, double>& values, const std::string& note) {
  fs::copy(loaded.folder, destination, fs::copy_options::recursive);
  std::map<std::string, double> left = values;
  for (const std::string& name : loaded.files) {
    const fs::path file = destination / name;
    if (file.extension() != ".toml") continue;
    toml::table table;
    try {
      table = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
      throw std::runtime_error(file.string() + ": " + std::string(e.description()));
    }
    const toml::array* parameters = table["parameter"].as_array();
    if (parameters == nullptr) continue;
    std::vector<std::string> lines;
    for (const toml::node& node : *parameters) {
      const toml::table* p = node.as_table();
      if (p == nullptr) continue;
      const auto id = (*p)["id"].value<std::string>();
      const toml::node* value = p->get("value");
      if (!id || value == nullptr || !left.count(*id)) continue;
      if (lines.empty()) lines = lines_of(file);
      const auto line = static_cast<size_t>(value->source().begin.line) - 1;
      lines.at(line) = "value = " + register_number(left.at(*id)) + "  # " + note;
      left.erase(*id);
    }
    if (lines.empty()) continue;
    std::ofstream out(file, std::ios::trunc);
    for (const std::string& l : lines) out << l << '\n';
    if (!out) throw std::runtime_error(file.string() + ": cannot be written");
  }
  if (!left.empty())
    throw std::runtime_error("parameter " + left.begin()->first +
                             " is declared in no register file of the scenario");
}

}  // namespace kommunesim::scenarios
