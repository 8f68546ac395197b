// kommunesim calibrate: fit the calibrated figures to the targets and write the scenario with the
// new values into a new folder (the scenario itself is never changed).
#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include "model/appraisal/calibration_fit.hpp"
#include "output/calibration_fit_text.hpp"
#include "output/staged_folder.hpp"
#include "output/texts.hpp"
#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"
#include "scenarios/loader/write_values.hpp"

namespace kommunesim::runner {

int calibrate_command(const CalibrateOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  const model::Scenario& scenario = loaded->scenario;
  if (const auto problem = new_scenario_folder_problem(options.out, loaded->folder)) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  if (const auto problem = replicates_problem(*loaded, options.replicates)) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  const auto language = output::language_named(options.language);
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  const appraisal::FitOptions fit_options{options.seed.value_or(scenario.seed), options.replicates,
                                          options.iterations};
  try {
    const appraisal::CalibrationFit fit =
        appraisal::fit_calibration(scenario, fit_options, [&](int evaluations) {
          fmt::print(stderr, fmt::runtime(output::texts(*language).calibrate.progress),
                     evaluations);
        });
    fmt::print(stderr, "\n");
    const std::string report = output::calibration_fit_text(scenario, fit, fit_options, *language);
    std::map<std::string, double> values;
    for (const appraisal::FittedFigure& f : fit.figures)
      if (f.after != f.before)
        values[scenario.parameters[static_cast<size_t>(f.parameter)].id] = f.after;
    output::StagedFolder folder(options.out);
    scenarios::copy_with_values(
        *loaded, folder.path(), values,
        fmt::format("fitted by kommunesim calibrate (seed {}, {} replicates; see "
                    "calibration_fit.txt)",
                    fit_options.seed, fit_options.replicates));
    {
      std::ofstream file(folder.path() / "calibration_fit.txt");
      file << report;
      if (!file) throw std::runtime_error("calibration_fit.txt cannot be written");
    }
    folder.commit();
    fmt::print("{}", report);
    fmt::print(fmt::runtime(output::texts(*language).calibrate.wrote), options.out, options.out);
    return kExitSuccess;
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "error: {}: {}\n", options.scenario, e.what());
    return kExitInvalidInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the calibration failed: {}\nnothing was written to {}\n", e.what(),
               options.out);
    return kExitRunFailed;
  }
}

}  // namespace kommunesim::runner
