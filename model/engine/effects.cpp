// Effect-size distributions and per-arm effect tables.
#include "model/engine/effects.hpp"

#include <cmath>

#include "model/engine/population.hpp"

namespace kommunesim::model {
namespace {

constexpr double kZ95 = 1.6448536269514722;  // standard normal 95th percentile (90 % interval)

}  // namespace

double triangular_quantile(double low, double mode, double high, double u) {
  const double a = low, c = mode, b = high;
  if (b <= a) return c;
  const double f = (c - a) / (b - a);
  return u < f ? a + std::sqrt(u * (b - a) * (c - a)) : b - std::sqrt((1 - u) * (b - a) * (b - c));
}

double draw_relative_risk(const EffectSize& size, RngKey key, uint32_t proposal, uint32_t effect) {
  switch (size.kind) {
    case EffectSize::Kind::kPoint:
      return size.mode;
    case EffectSize::Kind::kLognormal90: {
      const double mu = 0.5 * (std::log(size.low) + std::log(size.high));
      const double sigma = (std::log(size.high) - std::log(size.low)) / (2 * kZ95);
      const double z = standard_normal(key, kNoPerson, 0, static_cast<uint16_t>(proposal),
                                       Purpose::kEffectSize, effect);
      return std::exp(mu + sigma * z);
    }
    case EffectSize::Kind::kTriangular: {
      const double u =
          uniform(key, kNoPerson, 0, static_cast<uint16_t>(proposal), Purpose::kEffectSize, effect);
      return triangular_quantile(size.low, size.mode, size.high, u);
    }
  }
  return 1.0;
}

EffectDraws draw_effects(const Scenario& scenario, RngKey key) {
  EffectDraws draws(scenario.proposals.size());
  for (size_t p = 0; p < scenario.proposals.size(); ++p)
    for (size_t e = 0; e < scenario.proposals[p].effects.size(); ++e)
      draws[p].push_back(draw_relative_risk(scenario.proposals[p].effects[e].relative_risk, key,
                                            static_cast<uint32_t>(p), static_cast<uint32_t>(e)));
  return draws;
}

ArmEffects arm_effects(const Scenario& scenario, const CompiledModel& compiled, const Arm& arm,
                       const EffectDraws& draws, const Dynamics& dynamics) {
  ArmEffects out;
  out.by_event.resize(static_cast<size_t>(compiled.event_slots));
  for (size_t k = 0; k < arm.proposals.size(); ++k) {
    const auto p = static_cast<size_t>(arm.proposals[k]);
    const Proposal& proposal = scenario.proposals[p];
    for (size_t e = 0; e < proposal.effects.size(); ++e) {
      const Effect& effect = proposal.effects[e];
      const auto& table = compiled.modules[static_cast<size_t>(effect.module)]
                              .transitions[static_cast<size_t>(effect.transition)];
      out.by_event[static_cast<size_t>(table.event_slot)].push_back(
          {static_cast<int>(k),
           (1 - dynamics.deadweight) * dynamics.effect_scale * std::log(draws[p][e])});
      out.any = true;
    }
  }
  return out;
}

double effect_weight(uint16_t participation, int participation_months, double half_life_months) {
  if (participation == 0) return 0.0;
  if ((participation & kEnded) == 0) return participation <= participation_months ? 1.0 : 0.0;
  if (half_life_months <= 0) return 0.0;
  const double since_end = participation & ~kEnded;
  return std::exp2(-since_end / half_life_months);
}

}  // namespace kommunesim::model
