// A proposal draft written into a copy of a scenario (proposal_draft.hpp).
#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

#include "scenarios/loader/proposal_draft.hpp"
#include "scenarios/loader/toml_edit.hpp"
#include "scenarios/loader/write_values.hpp"

namespace kommunesim::scenarios {
namespace fs = std::filesystem;
namespace {

// The shortest text that reads back as the same double.
std::string number(double value) { return fmt::format("{}", value); }

struct RegisterEntry {
  std::string id, description, unit, category;
  const DraftFigure* figure;
};

std::string register_text(const ProposalDraft& draft, const std::vector<RegisterEntry>& entries) {
  std::string text = fmt::format(
      "# The register figures of the proposal {} ({}), read from {} by kommunesim "
      "add-proposal.\n",
      draft.id, draft.title, draft.origin);
  for (const RegisterEntry& e : entries) {
    const DraftFigure& f = *e.figure;
    text += fmt::format("\n[[parameter]]\nid = {}\ndescription = {}\nunit = {}\nvalue = {}\n",
                        toml_string(e.id), toml_string(e.description), toml_string(e.unit),
                        number(f.value));
    if (f.price_year != 0) text += fmt::format("price_year = {}\n", f.price_year);
    text += fmt::format("low = {}\nhigh = {}\n", number(f.low), number(f.high));
    if (!f.distribution.empty())
      text += fmt::format("distribution = {}\n", toml_string(f.distribution));
    text += fmt::format("category = {}\nevidence = {}\nowner = {}\nsource = {}\n",
                        toml_string(e.category), toml_string(f.evidence),
                        toml_string(draft.department), toml_string(f.source));
  }
  return text;
}

std::string strings(const std::vector<std::string>& values) {
  std::string text = "[";
  for (size_t i = 0; i < values.size(); ++i) text += (i ? ", " : "") + toml_string(values[i]);
  return text + "]";
}

void write_file(const fs::path& file, const std::string& text) {
  if (fs::exists(file))
    throw std::runtime_error(file.string() + ": exists already; choose another proposal id");
  fs::create_directories(file.parent_path());
  std::ofstream out(file);
  out << text;
  if (!out) throw std::runtime_error(file.string() + ": cannot be written");
}

// scenario.toml's list `key` with `entry` added, in the list's own layout (one line, or one
// entry a line); a list that is missing is added after the modules' list.
void add_to_list(const fs::path& file, const std::string& key, const std::string& entry) {
  const toml::table scenario = parsed(file);
  std::map<size_t, std::string> at, after;
  std::set<size_t> dropped;
  if (const toml::node* node = scenario.get(key)) {
    const toml::array* list = node->as_array();
    if (list == nullptr) throw std::runtime_error(file.string() + ": " + key + " is not a list");
    std::vector<std::string> values;
    for (const toml::node& v : *list) values.push_back(v.value<std::string>().value_or(""));
    values.push_back(entry);
    std::string text = key + " = ";
    if (node->source().begin.line == node->source().end.line) {
      text += strings(values);
    } else {
      text += "[\n";
      for (const std::string& v : values) text += "  " + toml_string(v) + ",\n";
      text += "]";
    }
    replace_key(*node, text, at, dropped);
  } else {
    const toml::node* modules = scenario.get("modules");
    if (modules == nullptr) throw std::runtime_error(file.string() + ": has no modules list");
    after[static_cast<size_t>(modules->source().end.line) - 1] = key + " = " + strings({entry});
  }
  write_lines(file, lines_of(file), at, dropped, after);
}

}  // namespace

fs::path draft_register_file(const ProposalDraft& draft) {
  return fs::path("parameters") / ("proposal_" + draft.id + ".toml");
}

void copy_with_proposal(const LoadedScenario& loaded, const fs::path& destination,
                        const ProposalDraft& draft) {
  for (const model::Proposal& p : loaded.scenario.proposals)
    if (p.id == draft.id)
      throw std::runtime_error("the scenario has a proposal '" + draft.id +
                               "' already; choose another id");
  fs::copy(loaded.folder, destination, fs::copy_options::recursive);
  const std::string prefix = draft.id + ".";
  std::vector<RegisterEntry> entries = {
      {prefix + "fixed_dkk_per_year", draft.title + ": fixed cost per year", "DKK per year",
       "valuation", &draft.fixed_dkk_per_year},
      {prefix + "dkk_per_participant_month", draft.title + ": cost per participant-month",
       "DKK per participant-month", "valuation", &draft.dkk_per_participant_month}};
  if (draft.investment_dkk)
    entries.push_back({prefix + "investment_dkk", draft.title + ": one-off investment (anlæg)",
                       "DKK", "valuation", &*draft.investment_dkk});
  if (draft.effect_half_life_months)
    entries.push_back({prefix + "effect_half_life_months",
                       draft.title + ": half-life of the effects after participation", "months",
                       "dynamics", &*draft.effect_half_life_months});
  std::vector<std::string> effect_ids;
  for (const DraftEffect& e : draft.effects) {
    effect_ids.push_back(prefix + "effect." + e.module + "." + e.from + "_to_" + e.to);
    entries.push_back({effect_ids.back(),
                       fmt::format("{}: relative risk on {} -> {} ({}) for participants",
                                   draft.title, e.from, e.to, e.module),
                       "relative risk", "dynamics", &e.relative_risk});
  }

  std::string p = fmt::format("# Read from {} by kommunesim add-proposal.\n", draft.origin);
  p += fmt::format("id = {}\ntitle = {}\n", toml_string(draft.id), toml_string(draft.title));
  if (!draft.description.empty())
    p += fmt::format("description = {}\n", toml_string(draft.description));
  p += fmt::format("department = {}\nkind = {}\nstart_year = {}\nstart_month = {}\n",
                   toml_string(draft.department),
                   toml_string(draft.reduction ? "reduction" : "expansion"), draft.start_year,
                   draft.start_month);
  p += fmt::format("capacity = {}\nparticipation_months = {}\npriority = {}\n", draft.capacity,
                   draft.participation_months, toml_string(draft.priority));
  if (draft.readmission_after_months)
    p += fmt::format("readmission_after_months = {}\n", *draft.readmission_after_months);
  if (draft.effect_half_life_months)
    p += fmt::format("effect_half_life_months = {}\n",
                     toml_string(prefix + "effect_half_life_months"));
  p += fmt::format("\n[cost]\nfixed_dkk_per_year = {}\ndkk_per_participant_month = {}\n",
                   toml_string(prefix + "fixed_dkk_per_year"),
                   toml_string(prefix + "dkk_per_participant_month"));
  if (draft.investment_dkk)
    p += fmt::format("investment_dkk = {}\n", toml_string(prefix + "investment_dkk"));
  std::string cost = draft.cost_description;
  if (draft.staff_fte)
    cost = fmt::format("{} årsværk{}{}", number(*draft.staff_fte), cost.empty() ? "" : "; ", cost);
  if (!cost.empty()) p += fmt::format("description = {}\n", toml_string(cost));
  p += fmt::format("\n[target]\nmodule = {}\nstates = {}\n", toml_string(draft.target_module),
                   strings(draft.target_states));
  if (draft.age_min) p += fmt::format("age_min = {}\n", *draft.age_min);
  if (draft.age_max) p += fmt::format("age_max = {}\n", *draft.age_max);
  if (!draft.household.empty()) p += fmt::format("household = {}\n", strings(draft.household));
  if (draft.known_to_at_least)
    p += fmt::format("known_to_at_least = {}\n", *draft.known_to_at_least);
  if (draft.family_known_to_at_least)
    p += fmt::format("family_known_to_at_least = {}\n", *draft.family_known_to_at_least);
  if (draft.costs_more_than) p += fmt::format("costs_more_than = {}\n", *draft.costs_more_than);
  if (draft.family_costs_more_than)
    p += fmt::format("family_costs_more_than = {}\n", *draft.family_costs_more_than);
  for (size_t i = 0; i < draft.effects.size(); ++i) {
    const DraftEffect& e = draft.effects[i];
    p += fmt::format("\n[[effect]]\nmodule = {}\nfrom = {}\nto = {}\nrelative_risk = {}\n",
                     toml_string(e.module), toml_string(e.from), toml_string(e.to),
                     toml_string(effect_ids[i]));
  }

  const fs::path proposal_file = fs::path("proposals") / (draft.id + ".toml");
  write_file(destination / proposal_file, p);
  write_file(destination / draft_register_file(draft), register_text(draft, entries));
  add_to_list(destination / "scenario.toml", "parameters", draft_register_file(draft).string());
  add_to_list(destination / "scenario.toml", "proposals", proposal_file.string());
}

}  // namespace kommunesim::scenarios
