// The terminal summary: per proposal, what it costs the municipality and what it is worth
// under each normative set.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "output/texts.hpp"
#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

std::string calibration_summary(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  const Language lang = run.language;
  const Texts& words = texts(lang);
  if (run.appraisal.calibration.empty()) return "";
  int within = 0;
  for (const auto& row : run.appraisal.calibration) within += row.within ? 1 : 0;
  std::string out = fmt::format(
      fmt::runtime(words.calibration_header), run.appraisal.plan.replicates, within,
      run.appraisal.calibration.size(), decimal(100 * s.calibration_tolerance, 0, lang));
  const size_t off_width = std::max<size_t>(8, utf8_length(std::string(words.column_off)));
  const size_t se_width = std::max<size_t>(6, utf8_length(std::string(words.column_se)));
  out += fmt::format("  {} {} {} {} {} {}\n", padded(std::string(words.column_target), 62),
                     padded(std::string(words.column_year), 4, false),
                     padded(std::string(words.column_target), 10, false),
                     padded(std::string(words.column_baseline), 10, false),
                     padded(std::string(words.column_off), off_width, false),
                     padded(std::string(words.column_se), se_width, false));
  for (const auto& row : run.appraisal.calibration) {
    const auto& t = s.calibration[static_cast<size_t>(row.target)];
    const std::string own =
        t.tolerance == s.calibration_tolerance
            ? ""
            : fmt::format(fmt::runtime(words.own_tolerance), decimal(100 * t.tolerance, 0, lang));
    const std::string se =
        std::isnan(row.standard_error)
            ? "-"
            : decimal(100 * row.standard_error / row.target_value, 1, lang) + "%";
    const std::string off =
        std::isnan(row.deviation)
            ? "-"
            : (row.deviation >= 0 ? "+" : "") + decimal(100 * row.deviation, 1, lang) + "%";
    const int hidden = run.appraisal.disclosure.threshold;
    out += fmt::format("  {} {:>4} {} {} {} {}{} {}\n", padded(t.title, 62), t.year,
                       padded(calibration_figure(t, row.target_value, lang, hidden), 10, false),
                       padded(calibration_figure(t, row.simulated, lang, hidden), 10, false),
                       padded(off, off_width, false), padded(se, se_width, false), own,
                       row.within ? "" : words.outside_tolerance);
  }
  return out;
}

// "1.9 [1.7; 2.2]": the mean and its 90 % interval, in million DKK.
std::string interval(double mean, double low, double high, Language language) {
  if (std::isnan(low)) return mdkk(mean, language);
  return fmt::format("{} [{}; {}]", mdkk(mean, language), mdkk(low, language),
                     mdkk(high, language));
}

// `text` broken into lines of at most `width` characters at spaces.
// The closing ranking: every proposal's rank and verdict under every normative set, one line per
// proposal, the sets lettered.
std::string ranking_summary(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  const Texts& words = texts(run.language);
  if (s.arms.size() < 2 || s.norms.empty()) return "";
  std::string out = "\n" + wrapped(std::string(words.ranking_legend), 100);
  size_t width = utf8_length(std::string(words.column_proposal));
  for (size_t a = 1; a < s.arms.size(); ++a) width = std::max(width, s.arms[a].id.size());
  out += "  " + padded(std::string(words.column_proposal), width);
  for (size_t n = 0; n < s.norms.size(); ++n)
    out += fmt::format(" {:>5}", std::string(1, static_cast<char>('A' + n % 26)));
  out += "\n";
  constexpr std::array<const char*, 4> kMark = {"+", "-", "0", "~"};
  for (size_t a = 1; a < s.arms.size(); ++a) {
    out += fmt::format("  {:<{}}", s.arms[a].id, width);
    for (size_t n = 0; n < s.norms.size(); ++n)
      for (const auto& row : run.appraisal.analysis.summaries)
        if (row.arm == static_cast<int>(a) && row.norm == static_cast<int>(n))
          out += fmt::format(" {:>5}", fmt::format("{}{}{}", row.rank, row.rank_resolved ? "" : "?",
                                                   kMark[static_cast<size_t>(row.verdict)]));
    out += "\n";
  }
  for (size_t n = 0; n < s.norms.size(); ++n)
    out += fmt::format("  {}: {}\n", static_cast<char>('A' + n % 26), s.norms[n].title);
  return out;
}

// What the modules cover of the municipality's net operating spending.
std::string coverage_summary(const RunRecord& run) {
  const auto& c = run.appraisal.coverage;
  const auto& s = run.appraisal.scenario;
  const Language lang = run.language;
  if (c.net_operating_dkk <= 0) return "";
  return wrapped(fmt::format(fmt::runtime(texts(lang).coverage), decimal(100 * c.share(), 0, lang),
                             s.base_year, mdkk(c.modelled_dkk, lang),
                             mdkk(c.net_operating_dkk, lang), s.net_operating_source),
                 100) +
         "\n";
}

// The four-year budget period's net cost by budget type (first dynamics group), e.g.
// "    of which service 8.4 [8.1; 8.7]; transfers -2.5 (budget guarantee), -0.4 (other); ...".
std::string budget_types_line(const RunRecord& run, int arm) {
  const Language lang = run.language;
  const Texts& words = texts(lang);
  std::array<const appraisal::Summary*, model::kBudgetTypeCount> by_type{};
  for (const auto& row : run.appraisal.budget)
    if (row.arm == arm && row.group == 0 && row.years == appraisal::kBudgetPeriodYears)
      by_type[static_cast<size_t>(row.type)] = &row.net_cost;
  if (by_type[0] == nullptr) return "";
  const auto& service = *by_type[static_cast<size_t>(model::BudgetType::kService)];
  const double investment = by_type[static_cast<size_t>(model::BudgetType::kInvestment)]->mean;
  return fmt::format(
      fmt::runtime(words.of_which),
      interval(service.mean, service.mean_low, service.mean_high, lang),
      mdkk(by_type[static_cast<size_t>(model::BudgetType::kTransferGuaranteed)]->mean, lang),
      mdkk(by_type[static_cast<size_t>(model::BudgetType::kTransferOther)]->mean, lang),
      mdkk(by_type[static_cast<size_t>(model::BudgetType::kFinancing)]->mean, lang),
      investment == 0 ? std::string()
                      : fmt::format(fmt::runtime(words.investment), mdkk(investment, lang)));
}

// How full the proposal's places are, e.g. "places used (30): 2025 48 %, 2026 71 %, 2027 70 %,
// 2028 65 %; 20 years 40 %; under half used in 12 of 20 years".
std::string capacity_line(const RunRecord& run, int arm) {
  const auto& s = run.appraisal.scenario;
  const Language lang = run.language;
  const Texts& words = texts(lang);
  if (s.arms[static_cast<size_t>(arm)].proposals.size() != 1) return "";
  const int p = s.arms[static_cast<size_t>(arm)].proposals.front();
  std::string years;
  double used = 0, places = 0;
  int low = 0, counted = 0;
  for (const auto& row : run.appraisal.capacity) {
    if (row.proposal != p || std::isnan(row.fill_rate)) continue;
    if (row.year < appraisal::kBudgetPeriodYears)
      years += fmt::format("{}{} {} %", years.empty() ? "" : ", ", s.base_year + row.year,
                           decimal(100 * row.fill_rate, 0, lang));
    used += row.participant_months;
    places += row.places * model::kMonthsPerYear;
    low += row.fill_rate < appraisal::kLowFillRate;
    ++counted;
  }
  if (counted == 0) return "";
  std::string line =
      fmt::format(fmt::runtime(words.places_used), s.proposals[static_cast<size_t>(p)].capacity,
                  years, counted, decimal(100 * used / places, 0, lang));
  if (low > 0) line += fmt::format(fmt::runtime(words.places_low), low, counted);
  return line + "\n";
}

// The centres whose spending the proposal clearly and materially changes (the municipality's net
// cost over the budget period, simulated with the first set's dynamics: its interval of the mean
// clear of zero, its mean at least the scenario's materiality), each with its change: where the
// money lands, which differs from proposal to proposal.
std::string centres_line(const RunRecord& run, int arm) {
  const auto& s = run.appraisal.scenario;
  const Texts& words = texts(run.language);
  std::string centres;
  for (const auto& row : run.appraisal.ledger) {
    if (row.arm != arm || row.group != 0 || row.years != appraisal::kBudgetPeriodYears ||
        row.payer != model::Payer::kMunicipality)
      continue;
    if (!(row.net_cost.mean_low > 0 || row.net_cost.mean_high < 0) ||
        std::abs(row.net_cost.mean) < s.materiality_dkk)
      continue;
    centres += (centres.empty() ? "" : "; ") +
               fmt::format("{} {}", s.departments[static_cast<size_t>(row.department)].title,
                           mdkk(row.net_cost.mean, run.language));
  }
  return centres.empty() ? std::string(words.no_centre_change)
                         : fmt::format(fmt::runtime(words.clear_in_centres), centres);
}

}  // namespace

std::string text_summary(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  const Language lang = run.language;
  const Texts& words = texts(lang);
  size_t title_width = utf8_length(std::string(words.column_set));
  for (const auto& n : s.norms) title_width = std::max(title_width, utf8_length(n.title));
  std::string out =
      fmt::format(fmt::runtime(words.summary_header), s.name, replicates_text(run.appraisal, lang),
                  s.horizon_years, s.base_year, price_level_text(s, lang)) +
      fmt::format(fmt::runtime(words.summary_legend), s.base_year, mdkk(s.materiality_dkk, lang)) +
      wrapped(uncertainty_sources_text(run.appraisal, lang) + " " + financing_text(s, lang) + " " +
                  prices_text(s, false, lang),
              100);
  for (size_t a = 1; a < s.arms.size(); ++a) {
    const auto& arm = s.arms[a];
    out += fmt::format("\n{} ({})\n", arm.title, arm.id);
    bool first = true;
    for (const auto& row : run.appraisal.analysis.summaries) {
      if (row.arm != static_cast<int>(a)) continue;
      if (first) {
        const auto& y1 = row.municipality_cost_year1;
        const auto& b4 = row.municipality_cost_budget_period;
        out += fmt::format(fmt::runtime(words.cost_first_year),
                           interval(y1.mean, y1.mean_low, y1.mean_high, lang));
        out += fmt::format(fmt::runtime(words.cost_budget_period),
                           interval(b4.mean, b4.mean_low, b4.mean_high, lang));
        out += budget_types_line(run, static_cast<int>(a));
        out += capacity_line(run, static_cast<int>(a));
        // Effects over the longest horizon among the sets (of the first set that has it).
        const appraisal::ArmNormSummary* longest = &row;
        for (const auto& other : run.appraisal.analysis.summaries)
          if (other.arm == row.arm && s.norms[static_cast<size_t>(other.norm)].horizon_years >
                                          s.norms[static_cast<size_t>(longest->norm)].horizon_years)
            longest = &other;
        // The clear changes one by one; the outcomes without one named on a line.
        std::string unclear;
        for (size_t m = 0; m < s.measures.size(); ++m) {
          const auto& c = longest->measure_change[m];
          if (longest->measure_direction[m] == appraisal::Change::kNoClearChange) {
            unclear += (unclear.empty() ? "" : ", ") + s.measures[m].title;
            continue;
          }
          const std::string figures =
              std::isnan(c.mean_low)
                  ? decimal(c.mean, 1, lang)
                  : fmt::format("{} [{}; {}]", decimal(c.mean, 1, lang),
                                decimal(c.mean_low, 1, lang), decimal(c.mean_high, 1, lang));
          out += fmt::format(fmt::runtime(words.measure_change), s.measures[m].title,
                             s.measures[m].unit,
                             s.norms[static_cast<size_t>(longest->norm)].horizon_years, figures);
        }
        if (!unclear.empty())
          out += fmt::format(fmt::runtime(words.no_clear_measures),
                             s.norms[static_cast<size_t>(longest->norm)].horizon_years, unclear);
        out += fmt::format("  {} {:>7} {:>26} {:>10} {:>5} {:>9}  {}\n",
                           padded(std::string(words.column_set), title_width), words.column_horizon,
                           words.column_net_value, words.column_chance, words.column_rank,
                           words.column_payback, words.column_verdict);
        first = false;
      }
      const auto& norm = s.norms[static_cast<size_t>(row.norm)];
      out += fmt::format(
          "  {} {:>7} {:>26} {:>9}% {:>4}{} {:>9}  {}\n", padded(norm.title, title_width),
          fmt::format("{} {}", norm.horizon_years, words.years_short),
          interval(row.net_value.mean, row.net_value.mean_low, row.net_value.mean_high, lang),
          decimal(100 * row.chance_of_gain.share, 0, lang), row.rank, row.rank_resolved ? " " : "?",
          row.payback_year >= 0 ? std::to_string(s.base_year + row.payback_year) : "-",
          verdict_words(row.verdict, lang));
    }
    // Where the conclusion depends on the normative set: the sets under each verdict.
    std::vector<std::string> under(4);
    for (const auto& row : run.appraisal.analysis.summaries) {
      if (row.arm != static_cast<int>(a)) continue;
      std::string& list = under[static_cast<size_t>(row.verdict)];
      list += (list.empty() ? "" : ", ") + s.norms[static_cast<size_t>(row.norm)].title;
    }
    std::string conclusion;
    size_t kinds = 0, only = 0;
    for (size_t v = 0; v < under.size(); ++v) {
      if (under[v].empty()) continue;
      ++kinds;
      only = v;
      conclusion += (conclusion.empty() ? "" : "; ") +
                    fmt::format(fmt::runtime(words.verdict_under),
                                verdict_words(static_cast<appraisal::Verdict>(v), lang), under[v]);
    }
    const bool flips = !under[static_cast<size_t>(appraisal::Verdict::kNetGain)].empty() &&
                       !under[static_cast<size_t>(appraisal::Verdict::kNetCost)].empty();
    if (kinds == 1)
      out += fmt::format(fmt::runtime(words.conclusion_holds),
                         verdict_words(static_cast<appraisal::Verdict>(only), lang));
    else
      out += fmt::format(fmt::runtime(flips ? words.conclusion_flips : words.conclusion_depends),
                         conclusion);
    out += centres_line(run, static_cast<int>(a));
  }
  out += ranking_summary(run);
  out += calibration_summary(run);
  out += coverage_summary(run);
  if (const std::string d = disclosure_text(run.appraisal, lang); !d.empty())
    out += wrapped(d, 100) + "\n";
  // A title is printed as text: control characters (terminal escape codes among them) are dropped.
  std::erase_if(
      out, [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f; });
  return out;
}

}  // namespace kommunesim::output
