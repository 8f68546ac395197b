// kommunesim run: load -> appraise -> write the output folder atomically, print the summary.
#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

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
#include "output/sha256.hpp"
#include "output/staged_folder.hpp"
#include "output/texts.hpp"
#include "output/words.hpp"
#include "output/writers.hpp"
#include "runner/commands.hpp"
#include "runner/progress.hpp"
#include "runner/resource_estimate.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {
namespace {

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

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

int effective_threads(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

// Shows appraise()'s progress: the plan before simulating, a bar per phase.
class RunProgress : public appraisal::ProgressListener {
 public:
  RunProgress(int threads, output::Language language)
      : threads_(threads), language_(language), words_(output::texts(language)) {}
  void planned(const model::Scenario& s, size_t persons, const model::RunPlan& plan) override {
    fmt::print(stderr, fmt::runtime(words_.planned), s.name, persons, plan.simulations(),
               s.arms.size(), plan.replicates, plan.dynamics_groups.size(), plan.months, threads_);
  }
  void more_replicates(int from, int more, const appraisal::Resolution& so_far) override {
    fmt::print(stderr, fmt::runtime(words_.more_replicates), from + 1, from + more, from,
               so_far.unresolved_rows, so_far.rows, so_far.unresolved_top_ranks, so_far.sets);
  }
  void begin(Phase phase, uint64_t steps) override {
    std::string_view label = words_.phase_simulating;
    if (phase == Phase::kTornado) label = words_.phase_tornado;
    if (phase == Phase::kSwitching) label = words_.phase_switching;
    bar_.emplace(std::string(label), steps, language_);
  }
  void replan(uint64_t steps) override { bar_->retotal(steps); }
  void advance(uint64_t steps) override { bar_->advance(steps); }
  void end() override { bar_.reset(); }

 private:
  int threads_;
  output::Language language_;
  const output::Texts& words_;
  std::optional<Progress> bar_;
};

void print_sensitivity(const appraisal::SensitivityRun& run, output::Language language) {
  const output::Texts& words = output::texts(language);
  fmt::print(stderr, fmt::runtime(words.sensitivity), run.simulations,
             output::replicate_count_text(run.replicates, language));
  if (run.unexplored_figures > 0)
    fmt::print(stderr, fmt::runtime(words.tornado_scope), run.unexplored_figures);
}

// Every file of the output folder, written into the staged folder that replaces `out` when
// complete.
void write_output(const output::RunRecord& record, output::Provenance& provenance,
                  const std::filesystem::path& assets, output::StagedFolder& folder,
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
      write(folder.path() / name);
      bar.advance();
    }
  }
  provenance.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  output::write_manifest(record, folder.path() / "manifest.json");
  folder.commit();
}

}  // namespace

int run_command(const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  output::Provenance provenance;
  provenance.started_utc = utc_now();
  auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  const std::filesystem::path assets = report_assets();
  if (const auto missing = missing_report_assets(assets)) {
    fmt::print(stderr,
               "error: {} is missing: report.html inlines the chart libraries installed by "
               "scripts/setup.sh (npm ci in output/report); or set KOMMUNESIM_REPORT_ASSETS\n",
               *missing);
    return kExitRunFailed;
  }
  if (const auto problem =
          options.replicates ? replicates_problem(*loaded, *options.replicates) : std::nullopt) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  if (const auto problem = output::destination_problem(options.out, options.scenario)) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  const int threads = effective_threads(options.threads);
  const ResourceEstimate needs = estimate_resources(
      loaded->scenario, options.replicates.value_or(loaded->scenario.max_replicates), threads);
  if (const auto problem = resource_problem(needs, options.out, loaded->scenario.population.persons,
                                            threads, options.ignore_memory_estimate)) {
    fmt::print(stderr, "error: {}\nnothing was simulated or written\n", *problem);
    return kExitInvalidInput;
  }
  // The destination is locked and its staging folder made before simulating, so that a location
  // that cannot be written fails at once.
  std::optional<output::StagedFolder> folder;
  try {
    folder.emplace(options.out);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\nnothing was simulated or written\n", e.what());
    return kExitRunFailed;
  }
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  try {
    // The folder's name, not where it lies on this machine (inputs are relative to it).
    provenance.scenario_folder =
        std::filesystem::weakly_canonical(std::filesystem::absolute(loaded->folder))
            .filename()
            .string();
    for (const auto& f : loaded->files)
      provenance.inputs.push_back({f, output::sha256_of_file(loaded->folder / f)});
    provenance.engine_version = KOMMUNESIM_VERSION;
    provenance.engine_commit = KOMMUNESIM_COMMIT;
    provenance.command_line = options.command_line;
    provenance.threads = threads;

    const output::Language language = *output::language_named(options.language);
    const output::Texts& words = output::texts(language);
    RunProgress progress(threads, language);
    const appraisal::Appraisal result = appraisal::appraise(
        loaded->scenario,
        {options.replicates, options.seed, options.sensitivity_replicates, true,
         options.full_tornado,
         options.full_simulations ? model::Execution::kFull : model::Execution::kSharedBaseline},
        progress);
    print_sensitivity(result.sensitivity, language);

    const output::RunRecord record{result, provenance, language};
    write_output(record, provenance, assets, *folder, started);
    fmt::print("{}", output::text_summary(record));
    fmt::print(
        fmt::runtime(words.wrote), options.out,
        fmt::format("report.html, workbook.xlsx, summary.csv, ledger.csv, budget.csv, "
                    "flips.csv, switching.csv, tornado.csv, assumptions.md, {}results.sqlite, "
                    "manifest.json",
                    result.calibration.empty() ? "" : "calibration.csv, "),
        output::decimal(provenance.wall_seconds, 1, language));
    return kExitSuccess;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the run failed: {}\nnothing was written to {}\n", e.what(),
               options.out);
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
