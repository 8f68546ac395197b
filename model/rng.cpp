// Philox4x32-10 (Random123) behind the draw functions of rng.hpp.
#include "model/rng.hpp"

#include <Random123/philox.h>

#include <cmath>
#include <numbers>

namespace kommunesim::model {
namespace {

r123::Philox4x32::ctr_type block(RngKey key, uint32_t subject, int32_t month, uint16_t stream,
                                 Purpose purpose, uint32_t extra) {
  const r123::Philox4x32::key_type k = {{key.seed, key.replicate}};
  const r123::Philox4x32::ctr_type c = {
      {subject, static_cast<uint32_t>(month),
       (static_cast<uint32_t>(stream) << 16) | static_cast<uint32_t>(purpose), extra}};
  return r123::Philox4x32{}(c, k);
}

double to_unit(uint32_t hi, uint32_t lo) {
  const uint64_t bits = (static_cast<uint64_t>(hi) << 21) ^ (lo >> 11);
  return static_cast<double>(bits & ((uint64_t{1} << 53) - 1)) * 0x1.0p-53;
}

}  // namespace

double uniform(RngKey key, uint32_t subject, int32_t month, uint16_t stream, Purpose purpose,
               uint32_t extra) {
  const auto r = block(key, subject, month, stream, purpose, extra);
  return to_unit(r[0], r[1]);
}

double standard_normal(RngKey key, uint32_t subject, int32_t month, uint16_t stream,
                       Purpose purpose, uint32_t extra) {
  const auto r = block(key, subject, month, stream, purpose, extra);
  const double u1 = 1.0 - to_unit(r[0], r[1]);  // in (0, 1]
  const double u2 = to_unit(r[2], r[3]);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace kommunesim::model
