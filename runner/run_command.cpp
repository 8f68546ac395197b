// kommunesim run: load, plan, simulate every unit in parallel, analyse, write the output folder
// atomically, print the summary.
#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <optional>

#include "model/analysis.hpp"
#include "model/cross_graph.hpp"
#include "model/parameter_values.hpp"
#include "model/run_plan.hpp"
#include "model/sensitivity.hpp"
#include "model/synthetic_population.hpp"
#include "output/sha256.hpp"
#include "output/staged_folder.hpp"
#include "output/writers.hpp"
#include "runner/commands.hpp"
#include "runner/progress.hpp"
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

}  // namespace

int run_command(const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const std::string started_utc = utc_now();
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
  model::Scenario& scenario = loaded->scenario;
  if (options.replicates) scenario.replicates = *options.replicates;
  if (options.seed) scenario.seed = *options.seed;
  if (options.sensitivity_replicates)
    scenario.sensitivity_replicates = *options.sensitivity_replicates;
  const int threads = effective_threads(options.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  try {
    output::Provenance provenance;
    provenance.scenario_folder = options.scenario;
    for (const auto& f : loaded->files)
      provenance.inputs.push_back({f, output::sha256_of_file(loaded->folder / f)});

    const model::CompiledModel compiled = model::compile(scenario);
    const model::Population population =
        model::synthesize_population(scenario, compiled, scenario.seed);
    const model::RunPlan plan = model::plan_runs(scenario, scenario.seed, scenario.replicates);
    fmt::print(stderr,
               "{}: {} persons, {} simulations ({} arms x {} replicates x {} dynamics groups, one "
               "baseline per replicate) of {} months on {} threads\n",
               scenario.name, population.persons(), plan.simulations(), scenario.arms.size(),
               plan.replicates, plan.dynamics_groups.size(), plan.months, threads);
    Progress progress("simulating", plan.simulations() * static_cast<uint64_t>(plan.months));
    const model::RunResults results =
        model::execute_plan(scenario, compiled, population, plan, [&] { progress.advance(); });
    progress.finish();
    const model::Analysis analysis = model::analyse(scenario, compiled, plan, results);

    output::RunRecord record{
        scenario, compiled, plan, results, analysis, provenance, model::dependency_edges(scenario),
        {},       {},       {},   0,       0,        {}};
    record.calibration = model::calibrate(scenario, compiled, plan, results);
    model::Resimulator resimulator(
        scenario, compiled, population, plan, results, analysis,
        scenario.sensitivity_replicates > 0 ? scenario.sensitivity_replicates : plan.replicates);
    record.sensitivity_replicates = resimulator.replicates();
    {
      Progress tornado_progress("tornado", scenario.norms.size() * (scenario.arms.size() - 1));
      record.tornado = model::tornado(scenario, plan, analysis, resimulator, options.full_tornado,
                                      [&] { tornado_progress.advance(); });
    }
    record.dynamics_switching = model::dynamics_switching(scenario, resimulator);
    record.sensitivity_simulations = resimulator.simulations();
    fmt::print(
        stderr,
        "sensitivity: {} further simulations ({} replicates each) for the tornado and the dynamics "
        "switching values\n",
        resimulator.simulations(), resimulator.replicates());
    if (!options.full_tornado) {
      int figures = 0;
      for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k)
        figures += model::parameter_role(scenario, k) == model::ParameterRole::kModelDynamics &&
                   scenario.parameters[static_cast<size_t>(k)].low <
                       scenario.parameters[static_cast<size_t>(k)].high;
      if (figures > 0)
        fmt::print(stderr,
                   "tornado: normative parameters and unit costs; the {} dynamics figures of the "
                   "modules and proposals (rates, relative risks, shares, effect sizes) are "
                   "explored with --full-tornado\n",
                   figures);
    }
    for (const auto& p : scenario.proposals)
      record.reach.push_back(model::reachable_departments(scenario, p));
    record.provenance.engine_version = KOMMUNESIM_VERSION;
    record.provenance.engine_commit = KOMMUNESIM_COMMIT;
    record.provenance.started_utc = started_utc;
    record.provenance.command_line = options.command_line;
    record.provenance.threads = threads;

    output::StagedFolder folder(options.out);
    output::write_summary_csv(record, folder.path() / "summary.csv");
    output::write_results_sqlite(record, folder.path() / "results.sqlite");
    output::write_ledger_csv(record, folder.path() / "ledger.csv");
    output::write_flips_csv(record, folder.path() / "flips.csv");
    output::write_switching_csv(record, folder.path() / "switching.csv");
    output::write_tornado_csv(record, folder.path() / "tornado.csv");
    output::write_assumptions_md(record, folder.path() / "assumptions.md");
    if (!record.calibration.empty())
      output::write_calibration_csv(record, folder.path() / "calibration.csv");
    output::write_workbook_xlsx(record, folder.path() / "workbook.xlsx");
    output::write_report_html(record, assets, folder.path() / "report.html");
    record.provenance.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    output::write_manifest(record, folder.path() / "manifest.json");
    folder.commit();
    fmt::print("{}", output::text_summary(record));
    fmt::print(
        "\nwrote {}/ (report.html, workbook.xlsx, summary.csv, ledger.csv, flips.csv, "
        "switching.csv, tornado.csv, assumptions.md, {}results.sqlite, manifest.json) in "
        "{:.1f} s\n",
        options.out, record.calibration.empty() ? "" : "calibration.csv, ",
        record.provenance.wall_seconds);
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
