// summary.csv: per proposal and normative set, net value and municipal net cost with intervals.
#include <fmt/format.h>

#include "output/writers.hpp"

namespace kommunesim::output {

void write_summary_csv(const RunRecord& run, const std::filesystem::path& file) {
  auto out = open_for_writing(file);
  const auto& s = run.appraisal.scenario;
  out << "proposal,title,normative_set,horizon_years,net_value_mean_dkk,net_value_p5_dkk,"
         "net_value_p95_dkk,municipality_net_cost_year1_mean_dkk,municipality_net_cost_year1_p5_"
         "dkk,"
         "municipality_net_cost_year1_p95_dkk,municipality_net_cost_4y_mean_dkk,"
         "municipality_net_cost_4y_p5_dkk,municipality_net_cost_4y_p95_dkk,"
         "municipality_net_cost_horizon_mean_dkk,"
         "municipality_net_cost_horizon_p5_dkk,municipality_net_cost_horizon_p95_dkk";
  for (const auto& m : s.measures)
    out << "," << m.id << "_change_mean," << m.id << "_change_p5," << m.id << "_change_p95";
  out << ",rank\n";
  for (const auto& row : run.appraisal.analysis.summaries) {
    const auto& arm = s.arms[static_cast<size_t>(row.arm)];
    const auto& norm = s.norms[static_cast<size_t>(row.norm)];
    out << csv_text(arm.id) << "," << csv_text(arm.title) << "," << csv_text(norm.id) << ","
        << norm.horizon_years
        << fmt::format(",{:.2f},{:.2f},{:.2f}", row.net_value.mean, row.net_value.p5,
                       row.net_value.p95)
        << fmt::format(",{:.2f},{:.2f},{:.2f}", row.municipality_cost_year1.mean,
                       row.municipality_cost_year1.p5, row.municipality_cost_year1.p95)
        << fmt::format(",{:.2f},{:.2f},{:.2f}", row.municipality_cost_budget_period.mean,
                       row.municipality_cost_budget_period.p5,
                       row.municipality_cost_budget_period.p95)
        << fmt::format(",{:.2f},{:.2f},{:.2f}", row.municipality_cost_horizon.mean,
                       row.municipality_cost_horizon.p5, row.municipality_cost_horizon.p95);
    for (const auto& m : row.measure_change)
      out << fmt::format(",{:.4f},{:.4f},{:.4f}", m.mean, m.p5, m.p95);
    out << "," << row.rank << "\n";
  }
  check_written(out, file);
}

}  // namespace kommunesim::output
