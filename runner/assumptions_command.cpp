// kommunesim assumptions: the parameter register as a readable table, with the value each
// normative set gives every parameter and the parameters on which the sets disagree.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "output/writers.hpp"
#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {

int assumptions_command(const std::string& folder) {
  const auto loaded = load_or_report(folder);
  if (!loaded) return kExitInvalidInput;
  const auto& s = loaded->scenario;
  fmt::print("{}: {} register parameters, {} normative sets\n\n", s.name, s.parameters.size(),
             s.norms.size());
  size_t id_width = 9;  // "parameter"
  for (const auto& p : s.parameters) id_width = std::max(id_width, p.id.size() + 2);
  std::vector<size_t> widths;
  for (const auto& n : s.norms) widths.push_back(std::max<size_t>(n.id.size(), 8));
  fmt::print("{:<{}} {:<10} {:>10} {:>19}", "parameter", id_width, "category", "default", "range");
  for (size_t i = 0; i < s.norms.size(); ++i) fmt::print(" {:>{}}", s.norms[i].id, widths[i]);
  fmt::print("\n");
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    const auto& p = s.parameters[k];
    bool disagree = false;
    for (const auto& n : s.norms)
      disagree = disagree || n.parameter_values[k] != s.norms[0].parameter_values[k];
    fmt::print("{:<{}} {:<10} {:>10g} {:>19}", (disagree ? "* " : "  ") + p.id, id_width,
               p.category, p.value, fmt::format("{:g} to {:g}", p.low, p.high));
    for (size_t i = 0; i < s.norms.size(); ++i)
      fmt::print(" {:>{}g}", s.norms[i].parameter_values[k], widths[i]);
    fmt::print("\n");
  }
  for (const auto& n : s.norms)
    if (n.discount.size() > 1)
      fmt::print("{}: discount schedule {}\n", n.id, output::discount_schedule_text(n));
  fmt::print("\n* the normative sets disagree on this parameter\n\n");
  for (const auto& p : s.parameters)
    fmt::print("{} ({}): {}\n  evidence: {}\n  source: {}\n", p.id, p.unit, p.description,
               p.evidence, p.source);
  return kExitSuccess;
}

}  // namespace kommunesim::runner
