// The budget form's template (proposal_template_xlsx.hpp).
#include "forms/proposal_template_xlsx.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "forms/xlsx_reader.hpp"

namespace kommunesim::forms {
namespace {

// The fixed choices and the scenario's, one column each of the list sheet.
std::vector<std::string> list_texts(const model::Scenario& scenario, const FormLayout& layout,
                                    ChoiceList list) {
  switch (list) {
    case ChoiceList::kKinds:
      return layout.kinds;
    case ChoiceList::kPriorities:
      return layout.priorities;
    case ChoiceList::kDistributions:
      return layout.distributions;
    default: {
      std::vector<std::string> texts;
      for (const Choice& c : choices(scenario, list)) texts.push_back(c.text);
      return texts;
    }
  }
}

constexpr ChoiceList kLists[] = {ChoiceList::kDepartments, ChoiceList::kKinds,
                                 ChoiceList::kPriorities,  ChoiceList::kModules,
                                 ChoiceList::kStates,      ChoiceList::kConditions,
                                 ChoiceList::kTransitions, ChoiceList::kDistributions};

std::string list_heading(ChoiceList list, bool danish) {
  switch (list) {
    case ChoiceList::kDepartments:
      return danish ? "Centre" : "Centres";
    case ChoiceList::kKinds:
      return danish ? "Type" : "Kind";
    case ChoiceList::kPriorities:
      return danish ? "Prioritering" : "Priority";
    case ChoiceList::kModules:
      return danish ? "Moduler" : "Modules";
    case ChoiceList::kStates:
      return danish ? "Tilstande" : "States";
    case ChoiceList::kConditions:
      return danish ? "Husstandsbetingelser" : "Household conditions";
    case ChoiceList::kTransitions:
      return danish ? "Overgange" : "Transitions";
    case ChoiceList::kDistributions:
      return danish ? "Fordelinger" : "Distributions";
    case ChoiceList::kNone:
      break;
  }
  return "";
}

// A drop-down list on one cell, reading the list sheet's column of `list`.
void drop_down(lxw_worksheet* sheet, int row, int column, const std::string& formula) {
  lxw_data_validation validation{};
  validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  validation.value_formula = const_cast<char*>(formula.c_str());
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  worksheet_data_validation_cell(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                 &validation);
}

// The list's text for `id`, as the drop-down offers it.
std::string choice_text(const model::Scenario& scenario, ChoiceList list, const std::string& id) {
  for (const Choice& c : choices(scenario, list))
    if (c.id == id) return c.text;
  return id;
}

// The cells of a proposal to revise: what the reader reads back as the same draft.
void fill_in(lxw_worksheet* form, const model::Scenario& scenario, const FormLayout& layout,
             const scenarios::ProposalDraft& d, lxw_format* input, lxw_format* amount) {
  const auto text = [&](int row, int column, const std::string& value) {
    if (!value.empty())
      worksheet_write_string(form, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                             value.c_str(), input);
  };
  const auto number = [&](int row, int column, double value, lxw_format* format) {
    worksheet_write_number(form, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), value,
                           format);
  };
  const auto figure = [&](int row, const scenarios::DraftFigure& f, bool money, bool effect) {
    lxw_format* format = money ? amount : input;
    number(row, kFigureColumn, f.value, format);
    number(row, kFigureColumn + 1, f.low, format);
    number(row, kFigureColumn + 2, f.high, format);
    if (effect) {
      for (size_t i = 0; i < distribution_words().size(); ++i)
        if (distribution_words()[i] == f.distribution)
          text(row, kFigureColumn + 3, layout.distributions[i]);
    } else if (f.price_year != 0) {
      number(row, kFigureColumn + 3, f.price_year, input);
    }
    text(row, kFigureColumn + 4, f.evidence);
    text(row, kFigureColumn + 5, f.source);
  };
  const auto at = [&](Field field, int index = 0) { return row_of(layout, field) + index; };
  text(at(Field::kId), kValueColumn, d.id);
  text(at(Field::kTitle), kValueColumn, d.title);
  text(at(Field::kDescription), kValueColumn, d.description);
  text(at(Field::kDepartment), kValueColumn,
       choice_text(scenario, ChoiceList::kDepartments, d.department));
  text(at(Field::kKind), kValueColumn, layout.kinds[d.reduction ? 1 : 0]);
  number(at(Field::kStartYear), kValueColumn, d.start_year, input);
  number(at(Field::kStartMonth), kValueColumn, d.start_month, input);
  number(at(Field::kCapacity), kValueColumn, d.capacity, input);
  number(at(Field::kParticipationMonths), kValueColumn, d.participation_months, input);
  for (size_t i = 0; i < priority_words().size(); ++i)
    if (priority_words()[i] == d.priority)
      text(at(Field::kPriority), kValueColumn, layout.priorities[i]);
  if (d.readmission_after_months)
    number(at(Field::kReadmission), kValueColumn, *d.readmission_after_months, input);
  if (d.staff_fte) number(at(Field::kStaff), kValueColumn, *d.staff_fte, input);
  figure(at(Field::kFixedCost), d.fixed_dkk_per_year, true, false);
  figure(at(Field::kParticipantCost), d.dkk_per_participant_month, true, false);
  if (d.investment_dkk) figure(at(Field::kInvestment), *d.investment_dkk, true, false);
  text(at(Field::kCostDescription), kValueColumn, d.cost_description);
  text(at(Field::kTargetModule), kValueColumn,
       choice_text(scenario, ChoiceList::kModules, d.target_module));
  for (size_t i = 0; i < d.target_states.size() && i < kTargetStates; ++i)
    text(at(Field::kTargetState, static_cast<int>(i)), kValueColumn,
         choice_text(scenario, ChoiceList::kStates, d.target_module + "." + d.target_states[i]));
  if (d.age_min) number(at(Field::kAgeMin), kValueColumn, *d.age_min, input);
  if (d.age_max) number(at(Field::kAgeMax), kValueColumn, *d.age_max, input);
  for (size_t i = 0; i < d.household.size() && i < kHouseholdConditions; ++i)
    text(at(Field::kHousehold, static_cast<int>(i)), kValueColumn,
         choice_text(scenario, ChoiceList::kConditions, d.household[i]));
  if (d.known_to_at_least) number(at(Field::kKnownTo), kValueColumn, *d.known_to_at_least, input);
  if (d.family_known_to_at_least)
    number(at(Field::kFamilyKnownTo), kValueColumn, *d.family_known_to_at_least, input);
  if (d.costs_more_than) number(at(Field::kCostsMoreThan), kValueColumn, *d.costs_more_than, input);
  if (d.family_costs_more_than)
    number(at(Field::kFamilyCostsMoreThan), kValueColumn, *d.family_costs_more_than, input);
  for (size_t i = 0; i < d.effects.size() && i < kEffects; ++i) {
    const scenarios::DraftEffect& e = d.effects[i];
    const int row = at(Field::kEffect, static_cast<int>(i));
    text(row, kValueColumn,
         choice_text(scenario, ChoiceList::kTransitions, e.module + "." + e.from + ">" + e.to));
    figure(row, e.relative_risk, false, true);
  }
  if (d.effect_half_life_months)
    figure(at(Field::kHalfLife), *d.effect_half_life_months, false, false);
}

}  // namespace

void write_proposal_template(const model::Scenario& scenario, FormLanguage language,
                             const std::filesystem::path& file,
                             const scenarios::ProposalDraft* prefill) {
  const FormLayout& layout = form_layout(language);
  const bool danish = language == FormLanguage::kDanish;
  lxw_workbook* book = workbook_new(file.c_str());
  if (!book) throw std::runtime_error(file.string() + ": cannot be written");
  lxw_format* title = workbook_add_format(book);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* heading = workbook_add_format(book);
  format_set_bold(heading);
  format_set_bg_color(heading, 0xD9E1F2);
  lxw_format* wrap = workbook_add_format(book);
  format_set_text_wrap(wrap);
  format_set_font_color(wrap, 0x595959);
  lxw_format* input = workbook_add_format(book);  // a cell to fill in
  format_set_bg_color(input, 0xFFF2CC);
  format_set_border(input, LXW_BORDER_THIN);
  format_set_border_color(input, 0xBFBFBF);
  lxw_format* amount = workbook_add_format(book);
  format_set_bg_color(amount, 0xFFF2CC);
  format_set_border(amount, LXW_BORDER_THIN);
  format_set_border_color(amount, 0xBFBFBF);
  format_set_num_format(amount, "#,##0");

  lxw_worksheet* form = workbook_add_worksheet(book, layout.form_sheet.c_str());
  lxw_worksheet* lists = workbook_add_worksheet(book, layout.list_sheet.c_str());
  worksheet_write_string(form, 0, 0, fmt::format("{}: {}", layout.title, scenario.name).c_str(),
                         title);
  worksheet_write_string(form, 1, 0, layout.guidance.c_str(), nullptr);
  for (size_t c = 0; c < layout.headings.size(); ++c)
    worksheet_write_string(form, kFirstFieldRow - 1, static_cast<lxw_col_t>(c),
                           layout.headings[c].c_str(), bold);
  worksheet_set_column(form, 0, 0, 42, nullptr);
  worksheet_set_column(form, 1, 1, 48, nullptr);
  worksheet_set_column(form, 2, 5, 14, nullptr);
  worksheet_set_column(form, 6, 6, 22, nullptr);
  worksheet_set_column(form, 7, 7, 48, nullptr);
  worksheet_set_column(form, 8, 8, 60, nullptr);
  worksheet_freeze_panes(form, kFirstFieldRow, 1);

  // The list sheet: one column per list, its heading in row 1.
  std::vector<std::string> formula(static_cast<size_t>(ChoiceList::kDistributions) + 1);
  for (size_t c = 0; c < std::size(kLists); ++c) {
    const ChoiceList list = kLists[c];
    const std::vector<std::string> texts = list_texts(scenario, layout, list);
    const auto column = static_cast<lxw_col_t>(c);
    worksheet_write_string(lists, 0, column, list_heading(list, danish).c_str(), bold);
    for (size_t i = 0; i < texts.size(); ++i)
      worksheet_write_string(lists, static_cast<lxw_row_t>(i + 1), column, texts[i].c_str(),
                             nullptr);
    const std::string letter = cell_reference(0, static_cast<int>(c)).substr(0, 1);
    formula[static_cast<size_t>(list)] = texts.empty()
                                             ? ""
                                             : fmt::format("='{}'!${}$2:${}${}", layout.list_sheet,
                                                           letter, letter, texts.size() + 1);
    worksheet_set_column(lists, column, column, list == ChoiceList::kTransitions ? 70 : 40,
                         nullptr);
  }
  worksheet_freeze_panes(lists, 1, 0);

  for (size_t r = 0; r < layout.rows.size(); ++r) {
    const FormRow& row = layout.rows[r];
    const int at = kFirstFieldRow + static_cast<int>(r);
    const auto sheet_row = static_cast<lxw_row_t>(at);
    if (row.kind == RowKind::kHeading) {
      for (int c = 0; c <= kHelpColumn; ++c)
        worksheet_write_blank(form, sheet_row, static_cast<lxw_col_t>(c), heading);
      worksheet_write_string(form, sheet_row, 0, row.label.c_str(), heading);
      continue;
    }
    worksheet_write_string(form, sheet_row, 0, row.label.c_str(), row.required ? bold : nullptr);
    if (!row.help.empty())
      worksheet_write_string(form, sheet_row, kHelpColumn, row.help.c_str(), wrap);
    const bool figure = row.kind == RowKind::kAmount || row.kind == RowKind::kDuration ||
                        row.kind == RowKind::kEffect;
    if (!figure || row.kind == RowKind::kEffect)
      worksheet_write_blank(form, sheet_row, kValueColumn, input);
    if (row.kind == RowKind::kChoice || row.kind == RowKind::kEffect) {
      const std::string& list = formula[static_cast<size_t>(row.list)];
      if (!list.empty()) drop_down(form, at, kValueColumn, list);
    }
    if (!figure) continue;
    for (int part = 0; part < kFigureParts; ++part) {
      const int column = kFigureColumn + part;
      const bool money = row.kind == RowKind::kAmount && part < 3;
      worksheet_write_blank(form, sheet_row, static_cast<lxw_col_t>(column),
                            money ? amount : input);
    }
    // An amount's price year: the scenario's price level, to be changed where the figure's
    // source states another year's prices.
    if (row.kind == RowKind::kAmount && scenario.prices.year != 0)
      worksheet_write_number(form, sheet_row, kFigureColumn + 3, scenario.prices.year, input);
    if (row.kind == RowKind::kEffect)
      drop_down(form, at, kFigureColumn + 3,
                formula[static_cast<size_t>(ChoiceList::kDistributions)]);
  }
  // The economy block: the proposal's cost in the budget year and the three overslagsår at full
  // capacity, as a budget proposal shows it, computed by the spreadsheet from the cells above.
  const auto ref = [&](Field field, int column) {
    return cell_reference(row_of(layout, field), column);
  };
  const std::string start_year = ref(Field::kStartYear, kValueColumn),
                    start_month = ref(Field::kStartMonth, kValueColumn),
                    places = ref(Field::kCapacity, kValueColumn),
                    fixed = ref(Field::kFixedCost, kFigureColumn),
                    per_month = ref(Field::kParticipantCost, kFigureColumn),
                    investment = ref(Field::kInvestment, kFigureColumn);
  const auto economy = static_cast<lxw_row_t>(kFirstFieldRow + layout.rows.size() + 1);
  for (int c = 0; c <= kHelpColumn; ++c)
    worksheet_write_blank(form, economy, static_cast<lxw_col_t>(c), heading);
  worksheet_write_string(form, economy, 0, layout.economy_heading.c_str(), heading);
  worksheet_write_string(form, economy + 1, 0, layout.economy_row.c_str(), bold);
  worksheet_write_string(form, economy + 1, kHelpColumn, layout.economy_note.c_str(), wrap);
  for (int k = 0; k < kEconomyYears; ++k) {
    const int year = scenario.base_year + k;
    const auto column = static_cast<lxw_col_t>(kFigureColumn + k);
    worksheet_write_number(form, economy, column, year, heading);
    // Months running in the year: 0 before the start, 13 - start month in its first year.
    const std::string months =
        fmt::format("MAX(0,MIN(12,({}-{})*12+13-{}))", year, start_year, start_month);
    const std::string formula = fmt::format(
        "=IF(OR({0}=\"\",{1}=\"\"),\"\",((N({2})/12+N({3})*N({4}))*{5}+IF({0}={6},N({7}),0))/1000)",
        start_year, start_month, fixed, per_month, places, months, year, investment);
    worksheet_write_formula(form, economy + 1, column, formula.c_str(), amount);
  }
  if (prefill) fill_in(form, scenario, layout, *prefill, input, amount);
  worksheet_set_landscape(form);
  worksheet_fit_to_pages(form, 1, 0);
  const lxw_error error = workbook_close(book);
  if (error != LXW_NO_ERROR)
    throw std::runtime_error(file.string() + ": cannot be written: " + lxw_strerror(error));
}

}  // namespace kommunesim::forms
