// Reading a filled budget form (proposal_form_reader.hpp).
#include "forms/proposal_form_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <regex>

#include "forms/proposal_form.hpp"
#include "forms/xlsx_reader.hpp"

namespace kommunesim::forms {
namespace {

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) text += (text.empty() ? "" : "\n") + l;
  return text;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n\u00a0");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// A number typed as text, as a user of the form's language writes it: Danish 1.950.000,5 or
// 1950000,5; English 1,950,000.5 or 1950000.5; with an optional sign.
std::optional<double> number_in_text(std::string text, FormLanguage language) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  if (text.rfind("\u2212", 0) == 0) text = "-" + text.substr(std::string("\u2212").size());
  const bool danish = language == FormLanguage::kDanish;
  static const std::regex danish_number(R"(^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$)");
  static const std::regex english_number(R"(^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$)");
  if (!std::regex_match(text, danish ? danish_number : english_number)) return std::nullopt;
  const char group = danish ? '.' : ',';
  text.erase(std::remove(text.begin(), text.end(), group), text.end());
  if (danish) std::replace(text.begin(), text.end(), ',', '.');
  return std::stod(text);
}

class FormReader {
 public:
  FormReader(const std::filesystem::path& file, const Sheet& sheet, const FormLayout& layout)
      : file_(file), sheet_(sheet), layout_(layout) {}

  void problem(int row, int column, const std::string& label, const std::string& message) {
    problems_.push_back(fmt::format("{}: {}!{} ({}): {}", file_.string(), layout_.form_sheet,
                                    cell_reference(row, column), label, message));
  }
  const std::vector<std::string>& problems() const { return problems_; }

  const Cell& cell(int row, int column) const { return sheet_.at(cell_reference(row, column)); }
  bool empty(int row, int column) const {
    const Cell& c = cell(row, column);
    return c.kind == Cell::Kind::kEmpty || (c.kind == Cell::Kind::kText && trimmed(c.text).empty());
  }

  std::string text(int row, int column) const {
    const Cell& c = cell(row, column);
    if (c.kind == Cell::Kind::kText) return trimmed(c.text);
    if (c.kind == Cell::Kind::kNumber) return fmt::format("{}", c.number);
    return "";
  }

  // A number, or nullopt (with a problem unless the cell is empty). `what` says what is expected.
  std::optional<double> number(int row, int column, const std::string& label,
                               const std::string& what) {
    const Cell& c = cell(row, column);
    if (c.kind == Cell::Kind::kNumber) return c.number;
    if (empty(row, column)) return std::nullopt;
    if (c.kind == Cell::Kind::kText)
      if (const auto n = number_in_text(trimmed(c.text), layout_.language)) return n;
    problem(
        row, column, label,
        fmt::format(
            "expected {}; found '{}'", what,
            c.kind == Cell::Kind::kText || c.kind == Cell::Kind::kError ? c.text : "TRUE/FALSE"));
    return std::nullopt;
  }

  std::optional<int> integer(int row, int column, const std::string& label, int low, int high) {
    const std::string what = fmt::format("a whole number from {} to {}", low, high);
    const auto n = number(row, column, label, what);
    if (!n) return std::nullopt;
    if (*n != std::floor(*n) || *n < low || *n > high) {
      problem(row, column, label, fmt::format("expected {}; found {}", what, *n));
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }

 private:
  const std::filesystem::path& file_;
  const Sheet& sheet_;
  const FormLayout& layout_;
  std::vector<std::string> problems_;
};

// The index of `text` among the fixed choices of either language or their TOML words.
std::optional<size_t> fixed_choice(const std::string& text,
                                   const std::vector<std::string> FormLayout::*choices,
                                   const std::vector<std::string>& words) {
  for (const FormLanguage language : {FormLanguage::kDanish, FormLanguage::kEnglish}) {
    const auto& options = form_layout(language).*choices;
    for (size_t i = 0; i < options.size(); ++i)
      if (options[i] == text) return i;
  }
  for (size_t i = 0; i < words.size(); ++i)
    if (!words[i].empty() && words[i] == text) return i;
  return std::nullopt;
}

std::string listed(const std::vector<std::string>& options) {
  std::string text;
  for (size_t i = 0; i < options.size(); ++i)
    text += (i == 0 ? "" : i + 1 == options.size() ? " or " : ", ") + options[i];
  return text;
}

}  // namespace

FormError::FormError(std::vector<std::string> lines)
    : std::runtime_error(joined_lines(lines)), problems(std::move(lines)) {}

scenarios::ProposalDraft read_proposal_form(const std::filesystem::path& file,
                                            const model::Scenario& scenario) {
  const Workbook book = read_xlsx(file);
  const FormLayout* layout = nullptr;
  const Sheet* sheet = nullptr;
  for (const FormLanguage language : {FormLanguage::kDanish, FormLanguage::kEnglish})
    if (const Sheet* s = book.sheet(form_layout(language).form_sheet); s && !layout) {
      layout = &form_layout(language);
      sheet = s;
    }
  if (layout == nullptr)
    throw FormError({fmt::format(
        "{}: has no sheet named Forslag (or Proposal); expected a budget form written by "
        "kommunesim proposal-template",
        file.string())});
  FormReader in(file, *sheet, *layout);

  // The rows must be where the template put them: a moved row would move every value.
  for (size_t r = 0; r < layout->rows.size(); ++r) {
    const int row = kFirstFieldRow + static_cast<int>(r);
    const std::string& label = layout->rows[r].label;
    if (in.text(row, kLabelColumn) != label)
      in.problem(row, kLabelColumn, label,
                 fmt::format("expected the label '{}'; found '{}': rows were inserted, deleted "
                             "or moved. Fill in the form from kommunesim proposal-template "
                             "without changing its rows",
                             label, in.text(row, kLabelColumn)));
  }
  if (!in.problems().empty()) throw FormError(in.problems());

  scenarios::ProposalDraft d;
  d.origin = "the budget form " + file.filename().string();
  const bool prices = scenario.prices.year != 0;
  std::vector<std::string> department_ids, module_ids, condition_ids;
  for (const auto& x : scenario.departments) department_ids.push_back(x.id);
  for (const auto& x : scenario.modules) module_ids.push_back(x.id);
  for (const auto& x : scenario.household_conditions) condition_ids.push_back(x.name);
  const auto in_list = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  std::vector<std::pair<int, std::string>> states;  // row, "module.state"

  for (size_t r = 0; r < layout->rows.size(); ++r) {
    const FormRow& f = layout->rows[r];
    const int row = kFirstFieldRow + static_cast<int>(r);
    const std::string& label = f.label;
    if (f.kind == RowKind::kHeading) continue;
    const bool figure =
        f.kind == RowKind::kAmount || f.kind == RowKind::kDuration || f.kind == RowKind::kEffect;
    bool filled = !in.empty(row, kValueColumn);
    if (figure)
      for (int part = 0; part < kFigureParts; ++part)
        filled = filled || (!in.empty(row, kFigureColumn + part) &&
                            !(f.kind == RowKind::kAmount && part == 3));  // a printed price year
    if (!filled) {
      if (f.required)
        in.problem(row, figure && f.kind != RowKind::kEffect ? kFigureColumn : kValueColumn, label,
                   "is required; the cell is empty");
      continue;
    }
    const std::string value = in.text(row, kValueColumn);

    // A register figure: value, low, high, price year or distribution, evidence, source.
    scenarios::DraftFigure figure_value;
    if (figure) {
      const int c = kFigureColumn;
      const std::string what = f.kind == RowKind::kAmount   ? "an amount in kroner"
                               : f.kind == RowKind::kEffect ? "a relative risk above 0"
                                                            : "a number of months";
      const auto v = in.number(row, c, label, what);
      const auto low = in.number(row, c + 1, label, what);
      const auto high = in.number(row, c + 2, label, what);
      if (f.kind == RowKind::kEffect) {
        const std::string text = in.text(row, c + 3);
        const auto which =
            text.empty() ? std::optional<size_t>(0)  // lognormal, as evidence gives it
                         : fixed_choice(text, &FormLayout::distributions, distribution_words());
        if (!which)
          in.problem(
              row, c + 3, label,
              fmt::format("expected one of {}; found '{}'", listed(layout->distributions), text));
        else
          figure_value.distribution = distribution_words()[*which];
      } else if (f.kind == RowKind::kAmount && prices) {
        if (const auto year = in.integer(row, c + 3, label, 1900, 2200))
          figure_value.price_year = *year;
        else if (in.empty(row, c + 3))
          in.problem(row, c + 3, label,
                     fmt::format("expected the year whose prices the amount is in (the "
                                 "scenario's price level is {})",
                                 scenario.prices.year));
      } else if (!in.empty(row, c + 3) && f.kind == RowKind::kAmount) {
        in.problem(row, c + 3, label,
                   "the scenario declares no price level, so an amount has no price year; "
                   "expected the cell empty");
      }
      // An empty part (a part that is no number was named above).
      if (in.empty(row, c + 1))
        in.problem(row, c + 1, label, "expected the low end of the plausible range");
      if (in.empty(row, c + 2))
        in.problem(row, c + 2, label, "expected the high end of the plausible range");
      if (in.empty(row, c) && !(low && high && figure_value.distribution == "lognormal"))
        in.problem(row, c, label, "expected the figure's value");
      figure_value.evidence = in.text(row, c + 4);
      figure_value.source = in.text(row, c + 5);
      if (figure_value.evidence.empty())
        in.problem(row, c + 4, label,
                   "expected the evidence behind the figure (e.g. a grade A-D, or "
                   "\"assumption\")");
      if (figure_value.source.empty())
        in.problem(row, c + 5, label,
                   "expected the figure's source (a citation, or \"assumption: ...\")");
      if (low && high) {
        figure_value.low = *low;
        figure_value.high = *high;
        // A lognormal effect's value is the median of its 90 % interval.
        figure_value.value =
            v ? *v : (figure_value.distribution == "lognormal" ? std::sqrt(*low * *high) : 0);
        if (*low > *high)
          in.problem(row, c + 1, label,
                     fmt::format("expected low <= high; found {} > {}", *low, *high));
        else if (v && (*v < *low || *v > *high))
          in.problem(row, c, label,
                     fmt::format("expected a value within [{}, {}]; found {}", *low, *high, *v));
        if (f.kind == RowKind::kEffect && *low <= 0)
          in.problem(row, c + 1, label, "a relative risk is above 0");
      }
    }

    switch (f.field) {
      case Field::kHeading:
        break;
      case Field::kId: {
        static const std::regex id("^[a-z][a-z0-9_]*$");
        if (!std::regex_match(value, id) || value == "baseline")
          in.problem(row, kValueColumn, label,
                     fmt::format("expected lower-case letters, digits and _, starting with a "
                                 "letter (not 'baseline'); found '{}'",
                                 value));
        for (const model::Proposal& p : scenario.proposals)
          if (p.id == value)
            in.problem(row, kValueColumn, label,
                       fmt::format("the scenario has a proposal '{}' already", value));
        d.id = value;
        break;
      }
      case Field::kTitle:
        d.title = value;
        break;
      case Field::kDescription:
        d.description = value;
        break;
      case Field::kDepartment:
        d.department = choice_id(value);
        if (!in_list(department_ids, d.department))
          in.problem(row, kValueColumn, label,
                     fmt::format("expected a centre of the scenario: {}; found '{}'",
                                 listed(department_ids), value));
        break;
      case Field::kKind:
        if (const auto k = fixed_choice(value, &FormLayout::kinds, kind_words()))
          d.reduction = *k == 1;
        else
          in.problem(row, kValueColumn, label,
                     fmt::format("expected {}; found '{}'", listed(layout->kinds), value));
        break;
      case Field::kStartYear:
        d.start_year = in.integer(row, kValueColumn, label, scenario.base_year,
                                  scenario.base_year + scenario.horizon_years - 1)
                           .value_or(0);
        break;
      case Field::kStartMonth:
        d.start_month = in.integer(row, kValueColumn, label, 1, 12).value_or(1);
        break;
      case Field::kCapacity:
        d.capacity = in.integer(row, kValueColumn, label, 0, 10'000'000).value_or(0);
        break;
      case Field::kParticipationMonths:
        d.participation_months = in.integer(row, kValueColumn, label, 1, 600).value_or(1);
        break;
      case Field::kPriority:
        if (const auto k = fixed_choice(value, &FormLayout::priorities, priority_words()))
          d.priority = priority_words()[*k];
        else
          in.problem(row, kValueColumn, label,
                     fmt::format("expected {}; found '{}'", listed(layout->priorities), value));
        break;
      case Field::kReadmission:
        d.readmission_after_months = in.integer(row, kValueColumn, label, 1, 600);
        break;
      case Field::kStaff:
        d.staff_fte = in.number(row, kValueColumn, label, "a number of full-time equivalents");
        break;
      case Field::kFixedCost:
        d.fixed_dkk_per_year = figure_value;
        break;
      case Field::kParticipantCost:
        d.dkk_per_participant_month = figure_value;
        break;
      case Field::kInvestment:
        d.investment_dkk = figure_value;
        break;
      case Field::kCostDescription:
        d.cost_description = value;
        break;
      case Field::kTargetModule:
        d.target_module = choice_id(value);
        if (!in_list(module_ids, d.target_module))
          in.problem(row, kValueColumn, label,
                     fmt::format("expected a module of the scenario: {}; found '{}'",
                                 listed(module_ids), value));
        break;
      case Field::kTargetState:
        states.emplace_back(row, choice_id(value));
        break;
      case Field::kAgeMin:
        d.age_min = in.integer(row, kValueColumn, label, 0, 130);
        break;
      case Field::kAgeMax:
        d.age_max = in.integer(row, kValueColumn, label, 1, 131);
        break;
      case Field::kHousehold: {
        const std::string id = choice_id(value);
        if (!in_list(condition_ids, id))
          in.problem(row, kValueColumn, label,
                     fmt::format("expected a household condition of the scenario: {}; found '{}'",
                                 listed(condition_ids), value));
        d.household.push_back(id);
        break;
      }
      case Field::kKnownTo:
        d.known_to_at_least = in.integer(row, kValueColumn, label, 1, model::kMaxModules);
        break;
      case Field::kFamilyKnownTo:
        d.family_known_to_at_least = in.integer(row, kValueColumn, label, 1, model::kMaxModules);
        break;
      case Field::kCostsMoreThan:
      case Field::kFamilyCostsMoreThan: {
        auto& dkk = f.field == Field::kCostsMoreThan ? d.costs_more_than : d.family_costs_more_than;
        dkk = in.number(row, kValueColumn, label, "an amount in kroner a year");
        if (dkk && *dkk < 0)
          in.problem(row, kValueColumn, label,
                     fmt::format("expected an amount of 0 kroner or more; found {}", *dkk));
        break;
      }
      case Field::kEffect: {
        const std::string id = choice_id(value);
        bool found = false;
        for (const Choice& c : choices(scenario, ChoiceList::kTransitions))
          if (c.id == id) found = true;
        const auto dot = id.find('.'), arrow = id.find('>');
        if (!found || dot == std::string::npos || arrow == std::string::npos || arrow < dot) {
          in.problem(row, kValueColumn, label,
                     value.empty() ? std::string("expected the transition the effect is on")
                                   : fmt::format("expected a transition of the scenario from the "
                                                 "list (module.from>to); found '{}'",
                                                 value));
          break;
        }
        d.effects.push_back({id.substr(0, dot), id.substr(dot + 1, arrow - dot - 1),
                             id.substr(arrow + 1), figure_value});
        break;
      }
      case Field::kHalfLife:
        d.effect_half_life_months = figure_value;
        break;
    }
  }
  // The target states belong to the target module.
  for (const auto& [row, id] : states) {
    const std::string label = layout->rows[static_cast<size_t>(row - kFirstFieldRow)].label;
    const auto dot = id.find('.');
    const std::string module = dot == std::string::npos ? "" : id.substr(0, dot);
    const std::string state = dot == std::string::npos ? id : id.substr(dot + 1);
    bool known = false;
    for (const Choice& c : choices(scenario, ChoiceList::kStates)) known = known || c.id == id;
    if (!known)
      in.problem(row, kValueColumn, label,
                 fmt::format("expected a state of the scenario from the list (module.state); "
                             "found '{}'",
                             id));
    else if (module != d.target_module)
      in.problem(row, kValueColumn, label,
                 fmt::format("the state is in the module '{}', the target group in '{}'; "
                             "expected a state of the target module",
                             module, d.target_module));
    d.target_states.push_back(state);
  }
  const auto row_and_label = [&](Field field) {
    const int row = row_of(*layout, field);
    return std::pair(row, layout->rows[static_cast<size_t>(row - kFirstFieldRow)].label);
  };
  if (states.empty() && !d.target_module.empty()) {
    const auto [row, label] = row_and_label(Field::kTargetState);
    in.problem(row, kValueColumn, label, "expected at least one state of the target group");
  }
  // A reduction's costs are savings (zero or negative), an expansion's are not.
  for (const auto& [field, figure] :
       {std::pair(Field::kFixedCost, &d.fixed_dkk_per_year),
        std::pair(Field::kParticipantCost, &d.dkk_per_participant_month)}) {
    const auto [row, label] = row_and_label(field);
    if (!d.reduction && figure->value < 0)
      in.problem(row, kFigureColumn, label,
                 "an expansion's costs cannot be negative; expected the kind Reduktion for a "
                 "saving");
    if (d.reduction && figure->value > 0)
      in.problem(row, kFigureColumn, label,
                 "a reduction's costs are savings; expected zero or a negative amount");
  }
  if (!in.problems().empty()) throw FormError(in.problems());
  return d;
}

}  // namespace kommunesim::forms
