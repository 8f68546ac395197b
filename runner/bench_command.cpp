// kommunesim bench: the engine's throughput on a large synthetic population of a scenario's
// modules (baseline arm, one replicate), or the time of a scenario's whole appraisal. Reports
// wall and CPU time: on a shared machine the wall clock measures the neighbours too, so the
// figure to compare is person-months per CPU-second.
#include <fmt/format.h>
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <chrono>

#include "model/appraisal/appraisal.hpp"
#include "model/engine/simulation.hpp"
#include "model/engine/synthetic_population.hpp"
#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {
namespace {

// Wall and CPU (user + system, all threads) time since construction, and the peak resident set.
class Stopwatch {
 public:
  Stopwatch() : wall_(std::chrono::steady_clock::now()), cpu_(cpu_seconds()) {}
  double wall() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
  }
  double cpu() const { return cpu_seconds() - cpu_; }
  static double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
  }

 private:
  static double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
      return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
  }
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
};

// The throughput lines every mode ends with; the last line is the figure to compare.
void print_throughput(uint64_t person_months, double wall, double cpu, int threads) {
  fmt::print("wall time: {:.2f} s, CPU time: {:.2f} s ({:.2f} of {} cores busy)\n", wall, cpu,
             wall > 0 ? cpu / wall : 0.0, threads);
  fmt::print("person-months per wall-second: {:.0f}\n",
             wall > 0 ? static_cast<double>(person_months) / wall : 0.0);
  fmt::print("peak memory (resident): {:.0f} MB\n", Stopwatch::peak_rss_mb());
  fmt::print("person-months per CPU-second: {:.0f}\n",
             cpu > 0 ? static_cast<double>(person_months) / cpu : 0.0);
}

int bench_simulation(const model::Scenario& scenario, const BenchOptions& options, int threads) {
  const model::CompiledModel compiled = model::compile(scenario);
  const Stopwatch synthesis;
  model::Population population =
      model::synthesize_population(scenario, compiled, scenario.seed, options.persons);
  const double synthesis_seconds = synthesis.wall();
  const size_t persons_at_start = population.persons();
  const model::EffectDraws draws = model::draw_effects(scenario, {scenario.seed, 0});
  const model::SimulationInput input{scenario,           compiled,      population,
                                     scenario.arms[0],   draws,         model::Dynamics{},
                                     {scenario.seed, 0}, options.months};
  const Stopwatch simulation;
  // The initial population is given up to the simulation: only one copy is in memory.
  const model::SimulationResult result = model::simulate(input, std::move(population));
  const double wall = simulation.wall(), cpu = simulation.cpu();
  uint64_t person_months = 0;
  for (const auto& year : result.years) person_months += year.person_months;
  fmt::print("scenario: {} ({} modules)\n", scenario.name, scenario.modules.size());
  fmt::print(
      "persons at start: {}, at end: {} (living {}), households: {}\n", persons_at_start,
      result.final_population.persons(),
      std::count_if(result.final_population.flags.begin(), result.final_population.flags.end(),
                    [](uint8_t f) { return (f & model::kAlive) != 0; }),
      result.final_population.households());
  fmt::print("months: {}, threads: {}\n", options.months, threads);
  fmt::print("population synthesis: {:.2f} s\n", synthesis_seconds);
  fmt::print("simulation: {} person-months\n", person_months);
  fmt::print("simulation state: {:.1f} bytes per person\n",
             result.final_population.bytes_per_person());
  print_throughput(person_months, wall, cpu, threads);
  return kExitSuccess;
}

// The whole appraisal as `kommunesim run` does it. "Effective" person-months are those of every
// unit of the plan (as if every arm and dynamics group were simulated in full), so the figure
// grows when the engine learns to simulate less for the same results.
int bench_appraisal(const model::Scenario& scenario, int threads) {
  appraisal::ProgressListener quiet;
  const Stopwatch clock;
  const appraisal::Appraisal a = appraisal::appraise(scenario, {}, quiet);
  const double wall = clock.wall(), cpu = clock.cpu();
  uint64_t effective = 0, simulated = 0;
  for (size_t u = 0; u < a.plan.units.size(); ++u) {
    const auto& tallies =
        a.results
            .tallies[a.plan.units[u].same_as >= 0 ? static_cast<size_t>(a.plan.units[u].same_as)
                                                  : u];
    for (const auto& year : tallies) {
      effective += year.person_months;
      if (a.plan.units[u].same_as < 0) simulated += year.person_months;
    }
  }
  fmt::print("scenario: {}, threads: {}\n", scenario.name, threads);
  fmt::print(
      "appraisal: {} replicates, {} main simulations ({} person-months), {} for sensitivity\n",
      a.plan.replicates, a.plan.simulations(), simulated, a.sensitivity.simulations);
  fmt::print("effective person-months of results (every unit of the plan): {}\n", effective);
  print_throughput(effective, wall, cpu, threads);
  return kExitSuccess;
}

}  // namespace

int bench_command(const BenchOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  return options.appraisal ? bench_appraisal(loaded->scenario, threads)
                           : bench_simulation(loaded->scenario, options, threads);
}

}  // namespace kommunesim::runner
