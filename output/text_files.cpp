// Helpers shared by the writers of text files: opening and checking a file, CSV fields, and
// the text of a discount schedule.
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "output/texts.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {

std::ofstream open_for_writing(const std::filesystem::path& file) {
  std::ofstream out(file);
  check_written(out, file);
  return out;
}

void check_written(const std::ofstream& out, const std::filesystem::path& file) {
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string csv_text(const std::string& s) {
  // A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a
  // formula: such text is led by an apostrophe, which shows it as text (OWASP's advice).
  const bool formula =
      !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string::npos;
  const std::string text = formula ? "'" + s : s;
  if (!formula && text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string fixed_cell(double value, int precision) {
  return std::isnan(value) ? std::string() : fmt::format("{:.{}f}", value, precision);
}

std::string summary_columns(std::string_view prefix, std::string_view suffix) {
  std::string out;
  for (const char* part : {"_mean", "_se", "_mean_low", "_mean_high", "_spread_p5", "_spread_p95"})
    out += fmt::format(",{}{}{}", prefix, part, suffix);
  return out;
}

std::string summary_cells(const appraisal::Summary& s, int precision) {
  std::string out;
  for (double v : appraisal::figures(s)) out += "," + fixed_cell(v, precision);
  return out;
}

std::string discount_schedule_text(const model::NormativeSet& norm, Language language) {
  std::string text;
  for (const auto& b : norm.discount)
    text += (text.empty() ? "" : "; ") +
            fmt::format(fmt::runtime(texts(language).assumptions.discount_from),
                        fmt::format("{:g}", b.rate * 100), b.from_year);
  return text;
}

}  // namespace kommunesim::output
