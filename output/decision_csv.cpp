// ledger.csv, budget.csv, flips.csv, switching.csv and tornado.csv: the decision tables of the
// appraisal.
#include <fmt/format.h>

#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
std::string group_norms(const RunRecord& run, int group) {
  std::string out;
  for (size_t n = 0; n < run.appraisal.scenario.norms.size(); ++n)
    if (run.appraisal.plan.norm_group[n] == group)
      out += (out.empty() ? "" : ";") + run.appraisal.scenario.norms[n].id;
  return out;
}

namespace {

// "2025", or "2025-2028 (budget period)" for the budget period.
std::string period_text(const RunRecord& run, int first_year, int years) {
  const int first = run.appraisal.scenario.base_year + first_year;
  return years == 1 ? std::to_string(first)
                    : fmt::format("{}-{} (budget period)", first, first + years - 1);
}

}  // namespace

void write_ledger_csv(const RunRecord& run, const std::filesystem::path& file) {
  const auto& s = run.appraisal.scenario;
  auto out = open_for_writing(file);
  out << "proposal,dynamics_group,normative_sets,period,prices,department,payer"
      << summary_columns("net_cost", "_dkk") << "\n";
  for (const auto& row : run.appraisal.ledger) {
    out << fmt::format("{},{},{},{},{},{},{}", s.arms[static_cast<size_t>(row.arm)].id, row.group,
                       group_norms(run, row.group), period_text(run, row.first_year, row.years),
                       price_level_text(s, Language::kEnglish),
                       s.departments[static_cast<size_t>(row.department)].id,
                       model::kPayerNames[static_cast<size_t>(row.payer)])
        << summary_cells(row.net_cost, 2) << "\n";
  }
  check_written(out, file);
}

void write_budget_csv(const RunRecord& run, const std::filesystem::path& file) {
  const auto& s = run.appraisal.scenario;
  auto out = open_for_writing(file);
  out << "proposal,dynamics_group,normative_sets,period,prices,budget_type"
      << summary_columns("municipality_net_cost", "_dkk") << "\n";
  for (const auto& row : run.appraisal.budget) {
    out << fmt::format("{},{},{},{},{},{}", s.arms[static_cast<size_t>(row.arm)].id, row.group,
                       group_norms(run, row.group), period_text(run, row.first_year, row.years),
                       price_level_text(s, Language::kEnglish),
                       model::kBudgetTypeNames[static_cast<size_t>(row.type)])
        << summary_cells(row.net_cost, 2) << "\n";
  }
  check_written(out, file);
}

void write_flips_csv(const RunRecord& run, const std::filesystem::path& file) {
  const auto& s = run.appraisal.scenario;
  auto out = open_for_writing(file);
  // First every proposal's verdict and rank under every set, then the disagreeing pairs.
  out << "proposal,normative_set,other_normative_set,verdict,other_verdict,rank,other_rank,flip,"
         "differing_parameters\n";
  std::vector<std::vector<const appraisal::ArmNormSummary*>> by(
      s.arms.size(), std::vector<const appraisal::ArmNormSummary*>(s.norms.size()));
  for (const auto& row : run.appraisal.analysis.summaries)
    by[static_cast<size_t>(row.arm)][static_cast<size_t>(row.norm)] = &row;
  const auto sign = [](const appraisal::ArmNormSummary* r) { return verdict_id(r->verdict); };
  for (size_t a = 1; a < s.arms.size(); ++a)
    for (size_t n = 0; n < s.norms.size(); ++n)
      out << fmt::format("{},{},,{},,{},,,\n", s.arms[a].id, s.norms[n].id, sign(by[a][n]),
                         by[a][n]->rank);
  for (const auto& f : run.appraisal.flips) {
    const auto* x = by[static_cast<size_t>(f.arm)][static_cast<size_t>(f.norm_a)];
    const auto* y = by[static_cast<size_t>(f.arm)][static_cast<size_t>(f.norm_b)];
    std::string differing;
    for (const auto& d : f.differing) differing += (differing.empty() ? "" : ";") + d;
    const std::string kind = f.sign_differs && f.top_differs ? "sign;top"
                             : f.sign_differs                ? "sign"
                                                             : "top";
    out << fmt::format("{},{},{},{},{},{},{},{},{}\n", s.arms[static_cast<size_t>(f.arm)].id,
                       s.norms[static_cast<size_t>(f.norm_a)].id,
                       s.norms[static_cast<size_t>(f.norm_b)].id, sign(x), sign(y), x->rank,
                       y->rank, kind, differing);
  }
  check_written(out, file);
}

void write_switching_csv(const RunRecord& run, const std::filesystem::path& file) {
  const auto& s = run.appraisal.scenario;
  auto out = open_for_writing(file);
  out << "proposal,normative_set,parameter,current_value,searched_low,searched_high,switching_"
         "value\n";
  for (const auto& row : run.appraisal.switching)
    out << fmt::format(
        "{},{},{},{},{},{},{}\n", s.arms[static_cast<size_t>(row.arm)].id,
        s.norms[static_cast<size_t>(row.norm)].id, row.parameter, row.current, row.low, row.high,
        row.value ? fmt::format("{:.6g}", *row.value) : std::string("none within range"));
  check_written(out, file);
}

void write_tornado_csv(const RunRecord& run, const std::filesystem::path& file) {
  const auto& s = run.appraisal.scenario;
  auto out = open_for_writing(file);
  out << "proposal,normative_set,parameter,low,high,net_value_mean_dkk,net_value_at_low_dkk,"
         "net_value_at_high_dkk,swing_dkk\n";
  for (const auto& row : run.appraisal.tornado)
    out << fmt::format("{},{},{},{},{},{:.2f},{:.2f},{:.2f},{:.2f}\n",
                       s.arms[static_cast<size_t>(row.arm)].id,
                       s.norms[static_cast<size_t>(row.norm)].id, row.parameter, row.low, row.high,
                       row.base, row.at_low, row.at_high, row.swing());
  check_written(out, file);
}

}  // namespace kommunesim::output
