// The kommunesim commands. Each returns the process exit code: 0 success, 1 the run failed
// (I/O, resources), 2 invalid input or usage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kommunesim::runner {

constexpr int kExitSuccess = 0;
constexpr int kExitRunFailed = 1;
constexpr int kExitInvalidInput = 2;

struct RunOptions {
  std::string scenario;
  std::string out = "out";
  int threads = 0;                            // 0: all cores
  std::optional<int> replicates;              // overrides the scenario's
  std::optional<int> sensitivity_replicates;  // overrides the scenario's
  std::optional<uint32_t> seed;               // overrides the scenario's
  bool full_tornado = false;      // also re-simulate the modules' and proposals' dynamics figures
  bool full_simulations = false;  // every arm in full, not sharing the baseline (reference)
  bool ignore_memory_estimate = false;  // run even when the estimate exceeds the machine's memory
  std::string language = "da";          // of the terminal summary and progress: "da" or "en"
  std::string command_line;
  std::optional<std::string> part;  // "i/n": only the main run's simulations of part i (run_parts)
};

// A batch: every scenario package in `folder`, each run as `run` says into its own folder of
// run.out.
struct BatchOptions {
  std::string folder;
  RunOptions run;
};

// merge: the parts of a run (run --part) into the output one run writes; the sensitivity and
// writing as `run` says (its seed and replicates come from the parts).
struct MergeOptions {
  std::vector<std::string> parts;       // the parts' folders
  std::optional<std::string> scenario;  // default: the folder the parts ran
  RunOptions run;
};

struct CompareOptions {
  std::string run_a, run_b;  // output folders of two runs
  std::string html = "compare.html";
  std::string language = "da";  // "da" or "en"
};

struct CalibrateOptions {
  std::string scenario;
  std::string out;
  int threads = 0;
  int replicates = 4;            // baseline replicates per evaluation
  std::optional<uint32_t> seed;  // the scenario's unless given
  int iterations = 8;
  std::string language = "da";
};

struct ImportPopulationOptions {
  std::string table;  // a StatBank FOLK1A CSV export
  std::string scenario;
  std::string out;
  std::optional<std::string> municipality;  // the table's only one unless given
  std::optional<std::string> period;        // the table's latest unless given
};

struct ImportTargetsOptions {
  std::string table;    // a StatBank CSV export
  std::string mapping;  // which rows sum into which calibration target (TOML)
  std::string scenario;
  std::string out;
  std::optional<std::string> municipality;
  std::optional<std::string> period;
  std::optional<int> year;  // the calibration year the figures are for (default the period's)
};

struct ProposalTemplateOptions {
  std::string scenario;
  std::string out;                  // the .xlsx file, which must not exist
  std::string language = "da";      // of the form: "da" or "en"
  std::optional<std::string> from;  // a proposal of the scenario to fill the form with
};

struct AddProposalOptions {
  std::string form;  // a filled budget form (.xlsx)
  std::string scenario;
  std::string out;  // the new scenario folder
};

struct BenchOptions {
  std::string scenario;
  int persons = 1'000'000;
  int months = 120;
  int threads = 0;
  bool appraisal = false;  // time the scenario's whole appraisal instead of one simulation
};

int run_command(const RunOptions& options);
int batch_command(const BatchOptions& options);
int part_command(const RunOptions& options);
int merge_command(const MergeOptions& options);
int compare_command(const CompareOptions& options);
int validate_command(const std::string& scenario);
int assumptions_command(const std::string& scenario);
int bench_command(const BenchOptions& options);
int calibrate_command(const CalibrateOptions& options);
int import_population_command(const ImportPopulationOptions& options);
int import_targets_command(const ImportTargetsOptions& options);
int proposal_template_command(const ProposalTemplateOptions& options);
int add_proposal_command(const AddProposalOptions& options);

}  // namespace kommunesim::runner
