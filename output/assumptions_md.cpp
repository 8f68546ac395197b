// assumptions.md and the register table: every parameter with its value, unit, source, evidence
// grade and range, the value each normative set gives it, and where the sets disagree.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

std::string cell(std::string text) {
  for (auto& c : text)
    if (c == '|' || c == '\n') c = ' ';
  return text;
}

std::string range_text(const model::Parameter& p) {
  std::string text = fmt::format("{:g} to {:g}", p.low, p.high);
  if (p.distribution == model::EffectSize::Kind::kTriangular) text += " (triangular)";
  if (p.distribution == model::EffectSize::Kind::kLognormal90) text += " (lognormal, 90 %)";
  return text;
}

// The normative choices, with the value each set gives them.
std::string normative_table(const model::Scenario& s, const std::set<std::string>& deciding) {
  std::string out = "| parameter | unit | default | range | category | evidence | source |";
  for (const auto& n : s.norms) out += " " + cell(n.id) + " |";
  out += "\n|---|---|---|---|---|---|---|";
  for (size_t n = 0; n < s.norms.size(); ++n) out += "---|";
  out += "\n";
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    if (s.parameters[k].role != model::ParameterRole::kNormative) continue;
    const auto& p = s.parameters[k];
    bool disagree = false;
    for (const auto& n : s.norms) disagree = disagree || n.value(p) != s.norms[0].value(p);
    std::string name = "`" + p.id + "`";
    if (disagree) name = "**" + name + "** (sets disagree)";
    if (deciding.count(p.id)) name += " (decides a flip)";
    out += fmt::format("| {}<br>{} | {} | {:g} | {} | {} | {} | {} |", name, cell(p.description),
                       cell(p.unit), p.value, range_text(p), p.category, cell(p.evidence),
                       cell(p.source));
    for (const auto& n : s.norms) out += fmt::format(" {:g} |", n.value(p));
    out += "\n";
  }
  return out;
}

// The figures modules and proposals read, with the largest tornado swing each gave any proposal
// under any set in this run (empty where the tornado did not explore it).
std::string figures_table(const model::Scenario& s,
                          const std::vector<appraisal::TornadoRow>& tornado) {
  std::map<std::string, double> swing;
  for (const auto& row : tornado)
    swing[row.parameter] = std::max(swing[row.parameter], row.swing());
  std::string out =
      "| parameter | unit | value | range | category | evidence | owner | largest tornado swing "
      "(DKK) | source |\n|---|---|---|---|---|---|---|---|---|\n";
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    if (s.parameters[k].role == model::ParameterRole::kNormative) continue;
    const auto& p = s.parameters[k];
    const auto it = swing.find(p.id);
    out += fmt::format("| `{}`<br>{} | {} | {:g} | {} | {} | {} | {} | {} | {} |\n", p.id,
                       cell(p.description), cell(p.unit), p.value, range_text(p), p.category,
                       cell(p.evidence), p.owner,
                       it == swing.end() ? std::string() : fmt::format("{:.0f}", it->second),
                       cell(source_text(p, s)));
  }
  return out;
}

}  // namespace

void write_assumptions_md(const RunRecord& run, const std::filesystem::path& file) {
  const auto& s = run.appraisal.scenario;
  std::set<std::string> deciding;
  const auto flip_rows = run.appraisal.flips;
  for (const auto& f : flip_rows) deciding.insert(f.differing.begin(), f.differing.end());
  std::string text = fmt::format(
      "# Assumptions of {}\n\nScenario folder `{}`, seed {}, {}, engine {} ({}).\n\n"
      "Figures over replicates: the {}. Net values are {}. Verdicts: a net gain or net cost "
      "when the interval of the mean excludes zero, about break-even when it lies within {:.0f} "
      "DKK of zero (the scenario's materiality threshold), otherwise too close to call.\n\n{}\n\n"
      "{}\n\n{}\n\n",
      s.name, run.provenance.scenario_folder, run.appraisal.plan.seed,
      replicates_text(run.appraisal, Language::kEnglish), run.provenance.engine_version,
      run.provenance.engine_commit, kIntervalNote, kDiscountingNote, s.materiality_dkk,
      uncertainty_sources_text(run.appraisal, Language::kEnglish),
      financing_text(s, Language::kEnglish), prices_text(s, true, Language::kEnglish));
  if (const auto changes = dated_change_lines(s); !changes.empty()) {
    text +=
        "## Dated changes\n\nFigures of the modules that take another value from a month "
        "inside the horizon (a reform); the tornado moves a figure's value before its "
        "changes.\n\n";
    for (const auto& line : changes) text += "- " + line + "\n";
    text += "\n";
  }
  text +=
      "## Normative parameters\n\nBold parameters take different values in different normative "
      "sets; \"decides a flip\" marks those in which two sets that reach different conclusions "
      "differ.\n\n";
  text += normative_table(s, deciding);
  text +=
      "\n## Figures of the modules and proposals\n\nUnit costs, rates, relative risks, entry "
      "shares and effect sizes, each read where the modules and proposals name it. Normative "
      "sets cannot override them: every set uses the value shown. The tornado explores their "
      "ranges (dynamics figures only in a run with `--full-tornado`).\n\n";
  text += figures_table(s, run.appraisal.tornado);
  text +=
      "\n## Normative sets\n\n| set | title | perspective | horizon | discount | dynamics group "
      "|\n|---|---|---|---|---|---|\n";
  for (size_t n = 0; n < s.norms.size(); ++n) {
    const auto& norm = s.norms[n];
    std::string perspective;
    if (norm.owning_department_only) perspective = "owning department's municipal budget";
    for (int p = 0; p < model::kPayerCount && !norm.owning_department_only; ++p)
      if (norm.perspective[static_cast<size_t>(p)])
        perspective += (perspective.empty() ? "" : ", ") +
                       std::string(model::kPayerNames[static_cast<size_t>(p)]);
    text += fmt::format("| `{}` | {} | {} | {} years | {} | {} |\n", norm.id, cell(norm.title),
                        perspective, norm.horizon_years, discount_schedule_text(norm),
                        run.appraisal.plan.norm_group[n]);
  }
  text += "\n## Where conclusions flip\n\n";
  if (flip_rows.empty())
    text +=
        "No proposal is a resolved net gain under one set and a resolved net cost under another, "
        "and no two sets have different resolved top-ranked proposals.\n";
  for (const auto& f : flip_rows) {
    std::string differing;
    for (const auto& d : f.differing)
      differing += (differing.empty() ? "" : ", ") + ("`" + d + "`");
    text +=
        fmt::format("- **{}**: {} between `{}` and `{}`; the sets differ in {}.\n",
                    s.arms[static_cast<size_t>(f.arm)].title,
                    f.sign_differs ? "net gain versus net cost" : "the top-ranked proposal differs",
                    s.norms[static_cast<size_t>(f.norm_a)].id,
                    s.norms[static_cast<size_t>(f.norm_b)].id, differing);
  }
  text += "\n## Inputs\n\n| file | SHA-256 |\n|---|---|\n";
  for (const auto& input : run.provenance.inputs)
    text += fmt::format("| `{}` | `{}` |\n", input.path, input.sha256);
  auto out = open_for_writing(file);
  out << text;
  check_written(out, file);
}

}  // namespace kommunesim::output
