// The steps of a run that run, batch, run --part and merge share: the checks before simulating,
// the appraisal with its progress, and the output folder's files.
#pragma once

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <string>

#include "model/appraisal/appraisal.hpp"
#include "model/engine/run_plan.hpp"
#include "output/staged_folder.hpp"
#include "output/texts.hpp"
#include "runner/commands.hpp"
#include "runner/progress.hpp"
#include "scenarios/loader/load_scenario.hpp"

namespace kommunesim::runner {

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

std::string utc_now();  // e.g. 2026-11-25T03:17:34Z

// The worker threads of `--threads requested` (0: all cores).
int effective_threads(int requested);

// Why `loaded` cannot be run as `options` ask with `threads` into `out` before anything is
// simulated (the replicates override, the memory estimate), or nullopt; prints the problem.
std::optional<int> refused(const scenarios::LoadedScenario& loaded, const RunOptions& options,
                           int threads, const std::filesystem::path& out);

// The report's assets, or nullopt after printing which is missing.
std::optional<std::filesystem::path> checked_report_assets();

// Whether every process of the run may start simulating, given this one's `refusal` (the exit
// code after it printed why, or nullopt): the first process first locks the destination and
// makes its staging folder `folder`. Returns nullopt to go on, else the exit code for every
// process. Every process must call it.
std::optional<int> agreed_start(std::optional<int> refusal, const std::string& out,
                                std::optional<output::StagedFolder>& folder);

// Appraises `loaded` as `options` ask and writes its output folder's files into `dir`, printing
// progress and the summary; under mpirun only the first process writes and prints.
// `main_results`: the main run's simulations from the parts of a run (merge), or null. Sets
// `files` to the list the closing line names; returns the run's wall seconds. Throws when the run
// fails.
double appraise_into(const scenarios::LoadedScenario& loaded, const RunOptions& options,
                     int threads, const std::filesystem::path& assets,
                     const std::filesystem::path& dir, std::string& files,
                     const model::RunResults* main_results = nullptr);

}  // namespace kommunesim::runner
