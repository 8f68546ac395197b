// Population bookkeeping: adding persons and rebuilding household member lists.
#include "model/engine/population.hpp"

#include <cstddef>

#include "model/engine/mortality.hpp"

namespace kommunesim::model {

uint32_t Population::add_person(uint32_t household_id, int32_t birth_month_index, bool female) {
  const auto slot = static_cast<uint32_t>(household.size());
  id.push_back(next_id++);
  household.push_back(household_id);
  birth_month.push_back(birth_month_index);
  death_month.push_back(kDeathNotDrawn);
  flags.push_back(static_cast<uint8_t>(kAlive | (female ? kFemale : 0)));
  history.push_back(0);
  state.insert(state.end(), kMaxModules, kNotInModule);
  months_in_state.insert(months_in_state.end(), kMaxModules, 0);
  participation.insert(participation.end(), kMaxProposalsPerArm, 0);
  clocks.insert(clocks.end(), static_cast<size_t>(clock_count), 0);
  return slot;
}

uint32_t Population::add_copy(const Population& other, uint32_t p, uint32_t household_id) {
  const auto slot = static_cast<uint32_t>(household.size());
  id.push_back(other.id[p]);
  household.push_back(household_id);
  birth_month.push_back(other.birth_month[p]);
  death_month.push_back(other.death_month[p]);
  flags.push_back(other.flags[p]);
  history.push_back(other.history[p]);
  state.insert(state.end(), other.state.data() + module_slot(p, 0),
               other.state.data() + module_slot(p + 1, 0));
  months_in_state.insert(months_in_state.end(), other.months_in_state.data() + module_slot(p, 0),
                         other.months_in_state.data() + module_slot(p + 1, 0));
  participation.insert(participation.end(), kMaxProposalsPerArm, 0);
  const auto width = static_cast<size_t>(clock_count);
  clocks.insert(clocks.end(), other.clocks.data() + p * width,
                other.clocks.data() + (p + 1) * width);
  return slot;
}

namespace {

// Room for a year of births and in-moving households (in Denmark about 1 % and 4 % of the
// population a year) without a vector doubling its capacity.
size_t with_growth(size_t persons) { return persons + persons / 16 + 64; }

// The elements of `v` (`width` per person) of the persons in `order`, in that order.
template <class T>
void gather(std::vector<T>& v, const std::vector<uint32_t>& order, size_t width) {
  std::vector<T> kept;
  kept.reserve(with_growth(order.size()) * width);
  kept.resize(order.size() * width);
  T* to = kept.data();
  for (uint32_t p : order)  // element by element: a library copy per person costs more
    for (size_t i = 0; i < width; ++i) *to++ = v[p * width + i];
  v.swap(kept);
}

}  // namespace

void Population::compact() {
  // The living, in household order; then each array rebuilt on its own, so that at most one
  // array exists twice at a time.
  std::vector<uint32_t> order;
  order.reserve(persons());
  for (size_t h = 0; h < households(); ++h)
    for_each_member(h, [&](uint32_t p) {
      if (alive(p)) order.push_back(p);
    });
  gather(id, order, 1);
  gather(household, order, 1);
  gather(birth_month, order, 1);
  gather(death_month, order, 1);
  gather(flags, order, 1);
  gather(history, order, 1);
  gather(state, order, kMaxModules);
  gather(months_in_state, order, kMaxModules);
  gather(participation, order, kMaxProposalsPerArm);
  gather(clocks, order, static_cast<size_t>(clock_count));
  index_sorted(households());
}

void Population::drop_empty_households() {
  std::vector<uint32_t> index_of(households());
  uint32_t kept = 0;
  for (size_t h = 0; h < households(); ++h) {
    index_of[h] = kept;
    if (first_slot[h + 1] > first_slot[h]) {
      household_ids[kept] = household_ids[h];
      wake_month[kept] = wake_month[h];
      ++kept;
    }
  }
  for (uint32_t& h : household) h = index_of[h];
  household_ids.resize(kept);
  wake_month.resize(kept);
  index_sorted(kept);
}

void Population::reserve_growth() { reserve(with_growth(persons())); }

void Population::reserve(size_t n) {
  id.reserve(n);
  household.reserve(n);
  birth_month.reserve(n);
  death_month.reserve(n);
  flags.reserve(n);
  history.reserve(n);
  state.reserve(n * kMaxModules);
  months_in_state.reserve(n * kMaxModules);
  participation.reserve(n * kMaxProposalsPerArm);
  clocks.reserve(n * static_cast<size_t>(clock_count));
}

void Population::index_sorted(size_t household_count) {
  sorted_slots = static_cast<uint32_t>(persons());
  first_slot.assign(household_count + 1, 0);
  for (uint32_t p = 0; p < sorted_slots; ++p) ++first_slot[household[p] + 1];
  for (size_t h = 0; h < household_count; ++h) first_slot[h + 1] += first_slot[h];
  added_offset.assign(household_count + 1, 0);
  added_members.clear();
  condition_bits.assign(household_count, 0);
  wake_month.resize(household_count, 0);  // compaction keeps households, and so their sleep
}

void Population::index_added(size_t household_count) {
  if (persons() == sorted_slots && household_count == households()) return;  // nothing added
  // Households created since the last compaction have no sorted slots.
  first_slot.resize(household_count + 1, sorted_slots);
  condition_bits.resize(household_count, 0);
  wake_month.resize(household_count, 0);
  added_offset.assign(household_count + 1, 0);
  for (size_t p = sorted_slots; p < persons(); ++p) ++added_offset[household[p] + 1];
  for (size_t h = 0; h < household_count; ++h) added_offset[h + 1] += added_offset[h];
  added_members.resize(persons() - sorted_slots);
  std::vector<uint32_t> next(added_offset.begin(), added_offset.end() - 1);
  for (size_t p = sorted_slots; p < persons(); ++p)
    added_members[next[household[p]]++] = static_cast<uint32_t>(p);
}

double Population::bytes_per_person() const {
  const double per_person =
      sizeof(uint32_t) /*id*/ + sizeof(uint32_t) + 2 * sizeof(int32_t) + sizeof(uint8_t) +
      sizeof(uint16_t) + kMaxModules * (sizeof(uint8_t) + sizeof(uint16_t)) +
      kMaxProposalsPerArm * sizeof(uint16_t) + static_cast<double>(clock_count) * sizeof(uint64_t);
  const double per_household = 2 * sizeof(uint32_t) /*first_slot, added_offset*/ +
                               sizeof(uint64_t) + sizeof(int32_t) /*condition_bits, wake_month*/;
  const double added = static_cast<double>(added_members.size() * sizeof(uint32_t));
  const double n = static_cast<double>(persons());
  return n == 0 ? 0 : per_person + (per_household * static_cast<double>(households()) + added) / n;
}

}  // namespace kommunesim::model
