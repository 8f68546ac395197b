// report.html: one self-contained page. The run's figures go in as one JSON document (per-year
// paired differences for the page's own revaluation, and the engine's summaries, ledger, flips,
// switching values, tornado, flows and provenance); the page template and the chart libraries
// (Vega, Vega-Lite, Vega-Embed from npm) are read from the assets folder and inlined.
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "output/texts.hpp"
#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

using nlohmann::json;

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + file.string() +
                             " (the report's template and chart libraries; run scripts/setup.sh)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A library placed inside <script>: only "</script" would end the element early (a bare "</"
// may be a regular expression, so nothing else is touched).
std::string script_safe(std::string text) {
  for (size_t at = text.find("</script"); at != std::string::npos;
       at = text.find("</script", at + 3))
    text.replace(at, 2, "<\\/");
  return text;
}

// JSON placed inside <script>: every "<" is written "\u003c", which JSON reads as "<" (it can only
// stand inside a string), so no "</script" or "<!--" in a title can end or blank the element.
std::string json_safe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

// [mean, low, high, standard error, spread p5, spread p95]: low and high bound the 90 % interval
// of the mean; NaN (one replicate) becomes null.
json summary_json(const appraisal::Summary& s) {
  return {s.mean, s.mean_low, s.mean_high, s.std_error, s.spread_low, s.spread_high};
}

json number_or_null(double v) { return std::isnan(v) ? json(nullptr) : json(v); }

// The page's texts in the run's language (output/texts_*.cpp), with the verdict words every
// other output uses.
json page_texts(Language language) {
  const Texts& t = texts(language);
  json j = json::parse(t.report);
  j["verdicts"] = {{"net_gain", t.net_gain},
                   {"net_cost", t.net_cost},
                   {"break_even", t.break_even},
                   {"too_close_to_call", t.too_close_to_call}};
  return j;
}

json definitions(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  json j;
  j["scenario"] = {
      {"name", s.name},
      {"base_year", s.base_year},
      {"horizon_years", s.horizon_years},
      {"replicates", run.appraisal.plan.replicates},
      {"sensitivity_replicates", run.appraisal.sensitivity.replicates},
      {"seed", run.appraisal.plan.seed},
      {"replicates_text", replicates_text(run.appraisal, run.language)},
      {"uncertainty_sources", uncertainty_sources_text(run.appraisal, run.language)},
      {"materiality_dkk", s.materiality_dkk},
      {"price_level", price_level_text(s, run.language)},
      {"cross_silo_replicates", cross_silo_replicates(run.appraisal)},
      // Counts below it are suppressed (null) on real data; 0: no disclosure control.
      {"disclosure_threshold",
       run.appraisal.disclosure.applied ? run.appraisal.disclosure.threshold : 0},
      {"disclosure_text", disclosure_text(run.appraisal, run.language)},
      {"prices_text", prices_text(s, true, run.language)},
      // Student's t for the 90 % interval of the mean with this many independent replicates
      // (pairs when they share population draws), for the views built with the sliders.
      {"replicates_per_population", run.appraisal.plan.replicates_per_population},
      {"t90",
       appraisal::degrees_of_freedom(run.appraisal.plan.replicates,
                                     run.appraisal.plan.replicates_per_population) >= 1
           ? json(appraisal::student_t_quantile(
                 0.95, appraisal::degrees_of_freedom(run.appraisal.plan.replicates,
                                                     run.appraisal.plan.replicates_per_population)))
           : json(nullptr)},
      {"interval_note", texts(run.language).interval_note},
      {"discounting_note", texts(run.language).discounting_note},
      {"budget_period_years", appraisal::kBudgetPeriodYears},
      {"budget_norm", s.budget_norm}};
  for (const auto& d : s.departments)
    j["departments"].push_back({{"id", d.id}, {"title", d.title}});
  j["payers"] = model::kPayerNames;
  for (const auto& m : s.measures)
    j["measures"].push_back({{"id", m.id},
                             {"unit", m.unit},
                             {"title", m.title},
                             {"better", m.better == model::Better::kHigher  ? json("higher")
                                        : m.better == model::Better::kLower ? json("lower")
                                                                            : json(nullptr)}});
  for (const auto& p : s.parameters)
    j["parameters"].push_back({{"id", p.id},
                               {"description", p.description},
                               {"unit", p.unit},
                               {"value", p.value},
                               {"low", p.low},
                               {"high", p.high},
                               {"category", p.category},
                               {"evidence", p.evidence},
                               {"owner", p.owner},
                               {"source", p.source}});
  for (size_t n = 0; n < s.norms.size(); ++n) {
    const auto& norm = s.norms[n];
    json values = json::array();
    for (const auto& p : s.parameters) values.push_back(norm.value(p));
    json discount = json::array();
    for (const auto& b : norm.discount) discount.push_back({b.from_year, b.rate});
    j["norms"].push_back({{"id", norm.id},
                          {"title", norm.title},
                          {"perspective", norm.perspective},
                          {"owning_department_only", norm.owning_department_only},
                          {"discount", discount},
                          {"horizon_years", norm.horizon_years},
                          {"effect_scale", norm.dynamics.effect_scale},
                          {"effect_half_life_months", norm.dynamics.effect_half_life_months},
                          {"half_life_for_all", norm.dynamics.half_life_for_all},
                          {"deadweight", norm.dynamics.deadweight},
                          {"group", run.appraisal.plan.norm_group[n]},
                          {"measure_values", norm.measure_values},
                          {"equity_weights", norm.equity_weights},
                          {"parameter_values", values}});
  }
  for (const auto& arm : s.arms) {
    json owners = json::array(), proposals = json::array();
    for (int p : arm.proposals) {
      owners.push_back(s.proposals[static_cast<size_t>(p)].department);
      proposals.push_back(s.proposals[static_cast<size_t>(p)].id);
    }
    const bool reduction =
        arm.proposals.size() == 1 && s.proposals[static_cast<size_t>(arm.proposals[0])].reduction;
    j["arms"].push_back({{"id", arm.id},
                         {"title", arm.title},
                         {"owners", owners},
                         {"proposals", proposals},
                         {"kind", arm.proposals.size() > 1 ? "package"
                                  : reduction              ? "reduction"
                                                           : "expansion"}});
  }
  j["equity_groups"] = json::array();
  for (const auto& g : s.equity_groups)
    j["equity_groups"].push_back({{"id", g.id}, {"description", g.description}});
  for (size_t m = 0; m < s.modules.size(); ++m) {
    json states = json::array();
    for (const auto& st : s.modules[m].states) states.push_back(st.title);
    j["modules"].push_back({{"id", s.modules[m].id},
                            {"title", s.modules[m].title},
                            {"department", s.modules[m].department},
                            {"states", states}});
  }
  return j;
}

// Per dynamics group, arm (>= 1) and replicate, per year: the paired differences (proposal
// minus baseline) of DKK by department x payer, of each measure, and of the citizens' DKK in
// each equity group by department. Whole DKK.
json differences(const RunRecord& run) {
  const auto& a = run.appraisal;
  const size_t arms = a.scenario.arms.size();
  json groups = json::array();
  for (size_t g = 0; g < a.plan.dynamics_groups.size(); ++g) {
    json by_arm = json::array();
    for (size_t arm = 1; arm < arms; ++arm) {
      json by_replicate = json::array();
      for (int r = 0; r < a.plan.replicates; ++r) {
        json years = json::array();
        for (const auto& d : a.analysis.differences[a.plan.unit_index(
                 static_cast<int>(g), r, static_cast<int>(arm), arms)]) {
          json row = json::array();
          for (const double dkk : d.dkk) row.push_back(std::round(dkk));
          for (const double m : d.measures) row.push_back(std::round(m * 1e4) / 1e4);
          for (const double dkk : d.citizen_by_group) row.push_back(std::round(dkk));
          years.push_back(row);
        }
        by_replicate.push_back(years);
      }
      by_arm.push_back(by_replicate);
    }
    groups.push_back(by_arm);
  }
  return groups;
}

json results(const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  json j;
  for (const auto& r : run.appraisal.analysis.summaries) {
    json measures = json::array();
    json cost_per_unit = json::array(), directions = json::array();
    for (const auto& m : r.measure_change) measures.push_back(summary_json(m));
    for (double c : r.net_cost_per_unit) cost_per_unit.push_back(number_or_null(c));
    for (auto d : r.measure_direction) directions.push_back(change_id(d));
    j["summaries"].push_back(
        {{"arm", r.arm},
         {"norm", r.norm},
         {"net", summary_json(r.net_value)},
         {"year1", summary_json(r.municipality_cost_year1)},
         {"budget_period", summary_json(r.municipality_cost_budget_period)},
         {"rank", r.rank},
         {"rank_resolved", r.rank_resolved},
         {"rank_probability", r.rank_probability},
         {"verdict", verdict_id(r.verdict)},
         {"chance_of_gain", {r.chance_of_gain.share, r.chance_of_gain.low, r.chance_of_gain.high}},
         {"payback_year", r.payback_year >= 0 ? json(s.base_year + r.payback_year) : json(nullptr)},
         {"benefit_cost_ratio", number_or_null(r.benefit_cost_ratio)},
         {"programme_cost", summary_json(r.programme_cost)},
         {"participants", number_or_null(r.participants.mean)},
         {"per_participant", number_or_null(r.net_value_per_participant)},
         {"cost_per_unit", cost_per_unit},
         {"directions", directions},
         {"measures", measures}});
  }
  for (const auto& r : run.appraisal.ledger)
    if (r.years > 1 || r.first_year == 0)
      j["ledger"].push_back({{"arm", r.arm},
                             {"group", r.group},
                             {"first_year", r.first_year},
                             {"years", r.years},
                             {"department", r.department},
                             {"payer", static_cast<int>(r.payer)},
                             {"net", summary_json(r.net_cost)}});
  // The budget form: per proposal, each centre's change in net cost of one budget type in each
  // year of the budget period (the owning centre's lines first), DKK.
  j["budget_form"] = json::array();
  for (const auto& line : run.appraisal.budget_form)
    j["budget_form"].push_back({{"arm", line.arm},
                                {"department", line.department},
                                {"type", static_cast<int>(line.type)},
                                {"dkk", line.dkk}});
  j["flips"] = json::array();
  for (const auto& f : run.appraisal.flips)
    j["flips"].push_back({{"arm", f.arm},
                          {"a", f.norm_a},
                          {"b", f.norm_b},
                          {"sign", f.sign_differs},
                          {"top", f.top_differs},
                          {"differing", f.differing}});
  for (const auto& r : run.appraisal.switching)
    j["switching"].push_back({{"arm", r.arm},
                              {"norm", r.norm},
                              {"parameter", r.parameter},
                              {"current", r.current},
                              {"low", r.low},
                              {"high", r.high},
                              {"value", r.value ? json(*r.value) : json(nullptr)}});
  for (const auto& r : run.appraisal.tornado)
    j["tornado"].push_back({{"arm", r.arm},
                            {"norm", r.norm},
                            {"parameter", r.parameter},
                            {"low", r.low},
                            {"high", r.high},
                            {"base", r.base},
                            {"at_low", r.at_low},
                            {"at_high", r.at_high}});
  // Citizen flows: transitions per module over the horizon, mean over replicates, per arm.
  for (const auto& arm_flows : run.appraisal.flows) {
    json rows = json::array();
    for (const auto& f : arm_flows)
      rows.push_back({f.module, f.from_state, f.to_state, number_or_null(f.events)});
    j["flows"].push_back(rows);
  }
  // The cross-silo picture: per arm, year and combination of centres (most centres first).
  j["cross_silo"] = json::array();
  const auto total = [](const std::vector<model::Dkk>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
  };
  for (const auto& r : run.appraisal.cross_silo)
    j["cross_silo"].push_back(
        {{"arm", r.arm},
         {"year", s.base_year + r.year},
         {"centres", centre_titles(s, run.appraisal.compiled, r.centres, run.language)},
         {"count", r.centre_count()},
         {"persons", number_or_null(r.persons)},
         {"cost", number_or_null(total(r.cost))},
         {"households", number_or_null(r.households)},
         {"members", number_or_null(r.members)},
         {"household_cost", number_or_null(total(r.household_cost))}});
  j["calibration"] = json::array();
  for (const auto& r : run.appraisal.calibration) {
    const auto& t = s.calibration[static_cast<size_t>(r.target)];
    j["calibration"].push_back({{"title", t.title},
                                {"kind", calibration_kind_name(t.kind)},
                                {"year", t.year},
                                {"target", number_or_null(r.target_value)},
                                {"baseline", number_or_null(r.simulated)},
                                {"deviation", number_or_null(r.deviation)},
                                {"within", r.within},
                                {"source", t.source}});
  }
  const Provenance& p = run.provenance;
  json inputs = json::array();
  for (const auto& in : p.inputs) inputs.push_back({in.path, in.sha256});
  j["provenance"] = {{"scenario_folder", p.scenario_folder},
                     {"engine_version", p.engine_version},
                     {"engine_commit", p.engine_commit},
                     {"started_utc", p.started_utc},
                     {"command_line", p.command_line},
                     {"threads", p.threads},
                     {"inputs", inputs}};
  return j;
}

}  // namespace

void write_report_html(const RunRecord& run, const std::filesystem::path& assets,
                       const std::filesystem::path& file) {
  json data = definitions(run);
  data["language"] = run.language == Language::kDanish ? "da" : "en";
  data["texts"] = page_texts(run.language);
  data["differences"] = differences(run);
  data.update(results(run));
  std::string page = read_file(assets / "report_template.html");
  const std::vector<std::pair<std::string, std::string>> fills = {
      {"/*VEGA*/", script_safe(read_file(assets / "node_modules/vega/build/vega.min.js"))},
      {"/*VEGA_LITE*/",
       script_safe(read_file(assets / "node_modules/vega-lite/build/vega-lite.min.js"))},
      {"/*VEGA_EMBED*/",
       script_safe(read_file(assets / "node_modules/vega-embed/build/vega-embed.min.js"))},
      {"/*DATA*/", json_safe(data.dump())}};
  for (const auto& [mark, text] : fills) {
    const size_t at = page.find(mark);
    if (at == std::string::npos)
      throw std::runtime_error("the report template has no " + mark + " mark");
    page.replace(at, mark.size(), text);
  }
  auto out = open_for_writing(file);
  out << page;
  check_written(out, file);
}

}  // namespace kommunesim::output
