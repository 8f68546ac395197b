// Normal draws on the Philox4x32-10 counters of rng.hpp.
#include "model/engine/rng.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace kommunesim::model {

namespace {

// Philox4x32-10 (Salmon et al. 2011), as Random123's philox.h computes it, for kWidth counters
// at once that differ only in their first word.
// The multipliers, key increments and rounds are Random123's own.
constexpr size_t kWidth = 8;
constexpr int kRounds = 10;  // r123::Philox4x32 is Philox4x32_R<10>
using Words = uint32_t[4][kWidth];

void philox_wide_scalar(const uint32_t* c0, uint32_t c1, uint32_t c2, uint32_t c3, RngKey key,
                        Words& out) {
  const r123::Philox4x32::key_type k = {{key.seed, key.replicate}};
  for (size_t i = 0; i < kWidth; ++i) {
    const auto r = r123::Philox4x32{}({{c0[i], c1, c2, c3}}, k);
    for (size_t j = 0; j < 4; ++j) out[j][i] = r[j];
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
// hi and lo words of a * m for each 32-bit lane of a, with AVX2.
__attribute__((target("avx2"), always_inline)) inline void mulhilo_avx2(__m256i a, __m256i m,
                                                                        __m256i& hi, __m256i& lo) {
  const __m256i even = _mm256_mul_epu32(a, m);
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), m);
  lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

// Philox4x32-10's rounds with AVX2 on kGroups groups of eight counters (x[j][g]: word j of group
// g's counters), eight 32 x 32 -> 64-bit multiplies in two instructions. The groups' rounds are
// interleaved: each round waits on the last one's multiplies, another group's fill the wait.
template <size_t kGroups>
__attribute__((target("avx2"), always_inline)) inline void philox_rounds_avx2(
    __m256i (&x)[4][kGroups], RngKey key) {
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(PHILOX_M4x32_0));
  const __m256i m1 = _mm256_set1_epi32(static_cast<int>(PHILOX_M4x32_1));
  uint32_t k0 = key.seed, k1 = key.replicate;
  for (int round = 0; round < kRounds; ++round) {
    if (round > 0) {
      k0 += PHILOX_W32_0;
      k1 += PHILOX_W32_1;
    }
    const __m256i key0 = _mm256_set1_epi32(static_cast<int>(k0));
    const __m256i key1 = _mm256_set1_epi32(static_cast<int>(k1));
    for (size_t g = 0; g < kGroups; ++g) {
      __m256i hi0, lo0, hi1, lo1;
      mulhilo_avx2(x[0][g], m0, hi0, lo0);
      mulhilo_avx2(x[2][g], m1, hi1, lo1);
      x[0][g] = _mm256_xor_si256(_mm256_xor_si256(hi1, x[1][g]), key0);
      x[1][g] = lo1;
      x[2][g] = _mm256_xor_si256(_mm256_xor_si256(hi0, x[3][g]), key1);
      x[3][g] = lo0;
    }
  }
}

// philox_wide with AVX2.
__attribute__((target("avx2"))) void philox_wide_avx2(const uint32_t* c0, uint32_t c1, uint32_t c2,
                                                      uint32_t c3, RngKey key, Words& out) {
  __m256i x[4][1] = {{_mm256_loadu_si256(reinterpret_cast<const __m256i*>(c0))},
                     {_mm256_set1_epi32(static_cast<int>(c1))},
                     {_mm256_set1_epi32(static_cast<int>(c2))},
                     {_mm256_set1_epi32(static_cast<int>(c3))}};
  philox_rounds_avx2(x, key);
  for (size_t j = 0; j < 4; ++j) _mm256_storeu_si256(reinterpret_cast<__m256i*>(out[j]), x[j][0]);
}

// philox_blocks with AVX2 for the whole groups of kGroups * kWidth subjects, each subject's four
// words stored together. Returns how many subjects it did.
__attribute__((target("avx2"))) size_t philox_blocks_avx2(RngKey key, const uint32_t* subjects,
                                                          size_t count, uint32_t c1, uint32_t c2,
                                                          uint32_t* out, size_t stride) {
  constexpr size_t kGroups = 2;
  size_t first = 0;
  for (; first + kGroups * kWidth <= count; first += kGroups * kWidth) {
    __m256i x[4][kGroups];
    for (size_t g = 0; g < kGroups; ++g) {
      x[0][g] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(subjects + first + g * kWidth));
      x[1][g] = _mm256_set1_epi32(static_cast<int>(c1));
      x[2][g] = _mm256_set1_epi32(static_cast<int>(c2));
      x[3][g] = _mm256_setzero_si256();
    }
    philox_rounds_avx2(x, key);
    for (size_t g = 0; g < kGroups; ++g) {
      // Word j of subject i is lane i of x[j]: a 4 x 4 transpose in each 128-bit half gives
      // subject i's words in half i / 4 of row i % 4.
      const __m256i t0 = _mm256_unpacklo_epi32(x[0][g], x[1][g]);
      const __m256i t1 = _mm256_unpacklo_epi32(x[2][g], x[3][g]);
      const __m256i t2 = _mm256_unpackhi_epi32(x[0][g], x[1][g]);
      const __m256i t3 = _mm256_unpackhi_epi32(x[2][g], x[3][g]);
      const __m256i rows[4] = {_mm256_unpacklo_epi64(t0, t1), _mm256_unpackhi_epi64(t0, t1),
                               _mm256_unpacklo_epi64(t2, t3), _mm256_unpackhi_epi64(t2, t3)};
      uint32_t* at = out + (first + g * kWidth) * stride;
      for (size_t i = 0; i < 4; ++i) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(at + i * stride),
                         _mm256_castsi256_si128(rows[i]));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(at + (i + 4) * stride),
                         _mm256_extracti128_si256(rows[i], 1));
      }
    }
  }
  return first;
}

// Asked once, on first use (after the processor's features are known, whatever the order of
// static initialisation).
bool has_avx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
}
#endif

void philox_wide(const uint32_t* c0, uint32_t c1, uint32_t c2, uint32_t c3, RngKey key,
                 Words& out) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (has_avx2()) return philox_wide_avx2(c0, c1, c2, c3, key, out);
#endif
  philox_wide_scalar(c0, c1, c2, c3, key, out);
}

}  // namespace

void philox_blocks(RngKey key, const uint32_t* subjects, size_t count, int32_t month,
                   uint16_t stream, Purpose purpose, uint32_t* out, size_t stride) {
  const auto c1 = static_cast<uint32_t>(month);
  const uint32_t c2 = (static_cast<uint32_t>(stream) << 16) | static_cast<uint32_t>(purpose);
  size_t done = 0;
#if defined(__x86_64__) && defined(__GNUC__)
  if (has_avx2()) done = philox_blocks_avx2(key, subjects, count, c1, c2, out, stride);
#endif
  for (size_t first = done; first < count; first += kWidth) {
    const size_t n = std::min(kWidth, count - first);
    uint32_t c0[kWidth] = {};
    std::copy(subjects + first, subjects + first + n, c0);
    uint32_t words[4][kWidth];
    philox_wide(c0, c1, c2, 0, key, words);
    for (size_t i = 0; i < n; ++i)
      for (size_t j = 0; j < 4; ++j) out[(first + i) * stride + j] = words[j][i];
  }
}

double standard_normal(RngKey key, uint32_t subject, int32_t month, uint16_t stream,
                       Purpose purpose, uint32_t extra) {
  const auto r = rng_detail::block(key, subject, month, stream, purpose, extra);
  const double u1 = 1.0 - rng_detail::to_unit(r[0], r[1]);  // in (0, 1]
  const double u2 = rng_detail::to_unit(r[2], r[3]);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace kommunesim::model
