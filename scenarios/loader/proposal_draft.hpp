// A proposal as a budget team states it (on the budget form, kommunesim proposal-template), not
// yet part of a scenario: its figures with their ranges and sources, its target group and
// effects by the ids of the scenario's departments, modules, states and household conditions.
// copy_with_proposal writes it into a copy of the scenario as a proposal file and a register
// file, where the loader checks it like any hand-written proposal.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader/load_scenario.hpp"

namespace kommunesim::scenarios {

// A figure for the register: its value and plausible range, and where it comes from.
struct DraftFigure {
  double value = 0, low = 0, high = 0;
  int price_year = 0;        // an amount's price year; 0: none stated
  std::string distribution;  // an effect size's: "lognormal", "triangular" or "" (a point)
  std::string evidence;
  std::string source;
};

struct DraftEffect {
  std::string module, from, to;
  DraftFigure relative_risk;
};

struct ProposalDraft {
  std::string id, title, description;
  std::string department;  // the owning centre's id
  bool reduction = false;
  int start_year = 0, start_month = 1;
  int capacity = 0;
  int participation_months = 1;
  std::string priority = "longest_in_state";  // or newest_in_state, random
  std::optional<int> readmission_after_months;
  std::optional<double> staff_fte;  // årsværk, as the budget form states them
  DraftFigure fixed_dkk_per_year, dkk_per_participant_month;
  std::optional<DraftFigure> investment_dkk;
  std::string cost_description;
  std::string target_module;
  std::vector<std::string> target_states;
  std::optional<int> age_min, age_max;  // years
  std::vector<std::string> household;   // household condition ids
  std::optional<int> known_to_at_least, family_known_to_at_least;
  std::optional<double> costs_more_than, family_costs_more_than;  // DKK a year
  std::vector<DraftEffect> effects;
  std::optional<DraftFigure> effect_half_life_months;
  std::string origin;  // where the draft came from, e.g. "the budget form forslag.xlsx"
};

// The register file a draft's figures are written to, relative to the scenario folder.
std::filesystem::path draft_register_file(const ProposalDraft& draft);

// Copies `loaded`'s folder into `destination` (which must not exist) with the draft as a new
// proposal: proposals/<id>.toml, its figures in parameters/proposal_<id>.toml, both added to
// scenario.toml's lists. Throws std::runtime_error naming the file when one cannot be written,
// or when the id or a file name is taken.
void copy_with_proposal(const LoadedScenario& loaded, const std::filesystem::path& destination,
                        const ProposalDraft& draft);

}  // namespace kommunesim::scenarios
