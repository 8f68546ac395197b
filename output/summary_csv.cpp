// summary.csv: per proposal and normative set, the verdict, the decision figures, and net value,
// municipal net cost and outcome changes, each as the mean with its 90 % interval of the mean and
// the spread of outcomes across replicates.
#include <fmt/format.h>

#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {

void write_summary_csv(const RunRecord& run, const std::filesystem::path& file) {
  auto out = open_for_writing(file);
  const auto& s = run.appraisal.scenario;
  out << "proposal,title,normative_set,horizon_years,verdict"
      << summary_columns("net_value", "_dkk")
      << ",chance_of_gain,chance_of_gain_low,chance_of_gain_high,rank,rank_resolved,"
         "chance_of_rank_1,gap_to_next_mean_dkk,gap_to_next_se_dkk,payback_year,"
         "benefit_cost_ratio,programme_cost_pv_dkk,participants,net_value_per_participant_dkk,"
         "population_variance_share,unit_cost_variance_share"
      << summary_columns("municipality_net_cost_year1", "_dkk")
      << summary_columns("municipality_net_cost_4y", "_dkk")
      << summary_columns("municipality_net_cost_horizon", "_dkk");
  for (const auto& m : s.measures)
    out << summary_columns(m.id + "_change", "") << "," << m.id << "_direction," << m.id
        << "_net_cost_per_unit_dkk";
  out << "\n";
  for (const auto& row : run.appraisal.analysis.summaries) {
    const auto& arm = s.arms[static_cast<size_t>(row.arm)];
    const auto& norm = s.norms[static_cast<size_t>(row.norm)];
    out << csv_text(arm.id) << "," << csv_text(arm.title) << "," << csv_text(norm.id) << ","
        << norm.horizon_years << "," << verdict_id(row.verdict) << summary_cells(row.net_value, 2)
        << "," << fixed_cell(row.chance_of_gain.share, 4) << ","
        << fixed_cell(row.chance_of_gain.low, 4) << "," << fixed_cell(row.chance_of_gain.high, 4)
        << "," << row.rank << "," << (row.rank_resolved ? "yes" : "no") << ","
        << fixed_cell(row.rank_probability.front(), 4) << "," << fixed_cell(row.gap_to_next.mean, 2)
        << "," << fixed_cell(row.gap_to_next.std_error, 2) << ","
        << (row.payback_year >= 0 ? std::to_string(s.base_year + row.payback_year)
                                  : std::string("not within the horizon"))
        << "," << fixed_cell(row.benefit_cost_ratio, 4) << ","
        << fixed_cell(row.programme_cost.mean, 2) << "," << fixed_cell(row.participants.mean, 2)
        << "," << fixed_cell(row.net_value_per_participant, 2) << ","
        << fixed_cell(row.population_variance_share, 4) << ","
        << fixed_cell(row.unit_cost_variance_share, 4)
        << summary_cells(row.municipality_cost_year1, 2)
        << summary_cells(row.municipality_cost_budget_period, 2)
        << summary_cells(row.municipality_cost_horizon, 2);
    for (size_t m = 0; m < row.measure_change.size(); ++m)
      out << summary_cells(row.measure_change[m], 4) << "," << change_id(row.measure_direction[m])
          << "," << fixed_cell(row.net_cost_per_unit[m], 2);
    out << "\n";
  }
  check_written(out, file);
}

}  // namespace kommunesim::output
