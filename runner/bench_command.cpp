// kommunesim bench: the engine's throughput on a large synthetic population of the bundled
// modules (baseline arm, one replicate).
#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>

#include "model/engine/simulation.hpp"
#include "model/engine/synthetic_population.hpp"
#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {

int bench_command(const BenchOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  const model::Scenario& scenario = loaded->scenario;
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  using Clock = std::chrono::steady_clock;
  const model::CompiledModel compiled = model::compile(scenario);
  const auto t0 = Clock::now();
  const model::Population population =
      model::synthesize_population(scenario, compiled, scenario.seed, options.persons);
  const auto t1 = Clock::now();
  const model::EffectDraws draws = model::draw_effects(scenario, {scenario.seed, 0});
  const model::SimulationInput input{scenario,           compiled,      population,
                                     scenario.arms[0],   draws,         model::Dynamics{},
                                     {scenario.seed, 0}, options.months};
  const model::SimulationResult result = model::simulate(input);
  const auto t2 = Clock::now();
  uint64_t person_months = 0;
  for (const auto& year : result.years) person_months += year.person_months;
  const double seconds = std::chrono::duration<double>(t2 - t1).count();
  fmt::print("scenario: {} ({} modules)\n", scenario.name, scenario.modules.size());
  fmt::print(
      "persons at start: {}, at end: {} (living {}), households: {}\n", population.persons(),
      result.final_population.persons(),
      std::count_if(result.final_population.flags.begin(), result.final_population.flags.end(),
                    [](uint8_t f) { return (f & model::kAlive) != 0; }),
      result.final_population.households());
  fmt::print("months: {}, threads: {}\n", options.months, threads);
  fmt::print("population synthesis: {:.2f} s\n", std::chrono::duration<double>(t1 - t0).count());
  fmt::print("simulation: {:.2f} s for {} person-months\n", seconds, person_months);
  fmt::print("simulation state: {:.1f} bytes per person\n",
             result.final_population.bytes_per_person());
  fmt::print("person-months/s: {:.0f}\n", static_cast<double>(person_months) / seconds);
  return kExitSuccess;
}

}  // namespace kommunesim::runner
