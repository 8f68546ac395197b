// Counter-based random numbers: a draw is a pure function of (seed, replicate, person, month,
// stream, purpose), so it is the same in every arm, on every thread and in every process.
#pragma once

#include <Random123/philox.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace kommunesim::model {

// What a draw decides. Each purpose is its own stream, so adding a draw for one purpose never
// shifts the draws of another.
enum class Purpose : uint16_t {
  kEntry = 2,  // initial state when a person becomes eligible for a module
  kOutMigration = 5,
  kInMigration = 6,
  kAdmission = 7,   // random admission priority of a proposal
  kEffectSize = 8,  // a proposal effect's relative risk for one replicate
  kPopulation = 9,  // synthetic population generation
  kInitialState = 10,
  kNewbornSex = 11,
  kPersonMonth = 12,  // the lanes of PersonMonthDraws
  kUnitCost = 13,     // a unit cost drawn within its register range for one replicate
  kDeath = 14,        // a person's death month, drawn once (mortality.hpp)
};

struct RngKey {
  uint32_t seed = 0;
  uint32_t replicate = 0;
};

namespace rng_detail {

inline r123::Philox4x32::ctr_type block(RngKey key, uint32_t subject, int32_t month,
                                        uint16_t stream, Purpose purpose, uint32_t extra) {
  const r123::Philox4x32::key_type k = {{key.seed, key.replicate}};
  const r123::Philox4x32::ctr_type c = {
      {subject, static_cast<uint32_t>(month),
       (static_cast<uint32_t>(stream) << 16) | static_cast<uint32_t>(purpose), extra}};
  return r123::Philox4x32{}(c, k);
}

inline double to_unit(uint32_t hi, uint32_t lo) {
  const uint64_t bits = (static_cast<uint64_t>(hi) << 21) ^ (lo >> 11);
  return static_cast<double>(bits & ((uint64_t{1} << 53) - 1)) * 0x1.0p-53;
}

}  // namespace rng_detail

// A uniform number in [0, 1) with 53 random bits. Inline: it is the hot loop's largest cost.
inline double uniform(RngKey key, uint32_t subject, int32_t month, uint16_t stream, Purpose purpose,
                      uint32_t extra = 0) {
  const auto r = rng_detail::block(key, subject, month, stream, purpose, extra);
  return rng_detail::to_unit(r[0], r[1]);
}

// The Philox blocks of many subjects that share key, month, stream, purpose and extra: block i
// (subjects[i]'s) is written to out[i * stride .. i * stride + 3], word for word what
// rng_detail::block gives. Several subjects at a time, so that the compiler can use vector
// multiplies: the same numbers at a fraction of the cost of one call per subject.
void philox_blocks(RngKey key, const uint32_t* subjects, size_t count, int32_t month,
                   uint16_t stream, Purpose purpose, uint32_t* out, size_t stride);

// The routine draws of one person in one month, from fixed 32-bit lanes of Philox blocks keyed
// by (person, month): lane 1 birth, lane 2 + m module m's transition. Four lanes share one
// Philox call, so a person-month usually costs one call instead of three or more. Each decision
// keeps its own lane, so adding a module never shifts another decision's draws. Lane 0 is unused:
// it was mortality's until that became a waiting time (mortality.hpp), and it stays empty so that
// births and transitions draw what they drew before.
class PersonMonthDraws {
 public:
  static constexpr int kBirth = 1;
  static constexpr int transition_lane(int module) { return 2 + module; }
  static constexpr int kLanes = 2 + 8;

  PersonMonthDraws(RngKey key, uint32_t person, int32_t month)
      : key_(key), person_(person), month_(month) {}
  // The same, with the first `blocks` Philox blocks already computed (philox_blocks with
  // stream = block, purpose kPersonMonth): words[4 * b + i] is word i of block b.
  // The words are read where they are, not copied: they must outlive the draws.
  PersonMonthDraws(RngKey key, uint32_t person, int32_t month, const uint32_t* words, int blocks)
      : key_(key), person_(person), month_(month), given_(words), given_lanes_(4 * blocks) {}
  static constexpr int kBlocks = (kLanes + 3) / 4;

  // A uniform number in (0, 1) with 32 random bits.
  double operator()(int lane) {
    if (lane < given_lanes_) return unit(given_[lane]);
    const int block = lane / 4;
    if ((ready_ & (1u << block)) == 0) {
      const auto r = rng_detail::block(key_, person_, month_, static_cast<uint16_t>(block),
                                       Purpose::kPersonMonth, 0);
      for (int i = 0; i < 4; ++i)
        words_[static_cast<size_t>(block * 4 + i)] = r[static_cast<size_t>(i)];
      ready_ |= 1u << block;
    }
    return unit(words_[static_cast<size_t>(lane)]);
  }

 private:
  static double unit(uint32_t word) { return (static_cast<double>(word) + 0.5) * 0x1.0p-32; }
  RngKey key_;
  uint32_t person_;
  int32_t month_;
  const uint32_t* given_ = nullptr;  // the words of the blocks computed beforehand
  int given_lanes_ = 0;
  uint32_t ready_ = 0;  // the blocks computed here, in words_
  // Left uninitialised: a person-month that makes no draw must cost nothing; ready_ says which
  // blocks hold numbers.
  std::array<uint32_t, 4 * kBlocks> words_;
};

// A standard normal number (Box-Muller on two uniforms of the same counter).
double standard_normal(RngKey key, uint32_t subject, int32_t month, uint16_t stream,
                       Purpose purpose, uint32_t extra = 0);

// Subject id used for draws that belong to no person (effect sizes, in-migration counts).
constexpr uint32_t kNoPerson = 0xFFFFFFFFu;

}  // namespace kommunesim::model
