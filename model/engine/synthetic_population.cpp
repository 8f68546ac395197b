// Synthetic persons and households from the population figures of a scenario.
#include "model/engine/synthetic_population.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "model/engine/ipf.hpp"
#include "model/engine/rng.hpp"
#include "model/engine/shares.hpp"

namespace kommunesim::model {
namespace {

// Populations are keyed apart from the replicates' simulations: draw d uses replicate slot
// kFirstPopulationDraw - d, far above any replicate count.
constexpr uint32_t kFirstPopulationDraw = 0xFFFFFFFFu;

RngKey population_key(uint32_t seed, int draw) {
  return {seed, kFirstPopulationDraw - static_cast<uint32_t>(draw)};
}

struct PersonSpec {
  int age_months = 0;
  bool female = false;
  double order = 0;  // a random key used to shuffle deterministically
};

// Rounds a table of expected counts to integers that keep the total (largest remainders).
std::vector<int> round_preserving_total(const std::vector<double>& values, int total) {
  std::vector<int> out(values.size());
  std::vector<std::pair<double, size_t>> remainders;
  int assigned = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    out[i] = static_cast<int>(std::floor(values[i]));
    assigned += out[i];
    remainders.push_back({values[i] - out[i], i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; assigned < total && i < remainders.size(); ++i, ++assigned)
    ++out[remainders[i].second];
  return out;
}

std::vector<PersonSpec> person_specs(const PopulationSpec& spec, RngKey key, int persons) {
  const auto bands = static_cast<Eigen::Index>(spec.age_band_persons.size());
  const double spec_total =
      std::accumulate(spec.age_band_persons.begin(), spec.age_band_persons.end(), 0.0);
  Eigen::VectorXd rows(bands);
  Eigen::MatrixXd seed(bands, 2);
  for (Eigen::Index b = 0; b < bands; ++b) {
    rows(b) = spec.age_band_persons[static_cast<size_t>(b)] * persons / spec_total;
    const double f = spec.seed_female_share_by_band.empty()
                         ? 0.5
                         : spec.seed_female_share_by_band[static_cast<size_t>(b)];
    seed(b, 0) = 1 - f;
    seed(b, 1) = f;
  }
  Eigen::VectorXd cols(2);
  cols << persons * (1 - spec.female_share), persons * spec.female_share;
  const Eigen::MatrixXd joint = fit_two_margins(seed, rows, cols).table;
  std::vector<double> cells;
  for (Eigen::Index b = 0; b < bands; ++b)
    for (int s = 0; s < 2; ++s) cells.push_back(joint(b, s));
  const std::vector<int> counts = round_preserving_total(cells, persons);

  std::vector<PersonSpec> out;
  uint32_t n = 0;
  for (Eigen::Index b = 0; b < bands; ++b) {
    const int from = spec.age_band_from_years[static_cast<size_t>(b)] * kMonthsPerYear;
    const int to = (b + 1 < bands ? spec.age_band_from_years[static_cast<size_t>(b + 1)]
                                  : spec.max_age_years) *
                   kMonthsPerYear;
    for (int s = 0; s < 2; ++s) {
      for (int i = 0; i < counts[static_cast<size_t>(b * 2 + s)]; ++i, ++n) {
        const double u = uniform(key, n, 0, 0, Purpose::kPopulation, 0);
        const double order = uniform(key, n, 0, 0, Purpose::kPopulation, 1);
        out.push_back({from + static_cast<int>(u * (to - from)), s == 1, order});
      }
    }
  }
  return out;
}

int draw_children(const std::vector<double>& distribution, double u) {
  const double total = std::accumulate(distribution.begin(), distribution.end(), 0.0);
  double cumulative = 0;
  for (size_t i = 0; i < distribution.size(); ++i) {
    cumulative += distribution[i] / total;
    if (u < cumulative) return static_cast<int>(i) + 1;
  }
  return static_cast<int>(distribution.size());
}

// Households as one list of members (person indices) with each household's start in it: a
// municipality of millions has millions of households, too many for a vector each.
struct Households {
  std::vector<uint32_t> members;
  std::vector<uint32_t> start{0};  // household h: members[start[h], start[h + 1])
  size_t size() const { return start.size() - 1; }
  void add(const std::vector<size_t>& persons) {
    for (size_t p : persons) members.push_back(static_cast<uint32_t>(p));
    start.push_back(static_cast<uint32_t>(members.size()));
  }
};

// Households: families (one or two parents of a plausible age for their oldest child) and,
// from the remaining adults, couples and singles.
Households form_households(const PopulationSpec& spec, const std::vector<PersonSpec>& persons,
                           int adult_months, RngKey key) {
  std::vector<size_t> children, adults;
  for (size_t i = 0; i < persons.size(); ++i)
    (persons[i].age_months < adult_months ? children : adults).push_back(i);
  const auto by_order = [&](size_t a, size_t b) { return persons[a].order < persons[b].order; };
  std::sort(children.begin(), children.end(), by_order);
  std::sort(adults.begin(), adults.end(), by_order);
  // Adults by age in years, so that parents can be found near a wanted age.
  std::map<int, std::vector<size_t>> adults_by_age;
  for (size_t a : adults) adults_by_age[persons[a].age_months / kMonthsPerYear].push_back(a);
  std::vector<bool> used(persons.size(), false);
  const auto take_adult_aged = [&](int wanted) -> long {
    for (int delta = 0; delta < 60; ++delta)
      for (int age : {wanted + delta, wanted - delta}) {
        auto it = adults_by_age.find(age);
        while (it != adults_by_age.end() && !it->second.empty()) {
          const size_t a = it->second.back();
          it->second.pop_back();
          if (!used[a]) return static_cast<long>(a);
        }
      }
    return -1;
  };

  Households households;
  households.members.reserve(persons.size());
  uint32_t family = 0;
  for (size_t c = 0; c < children.size(); ++family) {
    const int k = draw_children(spec.children_per_family,
                                uniform(key, family, 0, 1, Purpose::kPopulation, 0));
    std::vector<size_t> members(
        children.begin() + static_cast<long>(c),
        children.begin() +
            static_cast<long>(std::min(children.size(), c + static_cast<size_t>(k))));
    c += members.size();
    int oldest = 0;
    for (size_t m : members) oldest = std::max(oldest, persons[m].age_months / kMonthsPerYear);
    const double gap = uniform(key, family, 0, 1, Purpose::kPopulation, 1);
    const int parents =
        uniform(key, family, 0, 1, Purpose::kPopulation, 2) < spec.single_parent_share ? 1 : 2;
    for (int i = 0; i < parents; ++i) {
      const long a = take_adult_aged(oldest + spec.parent_age_at_oldest_child_min +
                                     static_cast<int>(gap * (spec.parent_age_at_oldest_child_max -
                                                             spec.parent_age_at_oldest_child_min)) +
                                     2 * i);
      if (a >= 0) {
        used[static_cast<size_t>(a)] = true;
        members.insert(members.begin(), static_cast<size_t>(a));
      }
    }
    households.add(members);
  }
  std::vector<size_t> rest;
  for (size_t a : adults)
    if (!used[a]) rest.push_back(a);
  for (size_t i = 0; i < rest.size(); ++i) {
    const bool couple = i + 1 < rest.size() &&
                        uniform(key, static_cast<uint32_t>(i), 0, 2, Purpose::kPopulation, 0) <
                            spec.couple_share_without_children;
    if (couple) {
      households.add({rest[i], rest[i + 1]});
      ++i;
    } else {
      households.add({rest[i]});
    }
  }
  return households;
}

// Probability of an ongoing spell in `state` being d months old, for d in [0, kDurationTabled).
std::vector<double> spell_duration_distribution(const ModuleTables& tables, int state,
                                                int age_years) {
  const StateTable& st = tables.states[static_cast<size_t>(state)];
  std::vector<double> survival(kDurationTabled);
  double s = 1, total = 0;
  for (int d = 0; d < kDurationTabled; ++d) {
    survival[static_cast<size_t>(d)] = s;
    total += s;
    double h = 0;
    for (int t = 0; t < st.transition_count; ++t)
      h += tables.transitions[static_cast<size_t>(st.first_transition + t)].base_hazard(
          age_years * kMonthsPerYear, d);
    s *= std::exp(-h);
  }
  double cumulative = 0;
  for (double& v : survival) {
    cumulative += v / total;
    v = cumulative;
  }
  return survival;
}

}  // namespace

void assign_initial_states(const Scenario& scenario, const CompiledModel& compiled, Population& pop,
                           uint32_t seed, int draw) {
  const RngKey key = population_key(seed, draw);
  std::map<std::tuple<int, int, int>, std::vector<double>> durations;
  for (const InitialStateShares& init : scenario.population.initial_states) {
    const Module& module = scenario.modules[static_cast<size_t>(init.module)];
    for (uint32_t p = 0; p < pop.persons(); ++p) {
      const int age = -pop.birth_month[p];
      if (!pop.alive(p) || !module.eligible(age)) continue;
      const auto band =
          std::upper_bound(init.age_from_months.begin(), init.age_from_months.end(), age) -
          init.age_from_months.begin() - 1;
      if (band < 0) continue;
      const auto& shares = init.shares[static_cast<size_t>(band)];
      const double u =
          uniform(key, pop.id[p], 0, static_cast<uint16_t>(init.module), Purpose::kInitialState, 0);
      const int state = draw_from_shares(shares, u);
      const int age_years = std::min(age / kMonthsPerYear, kAgeYearsTabled - 1);
      auto [it, inserted] = durations.try_emplace({init.module, state, age_years});
      if (inserted)
        it->second = spell_duration_distribution(compiled.modules[static_cast<size_t>(init.module)],
                                                 state, age_years);
      const double v =
          uniform(key, pop.id[p], 0, static_cast<uint16_t>(init.module), Purpose::kInitialState, 1);
      const auto d = std::lower_bound(it->second.begin(), it->second.end(), v) - it->second.begin();
      // A spell cannot be older than the person's time in the module.
      const int cap = age - module.min_age_months;
      const size_t i = Population::module_slot(p, static_cast<size_t>(init.module));
      pop.state[i] = static_cast<uint8_t>(state);
      pop.months_in_state[i] = static_cast<uint16_t>(std::min<long>(d, cap));
      // A clock starts at the spell's months so far (earlier spells are not known).
      const int clock = compiled.modules[static_cast<size_t>(init.module)].clock;
      if (clock >= 0 && module.clock.counts(state))
        pop.clock_in(p, static_cast<size_t>(clock)) = ClockValue::of(pop.months_in_state[i]);
      const int flag = module.states[static_cast<size_t>(state)].history_flag;
      if (flag >= 0) pop.history[p] = static_cast<uint16_t>(pop.history[p] | (1u << flag));
    }
  }
}

Population synthesize_population(const Scenario& scenario, const CompiledModel& compiled,
                                 uint32_t seed, int persons, int draw) {
  const RngKey key = population_key(seed, draw);
  const int n = persons > 0 ? persons : scenario.population.persons;
  const std::vector<PersonSpec> specs = person_specs(scenario.population, key, n);
  const auto households =
      form_households(scenario.population, specs, scenario.demography.adult_age_months, key);
  Population pop;
  pop.clock_count = compiled.clock_count();
  pop.reserve(households.members.size());
  for (size_t h = 0; h < households.size(); ++h)
    for (uint32_t m = households.start[h]; m < households.start[h + 1]; ++m) {
      const PersonSpec& person = specs[households.members[m]];
      pop.add_person(static_cast<uint32_t>(h), -person.age_months, person.female);
    }
  pop.index_sorted(households.size());
  assign_initial_states(scenario, compiled, pop, seed, draw);
  return pop;
}

}  // namespace kommunesim::model
