// kommunesim assumptions: the parameter register as a readable table, with the value each
// normative set gives every parameter and the parameters on which the sets disagree.
#include <fmt/format.h>

#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {

int assumptions_command(const std::string& folder) {
  const auto loaded = load_or_report(folder);
  if (!loaded) return kExitInvalidInput;
  const auto& s = loaded->scenario;
  fmt::print("{}: {} register parameters, {} normative sets\n\n", s.name, s.parameters.size(),
             s.norms.size());
  fmt::print("{:<26} {:<10} {:>10} {:>19}", "parameter", "category", "default", "range");
  for (const auto& n : s.norms) fmt::print(" {:>20.20}", n.id);
  fmt::print("\n");
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    const auto& p = s.parameters[k];
    bool disagree = false;
    for (const auto& n : s.norms)
      disagree = disagree || n.parameter_values[k] != s.norms[0].parameter_values[k];
    fmt::print("{:<26} {:<10} {:>10g} {:>19}", (disagree ? "* " : "  ") + p.id, p.category, p.value,
               fmt::format("{:g} to {:g}", p.low, p.high));
    for (const auto& n : s.norms) fmt::print(" {:>20g}", n.parameter_values[k]);
    fmt::print("\n");
  }
  fmt::print("\n* the normative sets disagree on this parameter\n\n");
  for (const auto& p : s.parameters)
    fmt::print("{} ({}): {}\n  evidence: {}\n  source: {}\n", p.id, p.unit, p.description,
               p.evidence, p.source);
  return kExitSuccess;
}

}  // namespace kommunesim::runner
