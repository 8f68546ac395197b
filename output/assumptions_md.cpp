// assumptions.md and the register table: every parameter with its value, unit, source, evidence
// grade and range, the value each normative set gives it, and where the sets disagree.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "output/texts.hpp"
#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

// Scenario text as Markdown shows it and no more: no HTML (& < > as entities), no link ([ ] as
// entities), so a title or source cannot inject markup into the file or a page rendering it.
std::string plain(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '[':
        out += "&#91;";
        break;
      case ']':
        out += "&#93;";
        break;
      default:
        out += c;
    }
  return out;
}

// The same inside a table cell, on one line and without a column break.
std::string cell(const std::string& text) {
  std::string out = plain(text);
  for (auto& c : out)
    if (c == '|' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string range_text(const model::Parameter& p, const AssumptionsTexts& t) {
  std::string text = fmt::format(fmt::runtime(t.range), plain_number(p.low), plain_number(p.high));
  if (p.distribution == model::EffectSize::Kind::kTriangular) text += t.triangular;
  if (p.distribution == model::EffectSize::Kind::kLognormal90) text += t.lognormal;
  return text;
}

// The normative choices, with the value each set gives them.
std::string normative_table(const model::Scenario& s, const std::set<std::string>& deciding,
                            const AssumptionsTexts& t) {
  std::string out(t.normative_header);
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
    if (disagree) name = "**" + name + "**" + std::string(t.sets_disagree);
    if (deciding.count(p.id)) name += t.decides_flip;
    out += fmt::format("| {}<br>{} | {} | {} | {} | {} | {} | {} |", name, cell(p.description),
                       cell(p.unit), plain_number(p.value), range_text(p, t), p.category,
                       cell(p.evidence), cell(p.source));
    for (const auto& n : s.norms) out += " " + plain_number(n.value(p)) + " |";
    out += "\n";
  }
  return out;
}

// The figures modules and proposals read, with the largest tornado swing each gave any proposal
// under any set in this run (empty where the tornado did not explore it).
std::string figures_table(const model::Scenario& s,
                          const std::vector<appraisal::TornadoRow>& tornado,
                          const AssumptionsTexts& t) {
  std::map<std::string, double> swing;
  for (const auto& row : tornado)
    swing[row.parameter] = std::max(swing[row.parameter], row.swing());
  std::string out = std::string(t.figures_header) + "\n|---|---|---|---|---|---|---|---|---|\n";
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    if (s.parameters[k].role == model::ParameterRole::kNormative) continue;
    const auto& p = s.parameters[k];
    const auto it = swing.find(p.id);
    out += fmt::format("| `{}`<br>{} | {} | {} | {} | {} | {} | {} | {} | {} |\n", p.id,
                       cell(p.description), cell(p.unit), plain_number(p.value), range_text(p, t),
                       p.category, cell(p.evidence), p.owner,
                       it == swing.end() ? std::string() : fmt::format("{:.0f}", it->second),
                       cell(source_text(p, s)));
  }
  return out;
}

}  // namespace

void write_assumptions_md(const RunRecord& run, const std::filesystem::path& file) {
  const auto& s = run.appraisal.scenario;
  const Language lang = run.language;
  const Texts& words = texts(lang);
  const AssumptionsTexts& t = words.assumptions;
  std::set<std::string> deciding;
  const auto flip_rows = run.appraisal.flips;
  for (const auto& f : flip_rows) deciding.insert(f.differing.begin(), f.differing.end());
  std::string text =
      fmt::format(fmt::runtime(t.title), cell(s.name)) +
      fmt::format(fmt::runtime(t.lead), plain(run.provenance.scenario_folder),
                  run.appraisal.plan.seed, replicates_text(run.appraisal, lang),
                  run.provenance.engine_version, run.provenance.engine_commit, words.interval_note,
                  words.discounting_note, decimal(s.materiality_dkk, 0, lang),
                  uncertainty_sources_text(run.appraisal, lang), plain(financing_text(s, lang)),
                  plain(prices_text(s, true, lang)));
  if (const std::string d = disclosure_text(run.appraisal, lang); !d.empty())
    text += plain(d) + "\n\n";
  if (const auto changes = dated_change_lines(s); !changes.empty()) {
    text += t.dated_changes;
    for (const auto& line : changes) text += "- " + cell(line) + "\n";
    text += "\n";
  }
  text += t.normative;
  text += normative_table(s, deciding, t);
  text += t.figures;
  text += figures_table(s, run.appraisal.tornado, t);
  text += std::string(t.sets) + std::string(t.sets_header) + "\n|---|---|---|---|---|---|\n";
  for (size_t n = 0; n < s.norms.size(); ++n) {
    const auto& norm = s.norms[n];
    std::string perspective;
    if (norm.owning_department_only) perspective = t.owning_department;
    for (int p = 0; p < model::kPayerCount && !norm.owning_department_only; ++p)
      if (norm.perspective[static_cast<size_t>(p)])
        perspective += (perspective.empty() ? "" : ", ") +
                       std::string(words.workbook.payers[static_cast<size_t>(p)]);
    text += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", norm.id, cell(norm.title),
                        perspective, fmt::format(fmt::runtime(t.years), norm.horizon_years),
                        discount_schedule_text(norm, lang), run.appraisal.plan.norm_group[n]);
  }
  text += t.flips;
  if (flip_rows.empty()) text += t.no_flips;
  for (const auto& f : flip_rows) {
    std::string differing;
    for (const auto& d : f.differing)
      differing += (differing.empty() ? "" : ", ") + ("`" + d + "`");
    text += fmt::format(fmt::runtime(t.flip), cell(s.arms[static_cast<size_t>(f.arm)].title),
                        f.sign_differs ? t.sign_differs : t.top_differs,
                        s.norms[static_cast<size_t>(f.norm_a)].id,
                        s.norms[static_cast<size_t>(f.norm_b)].id, differing);
  }
  text += t.inputs;
  for (const auto& input : run.provenance.inputs)
    text += fmt::format("| `{}` | `{}` |\n", input.path, input.sha256);
  auto out = open_for_writing(file);
  out << text;
  check_written(out, file);
}

}  // namespace kommunesim::output
