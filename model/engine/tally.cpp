// Tally bookkeeping.
#include "model/engine/tally.hpp"

#include <algorithm>
#include <type_traits>

namespace kommunesim::model {

void Tally::reset(size_t slots, size_t event_slots, size_t equity_groups, size_t age_bands,
                  size_t case_masks) {
  state_months.assign(slots, 0);
  state_months_by_age.assign(slots * age_bands, 0);
  events_by_age.assign(event_slots * age_bands, 0);
  group_state_months.assign(slots * equity_groups, 0);
  events.assign(event_slots, 0);
  known_person_months.assign(case_masks, 0);
  known_state_months.assign(case_masks * slots, 0);
  known_household_months.assign(case_masks, 0);
  known_member_months.assign(case_masks, 0);
  known_household_state_months.assign(case_masks * slots, 0);
  participant_months.fill(0);
  admissions.fill(0);
  person_months_by_age.fill(0);
  person_months = births = deaths = out_migrants = in_migrants = 0;
}

void Tally::drop_cross_silo() {
  for (auto* part : {&known_person_months, &known_state_months, &known_household_months,
                     &known_member_months, &known_household_state_months})
    std::vector<uint64_t>().swap(*part);
}

void Tally::add_difference(const Tally& plus, const Tally& minus) {
  // Unsigned arithmetic is modulo 2^64: a field whose difference is negative still gives the
  // exact (non-negative) total.
  const auto each = [](auto& into, const auto& p, const auto& m) {
    for (size_t i = 0; i < into.size(); ++i) into[i] += p[i] - m[i];
  };
  each(state_months, plus.state_months, minus.state_months);
  each(events, plus.events, minus.events);
  each(state_months_by_age, plus.state_months_by_age, minus.state_months_by_age);
  each(events_by_age, plus.events_by_age, minus.events_by_age);
  each(group_state_months, plus.group_state_months, minus.group_state_months);
  each(known_person_months, plus.known_person_months, minus.known_person_months);
  each(known_state_months, plus.known_state_months, minus.known_state_months);
  each(known_household_months, plus.known_household_months, minus.known_household_months);
  each(known_member_months, plus.known_member_months, minus.known_member_months);
  each(known_household_state_months, plus.known_household_state_months,
       minus.known_household_state_months);
  each(participant_months, plus.participant_months, minus.participant_months);
  each(admissions, plus.admissions, minus.admissions);
  each(person_months_by_age, plus.person_months_by_age, minus.person_months_by_age);
  person_months += plus.person_months - minus.person_months;
  births += plus.births - minus.births;
  deaths += plus.deaths - minus.deaths;
  out_migrants += plus.out_migrants - minus.out_migrants;
  in_migrants += plus.in_migrants - minus.in_migrants;
}

namespace {

// Every field of a tally, in one order, for save and load.
template <class T, class F>
void each_field(T& t, F&& f) {
  f(t.state_months);
  f(t.group_state_months);
  f(t.events);
  f(t.state_months_by_age);
  f(t.events_by_age);
  f(t.known_person_months);
  f(t.known_state_months);
  f(t.known_household_months);
  f(t.known_member_months);
  f(t.known_household_state_months);
  f(t.participant_months);
  f(t.admissions);
  f(t.person_months_by_age);
  f(t.person_months);
  f(t.births);
  f(t.deaths);
  f(t.out_migrants);
  f(t.in_migrants);
}

template <class Field>
void save_field(const Field& field, std::vector<uint64_t>& out) {
  if constexpr (std::is_same_v<Field, uint64_t>) {
    out.push_back(field);
  } else {
    if constexpr (std::is_same_v<Field, std::vector<uint64_t>>) out.push_back(field.size());
    out.insert(out.end(), field.begin(), field.end());
  }
}

template <class Field>
void load_field(Field& field, const uint64_t*& at) {
  if constexpr (std::is_same_v<Field, uint64_t>) {
    field = *at++;
  } else {
    if constexpr (std::is_same_v<Field, std::vector<uint64_t>>) field.resize(*at++);
    std::copy(at, at + field.size(), field.begin());
    at += field.size();
  }
}

}  // namespace

void Tally::save(std::vector<uint64_t>& out) const {
  each_field(*this, [&](const auto& field) { save_field(field, out); });
}

Tally Tally::load(const uint64_t*& at) {
  Tally t;
  each_field(t, [&](auto& field) { load_field(field, at); });
  return t;
}

void save_years(const std::vector<Tally>& years, std::vector<uint64_t>& out) {
  out.push_back(years.size());
  for (const Tally& t : years) t.save(out);
}

std::vector<Tally> load_years(const uint64_t*& at) {
  std::vector<Tally> years(*at++);
  for (Tally& t : years) t = Tally::load(at);
  return years;
}

void Tally::add(const Tally& other) {
  for (size_t i = 0; i < state_months.size(); ++i) state_months[i] += other.state_months[i];
  for (size_t i = 0; i < events.size(); ++i) events[i] += other.events[i];
  for (size_t i = 0; i < state_months_by_age.size(); ++i)
    state_months_by_age[i] += other.state_months_by_age[i];
  for (size_t i = 0; i < events_by_age.size(); ++i) events_by_age[i] += other.events_by_age[i];
  for (size_t i = 0; i < group_state_months.size(); ++i)
    group_state_months[i] += other.group_state_months[i];
  const auto each = [](auto& into, const auto& from) {
    for (size_t i = 0; i < into.size(); ++i) into[i] += from[i];
  };
  each(known_person_months, other.known_person_months);
  each(known_state_months, other.known_state_months);
  each(known_household_months, other.known_household_months);
  each(known_member_months, other.known_member_months);
  each(known_household_state_months, other.known_household_state_months);
  for (size_t k = 0; k < participant_months.size(); ++k) {
    participant_months[k] += other.participant_months[k];
    admissions[k] += other.admissions[k];
  }
  for (size_t a = 0; a < person_months_by_age.size(); ++a)
    person_months_by_age[a] += other.person_months_by_age[a];
  person_months += other.person_months;
  births += other.births;
  deaths += other.deaths;
  out_migrants += other.out_migrants;
  in_migrants += other.in_migrants;
}

}  // namespace kommunesim::model
