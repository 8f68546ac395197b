// Normal draws on the Philox4x32-10 counters of rng.hpp.
#include "model/engine/rng.hpp"

#include <cmath>
#include <numbers>

namespace kommunesim::model {
double standard_normal(RngKey key, uint32_t subject, int32_t month, uint16_t stream,
                       Purpose purpose, uint32_t extra) {
  const auto r = rng_detail::block(key, subject, month, stream, purpose, extra);
  const double u1 = 1.0 - rng_detail::to_unit(r[0], r[1]);  // in (0, 1]
  const double u2 = rng_detail::to_unit(r[2], r[3]);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace kommunesim::model
