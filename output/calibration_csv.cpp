// calibration.csv: the baseline against the scenario's calibration targets, each in its year.
#include <fmt/format.h>

#include <cmath>

#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

// Every digit a double holds; empty for a figure that is not defined or was suppressed (NaN).
std::string exact(double v) { return std::isnan(v) ? std::string() : fmt::format("{:.17g}", v); }

}  // namespace

std::string calibration_kind_name(model::CalibrationTarget::Kind kind) {
  switch (kind) {
    case model::CalibrationTarget::Kind::kPopulation:
      return "population";
    case model::CalibrationTarget::Kind::kPersons:
      return "persons";
    case model::CalibrationTarget::Kind::kFlow:
      return "flow";
    case model::CalibrationTarget::Kind::kSpending:
      return "spending";
    case model::CalibrationTarget::Kind::kOverlap:
      return "overlap";
  }
  return "";
}

void write_calibration_csv(const RunRecord& run, const std::filesystem::path& file) {
  auto out = open_for_writing(file);
  const auto& s = run.appraisal.scenario;
  out << "target,title,kind,year,target_value,baseline,baseline_standard_error,deviation,"
         "within_tolerance,tolerance,"
         "source\n";
  for (const auto& row : run.appraisal.calibration) {
    const auto& t = s.calibration[static_cast<size_t>(row.target)];
    out << csv_text(t.id) << "," << csv_text(t.title) << "," << calibration_kind_name(t.kind) << ","
        << t.year << "," << exact(row.target_value) << "," << exact(row.simulated) << ","
        << exact(row.standard_error) << "," << fixed_cell(row.deviation, 6) << ","
        << (row.within ? "yes" : "no") << "," << t.tolerance << "," << csv_text(t.source) << "\n";
  }
  check_written(out, file);
}

}  // namespace kommunesim::output
