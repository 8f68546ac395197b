// The budget form's layout and the scenario's choices (proposal_form.hpp).
#include "forms/proposal_form.hpp"

#include <fmt/format.h>

namespace kommunesim::forms {
namespace {

struct RowText {
  Field field;
  RowKind kind;
  bool required;
  ChoiceList list;
  const char* label_da;
  const char* label_en;
  const char* help_da;
  const char* help_en;
  int repeat = 1;  // rows of a repeated field: labels numbered 1..repeat
};

// The form, top to bottom. Headings have no field of their own (kId is not read from them).
const std::vector<RowText>& row_texts() {
  using enum RowKind;
  using L = ChoiceList;
  static const std::vector<RowText> rows = {
      {Field::kHeading, kHeading, false, L::kNone, "Forslaget", "The proposal", "", ""},
      {Field::kId, kText, true, L::kNone, "Id (kort navn)", "Id (short name)",
       "Små bogstaver, tal og _, fx jobstotte_foraeldre; bliver filnavn og nøgle i resultaterne",
       "Lower-case letters, digits and _, e.g. youth_mentor; the file name and key in the results"},
      {Field::kTitle, kText, true, L::kNone, "Titel", "Title", "Som i budgetmaterialet",
       "As in the budget material"},
      {Field::kDescription, kText, false, L::kNone, "Beskrivelse", "Description",
       "Hvad forslaget gør, kort", "What the proposal does, briefly"},
      {Field::kDepartment, kChoice, true, L::kDepartments, "Ansvarligt center", "Owning centre",
       "Vælg på listen: centret, hvis budget forslaget hører til",
       "Choose from the list: the centre whose budget the proposal belongs to"},
      {Field::kKind, kChoice, true, L::kKinds, "Udvidelse eller reduktion",
       "Expansion or reduction",
       "En reduktions udgifter er besparelser: skriv dem som negative beløb",
       "A reduction's costs are savings: enter them as negative amounts"},
      {Field::kStartYear, kInteger, true, L::kNone, "Startår", "First year",
       "Det første år med forslaget", "The proposal's first year"},
      {Field::kStartMonth, kInteger, true, L::kNone, "Startmåned (1-12)", "First month (1-12)",
       "1 = januar", "1 = January"},
      {Field::kCapacity, kInteger, true, L::kNone, "Pladser (kapacitet)", "Places (capacity)",
       "Deltagere på én gang", "Participants at any one time"},
      {Field::kParticipationMonths, kInteger, true, L::kNone, "Forløbets længde (måneder)",
       "Length of participation (months)",
       "Forløbet slutter også, når deltageren forlader målgruppen",
       "Participation also ends when the participant leaves the target group"},
      {Field::kPriority, kChoice, false, L::kPriorities, "Hvem får pladserne først",
       "Who is admitted first", "Tom: længst i tilstanden", "Empty: longest in state"},
      {Field::kReadmission, kInteger, false, L::kNone, "Kan optages igen efter (måneder)",
       "Readmission after (months)", "Tom: hver borger deltager højst én gang",
       "Empty: a person takes part at most once"},
      {Field::kHeading, kHeading, false, L::kNone, "Udgifter (serviceudgifter)",
       "Costs (service expenditure)", "", ""},
      {Field::kStaff, kNumber, false, L::kNone, "Årsværk", "Staff (full-time equivalents)",
       "Til orientering; lønnen indgår i den faste udgift",
       "For information; their pay is part of the fixed cost"},
      {Field::kFixedCost, kAmount, true, L::kNone, "Fast udgift pr. år (kr.)",
       "Fixed cost per year (DKK)",
       "Løn til personale, husleje og andet, der ikke afhænger af deltagerne",
       "Staff pay, rent and whatever does not depend on the participants"},
      {Field::kParticipantCost, kAmount, true, L::kNone, "Udgift pr. deltagermåned (kr.)",
       "Cost per participant-month (DKK)", "Aktiviteter og andet pr. deltager pr. måned",
       "Activities and the like per participant per month"},
      {Field::kInvestment, kAmount, false, L::kNone, "Anlæg, engangsudgift (kr.)",
       "Investment, one-off (DKK)", "Bogføres i startåret som anlæg, uden for serviceudgifterne",
       "Booked in the first year as investment (anlæg), outside service expenditure"},
      {Field::kCostDescription, kText, false, L::kNone, "Udgifternes forudsætninger",
       "What the costs assume", "Fx 3 sagsbehandlere á 650.000 kr.",
       "E.g. three caseworkers at 650,000 DKK"},
      {Field::kHeading, kHeading, false, L::kNone, "Målgruppe", "Target group", "", ""},
      {Field::kTargetModule, kChoice, true, L::kModules, "Modul", "Module",
       "Modulet, hvis tilstande målgruppen er i", "The module whose states the target group is in"},
      {Field::kTargetState, kChoice, false, L::kStates, "Tilstand", "State",
       "Vælg en eller flere tilstande i modulet", "Choose one or more states of the module",
       kTargetStates},
      {Field::kAgeMin, kInteger, false, L::kNone, "Alder fra (år)", "Age from (years)", "", ""},
      {Field::kAgeMax, kInteger, false, L::kNone, "Alder til (år, ikke medregnet)",
       "Age below (years)", "", ""},
      {Field::kHousehold, kChoice, false, L::kConditions, "Husstandsbetingelse",
       "Household condition", "Alle valgte skal gælde", "All chosen must hold",
       kHouseholdConditions},
      {Field::kKnownTo, kInteger, false, L::kNone, "Kendt af mindst antal centre",
       "Known to at least (centres)", "Borgeren selv", "The person themselves"},
      {Field::kFamilyKnownTo, kInteger, false, L::kNone, "Familien kendt af mindst antal centre",
       "Family known to at least (centres)", "Husstandens medlemmer tilsammen",
       "The household's members together"},
      {Field::kCostsMoreThan, kNumber, false, L::kNone, "Koster kommunen mere end (kr. pr. år)",
       "Costs the municipality more than (DKK a year)",
       "Borgerens tilstande ved månedens start, til registrets enhedspriser",
       "The person's states at the start of the month, at the register's unit costs"},
      {Field::kFamilyCostsMoreThan, kNumber, false, L::kNone,
       "Familien koster kommunen mere end (kr. pr. år)",
       "Family costs the municipality more than (DKK a year)", "Husstandens medlemmer tilsammen",
       "The household's members together"},
      {Field::kHeading, kHeading, false, L::kNone, "Virkninger (relativ risiko for deltagerne)",
       "Effects (relative risk for participants)", "", ""},
      {Field::kEffect, kEffect, false, L::kTransitions, "Virkning", "Effect",
       "Vælg overgangen i kolonne B; relativ risiko over 1 gør den hyppigere",
       "Choose the transition in column B; a relative risk above 1 makes it more frequent",
       kEffects},
      {Field::kHalfLife, kDuration, false, L::kNone, "Halveringstid efter forløbet (måneder)",
       "Half-life after participation (months)",
       "Tom: normsættets; ellers som evidensen angiver (fx 24 ved opfølgning efter to år)",
       "Empty: the normative set's; else as the evidence gives it"},
  };
  return rows;
}

FormLayout make_layout(FormLanguage language) {
  const bool da = language == FormLanguage::kDanish;
  FormLayout layout;
  layout.language = language;
  layout.form_sheet = da ? "Forslag" : "Proposal";
  layout.list_sheet = da ? "Lister" : "Lists";
  layout.title = da ? "Budgetforslag til kommunesim" : "Budget proposal for kommunesim";
  layout.guidance = da ? "Udfyld de gule felter; vælg fra listen, hvor feltet har en pil. Hvert "
                         "tal skal have sin kilde. Læs formularen ind med: kommunesim "
                         "add-proposal FIL.xlsx SCENARIE --out NY_MAPPE"
                       : "Fill in the yellow cells; choose from the list where a cell has an "
                         "arrow. Every figure needs its source. Read the form in with: "
                         "kommunesim add-proposal FILE.xlsx SCENARIO --out NEW_FOLDER";
  layout.headings =
      da ? std::vector<std::string>{"Felt",      "Valg eller tekst",   "Værdi",   "Lav",
                                    "Høj",       "Prisår / fordeling", "Evidens", "Kilde",
                                    "Vejledning"}
         : std::vector<std::string>{"Field",    "Choice or text", "Value",
                                    "Low",      "High",           "Price year / distribution",
                                    "Evidence", "Source",         "Guidance"};
  for (const RowText& t : row_texts())
    for (int i = 0; i < t.repeat; ++i) {
      std::string label = da ? t.label_da : t.label_en;
      if (t.repeat > 1) label += fmt::format(" {}", i + 1);
      layout.rows.push_back({t.field, i, t.kind, t.required && i == 0, t.list, label,
                             i == 0 ? (da ? t.help_da : t.help_en) : ""});
    }
  layout.economy_heading =
      da ? "Økonomi ved fuld belægning (1.000 kr.)" : "Cost at full capacity (DKK 1,000)";
  layout.economy_row = da ? "Udgift i alt" : "Cost in all";
  layout.economy_note =
      da ? "Beregnet i arket af udgifterne, pladserne og starten ovenfor, som i et budgetforslag. "
           "kommunesim beregner de faktiske udgifter af belægningen og virkningerne på tværs af "
           "centrene"
         : "Computed in the sheet from the costs, places and start above, as in a budget "
           "proposal. kommunesim computes the actual costs from the places filled and the effects "
           "across the centres";
  layout.kinds = da ? std::vector<std::string>{"Udvidelse", "Reduktion"}
                    : std::vector<std::string>{"Expansion", "Reduction"};
  layout.priorities =
      da ? std::vector<std::string>{"Længst i tilstanden", "Nyeste i tilstanden", "Tilfældigt"}
         : std::vector<std::string>{"Longest in state", "Newest in state", "Random"};
  layout.distributions = da ? std::vector<std::string>{"lognormal", "trekantet", "ingen (et punkt)"}
                            : std::vector<std::string>{"lognormal", "triangular", "none (a point)"};
  return layout;
}

}  // namespace

const FormLayout& form_layout(FormLanguage language) {
  static const FormLayout danish = make_layout(FormLanguage::kDanish);
  static const FormLayout english = make_layout(FormLanguage::kEnglish);
  return language == FormLanguage::kDanish ? danish : english;
}

scenarios::ProposalDraft draft_of_proposal(const model::Scenario& s, int index) {
  const model::Proposal& p = s.proposals[static_cast<size_t>(index)];
  scenarios::ProposalDraft d;
  d.id = p.id;
  d.title = p.title;
  d.department = s.departments[static_cast<size_t>(p.department)].id;
  d.reduction = p.reduction;
  d.start_year = s.base_year + p.start_month / model::kMonthsPerYear;
  d.start_month = p.start_month % model::kMonthsPerYear + 1;
  d.capacity = p.capacity;
  d.participation_months = p.participation_months;
  d.priority = priority_words()[static_cast<size_t>(p.priority)];
  if (p.readmission_after_months >= 0) d.readmission_after_months = p.readmission_after_months;
  const model::Module& module = s.modules[static_cast<size_t>(p.target.module)];
  d.target_module = module.id;
  for (size_t st = 0; st < module.states.size(); ++st)
    if ((p.target.state_mask >> st) & 1U) d.target_states.push_back(module.states[st].id);
  if (p.target.min_age_months > 0) d.age_min = p.target.min_age_months / model::kMonthsPerYear;
  if (p.target.max_age_months < (1 << 30))
    d.age_max = p.target.max_age_months / model::kMonthsPerYear;
  for (int c : p.target.household_conditions)
    d.household.push_back(s.household_conditions[static_cast<size_t>(c)].name);
  if (p.target.min_centres > 0) d.known_to_at_least = p.target.min_centres;
  if (p.target.min_household_centres > 0)
    d.family_known_to_at_least = p.target.min_household_centres;
  d.costs_more_than = p.target.yearly_cost_above;
  d.family_costs_more_than = p.target.household_yearly_cost_above;
  for (const model::Effect& e : p.effects) {
    const model::Module& m = s.modules[static_cast<size_t>(e.module)];
    const model::Transition& t = m.transitions[static_cast<size_t>(e.transition)];
    d.effects.push_back({m.id, m.states[t.from].id, m.states[t.to].id, {}});
  }
  // The register figures the proposal reads, at the prices they are stated in.
  for (const model::ParameterUse& use : s.parameter_uses) {
    if (use.owner != index) continue;
    const model::Parameter& r = s.parameters[static_cast<size_t>(use.parameter)];
    const double stated = 1 / r.price_factor;
    scenarios::DraftFigure f{r.value * stated,        r.low * stated, r.high * stated, r.price_year,
                             distribution_words()[0], r.evidence,     r.source};
    if (r.distribution == model::EffectSize::Kind::kTriangular) f.distribution = "triangular";
    if (r.distribution == model::EffectSize::Kind::kPoint) f.distribution = "";
    using K = model::ParameterUse::Kind;
    switch (use.kind) {
      case K::kProposalFixedCost:
        d.fixed_dkk_per_year = f;
        break;
      case K::kProposalParticipantCost:
        d.dkk_per_participant_month = f;
        break;
      case K::kProposalInvestment:
        d.investment_dkk = f;
        break;
      case K::kProposalHalfLife:
        d.effect_half_life_months = f;
        break;
      case K::kEffect:
        d.effects[static_cast<size_t>(use.item)].relative_risk = f;
        break;
      default:
        break;
    }
  }
  return d;
}

int row_of(const FormLayout& layout, Field field) {
  for (size_t r = 0; r < layout.rows.size(); ++r)
    if (layout.rows[r].field == field) return kFirstFieldRow + static_cast<int>(r);
  return -1;
}

const std::vector<std::string>& kind_words() {
  static const std::vector<std::string> words = {"expansion", "reduction"};
  return words;
}
const std::vector<std::string>& priority_words() {
  static const std::vector<std::string> words = {"longest_in_state", "newest_in_state", "random"};
  return words;
}
const std::vector<std::string>& distribution_words() {
  static const std::vector<std::string> words = {"lognormal", "triangular", ""};
  return words;
}

std::vector<Choice> choices(const model::Scenario& scenario, ChoiceList list) {
  std::vector<Choice> out;
  switch (list) {
    case ChoiceList::kDepartments:
      for (const model::Department& d : scenario.departments)
        out.push_back({fmt::format("{} [{}]", d.title, d.id), d.id});
      break;
    case ChoiceList::kModules:
      for (const model::Module& m : scenario.modules)
        out.push_back({fmt::format("{} [{}]", m.title, m.id), m.id});
      break;
    case ChoiceList::kStates:
      for (const model::Module& m : scenario.modules)
        for (const model::State& s : m.states)
          out.push_back(
              {fmt::format("{}: {} [{}.{}]", m.title, s.title, m.id, s.id), m.id + "." + s.id});
      break;
    case ChoiceList::kConditions:
      for (const model::HouseholdCondition& c : scenario.household_conditions)
        out.push_back({c.name, c.name});
      break;
    case ChoiceList::kTransitions:
      for (const model::Module& m : scenario.modules)
        for (const model::Transition& t : m.transitions) {
          const model::State& from = m.states[t.from];
          const model::State& to = m.states[t.to];
          out.push_back({fmt::format("{}: {} → {} [{}.{}>{}]", m.title, from.title, to.title, m.id,
                                     from.id, to.id),
                         fmt::format("{}.{}>{}", m.id, from.id, to.id)});
        }
      break;
    case ChoiceList::kKinds:
    case ChoiceList::kPriorities:
    case ChoiceList::kDistributions:
    case ChoiceList::kNone:
      break;
  }
  return out;
}

std::string choice_id(const std::string& text) {
  const auto open = text.rfind('[');
  const auto close = text.rfind(']');
  if (open != std::string::npos && close != std::string::npos && close > open)
    return text.substr(open + 1, close - open - 1);
  return text;
}

}  // namespace kommunesim::forms
