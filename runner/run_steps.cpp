// The pieces of a run that run, batch and merge share (run_steps.hpp).
#include "runner/run_steps.hpp"

#include <fmt/format.h>
#include <tbb/info.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <functional>
#include <utility>
#include <vector>

#include "model/appraisal/appraisal.hpp"
#include "model/engine/processes.hpp"
#include "output/sha256.hpp"
#include "output/texts.hpp"
#include "output/words.hpp"
#include "output/writers.hpp"
#include "runner/progress.hpp"
#include "runner/resource_estimate.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

namespace {

// The report's template and chart libraries: KOMMUNESIM_REPORT_ASSETS from the environment, else
// the source tree's output/report (where scripts/setup.sh installs the npm packages).
std::filesystem::path report_assets() {
  const char* from_environment = std::getenv("KOMMUNESIM_REPORT_ASSETS");
  return from_environment && *from_environment ? from_environment : KOMMUNESIM_REPORT_ASSETS;
}

// Checked before simulating, so that a missing library fails the run at once.
std::optional<std::string> missing_report_assets(const std::filesystem::path& assets) {
  for (const char* f : {"report_template.html", "node_modules/vega/build/vega.min.js",
                        "node_modules/vega-lite/build/vega-lite.min.js",
                        "node_modules/vega-embed/build/vega-embed.min.js"})
    if (!std::filesystem::exists(assets / f)) return (assets / f).string();
  return std::nullopt;
}

}  // namespace

int effective_threads(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

namespace {

void print_sensitivity(const appraisal::SensitivityRun& run, output::Language language) {
  const output::Texts& words = output::texts(language);
  fmt::print(stderr, fmt::runtime(words.sensitivity), run.simulations,
             output::replicate_count_text(run.replicates, language));
  if (run.unexplored_figures > 0)
    fmt::print(stderr, fmt::runtime(words.tornado_scope), run.unexplored_figures);
}

// Every file of the output folder, written into `dir`; the manifest last.
void write_output(const output::RunRecord& record, output::Provenance& provenance,
                  const std::filesystem::path& assets, const std::filesystem::path& dir,
                  std::chrono::steady_clock::time_point started) {
  using Writer = std::function<void(const std::filesystem::path&)>;
  std::vector<std::pair<const char*, Writer>> files = {
      {"summary.csv", [&](const auto& f) { output::write_summary_csv(record, f); }},
      {"results.sqlite", [&](const auto& f) { output::write_results_sqlite(record, f); }},
      {"ledger.csv", [&](const auto& f) { output::write_ledger_csv(record, f); }},
      {"budget.csv", [&](const auto& f) { output::write_budget_csv(record, f); }},
      {"flips.csv", [&](const auto& f) { output::write_flips_csv(record, f); }},
      {"switching.csv", [&](const auto& f) { output::write_switching_csv(record, f); }},
      {"tornado.csv", [&](const auto& f) { output::write_tornado_csv(record, f); }},
      {"assumptions.md", [&](const auto& f) { output::write_assumptions_md(record, f); }},
  };
  if (!record.appraisal.calibration.empty())
    files.push_back(
        {"calibration.csv", [&](const auto& f) { output::write_calibration_csv(record, f); }});
  files.push_back(
      {"workbook.xlsx", [&](const auto& f) { output::write_workbook_xlsx(record, f); }});
  files.push_back(
      {"report.html", [&](const auto& f) { output::write_report_html(record, assets, f); }});
  {
    Progress bar(std::string(output::texts(record.language).phase_writing), files.size(),
                 record.language);
    for (const auto& [name, write] : files) {
      write(dir / name);
      bar.advance();
    }
  }
  provenance.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  output::write_manifest(record, dir / "manifest.json");
}

}  // namespace

// Why `loaded` cannot be run as `options` ask with `threads` into `out` before anything is
// simulated, or nullopt; prints the problem.
std::optional<int> refused(const scenarios::LoadedScenario& loaded, const RunOptions& options,
                           int threads, const std::filesystem::path& out) {
  if (const auto problem =
          options.replicates ? replicates_problem(loaded, *options.replicates) : std::nullopt) {
    fmt::print(stderr, "error: {}: {}\n", loaded.folder.string(), *problem);
    return kExitInvalidInput;
  }
  const ResourceEstimate needs = estimate_resources(
      loaded.scenario, options.replicates.value_or(loaded.scenario.max_replicates), threads);
  if (const auto problem = resource_problem(needs, out, loaded.scenario.population.persons, threads,
                                            options.ignore_memory_estimate)) {
    fmt::print(stderr, "error: {}\nnothing was simulated or written\n", *problem);
    return kExitInvalidInput;
  }
  return std::nullopt;
}

namespace {

// The files a run writes, as the closing line lists them.
std::string written_files(const appraisal::Appraisal& result) {
  return fmt::format(
      "report.html, workbook.xlsx, summary.csv, ledger.csv, budget.csv, flips.csv, switching.csv, "
      "tornado.csv, assumptions.md, {}results.sqlite, manifest.json",
      result.calibration.empty() ? "" : "calibration.csv, ");
}

}  // namespace

// Appraises `loaded` as `options` ask and writes its output folder's files into `dir`, printing
// progress and the summary; under mpirun only the first process writes and prints. Returns the
// run's wall seconds. Throws when the run fails.
double appraise_into(const scenarios::LoadedScenario& loaded, const RunOptions& options,
                     int threads, const std::filesystem::path& assets,
                     const std::filesystem::path& dir, std::string& files,
                     const model::RunResults* main_results) {
  const auto started = std::chrono::steady_clock::now();
  output::Provenance provenance;
  provenance.started_utc = utc_now();
  // The folder's name, not where it lies on this machine (inputs are relative to it).
  provenance.scenario_folder =
      std::filesystem::weakly_canonical(std::filesystem::absolute(loaded.folder))
          .filename()
          .string();
  for (const auto& f : loaded.files)
    provenance.inputs.push_back({f, output::sha256_of_file(loaded.folder / f)});
  provenance.engine_version = KOMMUNESIM_VERSION;
  provenance.engine_commit = KOMMUNESIM_COMMIT;
  provenance.command_line = options.command_line;
  provenance.threads = threads;
  provenance.processes = model::processes::count();

  const output::Language language = *output::language_named(options.language);
  RunProgress progress(threads, language);
  const appraisal::Appraisal result = appraisal::appraise(
      loaded.scenario,
      {options.replicates, options.seed, options.sensitivity_replicates, true, options.full_tornado,
       options.full_simulations ? model::Execution::kFull : model::Execution::kSharedBaseline,
       main_results},
      progress);
  if (!model::processes::is_root()) return 0;
  print_sensitivity(result.sensitivity, language);
  const output::RunRecord record{result, provenance, language};
  write_output(record, provenance, assets, dir, started);
  fmt::print("{}", output::text_summary(record));
  files = written_files(result);
  return provenance.wall_seconds;
}

// The report's assets, or nullopt after printing which is missing.
std::optional<std::filesystem::path> checked_report_assets() {
  const std::filesystem::path assets = report_assets();
  if (const auto missing = missing_report_assets(assets)) {
    fmt::print(stderr,
               "error: {} is missing: report.html inlines the chart libraries installed by "
               "scripts/setup.sh (npm ci in output/report); or set KOMMUNESIM_REPORT_ASSETS\n",
               *missing);
    return std::nullopt;
  }
  return assets;
}

// Whether every process of the run may start simulating, given this one's `refusal` (the exit
// code after it printed why, or nullopt): the first process first locks the destination and
// makes its staging folder, so that a location that cannot be written fails at once. Returns
// nullopt to go on, else the exit code for every process: the first process's, or
// kExitRunFailed when only another one refused. Every process must call it (under mpirun a
// process that returned early would leave the others waiting).
std::optional<int> agreed_start(std::optional<int> refusal, const std::string& out,
                                std::optional<output::StagedFolder>& folder) {
  namespace processes = model::processes;
  if (!refusal && processes::is_root()) try {
      folder.emplace(out);
    } catch (const std::exception& e) {
      fmt::print(stderr, "error: {}\nnothing was simulated or written\n", e.what());
      refusal = kExitRunFailed;
    }
  if (processes::all(!refusal)) return std::nullopt;
  if (processes::is_root() && !refusal)
    fmt::print(stderr,
               "error: another process of the run (an MPI rank) could not start it: check that "
               "every machine reads the same scenario\nnothing was simulated or written\n");
  folder.reset();
  return processes::from_root(refusal.value_or(kExitRunFailed));
}

}  // namespace kommunesim::runner
