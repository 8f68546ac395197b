// The frozen scenario: every name resolved to a small integer index at load time, shared
// read-only by every run. Built by the loader (scenarios/loader) or directly by tests.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/engine/units.hpp"

namespace kommunesim::model {

constexpr int kMaxModules = 8;  // per-person state is a fixed array of this size
constexpr int kMaxStates = 64;  // a module's states fit in a 64-bit mask
constexpr int kMaxHistoryFlags = 16;
constexpr int kMaxHouseholdConditions = 64;
constexpr int kMaxProposalsPerArm = 4;
constexpr uint8_t kNotInModule = 0xFF;  // a person outside a module's eligibility

// Who bears a DKK: the owning department's budget, the state (refusion, state tax), the region,
// or the citizen (income lost or gained).
enum class Payer : uint8_t { kMunicipality = 0, kState = 1, kRegion = 2, kCitizen = 3 };
constexpr int kPayerCount = 4;
constexpr std::array<const char*, kPayerCount> kPayerNames = {"municipality", "state", "region",
                                                              "citizen"};

struct Department {
  std::string id;
  std::string title;
};

// Which way an outcome improves, so that the outputs can call a change a gain or a harm even where
// a view puts no price on it; kUnstated: the scenario does not say.
enum class Better { kUnstated, kHigher, kLower };

struct Measure {
  std::string id;
  std::string unit;
  std::string title;
  Better better = Better::kUnstated;
};

// The register parameter that prices a measure in DKK per unit: "value_<measure id>".
inline std::string price_parameter_id(const Measure& measure) { return "value_" + measure.id; }

// The persons with a history flag (e.g. everyone who has been on an income benefit), whose money
// as citizens a normative set may weigh by an equity weight: register parameter
// "equity_weight_<id>". A person's money counts in the group in every month they carry the flag,
// whatever their state, so a recipient who finds a job keeps the group's weight on the earnings.
struct EquityGroup {
  std::string id;
  std::string description;
  int flag = 0;
};
inline std::string equity_parameter_id(const EquityGroup& group) {
  return "equity_weight_" + group.id;
}

// A payer share schedule falling with months in state, e.g. the state's refusion of income
// benefits. state_share[i] applies from month from_month[i] (0-based months in state).
struct RefusionSchedule {
  std::string id;
  std::vector<int> from_month;
  std::vector<double> state_share;
  // The bands read the module's clock (cumulative months in a set of states, Module::clock)
  // instead of the months in the current state.
  bool by_clock = false;
};

// Months counted across a set of a module's states: the cumulative time on public support that
// the refusion staircase reads (LBK 221 of 12/02/2021 § 6). It restarts when a person has spent
// `reset_months_outside` months outside the set within the last `window_months` months.
struct Clock {
  std::string id;
  uint64_t state_mask = 0;  // the states it counts
  int reset_months_outside = 12;
  int window_months = 36;  // at most kClockWindowLimit
  std::string source;
  bool counts(int state) const { return ((state_mask >> state) & 1U) != 0; }
};
constexpr int kClockWindowLimit = 48;

// A piecewise table by age band (rows) and duration-in-state band (columns).
struct BandTable {
  std::vector<int>
      age_from_months;  // lower bounds, ascending, the first at most the module's min age
  std::vector<int> duration_from;  // lower bounds in months, ascending, first is 0
  std::vector<double> values;      // row-major [age band][duration band]
};

struct Condition {
  enum class Kind : uint8_t { kSelfIn, kHousehold, kHistory, kAge, kClock, kFromMonth };
  Kind kind = Kind::kSelfIn;
  uint8_t module = 0;         // kSelfIn: the module whose state is read; kClock: whose clock
  uint16_t index = 0;         // kHousehold: condition bit; kHistory: flag bit
  uint64_t state_mask = 0;    // kSelfIn: states that satisfy the condition
  uint8_t age_from = 0;       // kAge: whole years, from inclusive
  uint8_t age_to = 0;         // kAge: whole years, to exclusive
  uint16_t clock_from = 0;    // kClock: the clock's months, from inclusive
  uint16_t clock_to = 0;      // kClock: to exclusive
  MonthIndex from_month = 0;  // kFromMonth: the condition holds from this month of the run on
  bool operator==(const Condition&) const = default;
};

struct Modifier {
  Condition condition;
  double relative_risk = 1.0;
  bool feedback = false;  // acknowledged feedback loop (reads last month's states)
};

struct MeasureWeight {
  int measure = 0;
  double per_unit = 1.0;  // per person-month (state) or per event (transition)
};

struct Transition {
  uint8_t from = 0;
  uint8_t to = 0;
  BandTable hazard;  // monthly hazard, converted from the scenario's probabilities
  std::vector<Modifier> modifiers;
  std::vector<MeasureWeight> event_measures;
  // The duration bands read the module's clock (cumulative months across its states, e.g. two
  // years of dagpenge within three years) instead of the months in the current state.
  bool duration_by_clock = false;
};

// How a municipal amount counts in the budget (budgetloven, KL's budgetvejledning): service
// expenditure, which counts under the service ceiling (serviceramme); income transfers
// (overførselsudgifter), inside or outside the budget guarantee (budgetgaranti); financing
// (tax, equalisation, grants); investment (anlæg: construction and equipment, under its own
// frame). Transfer savings make no room under the service ceiling.
enum class BudgetType : uint8_t {
  kService = 0,
  kTransferGuaranteed = 1,
  kTransferOther = 2,
  kFinancing = 3,
  kInvestment = 4
};
constexpr int kBudgetTypeCount = 5;
constexpr std::array<const char*, kBudgetTypeCount> kBudgetTypeNames = {
    "service", "transfer_guaranteed", "transfer_other", "financing", "investment"};

struct CostLine {
  int department = 0;
  Payer payer = Payer::kMunicipality;
  Dkk dkk_per_month = 0;
  int refusion = -1;  // index of a RefusionSchedule moving a share of this line to the state
  BudgetType budget_type = BudgetType::kService;  // for the municipality's part
  // A transfer: the payer that receives the same amount (booked as its income), or -1. One
  // figure with two sides, so that changing the benefit changes both.
  int received_by = -1;
  // A line for some persons only (a benefit rate for providers, for under-30s): the index of its
  // condition in State::cost_conditions, or -1 for everyone in the state; `unless`: the line
  // applies when the condition does not hold.
  int condition = -1;
  bool unless = false;
  // Whether the line applies to a person-month whose cost conditions hold as the bits of
  // `variant` say (bit i: State::cost_conditions[i]).
  bool applies(unsigned variant) const {
    return condition < 0 || (((variant >> condition) & 1u) != 0) != unless;
  }
};

// Distinct conditions a state's cost lines read, at most this many (2^n tally slots per band).
constexpr size_t kMaxCostConditions = 3;

struct State {
  std::string id;
  std::string title;  // what outputs show; the id when the scenario gives none
  std::vector<CostLine> costs;
  std::vector<MeasureWeight> measures;
  int history_flag = -1;                   // flag set on entering this state
  std::vector<Condition> cost_conditions;  // read by the cost lines (CostLine::condition)
  // Whether the module's department has the person as a case (a sag) in this state: what the
  // cross-silo picture counts as "known to the centre". The scenario says so with `case`; without
  // it, a state with a cost line of municipal service or transfer expenditure is a case.
  bool is_case = false;
  // The index of `condition` among cost_conditions, added if new; -1 when it is new and the state
  // reads kMaxCostConditions others already.
  int cost_condition_index(const Condition& condition);
};

// Shares of the initial state when a person becomes eligible; the first matching
// history-specific rule wins.
struct EntryRule {
  std::vector<double> shares;
  struct ByHistory {
    int flag = 0;
    std::vector<double> shares;
  };
  std::vector<ByHistory> by_history;
};

struct Module {
  std::string id;
  std::string title;
  int department = 0;
  int min_age_months = 0;
  int max_age_months = 0;  // exclusive
  std::vector<State> states;
  std::vector<Transition> transitions;  // sorted by from-state
  std::vector<int> first_transition;    // per state + 1: range into transitions
  EntryRule entry;
  // How the transitions' monthly probabilities are meant: each exit's own (net) probability, as
  // if it were the only way out (the default); or the crude shares observed in a month, with the
  // other exits competing (what registers and jobindsats report), converted so that the realised
  // exits match them (module_tables.cpp).
  bool crude_probabilities = false;
  bool has_clock = false;
  Clock clock;
  bool eligible(int age_months) const {
    return age_months >= min_age_months && age_months < max_age_months;
  }
};

// "A member of the household with this role is in these states" (or just "exists" when
// module < 0). Evaluated once per household per month, from start-of-month states.
struct HouseholdCondition {
  std::string name;
  bool adult = true;  // role: adult (18+) or child
  int module = -1;
  uint64_t state_mask = 0;
};

struct AgeRates {
  std::vector<int> age_from_months;  // whole years, in months
  std::vector<double> monthly_probability;
  double at(int age_months) const;
};

struct Demography {
  AgeRates mortality;                // per person
  AgeRates fertility;                // per woman
  double out_migration_monthly = 0;  // per household
  double in_migration_monthly = 0;   // in-moving households per resident household
  int adult_age_months = 18 * 12;
  double female_share_of_births = 0.487;
};

struct InitialStateShares {
  int module = 0;
  std::vector<int> age_from_months;         // bands within the module's eligibility
  std::vector<std::vector<double>> shares;  // per band, per state
};

struct PopulationSpec {
  int persons = 0;
  std::vector<int> age_band_from_years;  // lower bounds; last band is open up to max_age
  int max_age_years = 100;
  std::vector<double> age_band_persons;           // marginal totals by age band
  double female_share = 0.5;                      // marginal by sex
  std::vector<double> seed_female_share_by_band;  // IPF seed (prior) for the joint table
  double single_parent_share = 0.2;               // of households with children
  std::vector<double> children_per_family;        // distribution of 1, 2, 3, ... children
  double couple_share_without_children = 0.45;
  int parent_age_at_oldest_child_min = 22;  // years, uniform between min and max
  int parent_age_at_oldest_child_max = 40;
  std::vector<InitialStateShares> initial_states;
};

struct EffectSize {
  enum class Kind : uint8_t { kPoint, kLognormal90, kTriangular };
  Kind kind = Kind::kPoint;
  double low = 1, mode = 1, high = 1;  // point: mode
};

struct Effect {
  int module = 0;
  int transition = 0;  // index into the module's transitions
  EffectSize relative_risk;
};

struct TargetGroup {
  int module = 0;
  uint64_t state_mask = 0;
  int min_age_months = 0;
  int max_age_months = 1 << 30;
  std::vector<int> household_conditions;  // all must hold
  // Known to at least this many centres at the start of the month (the cross-silo picture's
  // centres, State::is_case): the person, and the household's living members together (the
  // criteria municipalities use for coordinated efforts); 0: no such criterion.
  int min_centres = 0;
  int min_household_centres = 0;
  // Costs the municipality more than this many DKK a year (the other criterion for coordinated
  // efforts): twelve times its spending on the person's (the household's living members')
  // start-of-month states at the register unit costs (CompiledModel::slot_municipal_dkk), at the
  // scenario's price level; unset: no such criterion.
  std::optional<Dkk> yearly_cost_above;
  std::optional<Dkk> household_yearly_cost_above;
};

// Which eligible persons take the places first: the longest in their target state (a stock
// waiting longest), the newest in it (new cases, e.g. new home-care recipients), or at random.
enum class AdmissionPriority : uint8_t { kLongestInState, kNewestInState, kRandom };

struct Proposal {
  std::string id;
  std::string title;
  int department = 0;
  bool reduction = false;
  MonthIndex start_month = 0;
  Dkk fixed_dkk_per_year = 0;
  Dkk dkk_per_participant_month = 0;
  Dkk investment_dkk = 0;  // one-off investment (anlæg) in the start month, e.g. a building
  TargetGroup target;
  int capacity = 0;
  int participation_months = 1;
  // A person whose participation ended may be admitted again after this many whole months
  // without it; -1: a person takes part at most once.
  int readmission_after_months = -1;
  AdmissionPriority priority = AdmissionPriority::kLongestInState;
  std::vector<Effect> effects;
  // How long its effects last after participation, as its evidence gives it (a half-life in
  // months, a register figure); -1: none stated, the normative set's half-life applies.
  double effect_half_life_months = -1;
};

// The baseline (no proposals), one proposal, or a package of proposals run together.
// The most Monte Carlo replicates a run may ask for, in a scenario or on the command line (the
// default scenario needs 10-40; 100,000 of it would take days).
inline constexpr int kMaxReplicates = 100'000;

// The id of arm 0, the baseline without proposals (reserved: no proposal or package takes it).
inline constexpr std::string_view kBaselineArmId = "baseline";

struct Arm {
  std::string id;
  std::string title;
  std::vector<int> proposals;
};

// How the model reads a register parameter; resolved once at load (resolve_parameter_roles).
enum class ParameterRole : uint8_t {
  kNormative,      // read by valuation or dynamics settings of normative sets (or by nothing)
  kModelCost,      // a unit cost or refusion share: revalues stored tallies
  kModelDynamics,  // a rate, relative risk, entry share or effect size: changes the simulation
};

// The setting of a normative set that a normative parameter is; resolved once at load, so that
// nothing compares a parameter's name after loading.
enum class NormativeSetting : uint8_t {
  kNone,            // not a setting of the engine (a figure of the modules or proposals)
  kHorizonYears,    // horizon_years
  kDiscountRate,    // discount_rate: the first (or only) rate of the discount schedule
  kEffectScale,     // effect_scale
  kEffectHalfLife,  // effect_half_life_months
  kDeadweight,      // deadweight
  kOutcomePrice,    // value_<measure>: DKK per unit of a measure
  kEquityWeight,    // equity_weight_<group>: weight on an equity group's money as citizens
};

// A parameter of the register: declared once, with its range and source. Valuation parameters
// apply after simulation, dynamics ones change it. Normative choices (discount rate, horizon,
// prices, weights, effect scale, ...) may be overridden by normative sets; figures of the world
// that modules and proposals use (unit costs, rates, relative risks, effect sizes) are read
// where they are used (ParameterUse) and moved only by the tornado.
struct Parameter {
  std::string id;
  std::string description;
  std::string unit;
  double value = 0;  // for an uncertain effect size: its mode (triangular) or median (lognormal)
  double low = 0;
  double high = 0;
  EffectSize::Kind distribution = EffectSize::Kind::kPoint;  // effect sizes drawn per replicate
  std::string category;                                      // "valuation" or "dynamics"
  std::string source;
  std::string evidence;
  std::string owner;
  ParameterRole role = ParameterRole::kNormative;
  NormativeSetting setting = NormativeSetting::kNone;
  int setting_index = 0;  // kOutcomePrice: the measure; kEquityWeight: the equity group
  // A unit cost that moves with another when unit costs are drawn (the two sides of a transfer,
  // or figures derived from one estimate): it is scaled by the other's drawn value over its
  // register value instead of being drawn on its own. -1: drawn on its own.
  int scales_with = -1;
  // A unit cost stated at another year's prices: that year, and the factor (the price index of
  // the scenario's year over that year's) by which value, low and high were converted. 0: stated
  // at the scenario's prices, or no price level declared.
  int price_year = 0;
  double price_factor = 1;
  // A dynamics figure the default run's tornado moves to its range's ends, as --full-tornado does
  // for every figure (register key `explore = true`): one that may decide a proposal's result.
  bool explore = false;
  bool is_valuation() const { return category == "valuation"; }
  // A setting that changes what is simulated (effect scale, half-life, deadweight).
  bool is_dynamics_setting() const {
    return setting == NormativeSetting::kEffectScale ||
           setting == NormativeSetting::kEffectHalfLife || setting == NormativeSetting::kDeadweight;
  }
  // A setting applied after simulation (horizon, discount rate, outcome prices, equity weights).
  bool is_valuation_setting() const {
    return setting != NormativeSetting::kNone && !is_dynamics_setting();
  }
};

// A place in the model that takes its number from a register parameter.
struct ParameterUse {
  enum class Kind : uint8_t {
    kStateCost,                // module, state, cost line: DKK per person-month
    kTransitionProbability,    // module, transition, hazard cell: monthly probability
    kModifier,                 // module, transition, modifier: relative risk
    kEntryShare,               // module, rule (-1: default, else by_history index), state
    kProposalFixedCost,        // proposal: DKK per year
    kProposalParticipantCost,  // proposal: DKK per participant-month
    kProposalInvestment,       // proposal: DKK once, in its start month (anlæg)
    kEffect,                   // proposal, effect: relative risk (its distribution)
    kProposalHalfLife,         // proposal: months its effects last after participation
    kRefusionShare,            // refusion schedule, band: the state's share
  };
  Kind kind = Kind::kStateCost;
  int parameter = 0;
  int owner = 0;   // module, proposal or refusion schedule
  int item = 0;    // state, transition, entry rule or effect (else 0)
  int detail = 0;  // cost line, hazard cell, modifier, state or band (else 0)
  // kStateCost: the line's amount is the parameter's value times this (a line that carries a
  // dated change: the new value over the register's, so that draws and the tornado move both).
  double factor = 1;
  // An amount of money: a state's cost per month or a proposal's own cost.
  bool is_unit_cost() const {
    return kind == Kind::kStateCost || kind == Kind::kProposalFixedCost ||
           kind == Kind::kProposalParticipantCost || kind == Kind::kProposalInvestment;
  }
  // Changes what is simulated (rather than only what it costs).
  bool is_dynamics() const { return !is_unit_cost() && kind != Kind::kRefusionShare; }
};

// A period of the discount schedule: rate applies from year from_year (0-based) on.
struct DiscountBand {
  int from_year = 0;
  double rate = 0;
};

// Values that change what is simulated. Sets with equal dynamics share simulations.
struct Dynamics {
  double effect_scale = 1.0;           // multiplies log relative risks
  double effect_half_life_months = 0;  // fading after participation; 0 = ends at once
  double deadweight = 0;               // share of the effect that would have happened anyway
  // The set states its half-life: it applies to every proposal. Otherwise a proposal whose
  // evidence gives a persistence (Proposal::effect_half_life_months) fades with that, the others
  // with effect_half_life_months.
  bool half_life_for_all = false;
  bool operator==(const Dynamics&) const = default;
  // The values as the engine uses them: log relative risks are scaled by
  // effect_scale * (1 - deadweight), and without an effect there is nothing to fade. Sets whose
  // effective dynamics are equal simulate identically.
  Dynamics effective() const {
    const double scale = effect_scale * (1 - deadweight);
    return {scale, scale == 0 ? 0 : effect_half_life_months, 0, scale == 0 || half_life_for_all};
  }
  // The half-life with which a proposal's effects fade (its own: -1 when its evidence gives none).
  double half_life_for(double proposal_half_life_months) const {
    return half_life_for_all || proposal_half_life_months < 0 ? effect_half_life_months
                                                              : proposal_half_life_months;
  }
};

struct NormativeSet {
  std::string id;
  std::string title;
  std::array<bool, kPayerCount> perspective{};
  bool owning_department_only = false;  // count only the proposal's own department (silo view)
  std::vector<DiscountBand> discount;
  int horizon_years = 1;
  Dynamics dynamics;
  std::vector<double> measure_values;  // DKK per unit of each measure (0: not valued)
  std::vector<double> equity_weights;  // per equity group: weight on its citizens' money (1: none)
  // The set's value of a register parameter: its setting's value, or the register's value for a
  // parameter that is no setting (sets override only settings).
  double value(const Parameter& parameter) const;
  // Sets a normative setting. The discount rate becomes one constant rate; the horizon is
  // rounded and kept within [1, max_horizon_years]. False for a parameter that is no setting.
  bool set(const Parameter& parameter, double value, int max_horizon_years);
};

// A figure of one simulated year that the baseline should reproduce (checked, not fitted):
// inhabitants in an age band, persons in some of a module's states (mean over the year's months,
// optionally in an age band), transitions between two sets of a module's states in the year (a
// flow, e.g. new placements), or a module's gross municipal spending in the year (cost lines paid
// by the municipality, before the state's refusion).
struct CalibrationTarget {
  // kOverlap: persons (or households, their members together) known to several centres (the
  // cross-silo picture's count): the aggregate overlap counts a municipality may lawfully obtain.
  enum class Kind : uint8_t { kPopulation, kPersons, kFlow, kSpending, kOverlap };
  std::string id;
  std::string title;
  Kind kind = Kind::kPopulation;
  int module = -1;           // kPersons, kFlow, kSpending
  uint64_t state_mask = 0;   // kPersons; kFlow: the states entered
  uint64_t from_mask = 0;    // kFlow: the states left
  int min_age_years = 0;     // kPopulation, kPersons
  int max_age_years = 0;     // kPopulation, kPersons (0: every age), exclusive
  bool households = false;   // kOverlap: count households, not persons
  int centres_at_least = 0;  // kOverlap: known to at least this many centres
  std::vector<int> centres;  // kOverlap: departments that must all know them
  int year = 0;              // the calendar year checked (the base year unless stated)
  double tolerance = 0;      // relative deviation accepted (the file's unless stated)
  double value = 0;
  std::string source;
};

// When the municipality's financing (income tax kept after equalisation) reaches it. Under the
// state-guaranteed tax base (statsgaranti) the revenue of year t rests on the tax base of year
// t - 3; under selvbudgettering a change in the tax base is settled (efterregulering) three years
// later. Either way the cash of a new job in year t arrives in year t + lag.
struct Financing {
  std::string tax_base = "none";  // "statsgaranti", "selvbudgettering", or none declared
  int tax_lag_years = 0;
  std::string source;
};

// A register figure of the modules' dynamics (a rate, relative risk or entry share) that takes
// another value from a month inside the horizon: a reform (e.g. ressourceforløb closed to new
// cases). The simulation uses the tables in force in each month.
struct DatedChange {
  int parameter = 0;
  MonthIndex month = 0;  // the first month with the new value
  double value = 0;
  std::string source;
  // A unit cost's change is priced, not simulated: its lines are split by a kFromMonth cost
  // condition at load, and the simulation's tables never change for it.
  bool unit_cost = false;
};

// The price level of every amount: unit costs stated at other years' prices are converted to
// `year` with the index when the scenario is loaded. year 0: none declared (amounts as given).
struct PriceLevel {
  int year = 0;
  std::map<int, double> index;  // year -> index value
  std::string description;      // which index (e.g. consumer prices, KL's pris- og lønindeks)
  std::string source;
};

// Disclosure control (diskretionering) for a scenario built on a municipality's own register
// data: every count of persons, households or events below `threshold` that an output would show
// is suppressed, with whatever it could be derived from (model/appraisal/disclosure.hpp).
// The smallest count shown by default: municipalities' data policies and the FLIS and Danmarks
// Statistik outputs built on persons suppress cells of 1-4.
inline constexpr int kDefaultDisclosureThreshold = 5;
struct Disclosure {
  bool real_data = false;
  int threshold = kDefaultDisclosureThreshold;
  std::string source;  // the rule's origin, e.g. the municipality's data policy
};

struct Scenario {
  std::string name;
  int base_year = 2025;
  int horizon_years = 1;
  // Replicates: `replicates` first; while a decision is unresolved (the appraisal's stopping rule),
  // `replicate_batch` more at a time up to `max_replicates`. A batch of 0 means a fixed count.
  int replicates = 1;
  int replicate_batch = 0;
  int max_replicates = 1;
  int sensitivity_replicates = 0;  // replicates re-simulated for sensitivity; 0: all
  // A net value whose 90 % interval of the mean lies within this many DKK of zero is "about
  // break-even": no material gain or cost either way, and no reason to add replicates.
  double materiality_dkk = 0;
  // Sources of uncertainty drawn per replicate besides individual randomness and effect sizes: a
  // fresh synthetic population for every pair of replicates (the pairs let the variance between
  // populations be told from the variance within one), and every unit cost that has a register
  // range, drawn within it.
  bool redraw_population = false;
  bool draw_unit_costs = false;
  Financing financing;
  PriceLevel prices;
  Disclosure disclosure;
  std::vector<DatedChange> dated_changes;  // ascending by month
  // Lower bounds (whole years, the first 0) of the age bands that results by age are tallied in
  // (state person-months and transitions); empty: no results by age.
  std::vector<int> result_age_bands;
  // The municipality's whole net operating spending (service and transfers after refusion), to
  // report what share of it the modules cover; 0: not declared.
  double net_operating_dkk = 0;
  std::string net_operating_source;
  uint32_t seed = 1;
  std::vector<Department> departments;
  std::vector<Measure> measures;
  std::vector<std::string> history_flags;
  std::vector<RefusionSchedule> refusions;
  std::vector<Module> modules;
  std::vector<HouseholdCondition> household_conditions;
  std::vector<EquityGroup> equity_groups;
  Demography demography;
  PopulationSpec population;
  std::vector<Proposal> proposals;
  std::vector<Arm> arms;  // arms[0] is the baseline
  std::vector<NormativeSet> norms;
  // The set a budget team decides by (`budget_view`): outputs rank the proposals under it first.
  int budget_norm = 0;
  std::vector<Parameter> parameters;         // the register
  std::vector<ParameterUse> parameter_uses;  // where modules and proposals read the register
  std::vector<CalibrationTarget> calibration;
  double calibration_tolerance = 0;  // relative deviation accepted from a target
  int months() const { return horizon_years * kMonthsPerYear; }
  // Index of a register parameter, or -1.
  int parameter_index(std::string_view id) const;
};

}  // namespace kommunesim::model
