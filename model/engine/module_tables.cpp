// Compiling data-defined modules into the flat tables of module_tables.hpp.
#include "model/engine/module_tables.hpp"

#include <algorithm>

#include "model/engine/mortality.hpp"
#include "model/engine/parameter_values.hpp"
#include "model/engine/units.hpp"

namespace kommunesim::model {
namespace {

template <size_t N>
std::array<uint8_t, N> band_lookup(const std::vector<int>& from, int unit) {
  std::array<uint8_t, N> lookup{};
  for (size_t i = 0; i < N; ++i) {
    const int value = static_cast<int>(i) * unit;
    const auto it = std::upper_bound(from.begin(), from.end(), value);
    lookup[i] = static_cast<uint8_t>(std::max<long>(0, (it - from.begin()) - 1));
  }
  return lookup;
}

// The value of a band table at an age and a duration in months.
double band_value(const BandTable& table, int age_months, int duration) {
  const auto band = [](const std::vector<int>& from, int v) {
    return static_cast<size_t>(
        std::max<long>(0, (std::upper_bound(from.begin(), from.end(), v) - from.begin()) - 1));
  };
  return table.values[band(table.age_from_months, age_months) * table.duration_from.size() +
                      band(table.duration_from, duration)];
}

// Calls f(a, d, crude) for every cell of the union of the age and duration bands of state s's
// exits, with each exit's crude probability there (read back from the hazard the table stores
// for a given probability).
template <class F>
void for_each_exit_cell(const Module& module, size_t s, const std::vector<int>& ages,
                        const std::vector<int>& durations, F&& f) {
  const int first = module.first_transition[s], last = module.first_transition[s + 1];
  for (size_t a = 0; a < ages.size(); ++a)
    for (size_t d = 0; d < durations.size(); ++d) {
      std::vector<double> crude;
      for (int t = first; t < last; ++t)
        crude.push_back(probability_from_hazard(
            band_value(module.transitions[static_cast<size_t>(t)].hazard, ages[a], durations[d])));
      f(a, d, crude);
    }
}

// The union of the age and of the duration band bounds of state s's exits.
std::pair<std::vector<int>, std::vector<int>> exit_bands(const Module& module, size_t s) {
  std::vector<int> ages, durations;
  for (int t = module.first_transition[s]; t < module.first_transition[s + 1]; ++t) {
    const BandTable& h = module.transitions[static_cast<size_t>(t)].hazard;
    ages.insert(ages.end(), h.age_from_months.begin(), h.age_from_months.end());
    durations.insert(durations.end(), h.duration_from.begin(), h.duration_from.end());
  }
  for (auto* v : {&ages, &durations}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return {ages, durations};
}

// Crude exit probabilities as competing hazards whose realised exits match them. For a state
// whose exits have crude monthly probabilities c_1..c_n in a cell (C = their sum, below 1), the
// total hazard H = -ln(1 - C) leaves with probability C, and h_k = H * c_k / C sends c_k of the
// state's persons to exit k. Every exit of a state gets the union of their bands.
std::vector<Transition> crude_as_hazards(const Module& module) {
  std::vector<Transition> out = module.transitions;
  for (size_t s = 0; s < module.states.size(); ++s) {
    const int first = module.first_transition[s], last = module.first_transition[s + 1];
    if (last == first) continue;
    const auto [ages, durations] = exit_bands(module, s);
    for (int t = first; t < last; ++t) {
      BandTable& h = out[static_cast<size_t>(t)].hazard;
      h.age_from_months = ages;
      h.duration_from = durations;
      h.values.assign(ages.size() * durations.size(), 0.0);
    }
    for_each_exit_cell(
        module, s, ages, durations, [&](size_t a, size_t d, const std::vector<double>& crude) {
          double total = 0;
          for (double c : crude) total += c;
          const double leave = table_hazard_from_probability(total);
          for (int t = first; t < last; ++t)
            out[static_cast<size_t>(t)].hazard.values[a * durations.size() + d] =
                total > 0 ? leave * crude[static_cast<size_t>(t - first)] / total : 0.0;
        });
  }
  return out;
}

}  // namespace

std::vector<double> largest_crude_exit(const Module& module) {
  std::vector<double> largest(module.states.size(), 0.0);
  for (size_t s = 0; s < module.states.size(); ++s) {
    if (module.first_transition[s + 1] == module.first_transition[s]) continue;
    const auto [ages, durations] = exit_bands(module, s);
    for_each_exit_cell(module, s, ages, durations,
                       [&](size_t, size_t, const std::vector<double>& crude) {
                         double total = 0;
                         for (double c : crude) total += c;
                         largest[s] = std::max(largest[s], total);
                       });
  }
  return largest;
}

namespace {

int refusion_of(const State& state) {
  for (const auto& line : state.costs)
    if (line.refusion >= 0) return line.refusion;
  return -1;
}

AgeTable age_table(const AgeRates& rates) {
  AgeTable table;
  for (int y = 0; y < kAgeYearsTabled; ++y)
    table.by_year[static_cast<size_t>(y)] = rates.at(y * kMonthsPerYear);
  return table;
}

}  // namespace

DurationBands duration_bands_of(const std::vector<int>& from) {
  DurationBands bands;
  bands.tabled = band_lookup<kDurationTabled>(from, 1);
  bands.from = from.empty() ? std::vector<int>{0} : from;
  return bands;
}

HouseholdConditionBits household_condition_bits(const Scenario& scenario) {
  HouseholdConditionBits table;
  for (const HouseholdCondition& c : scenario.household_conditions)
    if (c.module >= 0 &&
        std::find(table.modules.begin(), table.modules.end(), c.module) == table.modules.end())
      table.modules.push_back(c.module);
  table.by_state.assign(table.modules.size() * kMaxStates * 2, 0);
  for (size_t bit = 0; bit < scenario.household_conditions.size(); ++bit) {
    const HouseholdCondition& c = scenario.household_conditions[bit];
    const int role = c.adult ? 1 : 0;
    if (c.module < 0) {
      table.any_state[static_cast<size_t>(role)] |= uint64_t{1} << bit;
      continue;
    }
    const auto i = static_cast<size_t>(
        std::find(table.modules.begin(), table.modules.end(), c.module) - table.modules.begin());
    for (size_t state = 0; state < kMaxStates; ++state)
      if (((c.state_mask >> state) & 1u) != 0)
        table.by_state[(i * kMaxStates + state) * 2 + static_cast<size_t>(role)] |= uint64_t{1}
                                                                                    << bit;
  }
  return table;
}

std::vector<int> case_departments(const Scenario& scenario) {
  std::vector<int> departments;
  for (size_t d = 0; d < scenario.departments.size(); ++d)
    for (const Module& module : scenario.modules)
      if (module.department == static_cast<int>(d) &&
          std::any_of(module.states.begin(), module.states.end(),
                      [](const State& s) { return s.is_case; })) {
        departments.push_back(static_cast<int>(d));
        break;
      }
  return departments;
}

CompiledModel compile(const Scenario& scenario) {
  CompiledModel compiled;
  compiled.case_departments = case_departments(scenario);
  compiled.household_conditions = household_condition_bits(scenario);
  compiled.mortality = age_table(scenario.demography.mortality);
  compiled.log_monthly_survival = log_monthly_survival(compiled.mortality);
  compiled.fertility = age_table(scenario.demography.fertility);
  compiled.result_age_bands = static_cast<int>(scenario.result_age_bands.size());
  if (compiled.result_age_bands > 0)
    compiled.result_age_band = band_lookup<kAgeYearsTabled>(scenario.result_age_bands, 1);
  for (size_t m = 0; m < scenario.modules.size(); ++m) {
    const Module& module = scenario.modules[m];
    ModuleTables tables;
    if (module.has_clock) {
      tables.clock = compiled.clock_count();
      compiled.clocked_modules.push_back(static_cast<int>(m));
    }
    tables.states.resize(module.states.size());
    for (size_t s = 0; s < module.states.size(); ++s) {
      StateTable& st = tables.states[s];
      st.first_transition = module.first_transition[s];
      st.transition_count = module.first_transition[s + 1] - module.first_transition[s];
      st.slot = static_cast<int>(compiled.slots.size());
      st.cost_conditions = module.states[s].cost_conditions;
      st.variants = 1 << st.cost_conditions.size();
      std::vector<double> band_shares{0.0};
      if (const int refusion = refusion_of(module.states[s]); refusion >= 0) {
        const RefusionSchedule& schedule = scenario.refusions[static_cast<size_t>(refusion)];
        st.cost_band = duration_bands_of(schedule.from_month);
        st.band_by_clock = schedule.by_clock;
        band_shares = schedule.state_share;
      }
      st.one_slot = st.cost_conditions.empty() && band_shares.size() == 1;
      if (module.states[s].is_case)
        st.case_bit = static_cast<uint8_t>(
            1u << (std::find(compiled.case_departments.begin(), compiled.case_departments.end(),
                             module.department) -
                   compiled.case_departments.begin()));
      for (double share : band_shares)
        for (int v = 0; v < st.variants; ++v) {
          const SlotInfo slot{static_cast<int>(m), static_cast<int>(s), share,
                              static_cast<unsigned>(v)};
          Dkk spending = 0;
          for (const CostLine& line : module.states[s].costs)
            if (line.applies(slot.variant) && is_municipal_spending(line))
              spending += line.dkk_per_month * (1 - refunded_share(line, slot));
          compiled.slots.push_back(slot);
          compiled.slot_municipal_dkk.push_back(spending);
        }
    }
    const std::vector<Transition> transitions =
        module.crude_probabilities ? crude_as_hazards(module) : module.transitions;
    for (size_t t = 0; t < transitions.size(); ++t) {
      const Transition& tr = transitions[t];
      TransitionTable table;
      table.to = tr.to;
      const auto by_month = band_lookup<kAgeMonthsTabled>(tr.hazard.age_from_months, 1);
      table.age_band.assign(by_month.begin(), by_month.end());
      table.duration_band = duration_bands_of(tr.hazard.duration_from);
      table.duration_bands = static_cast<int>(tr.hazard.duration_from.size());
      table.hazard = tr.hazard.values;
      table.modifiers = tr.modifiers;
      table.duration_by_clock = tr.duration_by_clock;
      table.event_slot = compiled.event_slots++;
      compiled.event_module.push_back(static_cast<int>(m));
      compiled.event_transition.push_back(static_cast<int>(t));
      tables.transitions.push_back(std::move(table));
    }
    for (StateTable& st : tables.states)
      for (int y = 0; y < kAgeYearsTabled; ++y) {
        double total = 0;
        for (int t = 0; t < st.transition_count; ++t) {
          const TransitionTable& tr =
              tables.transitions[static_cast<size_t>(st.first_transition + t)];
          double h = 0;  // the highest over the year's months and every duration band
          for (int month = 0; month < kMonthsPerYear; ++month) {
            const int a = tr.age_band[static_cast<size_t>(y * kMonthsPerYear + month)];
            for (int d = 0; d < tr.duration_bands; ++d)
              h = std::max(h, tr.hazard[static_cast<size_t>(a * tr.duration_bands + d)]);
          }
          for (const Modifier& mod : tr.modifiers) h *= std::max(1.0, mod.relative_risk);
          total += h;
        }
        // A relative margin far above the rounding of the products and sums above; 0 when no
        // exit has a hazard at this age (no modifier or effect can give it one).
        constexpr double kMargin = 1e-9;
        st.leave_bound[static_cast<size_t>(y)] =
            total > 0 ? std::min(1.0, probability_from_hazard(total) * (1 + kMargin) + kMargin)
                      : 0.0;
      }
    for (const InitialStateShares& init : scenario.population.initial_states)
      if (init.module == static_cast<int>(m)) {
        tables.initial_age_from_months = init.age_from_months;
        tables.initial_shares = init.shares;
      }
    compiled.modules.push_back(std::move(tables));
  }
  static_assert(kMaxModules <= 8, "a module mask is one byte");
  compiled.eligible_by_age.resize(kAgeMonthsTabled);
  for (int age = 0; age < kAgeMonthsTabled; ++age)
    compiled.eligible_by_age[static_cast<size_t>(age)] = CompiledModel::eligible_at(scenario, age);
  for (const EquityGroup& group : scenario.equity_groups) {
    compiled.equity_flags.push_back(group.flag);
    compiled.equity_history_mask =
        static_cast<uint16_t>(compiled.equity_history_mask | (1u << group.flag));
  }
  // Each month of a dated change: the scenario with every change up to then, compiled alike.
  std::vector<DatedChange> simulated;  // a unit cost's change is priced, not simulated
  for (const DatedChange& c : scenario.dated_changes)
    if (!c.unit_cost) simulated.push_back(c);
  for (size_t i = 0; i < simulated.size(); ++i) {
    const MonthIndex month = simulated[i].month;
    if (i + 1 < simulated.size() && simulated[i + 1].month == month) continue;
    auto dated = std::make_shared<Scenario>(scenario);
    dated->dated_changes.clear();
    for (size_t j = 0; j <= i; ++j)
      set_parameter_value(*dated, simulated[j].parameter, simulated[j].value);
    auto tables = std::make_shared<const CompiledModel>(compile(*dated));
    compiled.later.push_back({month, std::move(dated), std::move(tables)});
  }
  return compiled;
}

InForce in_force(const Scenario& scenario, const CompiledModel& compiled, MonthIndex month) {
  const DatedTables* current = nullptr;
  for (const DatedTables& d : compiled.later)
    if (d.from <= month) current = &d;
  if (!current) return {scenario, compiled};
  return {*current->scenario, *current->compiled};
}

}  // namespace kommunesim::model
