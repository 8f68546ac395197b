// kommunesim assumptions: the parameter register as readable tables: the normative parameters
// with the value each set gives them (marking where the sets disagree), then the figures of the
// modules and proposals, then every parameter's description, evidence and source.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "output/words.hpp"
#include "output/writers.hpp"
#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {

int assumptions_command(const std::string& folder) {
  const auto loaded = load_or_report(folder);
  if (!loaded) return kExitInvalidInput;
  const auto& s = loaded->scenario;
  std::vector<size_t> normative, figures;
  for (size_t k = 0; k < s.parameters.size(); ++k)
    (s.parameters[k].role == model::ParameterRole::kNormative ? normative : figures).push_back(k);
  fmt::print(
      "{}: {} register parameters ({} normative, {} figures of the modules and proposals), "
      "{} normative sets\n\n",
      s.name, s.parameters.size(), normative.size(), figures.size(), s.norms.size());
  const auto id_width_of = [&](const std::vector<size_t>& ks) {
    size_t width = 9;  // "parameter"
    for (size_t k : ks) width = std::max(width, s.parameters[k].id.size() + 2);
    return width;
  };
  size_t id_width = id_width_of(normative);
  const auto range = [](const model::Parameter& p) {
    return output::plain_number(p.low) + " to " + output::plain_number(p.high);
  };

  fmt::print("Normative parameters: the value each set gives them\n");
  std::vector<size_t> widths;
  for (const auto& n : s.norms) widths.push_back(std::max<size_t>(n.id.size(), 8));
  fmt::print("{:<{}} {:<10} {:>10} {:>19}", "parameter", id_width, "category", "default", "range");
  for (size_t i = 0; i < s.norms.size(); ++i) fmt::print(" {:>{}}", s.norms[i].id, widths[i]);
  fmt::print("\n");
  for (size_t k : normative) {
    const auto& p = s.parameters[k];
    bool disagree = false;
    for (const auto& n : s.norms) disagree = disagree || n.value(p) != s.norms[0].value(p);
    fmt::print("{:<{}} {:<10} {:>10} {:>19}", (disagree ? "* " : "  ") + p.id, id_width, p.category,
               output::plain_number(p.value), range(p));
    for (size_t i = 0; i < s.norms.size(); ++i)
      fmt::print(" {:>{}}", output::plain_number(s.norms[i].value(s.parameters[k])), widths[i]);
    fmt::print("\n");
  }
  for (const auto& n : s.norms)
    if (n.discount.size() > 1)
      fmt::print("{}: discount schedule {}\n", n.id,
                 output::discount_schedule_text(n, output::Language::kEnglish));
  fmt::print("* the normative sets disagree on this parameter\n\n");

  fmt::print("Figures of the modules and proposals: every set uses the register's value\n");
  id_width = id_width_of(figures);
  fmt::print("{:<{}} {:<10} {:>12} {:>24}  {}\n", "parameter", id_width, "category", "value",
             "range", "evidence");
  for (size_t k : figures) {
    const auto& p = s.parameters[k];
    // The evidence grade, its reasoning under Sources.
    fmt::print("  {:<{}} {:<10} {:>12} {:>24}  {}\n", p.id, id_width - 2, p.category,
               output::plain_number(p.value), range(p),
               p.evidence.substr(0, p.evidence.find(" (")));
  }
  fmt::print("\nSources\n");
  for (const auto& p : s.parameters) {
    // Long descriptions and sources wrapped at 100 characters, continued under their label.
    fmt::print("{}", output::wrapped(fmt::format("{} ({}): {}", p.id, p.unit, p.description), 100,
                                     "    "));
    fmt::print("  {}", output::wrapped("evidence: " + p.evidence, 98, "    "));
    fmt::print("  {}", output::wrapped("source: " + p.source, 98, "    "));
    if (p.price_year != 0) fmt::print("  prices: {}\n", output::price_conversion_text(p, s));
  }
  fmt::print("\n{}",
             output::wrapped(output::prices_text(s, true, output::Language::kEnglish), 100));
  if (const auto changes = output::dated_change_lines(s); !changes.empty()) {
    fmt::print("\nDated changes (the tornado moves a figure's value before its changes)\n");
    for (const auto& line : changes) fmt::print("  {}", output::wrapped(line, 98, "    "));
  }
  return kExitSuccess;
}

}  // namespace kommunesim::runner
