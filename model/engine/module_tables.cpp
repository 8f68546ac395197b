// Compiling data-defined modules into the flat tables of module_tables.hpp.
#include "model/engine/module_tables.hpp"

#include <algorithm>

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

CompiledModel compile(const Scenario& scenario) {
  CompiledModel compiled;
  compiled.mortality = age_table(scenario.demography.mortality);
  compiled.fertility = age_table(scenario.demography.fertility);
  for (size_t m = 0; m < scenario.modules.size(); ++m) {
    const Module& module = scenario.modules[m];
    ModuleTables tables;
    if (module.has_clock) tables.clock = compiled.clock_count++;
    tables.states.resize(module.states.size());
    for (size_t s = 0; s < module.states.size(); ++s) {
      StateTable& st = tables.states[s];
      st.first_transition = module.first_transition[s];
      st.transition_count = module.first_transition[s + 1] - module.first_transition[s];
      st.slot = static_cast<int>(compiled.slots.size());
      const int refusion = refusion_of(module.states[s]);
      if (refusion < 0) {
        compiled.slots.push_back({static_cast<int>(m), static_cast<int>(s), 0.0});
      } else {
        const RefusionSchedule& schedule = scenario.refusions[static_cast<size_t>(refusion)];
        st.cost_band = duration_bands_of(schedule.from_month);
        st.band_by_clock = schedule.by_clock;
        for (double share : schedule.state_share)
          compiled.slots.push_back({static_cast<int>(m), static_cast<int>(s), share});
      }
    }
    for (size_t t = 0; t < module.transitions.size(); ++t) {
      const Transition& tr = module.transitions[t];
      TransitionTable table;
      table.to = tr.to;
      std::vector<int> age_years;
      for (int a : tr.hazard.age_from_months) age_years.push_back(a / kMonthsPerYear);
      table.age_band = band_lookup<kAgeYearsTabled>(age_years, 1);
      table.duration_band = duration_bands_of(tr.hazard.duration_from);
      table.duration_bands = static_cast<int>(tr.hazard.duration_from.size());
      table.hazard = tr.hazard.values;
      table.modifiers = tr.modifiers;
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
          const int a = tr.age_band[static_cast<size_t>(y)];
          double h = 0;
          for (int d = 0; d < tr.duration_bands; ++d)
            h = std::max(h, tr.hazard[static_cast<size_t>(a * tr.duration_bands + d)]);
          for (const Modifier& mod : tr.modifiers) h *= std::max(1.0, mod.relative_risk);
          total += h;
        }
        // A relative margin far above the rounding of the products and sums above.
        constexpr double kMargin = 1e-9;
        st.leave_bound[static_cast<size_t>(y)] =
            std::min(1.0, probability_from_hazard(total) * (1 + kMargin) + kMargin);
      }
    for (const InitialStateShares& init : scenario.population.initial_states)
      if (init.module == static_cast<int>(m)) {
        tables.initial_age_from_months = init.age_from_months;
        tables.initial_shares = init.shares;
      }
    compiled.modules.push_back(std::move(tables));
  }
  for (const EquityGroup& group : scenario.equity_groups)
    compiled.equity_flags.push_back(group.flag);
  return compiled;
}

}  // namespace kommunesim::model
