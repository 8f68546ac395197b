// kommunesim run and batch: load -> appraise -> write the output folder atomically, print the
// summary.
#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "model/appraisal/appraisal.hpp"
#include "model/engine/processes.hpp"
#include "output/batch.hpp"
#include "output/sha256.hpp"
#include "output/staged_folder.hpp"
#include "output/texts.hpp"
#include "output/words.hpp"
#include "output/writers.hpp"
#include "runner/commands.hpp"
#include "runner/progress.hpp"
#include "runner/run_steps.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {

int run_command(const RunOptions& options) {
  if (options.part) return part_command(options);
  const bool writes = model::processes::is_root();
  std::optional<int> refusal;
  auto loaded = load_or_report(options.scenario);
  if (!loaded) refusal = kExitInvalidInput;
  std::optional<std::filesystem::path> assets;
  if (!refusal && writes && !(assets = checked_report_assets())) refusal = kExitRunFailed;
  if (!refusal && writes)
    if (const auto problem = output::destination_problem(options.out, options.scenario)) {
      fmt::print(stderr, "error: {}\n", *problem);
      refusal = kExitInvalidInput;
    }
  const int threads = effective_threads(options.threads);
  if (!refusal) refusal = refused(*loaded, options, threads, options.out);
  std::optional<output::StagedFolder> folder;
  if (const auto code = agreed_start(refusal, options.out, folder)) return *code;
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  try {
    std::string files;
    const double seconds = appraise_into(*loaded, options, threads, assets.value_or(""),
                                         folder ? folder->path() : "", files);
    if (!folder) return kExitSuccess;  // not the first process: it writes
    folder->commit();
    const output::Language language = *output::language_named(options.language);
    fmt::print(fmt::runtime(output::texts(language).wrote), options.out, files,
               output::decimal(seconds, 1, language));
    return kExitSuccess;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the run failed: {}\nnothing was written to {}\n", e.what(),
               options.out);
    return kExitRunFailed;
  }
}

int batch_command(const BatchOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const std::string started_utc = utc_now();
  const RunOptions& run = options.run;
  // The batch's scenario packages: its folders holding a scenario.toml, by name.
  const bool writes = model::processes::is_root();
  std::optional<int> refusal;
  std::vector<std::filesystem::path> packages;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(options.folder, error))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "scenario.toml"))
      packages.push_back(entry.path());
  if (error || packages.empty()) {
    fmt::print(stderr,
               "error: {}: expected a folder of scenario packages (folders holding a "
               "scenario.toml); {}\n",
               options.folder, error ? error.message() : "it holds none");
    refusal = kExitInvalidInput;
  }
  std::sort(packages.begin(), packages.end());
  // Every package is loaded and checked before anything is simulated.
  std::vector<scenarios::LoadedScenario> scenarios;
  for (const auto& package : packages)
    if (auto loaded = load_or_report(package.string())) scenarios.push_back(std::move(*loaded));
  if (!refusal && scenarios.size() < packages.size()) {
    fmt::print(stderr, "nothing was simulated or written\n");
    refusal = kExitInvalidInput;
  }
  std::optional<std::filesystem::path> assets;
  if (!refusal && writes && !(assets = checked_report_assets())) refusal = kExitRunFailed;
  if (!refusal && writes)
    if (const auto problem = output::destination_problem(run.out, options.folder)) {
      fmt::print(stderr, "error: {}\n", *problem);
      refusal = kExitInvalidInput;
    }
  const int threads = effective_threads(run.threads);
  for (const auto& loaded : scenarios)
    if (!refusal) refusal = refused(loaded, run, threads, run.out);
  std::optional<output::StagedFolder> folder;
  if (const auto code = agreed_start(refusal, run.out, folder)) return *code;
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  const output::Language language = *output::language_named(run.language);
  try {
    std::vector<output::BatchEntry> entries;
    for (size_t i = 0; i < scenarios.size(); ++i) {
      const std::string name = packages[i].filename().string();
      fmt::print(stderr, fmt::runtime(output::texts(language).batch_scenario), i + 1,
                 scenarios.size(), name);
      const std::filesystem::path dir = folder ? folder->path() / name : "";
      if (folder) std::filesystem::create_directory(dir);
      std::string files;
      const double seconds =
          appraise_into(scenarios[i], run, threads, assets.value_or(""), dir, files);
      entries.push_back({name, scenarios[i].scenario.name, dir, seconds});
    }
    if (!folder) return kExitSuccess;  // not the first process: it writes
    output::write_batch_summary_csv(entries, folder->path() / "summary.csv");
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    output::write_batch_manifest(entries, KOMMUNESIM_VERSION, KOMMUNESIM_COMMIT, run.command_line,
                                 started_utc, seconds, folder->path() / "manifest.json");
    folder->commit();
    fmt::print(fmt::runtime(output::texts(language).wrote_batch), run.out, entries.size(),
               output::decimal(seconds, 1, language));
    return kExitSuccess;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the batch failed: {}\nnothing was written to {}\n", e.what(),
               run.out);
    return kExitRunFailed;
  }
}

int validate_command(const std::string& folder) {
  const auto loaded = load_or_report(folder);
  if (!loaded) return kExitInvalidInput;
  const auto& s = loaded->scenario;
  fmt::print(
      "{}: valid — {} modules, {} proposals, {} packages, {} normative sets, {} register "
      "parameters, {} files\n",
      folder, s.modules.size(), s.proposals.size(), s.arms.size() - 1 - s.proposals.size(),
      s.norms.size(), s.parameters.size(), loaded->files.size());
  return kExitSuccess;
}

}  // namespace kommunesim::runner
