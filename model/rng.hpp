// Counter-based random numbers: a draw is a pure function of (seed, replicate, person, month,
// stream, purpose), so it is the same in every arm, on every thread and in every process.
#pragma once

#include <cstdint>

namespace kommunesim::model {

// What a draw decides. Each purpose is its own stream, so adding a draw for one purpose never
// shifts the draws of another.
enum class Purpose : uint16_t {
  kTransition = 1,  // a module's monthly transition
  kEntry = 2,       // initial state when a person becomes eligible for a module
  kMortality = 3,
  kBirth = 4,
  kOutMigration = 5,
  kInMigration = 6,
  kAdmission = 7,   // random admission priority of a proposal
  kEffectSize = 8,  // a proposal effect's relative risk for one replicate
  kPopulation = 9,  // synthetic population generation
  kInitialState = 10,
  kNewbornSex = 11,
};

struct RngKey {
  uint32_t seed = 0;
  uint32_t replicate = 0;
};

// A uniform number in [0, 1) with 53 random bits.
double uniform(RngKey key, uint32_t subject, int32_t month, uint16_t stream, Purpose purpose,
               uint32_t extra = 0);

// A standard normal number (Box-Muller on two uniforms of the same counter).
double standard_normal(RngKey key, uint32_t subject, int32_t month, uint16_t stream,
                       Purpose purpose, uint32_t extra = 0);

// Subject id used for draws that belong to no person (effect sizes, in-migration counts).
constexpr uint32_t kNoPerson = 0xFFFFFFFFu;

}  // namespace kommunesim::model
