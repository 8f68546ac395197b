// kommunesim: the command line.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "model/engine/processes.hpp"
#include "model/engine/scenario.hpp"
#include "runner/commands.hpp"

using namespace kommunesim::runner;

namespace {

int dispatch(int argc, char** argv);

}  // namespace

int main(int argc, char** argv) {
  // Under mpirun every process runs the command in lockstep and only the first (rank 0) speaks
  // and writes (model/engine/processes.hpp).
  kommunesim::model::processes::start(argc, argv);
  if (!kommunesim::model::processes::is_root()) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
  }
  const int code = dispatch(argc, argv);
  kommunesim::model::processes::stop();
  return code;
}

namespace {

int dispatch(int argc, char** argv) {
  CLI::App app{"kommunesim: microsimulation of a municipality's citizens and budget proposals"};
  app.require_subcommand(1);
  // As the outputs record it: the command's name and its arguments, each absolute path reduced to
  // its last part, so that a shared output folder does not show the user's own folders.
  std::string command_line = "kommunesim";
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    command_line +=
        " " + (argument.starts_with('/') ? std::filesystem::path(argument).filename().string()
                                         : argument);
  }

  RunOptions run;
  run.scenario = KOMMUNESIM_DEFAULT_SCENARIO;
  run.command_line = command_line;
  auto* run_cmd =
      app.add_subcommand("run", "Simulate baseline and proposals under every normative set");
  run_cmd->add_option("scenario", run.scenario,
                      "Scenario folder (default: the bundled default scenario)");
  run_cmd->add_option("--out", run.out, "Output folder, written when the run is complete")
      ->capture_default_str();
  run_cmd->add_option("--threads", run.threads, "Worker threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  run_cmd
      ->add_option("--replicates", run.replicates,
                   "A fixed number of Monte Carlo replicates (default: the scenario's rule)")
      ->check(CLI::Range(1, kommunesim::model::kMaxReplicates));
  run_cmd
      ->add_option("--sensitivity-replicates", run.sensitivity_replicates,
                   "Replicates re-simulated for the tornado and the dynamics switching values "
                   "(default: the scenario's, else all)")
      ->check(CLI::Range(1, kommunesim::model::kMaxReplicates));
  run_cmd->add_option("--seed", run.seed, "Random seed (default: the scenario's)");
  run_cmd->add_flag("--full-tornado", run.full_tornado,
                    "Tornado also over the dynamics figures of modules and proposals (rates, "
                    "relative risks, entry shares, effect sizes): two re-simulations of the "
                    "baseline and every arm per figure and dynamics group");
  run_cmd
      ->add_option("--lang", run.language,
                   "Language of the summary and progress: da (Danish) or en (English)")
      ->capture_default_str()
      ->check(CLI::IsMember({"da", "en"}));
  run_cmd->add_flag("--ignore-memory-estimate", run.ignore_memory_estimate,
                    "Run even when the estimated memory exceeds the machine's");
  run_cmd->add_option("--part", run.part,
                      "i/n: simulate only part i of n of the main run (replicates r with r mod n = "
                      "i - 1) into --out, for `kommunesim merge`");
  run_cmd->add_flag("--full-simulations", run.full_simulations,
                    "Simulate every arm in full instead of only the households where it differs "
                    "from the baseline: identical results, slower (the reference path)");

  BatchOptions batch;
  batch.run.command_line = command_line;
  auto* batch_cmd = app.add_subcommand(
      "batch",
      "Run every scenario package in a folder (e.g. one per municipality), each into its own "
      "folder of --out, with a summary across them");
  batch_cmd->add_option("folder", batch.folder, "Folder of scenario packages")->required();
  batch_cmd->add_option("--out", batch.run.out, "Output folder, written when every run is done")
      ->capture_default_str();
  batch_cmd->add_option("--threads", batch.run.threads, "Worker threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  batch_cmd
      ->add_option("--replicates", batch.run.replicates,
                   "A fixed number of Monte Carlo replicates (default: each scenario's rule)")
      ->check(CLI::Range(1, kommunesim::model::kMaxReplicates));
  batch_cmd
      ->add_option("--sensitivity-replicates", batch.run.sensitivity_replicates,
                   "Replicates re-simulated for sensitivity (default: each scenario's)")
      ->check(CLI::Range(1, kommunesim::model::kMaxReplicates));
  batch_cmd->add_option("--seed", batch.run.seed, "Random seed (default: each scenario's)");
  batch_cmd->add_flag("--full-tornado", batch.run.full_tornado,
                      "Tornado also over the modules' and proposals' dynamics figures");
  batch_cmd
      ->add_option("--lang", batch.run.language,
                   "Language of the summaries and progress: da (Danish) or en (English)")
      ->capture_default_str()
      ->check(CLI::IsMember({"da", "en"}));
  batch_cmd->add_flag("--ignore-memory-estimate", batch.run.ignore_memory_estimate,
                      "Run even when the estimated memory exceeds the machine's");

  MergeOptions merge;
  merge.run.command_line = command_line;
  auto* merge_cmd = app.add_subcommand(
      "merge",
      "Merge the parts of a run (run --part i/n) into the output one run writes: the "
      "sensitivity runs here");
  merge_cmd->add_option("parts", merge.parts, "The parts' folders")->required();
  merge_cmd->add_option("--scenario", merge.scenario,
                        "Scenario folder (default: the one the parts ran)");
  merge_cmd->add_option("--out", merge.run.out, "Output folder")->capture_default_str();
  merge_cmd->add_option("--threads", merge.run.threads, "Worker threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  merge_cmd
      ->add_option("--sensitivity-replicates", merge.run.sensitivity_replicates,
                   "Replicates re-simulated for sensitivity (default: the scenario's)")
      ->check(CLI::Range(1, kommunesim::model::kMaxReplicates));
  merge_cmd->add_flag("--full-tornado", merge.run.full_tornado,
                      "Tornado also over the modules' and proposals' dynamics figures");
  merge_cmd->add_flag("--full-simulations", merge.run.full_simulations,
                      "Re-simulate every arm in full (identical results, slower)");
  merge_cmd->add_option("--lang", merge.run.language, "Language: da (Danish) or en (English)")
      ->capture_default_str()
      ->check(CLI::IsMember({"da", "en"}));
  merge_cmd->add_flag("--ignore-memory-estimate", merge.run.ignore_memory_estimate,
                      "Run even when the estimated memory exceeds the machine's");

  CompareOptions compare;
  auto* compare_cmd = app.add_subcommand(
      "compare", "Two runs side by side: what changed in the inputs and in the results");
  compare_cmd->add_option("run_a", compare.run_a, "Output folder of the first run (A)")->required();
  compare_cmd->add_option("run_b", compare.run_b, "Output folder of the second run (B)")
      ->required();
  compare_cmd
      ->add_option("--html", compare.html,
                   "The comparison as a self-contained page (replaces only an earlier one)")
      ->capture_default_str();
  compare_cmd->add_option("--lang", compare.language, "Language: da (Danish) or en (English)")
      ->capture_default_str()
      ->check(CLI::IsMember({"da", "en"}));

  std::string validate_scenario;
  auto* validate_cmd =
      app.add_subcommand("validate", "Check a scenario package without running it");
  validate_cmd->add_option("scenario", validate_scenario, "Scenario folder")->required();

  std::string assumptions_scenario = KOMMUNESIM_DEFAULT_SCENARIO;
  auto* assumptions_cmd = app.add_subcommand(
      "assumptions", "Print the parameter register and each normative set's values");
  assumptions_cmd->add_option("scenario", assumptions_scenario,
                              "Scenario folder (default: the bundled default scenario)");

  CalibrateOptions calibrate;
  calibrate.scenario = KOMMUNESIM_DEFAULT_SCENARIO;
  auto* calibrate_cmd = app.add_subcommand(
      "calibrate",
      "Fit the figures marked as calibrated to the calibration targets, within their ranges, and "
      "write the scenario with the new values to a new folder");
  calibrate_cmd->add_option("scenario", calibrate.scenario,
                            "Scenario folder (default: the bundled default scenario)");
  calibrate_cmd->add_option("--out", calibrate.out, "New folder for the fitted scenario")
      ->required();
  calibrate_cmd->add_option("--replicates", calibrate.replicates, "Baseline replicates per fit")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  calibrate_cmd->add_option("--seed", calibrate.seed, "Random seed (default: the scenario's)");
  calibrate_cmd->add_option("--iterations", calibrate.iterations, "Most fitting steps")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  calibrate_cmd->add_option("--threads", calibrate.threads, "Worker threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  calibrate_cmd->add_option("--lang", calibrate.language, "Language: da (Danish) or en (English)")
      ->capture_default_str()
      ->check(CLI::IsMember({"da", "en"}));

  ImportPopulationOptions import_population;
  import_population.scenario = KOMMUNESIM_DEFAULT_SCENARIO;
  auto* import_population_cmd = app.add_subcommand(
      "import-population",
      "Write a copy of a scenario whose population is a municipality's inhabitants by age and sex "
      "from a Statistics Denmark FOLK1A export (StatBank CSV)");
  import_population_cmd->add_option("table", import_population.table, "FOLK1A CSV file")
      ->required();
  import_population_cmd->add_option("scenario", import_population.scenario,
                                    "Scenario folder (default: the bundled default scenario)");
  import_population_cmd->add_option("--out", import_population.out, "New folder for the scenario")
      ->required();
  import_population_cmd->add_option("--municipality", import_population.municipality,
                                    "The municipality (OMRÅDE) when the table holds several");
  import_population_cmd->add_option("--period", import_population.period,
                                    "The period (TID, e.g. 2024K1); default the latest");

  ImportTargetsOptions import_targets;
  import_targets.scenario = KOMMUNESIM_DEFAULT_SCENARIO;
  auto* import_targets_cmd = app.add_subcommand(
      "import-targets",
      "Write a copy of a scenario whose calibration targets take their figures from a Statistics "
      "Denmark StatBank table (CSV), summed as a mapping file says");
  import_targets_cmd->add_option("table", import_targets.table, "StatBank CSV file")->required();
  import_targets_cmd->add_option("scenario", import_targets.scenario,
                                 "Scenario folder (default: the bundled default scenario)");
  import_targets_cmd
      ->add_option("--mapping", import_targets.mapping,
                   "Which rows of the table sum into which target (TOML)")
      ->required();
  import_targets_cmd->add_option("--out", import_targets.out, "New folder for the scenario")
      ->required();
  import_targets_cmd->add_option("--municipality", import_targets.municipality,
                                 "The municipality when the table holds several");
  import_targets_cmd->add_option("--period", import_targets.period,
                                 "The period (e.g. 2024K1); default the latest");
  import_targets_cmd->add_option("--year", import_targets.year,
                                 "The calibration year the figures are for (default the period's)");

  ProposalTemplateOptions proposal_template;
  proposal_template.scenario = KOMMUNESIM_DEFAULT_SCENARIO;
  auto* proposal_template_cmd = app.add_subcommand(
      "proposal-template",
      "Write the budget form for a new proposal (.xlsx) with the scenario's centres, target "
      "states and transitions as drop-down lists");
  proposal_template_cmd->add_option("scenario", proposal_template.scenario,
                                    "Scenario folder (default: the bundled default scenario)");
  proposal_template_cmd->add_option("--out", proposal_template.out, "The form to write (.xlsx)")
      ->required();
  proposal_template_cmd->add_option(
      "--from", proposal_template.from,
      "A proposal of the scenario to fill the form with, to revise it as a new proposal");
  proposal_template_cmd
      ->add_option("--lang", proposal_template.language, "Language: da (Danish) or en (English)")
      ->capture_default_str()
      ->check(CLI::IsMember({"da", "en"}));

  AddProposalOptions add_proposal;
  add_proposal.scenario = KOMMUNESIM_DEFAULT_SCENARIO;
  auto* add_proposal_cmd = app.add_subcommand(
      "add-proposal",
      "Read a filled budget form and write a copy of the scenario with the proposal added");
  add_proposal_cmd->add_option("form", add_proposal.form, "The filled form (.xlsx)")->required();
  add_proposal_cmd->add_option("scenario", add_proposal.scenario,
                               "Scenario folder (default: the bundled default scenario)");
  add_proposal_cmd->add_option("--out", add_proposal.out, "New folder for the scenario")
      ->required();

  BenchOptions bench;
  bench.scenario = KOMMUNESIM_DEFAULT_SCENARIO;
  auto* bench_cmd = app.add_subcommand(
      "bench", "Time the engine on a synthetic population of the bundled modules");
  bench_cmd->add_option("--persons", bench.persons, "Persons")
      ->capture_default_str()
      ->check(CLI::Range(1, 50'000'000));
  bench_cmd->add_option("--months", bench.months, "Months")
      ->capture_default_str()
      ->check(CLI::Range(1, 1200));
  bench_cmd->add_option("--threads", bench.threads, "Worker threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  bench_cmd->add_option("--scenario", bench.scenario, "Scenario whose modules to use");
  bench_cmd->add_flag("--appraisal", bench.appraisal,
                      "Time the scenario's whole appraisal (as `run` does it, without writing)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitSuccess : kExitInvalidInput;
  }
  if (kommunesim::model::processes::count() > 1 && !*run_cmd && !*batch_cmd && !*merge_cmd) {
    std::fprintf(stderr, "error: under mpirun only run, batch and merge share their work\n");
    return kExitInvalidInput;
  }
  if (*run_cmd) return run_command(run);
  if (*batch_cmd) return batch_command(batch);
  if (*merge_cmd) return merge_command(merge);
  if (*compare_cmd) return compare_command(compare);
  if (*calibrate_cmd) return calibrate_command(calibrate);
  if (*import_population_cmd) return import_population_command(import_population);
  if (*import_targets_cmd) return import_targets_command(import_targets);
  if (*proposal_template_cmd) return proposal_template_command(proposal_template);
  if (*add_proposal_cmd) return add_proposal_command(add_proposal);
  if (*validate_cmd) return validate_command(validate_scenario);
  if (*assumptions_cmd) return assumptions_command(assumptions_scenario);
  if (*bench_cmd) return bench_command(bench);
  return kExitInvalidInput;
}

}  // namespace
