// workbook.xlsx: the decision tables as real numbers in cells, for budget material. Written with
// libxlsxwriter; every sheet has a frozen header row, units in the headers and column widths
// fitted to the content.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <variant>

#include "output/texts.hpp"
#include "output/words.hpp"
#include "output/writers.hpp"

namespace kommunesim::output {
namespace {

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* dkk = nullptr;        // whole DKK with thousands separators
  lxw_format* thousands = nullptr;  // 1.000 kr. (budget form), one decimal
  lxw_format* share = nullptr;      // rates and shares
  lxw_format* number = nullptr;
};

struct Dkk {
  double value;
};
struct Share {
  double value;
};
struct Thousands {  // DKK written in 1.000 kr.
  double dkk;
};
using Cell = std::variant<std::monostate, std::string, double, Dkk, Share, int64_t, Thousands>;

// One worksheet written row by row; widths follow the longest content of each column. Printed,
// a sheet is its used range on A4 landscape, one page wide and at most two tall (one for a budget
// form), its header row repeated on each page.
class Sheet {
 public:
  Sheet(lxw_workbook* book, const Formats& formats, const char* name,
        const std::vector<std::string>& headers)
      : sheet_(workbook_add_worksheet(book, name)), formats_(formats) {
    if (!sheet_) throw std::runtime_error(std::string("cannot add the worksheet ") + name);
    row(std::vector<Cell>(headers.begin(), headers.end()), true);
    worksheet_freeze_panes(sheet_, 1, 0);
  }
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;
  ~Sheet() {
    for (size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::min(60.0, widths_[c] + 2.0), nullptr);
    worksheet_set_landscape(sheet_);
    worksheet_set_paper(sheet_, 9);  // A4
    worksheet_fit_to_pages(sheet_, 1, pages_tall_);
    const lxw_row_t last =
        printed_rows_ ? std::min<lxw_row_t>(*printed_rows_, next_ - 1) : next_ - 1;
    if (next_ > 0 && !widths_.empty())
      worksheet_print_area(sheet_, 0, 0, last, static_cast<lxw_col_t>(widths_.size() - 1));
    worksheet_repeat_rows(sheet_, 0, 0);
  }

  void row(const std::vector<Cell>& cells, bool header = false) {
    widths_.resize(std::max(widths_.size(), cells.size()), 8.0);
    for (size_t c = 0; c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const Cell& cell = cells[c];
      double width = 0;
      if (const auto* s = std::get_if<std::string>(&cell)) {
        worksheet_write_string(sheet_, next_, col, s->c_str(), header ? formats_.header : nullptr);
        width = static_cast<double>(s->size()) * (header ? 1.1 : 1.0);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        worksheet_write_number(sheet_, next_, col, *d, formats_.number);
        width = 10;
      } else if (const auto* k = std::get_if<Dkk>(&cell)) {
        worksheet_write_number(sheet_, next_, col, k->value, formats_.dkk);
        width = 14;
      } else if (const auto* r = std::get_if<Share>(&cell)) {
        worksheet_write_number(sheet_, next_, col, r->value, formats_.share);
        width = 9;
      } else if (const auto* t = std::get_if<Thousands>(&cell)) {
        worksheet_write_number(sheet_, next_, col, t->dkk / 1000, formats_.thousands);
        width = 12;
      } else if (const auto* i = std::get_if<int64_t>(&cell)) {
        worksheet_write_number(sheet_, next_, col, static_cast<double>(*i), nullptr);
        width = 6;
      }
      widths_[c] = std::max(widths_[c], width);
    }
    ++next_;
  }

  // A line of text that does not set its column's width (a title or a note across the sheet).
  void note(const std::string& text, bool bold = false) {
    worksheet_write_string(sheet_, next_, 0, text.c_str(), bold ? formats_.header : nullptr);
    ++next_;
  }

  // Prints on one A4 page (in landscape, the whole used range).
  void one_page() { pages_tall_ = 1; }
  // Prints the header and the rows written so far only (a long data sheet whose rows for the
  // budget view come first).
  void print_rows_so_far() { printed_rows_ = next_ - 1; }

 private:
  lxw_worksheet* sheet_;
  const Formats& formats_;
  lxw_row_t next_ = 0;
  std::vector<double> widths_;
  uint16_t pages_tall_ = 2;
  std::optional<lxw_row_t> printed_rows_;
};

// Writes the rows a printed page shows, makes them the print area, then writes the others; each
// part in the run's order.
template <typename Row, typename Printed, typename Write>
void write_printed_first(Sheet& sheet, const std::vector<Row>& rows, Printed printed, Write write) {
  for (const auto& r : rows)
    if (printed(r)) write(r);
  sheet.print_rows_so_far();
  for (const auto& r : rows)
    if (!printed(r)) write(r);
}

const std::string& arm_id(const RunRecord& run, int arm) {
  return run.appraisal.scenario.arms[static_cast<size_t>(arm)].id;
}
const std::string& norm_id(const RunRecord& run, int norm) {
  return run.appraisal.scenario.norms[static_cast<size_t>(norm)].id;
}

// A sheet's header row from the language's texts.
template <size_t N>
std::vector<std::string> headers_of(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

const WorkbookTexts& words(const RunRecord& run) { return texts(run.language).workbook; }

// A cell for a figure that may be undefined (NaN): blank then.
Cell dkk(double v) { return std::isnan(v) ? Cell{} : Cell{Dkk{v}}; }
Cell share(double v) { return std::isnan(v) ? Cell{} : Cell{Share{v}}; }
Cell number(double v) { return std::isnan(v) ? Cell{} : Cell{v}; }
// A count, or "<5" where disclosure control suppressed it (a run on real data).
Cell count(double v, const RunRecord& run) {
  if (std::isnan(v) && run.appraisal.disclosure.applied)
    return fmt::format("<{}", run.appraisal.disclosure.threshold);
  return number(v);
}
// An amount in 1.000 kr., or "suppressed" where disclosure control hid it.
Cell thousands(double v, const RunRecord& run) {
  if (std::isnan(v)) return std::string(texts(run.language).workbook.hidden);
  return Thousands{v};
}

void summary_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const int base_year = run.appraisal.scenario.base_year;
  const WorkbookTexts& w = words(run);
  Sheet sheet(book, f, std::string(w.summary).c_str(), headers_of(w.summary_headers));
  for (const auto& r : run.appraisal.analysis.summaries) {
    const auto& arm = run.appraisal.scenario.arms[static_cast<size_t>(r.arm)];
    const auto& norm = run.appraisal.scenario.norms[static_cast<size_t>(r.norm)];
    const auto& y1 = r.municipality_cost_year1;
    const auto& b4 = r.municipality_cost_budget_period;
    sheet.row({arm.id,
               arm.title,
               norm.id,
               static_cast<int64_t>(norm.horizon_years),
               std::string(verdict_words(r.verdict, run.language)),
               dkk(r.net_value.mean),
               dkk(r.net_value.std_error),
               dkk(r.net_value.mean_low),
               dkk(r.net_value.mean_high),
               dkk(r.net_value.spread_low),
               dkk(r.net_value.spread_high),
               share(r.chance_of_gain.share),
               share(r.chance_of_gain.low),
               share(r.chance_of_gain.high),
               static_cast<int64_t>(r.rank),
               std::string(r.rank_resolved ? w.yes : w.no),
               share(r.rank_probability.front()),
               r.payback_year >= 0 ? Cell{static_cast<int64_t>(base_year + r.payback_year)}
                                   : Cell{std::string(w.not_within_horizon)},
               number(r.benefit_cost_ratio),
               dkk(r.programme_cost.mean),
               count(r.participants.mean, run),
               dkk(r.net_value_per_participant),
               dkk(y1.mean),
               dkk(y1.mean_low),
               dkk(y1.mean_high),
               dkk(b4.mean),
               dkk(b4.mean_low),
               dkk(b4.mean_high)});
  }
}

void ledger_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  const WorkbookTexts& w = words(run);
  Sheet sheet(book, f, std::string(w.ledger).c_str(), headers_of(w.ledger_headers));
  const auto write = [&](const appraisal::LedgerRow& r) {
    sheet.row({arm_id(run, r.arm), static_cast<int64_t>(r.group), group_norms(run, r.group),
               static_cast<int64_t>(s.base_year + r.first_year), static_cast<int64_t>(r.years),
               s.departments[static_cast<size_t>(r.department)].id,
               std::string(w.payers[static_cast<size_t>(r.payer)]), dkk(r.net_cost.mean),
               dkk(r.net_cost.mean_low), dkk(r.net_cost.mean_high)});
  };
  // Printed: who pays over the budget period (the first dynamics group), every line that is not
  // zero; the years one by one and the other groups follow for filtering.
  write_printed_first(
      sheet, run.appraisal.ledger,
      [](const appraisal::LedgerRow& r) {
        return r.group == 0 && r.years == appraisal::kBudgetPeriodYears && r.net_cost.mean != 0;
      },
      write);
}

// The budget form: each proposal's change in the municipality's net cost after refusion, by budget
// type, in the budget year and the three overslagsår and over the budget period, in 1.000 kr.
// (mean over replicates, the first dynamics group; undiscounted).
void budget_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  const WorkbookTexts& w = words(run);
  std::vector<std::string> headers{std::string(w.budget_proposal), std::string(w.budget_type)};
  const int years = std::min(s.horizon_years, appraisal::kBudgetPeriodYears);
  const std::string unit =
      fmt::format(fmt::runtime(w.thousands_at), price_level_text(s, run.language));
  for (int y = 0; y < years; ++y) headers.push_back(std::to_string(s.base_year + y) + " " + unit);
  if (years == appraisal::kBudgetPeriodYears)
    headers.push_back(fmt::format("{}-{} {}", s.base_year,
                                  s.base_year + appraisal::kBudgetPeriodYears - 1, unit));
  Sheet sheet(book, f, std::string(w.budget).c_str(), headers);
  const size_t columns = headers.size();
  for (size_t a = 1; a < s.arms.size(); ++a) {
    // Rows by budget type, then the net cost; every cell set in place.
    std::vector<std::vector<Cell>> rows(model::kBudgetTypeCount + 1, std::vector<Cell>(columns));
    for (size_t t = 0; t < rows.size(); ++t) {
      rows[t][0] = s.arms[a].id;
      rows[t][1] = std::string(t < w.budget_types.size() ? w.budget_types[t] : w.budget_net_cost);
    }
    std::vector<double> totals(columns - 2, 0.0);
    for (const auto& r : run.appraisal.budget) {
      if (r.arm != static_cast<int>(a) || r.group != 0) continue;
      const size_t column = r.years == 1 ? static_cast<size_t>(r.first_year) : totals.size() - 1;
      rows[static_cast<size_t>(r.type)][2 + column] = Thousands{r.net_cost.mean};
      totals[column] += r.net_cost.mean;
    }
    for (size_t c = 0; c < totals.size(); ++c) rows.back()[2 + c] = Thousands{totals[c]};
    for (const auto& row : rows) sheet.row(row);
  }
}

// A budget form's sheet name: its place and the proposal's title, as Excel allows a sheet name:
// at most 31 characters (whole UTF-8 characters), none of []:*?/\, unique by the place.
std::string form_sheet_name(int place, const std::string& title) {
  std::string name = fmt::format("{:02} ", place);
  int characters = 3;
  for (size_t i = 0; i < title.size();) {
    const auto lead = static_cast<unsigned char>(title[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (characters == 31) break;
    const std::string character = title.substr(i, length);
    name += character.find_first_of("[]:*?/\\") == std::string::npos ? character : "-";
    ++characters;
    i += length;
  }
  while (name.back() == ' ') name.pop_back();
  return name;
}

// Per proposal, a sheet shaped like a Danish budget proposal (udvidelses- or reduktionsforslag):
// the owning centre's lines, then the derived consequences (afledte konsekvenser) in other
// centres, by budget type, in 1.000 kr. for the budget year and three overslagsår, expenditure +
// and savings or income -, printable on one A4 page.
void budget_form_sheets(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  constexpr std::array<const char*, model::kBudgetTypeCount> kArt = {
      "Service (serviceramme)", "Overførsler, budgetgaranti", "Overførsler, øvrige",
      "Finansiering (skat, udligning)", "Anlæg"};
  const int years = std::min(s.horizon_years, appraisal::kBudgetPeriodYears);
  for (size_t a = 1; a < s.arms.size(); ++a) {
    const auto& arm = s.arms[a];
    const auto& first = s.proposals[static_cast<size_t>(arm.proposals.front())];
    const std::string kind = arm.proposals.size() > 1 ? "Pakke"
                             : first.reduction        ? "Reduktionsforslag"
                                                      : "Udvidelsesforslag";
    std::vector<std::string> headers{"Center", "Art"};
    for (int y = 0; y < years; ++y)
      headers.push_back(std::to_string(s.base_year + y) +
                        (y == 0 ? " (budgetår), 1.000 kr." : " (overslagsår), 1.000 kr."));
    const std::string name = form_sheet_name(static_cast<int>(a), arm.title);
    Sheet sheet(book, f, name.c_str(), {kind + ": " + arm.title});
    sheet.note("Ejer: " + s.departments[static_cast<size_t>(first.department)].title);
    sheet.note(fmt::format(
        "1.000 kr., {}; udgifter +, besparelser og indtægter -; gennemsnit af {} replikationer",
        price_level_text(s, Language::kDanish), run.appraisal.plan.replicates));
    sheet.note("");
    sheet.row(std::vector<Cell>(headers.begin(), headers.end()), true);
    std::vector<double> totals(static_cast<size_t>(years), 0.0);
    bool derived = false;
    for (const auto& line : run.appraisal.budget_form) {
      if (line.arm != static_cast<int>(a)) continue;
      if (line.department != first.department && !derived) {
        sheet.note("Afledte konsekvenser i andre centre", true);
        derived = true;
      }
      std::vector<Cell> cells(2 + line.dkk.size());
      cells[0] = s.departments[static_cast<size_t>(line.department)].title;
      cells[1] = std::string(kArt[static_cast<size_t>(line.type)]);
      for (size_t y = 0; y < line.dkk.size(); ++y) {
        cells[2 + y] = Thousands{line.dkk[y]};
        totals[y] += line.dkk[y];
      }
      sheet.row(cells);
    }
    std::vector<Cell> total(2 + totals.size());
    total[0] = std::string("I alt, kommunen");
    for (size_t y = 0; y < totals.size(); ++y) total[2 + y] = Thousands{totals[y]};
    sheet.row(total, true);
    sheet.one_page();
  }
}

void flips_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const WorkbookTexts& w = words(run);
  Sheet sheet(book, f, std::string(w.flips).c_str(), headers_of(w.flips_headers));
  for (const auto& r : run.appraisal.flips) {
    std::string differing;
    for (const auto& d : r.differing) differing += (differing.empty() ? "" : "; ") + d;
    sheet.row({arm_id(run, r.arm), norm_id(run, r.norm_a), norm_id(run, r.norm_b),
               std::string(r.sign_differs ? w.yes : w.no),
               std::string(r.top_differs ? w.yes : w.no), differing});
  }
}

void switching_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const WorkbookTexts& w = words(run);
  Sheet sheet(book, f, std::string(w.switching).c_str(), headers_of(w.switching_headers));
  const auto write = [&](const appraisal::SwitchingRow& r) {
    const int k = run.appraisal.scenario.parameter_index(r.parameter);
    const std::string unit =
        k >= 0 ? run.appraisal.scenario.parameters[static_cast<size_t>(k)].unit : "";
    sheet.row({arm_id(run, r.arm), norm_id(run, r.norm), r.parameter, unit, r.current, r.low,
               r.high, r.value ? Cell{*r.value} : Cell{},
               std::string(r.value ? "" : w.none_within_range)});
  };
  // Printed: the budget view's rows; the other sets' follow.
  const int budget = run.appraisal.scenario.budget_norm;
  write_printed_first(
      sheet, run.appraisal.switching,
      [budget](const appraisal::SwitchingRow& r) { return r.norm == budget; }, write);
}

// The tornado's rows printed per proposal: the report's chart draws as many.
constexpr int kPrintedTornadoBars = 15;

void tornado_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const WorkbookTexts& w = words(run);
  Sheet sheet(book, f, std::string(w.tornado).c_str(), headers_of(w.tornado_headers));
  const auto write = [&](const appraisal::TornadoRow& r) {
    sheet.row({arm_id(run, r.arm), norm_id(run, r.norm), r.parameter, r.low, r.high, Dkk{r.base},
               Dkk{r.at_low}, Dkk{r.at_high}, Dkk{r.swing()}});
  };
  // Printed: per proposal, the largest swings under the budget view (as many as the report's
  // chart draws), largest first; every other row follows in the run's order.
  const int budget = run.appraisal.scenario.budget_norm;
  std::vector<size_t> order(run.appraisal.tornado.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const auto &a = run.appraisal.tornado[x], &b = run.appraisal.tornado[y];
    return std::tuple(a.norm != budget, a.arm, -a.swing()) <
           std::tuple(b.norm != budget, b.arm, -b.swing());
  });
  std::vector<bool> printed(order.size(), false);
  std::map<int, int> shown;  // per arm
  for (size_t i : order) {
    const auto& r = run.appraisal.tornado[i];
    if (r.norm == budget && shown[r.arm]++ < kPrintedTornadoBars) {
      write(r);
      printed[i] = true;
    }
  }
  sheet.print_rows_so_far();
  for (size_t i = 0; i < printed.size(); ++i)
    if (!printed[i]) write(run.appraisal.tornado[i]);
}

void assumptions_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  const WorkbookTexts& w = words(run);
  std::vector<std::string> headers = headers_of(w.assumptions_headers);
  for (const auto& n : s.norms) headers.push_back(fmt::format(fmt::runtime(w.value_in), n.id));
  Sheet sheet(book, f, std::string(w.assumptions).c_str(), headers);
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    const auto& p = s.parameters[k];
    const std::string source = source_text(p, s);
    std::vector<Cell> cells = {p.id,   p.description, p.unit,     p.value, p.low,
                               p.high, p.category,    p.evidence, p.owner, source};
    for (const auto& n : s.norms) cells.push_back(n.value(p));
    sheet.row(cells);
  }
}

void calibration_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const auto& s = run.appraisal.scenario;
  const WorkbookTexts& w = words(run);
  Sheet sheet(book, f, std::string(w.calibration).c_str(), headers_of(w.calibration_headers));
  for (const auto& r : run.appraisal.calibration) {
    const auto& t = s.calibration[static_cast<size_t>(r.target)];
    const bool money = t.kind == model::CalibrationTarget::Kind::kSpending;
    sheet.row({t.id, t.title, std::string(w.calibration_kinds[static_cast<size_t>(t.kind)]),
               static_cast<int64_t>(t.year),
               money ? Cell{Dkk{r.target_value}} : count(r.target_value, run),
               money ? Cell{Dkk{r.simulated}} : count(r.simulated, run), share(r.deviation),
               Share{t.tolerance}, std::string(r.within ? w.yes : w.no), t.source});
  }
}

// The cross-silo picture, counted by persons or by households (families): per arm, year and
// combination of centres, how many and the municipality's spending on them by department (the
// baseline's first year printed).
void cross_silo_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run,
                      bool by_household) {
  const auto& a = run.appraisal;
  const auto& s = a.scenario;
  const WorkbookTexts& w = words(run);
  const std::string unit =
      fmt::format(fmt::runtime(w.thousands_at), price_level_text(s, run.language));
  std::vector<std::string> headers = by_household ? headers_of(w.cross_silo_household_headers)
                                                  : headers_of(w.cross_silo_person_headers);
  headers.back() += " " + unit;
  for (const model::Department& d : s.departments) headers.push_back(d.title + " " + unit);
  Sheet sheet(book, f,
              std::string(by_household ? w.cross_silo_households : w.cross_silo_persons).c_str(),
              headers);
  write_printed_first(
      sheet, a.cross_silo,
      [](const appraisal::CrossSiloRow& r) { return r.arm == 0 && r.year == 0; },
      [&](const appraisal::CrossSiloRow& r) {
        if ((by_household ? r.households : r.persons) == 0) return;
        const std::vector<model::Dkk>& cost = by_household ? r.household_cost : r.cost;
        std::vector<Cell> cells = {arm_id(run, r.arm), static_cast<int64_t>(s.base_year + r.year),
                                   centre_titles(s, a.compiled, r.centres, run.language),
                                   static_cast<int64_t>(r.centre_count())};
        if (by_household) {
          cells.push_back(count(r.households, run));
          cells.push_back(count(r.members, run));
        } else {
          cells.push_back(count(r.persons, run));
        }
        cells.push_back(thousands(std::accumulate(cost.begin(), cost.end(), 0.0), run));
        for (double c : cost) cells.push_back(thousands(c, run));
        sheet.row(cells);
      });
}

void provenance_sheet(lxw_workbook* book, const Formats& f, const RunRecord& run) {
  const Provenance& p = run.provenance;
  const Language lang = run.language;
  const WorkbookTexts& w = words(run);
  const auto& s = run.appraisal.scenario;
  Sheet sheet(book, f, std::string(w.provenance).c_str(), headers_of(w.provenance_headers));
  const std::vector<Cell> values = {s.name,
                                    p.scenario_folder,
                                    static_cast<int64_t>(s.base_year),
                                    static_cast<int64_t>(run.appraisal.plan.replicates),
                                    replicates_text(run.appraisal, lang),
                                    uncertainty_sources_text(run.appraisal, lang),
                                    financing_text(s, lang),
                                    prices_text(s, true, lang),
                                    Cell{Dkk{s.materiality_dkk}},
                                    std::string(texts(lang).interval_note),
                                    std::string(texts(lang).discounting_note),
                                    static_cast<int64_t>(run.appraisal.plan.seed),
                                    p.engine_version,
                                    p.engine_commit,
                                    p.started_utc,
                                    p.command_line,
                                    static_cast<int64_t>(p.threads),
                                    static_cast<int64_t>(cross_silo_replicates(run.appraisal))};
  for (size_t i = 0; i < values.size(); ++i)
    sheet.row({std::string(w.provenance_items[i]), values[i]});
  if (const std::string d = disclosure_text(run.appraisal, lang); !d.empty())
    sheet.row({std::string(w.disclosure), d});
  for (const auto& in : p.inputs)
    sheet.row({fmt::format(fmt::runtime(w.input_sha), in.path), in.sha256});
}

}  // namespace

void write_workbook_xlsx(const RunRecord& run, const std::filesystem::path& file) {
  lxw_workbook* book = workbook_new(file.c_str());
  if (!book) throw std::runtime_error("cannot write " + file.string());
  Formats f;
  f.header = workbook_add_format(book);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  f.dkk = workbook_add_format(book);
  format_set_num_format(f.dkk, "#,##0");
  f.thousands = workbook_add_format(book);
  format_set_num_format(f.thousands, "#,##0.0");
  f.share = workbook_add_format(book);
  format_set_num_format(f.share, "0.0%");
  f.number = workbook_add_format(book);
  format_set_num_format(f.number, "#,##0.####");
  summary_sheet(book, f, run);
  budget_sheet(book, f, run);
  budget_form_sheets(book, f, run);
  ledger_sheet(book, f, run);
  flips_sheet(book, f, run);
  switching_sheet(book, f, run);
  tornado_sheet(book, f, run);
  assumptions_sheet(book, f, run);
  if (!run.appraisal.calibration.empty()) calibration_sheet(book, f, run);
  cross_silo_sheet(book, f, run, false);
  cross_silo_sheet(book, f, run, true);
  provenance_sheet(book, f, run);
  const lxw_error error = workbook_close(book);
  if (error != LXW_NO_ERROR)
    throw std::runtime_error("cannot write " + file.string() + ": " + lxw_strerror(error));
}

}  // namespace kommunesim::output
