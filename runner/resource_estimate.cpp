#include "runner/resource_estimate.hpp"

#include <fmt/format.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "model/engine/run_plan.hpp"

namespace kommunesim::runner {
namespace {

// Measured with /usr/bin/time -v on Glostrup-like (8 arms, 3 dynamics groups, 20 years) on 2
// threads: `run --replicates 2` peaked at 232 MB with 23,500 persons and at 293 MB with 94,000,
// so about 435 bytes per person and thread (the simulations in flight, their populations and the
// shared baseline's logs); `run` with its 40 replicates at 23,500 persons peaked at 1,490 MB.
constexpr double kBytesPerPersonAndThread = 435;
// The rest grows with the unit-years kept for analysis (replicates x arms x groups x years): 960
// unit-years at 2 replicates, 19,200 at 40; the two runs give 69 kB per unit-year and 145 MB.
constexpr double kMemoryFixedBytes = 145e6;
constexpr double kMemoryBytesPerUnitYear = 69e3;
// Output: results.sqlite holds 23.6 MB at 960 unit-years and 246.6 MB at 19,200 (12.2 kB each);
// the report, workbook and csv files about 12 MB more.
constexpr double kOutputFixedBytes = 12e6;
constexpr double kOutputBytesPerUnitYear = 12.4e3;

std::string gigabytes(double bytes) { return fmt::format("{:.1f} GB", bytes / 1e9); }
std::string megabytes(double bytes) { return fmt::format("{:.0f} MB", bytes / 1e6); }

}  // namespace

ResourceEstimate estimate_resources(const model::Scenario& scenario, int replicates, int threads) {
  const model::RunPlan plan = model::plan_runs(scenario, scenario.seed, replicates);
  const double unit_years = static_cast<double>(replicates) *
                            static_cast<double>(scenario.arms.size()) *
                            static_cast<double>(plan.dynamics_groups.size()) *
                            static_cast<double>(scenario.horizon_years);
  ResourceEstimate e;
  e.memory_bytes = kMemoryFixedBytes + kMemoryBytesPerUnitYear * unit_years +
                   kBytesPerPersonAndThread * static_cast<double>(scenario.population.persons) *
                       static_cast<double>(threads);
  e.output_bytes = kOutputFixedBytes + kOutputBytesPerUnitYear * unit_years;
  return e;
}

double machine_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && size > 0 ? static_cast<double>(pages) * static_cast<double>(size) : 0;
}

std::optional<std::string> resource_problem(const ResourceEstimate& estimate,
                                            const std::filesystem::path& out, int persons,
                                            int threads, bool ignore_memory) {
  const double memory = machine_memory_bytes();
  if (!ignore_memory && memory > 0 && estimate.memory_bytes > memory)
    return fmt::format(
        "the run needs about {} of memory ({} persons on {} threads), more than this "
        "machine's {}: use fewer persons or threads (--threads 1), or --ignore-memory-estimate "
        "to run anyway",
        gigabytes(estimate.memory_bytes), persons, threads, gigabytes(memory));
  // The output folder is written beside `out` before it replaces it.
  std::filesystem::path parent = std::filesystem::absolute(out).parent_path();
  struct statvfs fs {};
  if (statvfs(parent.c_str(), &fs) == 0) {
    const double free = static_cast<double>(fs.f_bavail) * static_cast<double>(fs.f_frsize);
    if (estimate.output_bytes > free)
      return fmt::format(
          "--out {}: the run writes about {}, and the file system holding it has {} free; free "
          "some space or choose another --out",
          out.string(), megabytes(estimate.output_bytes), megabytes(free));
  }
  return std::nullopt;
}

}  // namespace kommunesim::runner
