// kommunesim compare: two runs' results.sqlite read side by side.
#include "output/compare.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "output/texts.hpp"
#include "output/words.hpp"

namespace kommunesim::output {
namespace {

// One run's result store, read-only.
class Store {
 public:
  explicit Store(const std::filesystem::path& folder) : folder_(folder) {
    const auto file = folder / "results.sqlite";
    if (!std::filesystem::is_regular_file(file) ||
        sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      throw std::runtime_error(folder.string() +
                               " holds no run: expected the folder a kommunesim run wrote, with "
                               "results.sqlite");
  }
  ~Store() { sqlite3_close(db_); }
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Calls f(row) for every row of `sql`; row(i) gives column i as text, or nullopt for NULL.
  template <class F>
  void each(const char* sql, F&& f) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK)
      throw std::runtime_error((folder_ / "results.sqlite").string() +
                               " is not a result store this version reads: " + sqlite3_errmsg(db_));
    while (sqlite3_step(statement) == SQLITE_ROW)
      f([&](int i) -> std::optional<std::string> {
        if (sqlite3_column_type(statement, i) == SQLITE_NULL) return std::nullopt;
        return std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, i)));
      });
    sqlite3_finalize(statement);
  }

 private:
  std::filesystem::path folder_;
  sqlite3* db_ = nullptr;
};

std::optional<double> number(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return std::stod(*text);
}

struct Read {
  RunComparison::Run run;
  std::map<std::string, std::pair<double, std::string>> values;  // what -> value, unit
  std::vector<std::string> arms, norms;                          // in their order
  std::map<std::string, std::string> titles;                     // arm or norm id -> title
  std::map<std::pair<std::string, std::string>, RunComparison::Side> results;  // (arm, norm)
};

Read read(const std::filesystem::path& folder) {
  const Store store(folder);
  Read r;
  r.run.folder = folder.string();
  store.each("SELECT key, value FROM run_info", [&](auto row) {
    const std::string key = row(0).value_or(""), value = row(1).value_or("");
    if (key == "scenario") r.run.scenario = value;
    if (key == "price_level") r.run.price_level = value;
    if (key == "replicates") r.run.replicates = std::stoi(value);
    if (key == "seed") r.run.seed = static_cast<uint32_t>(std::stoul(value));
  });
  store.each("SELECT parameter, value, unit FROM parameters", [&](auto row) {
    r.values[*row(0)] = {*number(row(1)), row(2).value_or("")};
  });
  store.each(
      "SELECT v.norm, v.parameter, v.value, p.unit FROM norm_values v JOIN parameters p USING "
      "(parameter) WHERE p.role = 'normative'",
      [&](auto row) {
        r.values[*row(0) + ": " + *row(1)] = {*number(row(2)), row(3).value_or("")};
      });
  store.each("SELECT arm, title FROM arms WHERE arm_index > 0 ORDER BY arm_index", [&](auto row) {
    r.arms.push_back(*row(0));
    r.titles["arm:" + *row(0)] = row(1).value_or("");
  });
  store.each("SELECT norm, title FROM norms ORDER BY norm_index", [&](auto row) {
    r.norms.push_back(*row(0));
    r.titles["norm:" + *row(0)] = row(1).value_or("");
  });
  store.each("SELECT arm, norm, net_value_mean_dkk, verdict, rank FROM summary", [&](auto row) {
    RunComparison::Side& side = r.results[{*row(0), *row(1)}];
    side.net_value = number(row(2));
    side.verdict = row(3).value_or("");
    if (const auto rank = row(4)) side.rank = std::stoi(*rank);
  });
  return r;
}

// The ids of `from` that `other` lacks, in `from`'s order.
std::vector<std::string> only_in(const std::vector<std::string>& from,
                                 const std::vector<std::string>& other) {
  std::vector<std::string> out;
  for (const auto& id : from)
    if (std::find(other.begin(), other.end(), id) == other.end()) out.push_back(id);
  return out;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

std::string verdict_text(const std::string& id, Language language) {
  for (const auto v : {appraisal::Verdict::kNetGain, appraisal::Verdict::kNetCost,
                       appraisal::Verdict::kBreakEven, appraisal::Verdict::kTooCloseToCall})
    if (verdict_id(v) == id) return std::string(verdict_words(v, language));
  return std::string(texts(language).compare.no_row);
}

std::string value_text(const std::optional<double>& v, Language language) {
  return v ? plain_number(*v) : std::string(texts(language).compare.absent);
}

std::string millions(const std::optional<double>& v, Language language) {
  return v ? mdkk(*v, language) : std::string(texts(language).compare.no_row);
}

// B's net value minus A's, in million DKK, or "-" where a run lacks the row.
std::string change_text(const RunComparison::Result& r, Language language) {
  if (!r.a.net_value || !r.b.net_value) return std::string(texts(language).compare.no_row);
  return mdkk(*r.b.net_value - *r.a.net_value, language);
}

std::string rank_text(const std::optional<int>& r, Language language) {
  return r ? std::to_string(*r) : std::string(texts(language).compare.no_row);
}

bool changed(const RunComparison::Result& r) {
  return r.a.verdict != r.b.verdict || r.a.rank != r.b.rank;
}

std::string html_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

}  // namespace

RunComparison compare_runs(const std::filesystem::path& a, const std::filesystem::path& b) {
  const Read ra = read(a), rb = read(b);
  RunComparison out;
  out.a = ra.run;
  out.b = rb.run;
  std::set<std::string> whats;
  for (const auto& [what, value] : ra.values) whats.insert(what);
  for (const auto& [what, value] : rb.values) whats.insert(what);
  for (const auto& what : whats) {
    const auto ia = ra.values.find(what), ib = rb.values.find(what);
    RunComparison::ValueChange change{what, "", std::nullopt, std::nullopt};
    if (ia != ra.values.end()) change.a = ia->second.first, change.unit = ia->second.second;
    if (ib != rb.values.end()) change.b = ib->second.first, change.unit = ib->second.second;
    if (change.a != change.b) out.values.push_back(change);
  }
  out.arms_only_a = only_in(ra.arms, rb.arms);
  out.arms_only_b = only_in(rb.arms, ra.arms);
  out.norms_only_a = only_in(ra.norms, rb.norms);
  out.norms_only_b = only_in(rb.norms, ra.norms);
  // Rows in A's order of proposals and sets, then those only B has.
  std::vector<std::string> arms = ra.arms, norms = ra.norms;
  for (const auto& id : out.arms_only_b) arms.push_back(id);
  for (const auto& id : out.norms_only_b) norms.push_back(id);
  for (const auto& arm : arms)
    for (const auto& norm : norms) {
      RunComparison::Result row;
      row.arm = arm;
      row.norm = norm;
      const auto in_a = ra.results.find({arm, norm}), in_b = rb.results.find({arm, norm});
      if (in_a == ra.results.end() && in_b == rb.results.end()) continue;
      if (in_a != ra.results.end()) row.a = in_a->second;
      if (in_b != rb.results.end()) row.b = in_b->second;
      const auto title = [&](const std::string& key) {
        const auto t = ra.titles.find(key);
        return t != ra.titles.end() ? t->second : rb.titles.at(key);
      };
      row.arm_title = title("arm:" + arm);
      row.norm_title = title("norm:" + norm);
      out.results.push_back(row);
    }
  return out;
}

std::string comparison_text(const RunComparison& c, Language language) {
  const CompareTexts& t = texts(language).compare;
  std::string out = fmt::format(fmt::runtime(t.header), c.a.scenario, c.a.folder, c.a.replicates,
                                c.a.seed, c.a.price_level, c.b.scenario, c.b.folder, c.b.replicates,
                                c.b.seed, c.b.price_level);
  if (c.inputs_unchanged()) {
    out += t.no_input_changes;
  } else {
    out += t.inputs_changed;
    for (const auto& v : c.values)
      out += fmt::format("  {}: {} -> {}{}\n", v.what, value_text(v.a, language),
                         value_text(v.b, language), v.unit.empty() ? "" : " (" + v.unit + ")");
    if (!c.arms_only_a.empty())
      out += fmt::format(fmt::runtime(t.arms_only), "A", joined(c.arms_only_a));
    if (!c.arms_only_b.empty())
      out += fmt::format(fmt::runtime(t.arms_only), "B", joined(c.arms_only_b));
    if (!c.norms_only_a.empty())
      out += fmt::format(fmt::runtime(t.norms_only), "A", joined(c.norms_only_a));
    if (!c.norms_only_b.empty())
      out += fmt::format(fmt::runtime(t.norms_only), "B", joined(c.norms_only_b));
  }
  out += t.results;
  size_t arm_width = t.column_proposal.size(), norm_width = t.column_set.size();
  for (const auto& r : c.results) {
    arm_width = std::max(arm_width, r.arm.size());
    norm_width = std::max(norm_width, r.norm.size());
  }
  out += fmt::format("  {:<{}} {:<{}} {:>8} {:>8} {:>8}  {}  {}\n", t.column_proposal, arm_width,
                     t.column_set, norm_width, "A", "B", t.column_change, t.column_rank,
                     t.column_verdict);
  for (const auto& r : c.results) {
    out += fmt::format("{} {:<{}} {:<{}} {:>8} {:>8} {:>8}  {} -> {}  {} -> {}\n",
                       changed(r) ? "*" : " ", r.arm, arm_width, r.norm, norm_width,
                       millions(r.a.net_value, language), millions(r.b.net_value, language),
                       change_text(r, language), rank_text(r.a.rank, language),
                       rank_text(r.b.rank, language), verdict_text(r.a.verdict, language),
                       verdict_text(r.b.verdict, language));
  }
  out += "  " + std::string(t.changed_legend) + "\n";
  return out;
}

std::string comparison_html(const RunComparison& c, Language language) {
  const CompareTexts& t = texts(language).compare;
  const auto e = [](const std::string& s) { return html_escaped(s); };
  std::string out = fmt::format(
      "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n"
      "<style>\n  body {{ font: 18px/1.45 system-ui, \"Segoe UI\", Helvetica, Arial, sans-serif; "
      "color: #1b1b1b; margin: 0 auto; max-width: 1400px; padding: 0.5rem 1.5rem; background: "
      "#fafafa; }}\n  h1 {{ font-size: 1.8rem; border-bottom: 3px solid #1f4e8c; }}\n  table {{ "
      "border-collapse: collapse; background: #fff; }}\n  th, td {{ border: 1px solid #d0d0d0; "
      "padding: 0.25rem 0.5rem; text-align: left; }}\n  td.num {{ text-align: right; "
      "font-variant-numeric: tabular-nums; }}\n  tr.changed {{ background: #fff1c2; }}\n"
      "  .net_gain {{ color: #1a7a3a; font-weight: 600; }}\n  .net_cost {{ color: #b3261e; "
      "font-weight: 600; }}\n  .break_even, .too_close_to_call {{ color: #555; }}\n"
      "</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n",
      language == Language::kDanish ? "da" : "en", e(std::string(t.title)), e(std::string(t.title)),
      e(fmt::format(fmt::runtime(t.header), c.a.scenario, c.a.folder, c.a.replicates, c.a.seed,
                    c.a.price_level, c.b.scenario, c.b.folder, c.b.replicates, c.b.seed,
                    c.b.price_level)));
  out += "<h2>" + e(std::string(c.inputs_unchanged() ? t.no_input_changes : t.inputs_changed)) +
         "</h2>\n";
  if (!c.values.empty()) {
    out += "<table>\n<tr><th></th><th>A</th><th>B</th><th></th></tr>\n";
    for (const auto& v : c.values)
      out += fmt::format(
          "<tr><td><code>{}</code></td><td class=\"num\">{}</td><td "
          "class=\"num\">{}</td><td>{}</td></tr>\n",
          e(v.what), e(value_text(v.a, language)), e(value_text(v.b, language)), e(v.unit));
    out += "</table>\n";
  }
  for (const auto& [ids, format, run] :
       {std::tuple{&c.arms_only_a, t.arms_only, "A"}, std::tuple{&c.arms_only_b, t.arms_only, "B"},
        std::tuple{&c.norms_only_a, t.norms_only, "A"},
        std::tuple{&c.norms_only_b, t.norms_only, "B"}})
    if (!ids->empty())
      out += "<p>" + e(fmt::format(fmt::runtime(format), run, joined(*ids))) + "</p>\n";
  out += "<h2>" + e(std::string(t.results)) + "</h2>\n<table>\n";
  out += fmt::format(
      "<tr><th>{}</th><th>{}</th><th>A</th><th>B</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
      e(std::string(t.column_proposal)), e(std::string(t.column_set)),
      e(std::string(t.column_change)), e(std::string(t.column_rank)),
      e(std::string(t.column_verdict)));
  for (const auto& r : c.results) {
    out += fmt::format(
        "<tr{}><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
        "class=\"num\">{}</td><td>{} &rarr; {}</td><td><span class=\"{}\">{}</span> &rarr; "
        "<span class=\"{}\">{}</span></td></tr>\n",
        changed(r) ? " class=\"changed\"" : "", (changed(r) ? "* " : "") + e(r.arm_title),
        e(r.norm_title), millions(r.a.net_value, language), millions(r.b.net_value, language),
        change_text(r, language), rank_text(r.a.rank, language), rank_text(r.b.rank, language),
        e(r.a.verdict), e(verdict_text(r.a.verdict, language)), e(r.b.verdict),
        e(verdict_text(r.b.verdict, language)));
  }
  out += "</table>\n<p>" + e(std::string(t.changed_legend)) + "</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace kommunesim::output
