// Formatting diagnostics and suggesting misspelt names.
#include "scenarios/loader/diagnostics.hpp"

#include <algorithm>
#include <numeric>

namespace kommunesim::scenarios {
namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string format(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  out += ": ";
  if (!d.key.empty()) out += d.key + ": ";
  out += d.message;
  if (!d.suggestion.empty()) out += " (did you mean '" + d.suggestion + "'?)";
  return out;
}

std::string closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  // No name longer than an id can be near one; the edit distance would take time for nothing.
  constexpr size_t kLongestSuggestible = 256;
  if (name.size() > kLongestSuggestible) return "";
  std::string best;
  size_t best_distance = std::max<size_t>(2, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    const size_t d = edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace kommunesim::scenarios
