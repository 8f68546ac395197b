// Population bookkeeping: adding persons and rebuilding household member lists.
#include "model/population.hpp"

namespace kommunesim::model {

uint32_t Population::add_person(uint32_t household_id, int32_t birth_month_index, bool female) {
  const auto slot = static_cast<uint32_t>(household.size());
  id.push_back(next_id++);
  household.push_back(household_id);
  birth_month.push_back(birth_month_index);
  flags.push_back(static_cast<uint8_t>(kAlive | (female ? kFemale : 0)));
  history.push_back(0);
  state.insert(state.end(), kMaxModules, kNotInModule);
  months_in_state.insert(months_in_state.end(), kMaxModules, 0);
  participation.insert(participation.end(), kMaxProposalsPerArm, 0);
  return slot;
}

void Population::compact() {
  Population kept;
  kept.next_id = next_id;
  const size_t n = members.size();
  kept.id.reserve(n);
  kept.household.reserve(n);
  kept.birth_month.reserve(n);
  kept.flags.reserve(n);
  kept.history.reserve(n);
  kept.state.reserve(n * kMaxModules);
  kept.months_in_state.reserve(n * kMaxModules);
  kept.participation.reserve(n * kMaxProposalsPerArm);
  for (uint32_t p : members) {
    if (!alive(p)) continue;
    kept.id.push_back(id[p]);
    kept.household.push_back(household[p]);
    kept.birth_month.push_back(birth_month[p]);
    kept.flags.push_back(flags[p]);
    kept.history.push_back(history[p]);
    kept.state.insert(kept.state.end(), &state[p * kMaxModules], &state[(p + 1) * kMaxModules]);
    kept.months_in_state.insert(kept.months_in_state.end(), &months_in_state[p * kMaxModules],
                                &months_in_state[(p + 1) * kMaxModules]);
    kept.participation.insert(kept.participation.end(), &participation[p * kMaxProposalsPerArm],
                              &participation[(p + 1) * kMaxProposalsPerArm]);
  }
  kept.rebuild_members(households());
  *this = std::move(kept);
}

void Population::rebuild_members(size_t household_count) {
  member_offset.assign(household_count + 1, 0);
  for (size_t p = 0; p < persons(); ++p)
    if (alive(p)) ++member_offset[household[p] + 1];
  for (size_t h = 0; h < household_count; ++h) member_offset[h + 1] += member_offset[h];
  members.resize(member_offset[household_count]);
  std::vector<uint32_t> next(member_offset.begin(), member_offset.end() - 1);
  for (size_t p = 0; p < persons(); ++p)
    if (alive(p)) members[next[household[p]]++] = static_cast<uint32_t>(p);
  condition_bits.resize(household_count, 0);
}

double Population::bytes_per_person() const {
  const double per_person = sizeof(uint32_t) /*id*/ + sizeof(uint32_t) + sizeof(int32_t) +
                            sizeof(uint8_t) + sizeof(uint16_t) +
                            kMaxModules * (sizeof(uint8_t) + sizeof(uint16_t)) +
                            kMaxProposalsPerArm * sizeof(uint16_t) + sizeof(uint32_t) /*member*/;
  const double per_household = sizeof(uint32_t) + sizeof(uint64_t);
  const double n = static_cast<double>(persons());
  return n == 0 ? 0 : per_person + per_household * static_cast<double>(households()) / n;
}

}  // namespace kommunesim::model
