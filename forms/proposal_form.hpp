// The budget form for a proposal: one sheet shaped like a Danish budget proposal (budgetforslag)
// with a row per field, and a sheet of the scenario's choices (centres, target states,
// transitions, household conditions) that the form's drop-down lists read. The same layout
// writes the template (proposal_template_xlsx.cpp) and reads a filled form back
// (proposal_form_reader.cpp), so that a cell means the same thing both ways.
#pragma once

#include <string>
#include <vector>

#include "model/engine/scenario.hpp"
#include "scenarios/loader/proposal_draft.hpp"

namespace kommunesim::forms {

enum class FormLanguage { kDanish, kEnglish };

enum class Field {
  kHeading,
  kId,
  kTitle,
  kDescription,
  kDepartment,
  kKind,
  kStartYear,
  kStartMonth,
  kCapacity,
  kParticipationMonths,
  kPriority,
  kReadmission,
  kStaff,
  kFixedCost,
  kParticipantCost,
  kInvestment,
  kCostDescription,
  kTargetModule,
  kTargetState,
  kAgeMin,
  kAgeMax,
  kHousehold,
  kKnownTo,
  kFamilyKnownTo,
  kCostsMoreThan,
  kFamilyCostsMoreThan,
  kEffect,
  kHalfLife,
};

// What a row holds: a heading; one value in column B (text, whole number, or a choice from a
// list); a register figure in columns C-H (value, low, high, price year or distribution,
// evidence, source); or an effect: a transition in B and its relative risk as a figure.
enum class RowKind { kHeading, kText, kInteger, kNumber, kChoice, kAmount, kDuration, kEffect };

// The scenario lists and fixed choices the drop-downs offer, one column each of the list sheet.
enum class ChoiceList {
  kNone,
  kDepartments,
  kKinds,
  kPriorities,
  kModules,
  kStates,
  kConditions,
  kTransitions,
  kDistributions
};

struct FormRow {
  Field field;
  int index = 0;  // the n-th of a repeated field (target states, household conditions, effects)
  RowKind kind;
  bool required = false;
  ChoiceList list = ChoiceList::kNone;
  std::string label;  // column A, in the form's language
  std::string help;   // column I: how to fill it in
};

// The form's columns (0-based): label, value or choice, the figure's parts, help.
constexpr int kLabelColumn = 0, kValueColumn = 1, kFigureColumn = 2, kHelpColumn = 8;
// The figure's parts from kFigureColumn: value, low, high, price year or distribution, evidence,
// source.
constexpr int kFigureParts = 6;
// Rows above the first field: title, guidance, blank, the column headings.
constexpr int kFirstFieldRow = 4;
constexpr int kTargetStates = 6, kHouseholdConditions = 3, kEffects = 8;

struct FormLayout {
  FormLanguage language = FormLanguage::kDanish;
  std::string form_sheet, list_sheet;
  std::string title, guidance;
  std::vector<std::string> headings;  // of the columns, A to I
  std::vector<FormRow> rows;          // from row kFirstFieldRow
  // The fixed choices, in the form's language, in the order of their TOML words.
  std::vector<std::string> kinds, priorities, distributions;
  // Below the fields: what the proposal costs in the budget year and the three overslagsår at
  // full capacity, computed in the sheet from the cells above (not read back).
  std::string economy_heading, economy_row, economy_note;
};

const FormLayout& form_layout(FormLanguage language);

// A proposal of the scenario as the form states it, to be revised: its figures at their stated
// price years, its target group and effects by id. The scenario does not keep a proposal's
// descriptions or staff, so those cells stay empty.
scenarios::ProposalDraft draft_of_proposal(const model::Scenario& scenario, int proposal);

// The sheet row (0-based) of the first row of `field`.
int row_of(const FormLayout& layout, Field field);

// The economy block's years: the budget year (the scenario's base year) and three overslagsår.
constexpr int kEconomyYears = 4;

// The TOML words behind the fixed choices, in FormLayout's order.
const std::vector<std::string>& kind_words();          // expansion, reduction
const std::vector<std::string>& priority_words();      // longest_in_state, ...
const std::vector<std::string>& distribution_words();  // lognormal, triangular, "" (a point)

// A choice from the scenario as the list shows it, "Title [id]", and the id read back from such
// a text (or from the bare id typed by hand).
struct Choice {
  std::string text;
  std::string id;  // for states "module.state", for transitions "module.from>to"
};
std::vector<Choice> choices(const model::Scenario& scenario, ChoiceList list);
// The id in a "Title [id]" text: the text within its last brackets, else the text itself.
std::string choice_id(const std::string& text);

}  // namespace kommunesim::forms
