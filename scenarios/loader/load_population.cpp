// Loading population.toml: aggregate figures for the synthetic population, initial state shares
// per module, and demography (mortality, fertility, migration).
#include <numeric>

#include "model/engine/units.hpp"
#include "scenarios/loader/load_context.hpp"

namespace kommunesim::scenarios {
namespace {

using model::kMonthsPerYear;

model::AgeRates read_age_rates(TableReader& r) {
  model::AgeRates rates;
  const auto from = r.numbers("age_from", Need::kRequired, 0, 130);
  const auto annual = r.numbers("annual", Need::kRequired, 0, 1);
  r.string("description", Need::kOptional);
  r.source();
  if (!from || !annual) return rates;
  if (from->size() != annual->size() || from->empty() || (*from)[0] != 0) {
    r.error("annual", "expected one annual rate per age band in age_from (which starts at 0)");
    return rates;
  }
  for (size_t i = 0; i < from->size(); ++i) {
    rates.age_from_months.push_back(static_cast<int>((*from)[i]) * kMonthsPerYear);
    rates.monthly_probability.push_back(model::monthly_probability_from_annual((*annual)[i]));
  }
  return rates;
}

void read_demography(LoadContext& ctx, TableReader& r) {
  model::Demography& demo = ctx.out.scenario.demography;
  demo.adult_age_months =
      static_cast<int>(r.integer("adult_age", Need::kRequired, 1, 30).value_or(18)) *
      kMonthsPerYear;
  demo.female_share_of_births =
      r.number("female_share_of_births", Need::kRequired, 0, 1).value_or(0.487);
  r.source();
  if (const toml::table* t = r.table("mortality", Need::kRequired)) {
    TableReader m(*t, r.file(), "demography.mortality", ctx.diagnostics);
    demo.mortality = read_age_rates(m);
  }
  if (const toml::table* t = r.table("fertility", Need::kRequired)) {
    TableReader f(*t, r.file(), "demography.fertility", ctx.diagnostics);
    demo.fertility = read_age_rates(f);
  }
  if (const toml::table* t = r.table("migration", Need::kRequired)) {
    TableReader m(*t, r.file(), "demography.migration", ctx.diagnostics);
    demo.out_migration_monthly = model::monthly_probability_from_annual(
        m.number("out_annual_per_household", Need::kRequired, 0, 1).value_or(0));
    demo.in_migration_monthly = model::monthly_probability_from_annual(
        m.number("in_annual_per_household", Need::kRequired, 0, 1).value_or(0));
    m.string("description", Need::kOptional);
    m.source();
  }
}

void read_initial_states(LoadContext& ctx, TableReader& r) {
  for (const toml::table* t : r.tables("initial_state", Need::kOptional)) {
    TableReader ir(*t, r.file(), "initial_state", ctx.diagnostics);
    model::InitialStateShares init;
    const auto module = ir.string("module", Need::kRequired);
    init.module = module ? ctx.resolve(ir, "module", *module, ctx.modules, "module") : -1;
    const auto from = ir.numbers("age_from", Need::kRequired, 0, 130);
    const auto bands = ir.tables("shares", Need::kRequired);
    ir.source();
    ir.string("description", Need::kOptional);
    if (init.module < 0 || !from) continue;
    if (from->size() != bands.size()) {
      ir.error("shares", "expected one table of shares per age band in age_from");
      continue;
    }
    for (double a : *from) init.age_from_months.push_back(static_cast<int>(a) * kMonthsPerYear);
    for (size_t b = 0; b < bands.size(); ++b)
      init.shares.push_back(read_shares_table(ctx, *bands[b], r.file(),
                                              "initial_state.shares[" + std::to_string(b) + "]",
                                              init.module)
                                .value_or(std::vector<double>{}));
    ctx.out.scenario.population.initial_states.push_back(init);
  }
}

}  // namespace

void load_population(LoadContext& ctx, const std::string& file, const toml::table& doc) {
  model::PopulationSpec& p = ctx.out.scenario.population;
  TableReader r(doc, file, "", ctx.diagnostics);
  p.persons = static_cast<int>(r.integer("persons", Need::kRequired, 1, 50'000'000).value_or(1));
  r.string("description", Need::kOptional);
  r.source();
  const auto from = r.numbers("age_from", Need::kRequired, 0, 130);
  const auto counts = r.numbers("persons_by_age", Need::kRequired, 0, 1e9);
  p.max_age_years = static_cast<int>(r.integer("max_age", Need::kRequired, 1, 130).value_or(100));
  if (from && counts) {
    if (from->size() != counts->size() || from->empty() || (*from)[0] != 0)
      r.error("persons_by_age", "expected one count per age band in age_from (which starts at 0)");
    for (double a : *from) p.age_band_from_years.push_back(static_cast<int>(a));
    p.age_band_persons = *counts;
    if (std::accumulate(counts->begin(), counts->end(), 0.0) <= 0)
      r.error("persons_by_age", "expected a positive total");
  }
  p.female_share = r.number("female_share", Need::kRequired, 0, 1).value_or(0.5);
  if (const auto seed = r.numbers("female_share_by_age", Need::kOptional, 0, 1)) {
    if (seed->size() != p.age_band_persons.size())
      r.error("female_share_by_age", "expected one share per age band in age_from");
    p.seed_female_share_by_band = *seed;
  }
  p.single_parent_share = r.number("single_parent_share", Need::kRequired, 0, 1).value_or(0.2);
  p.children_per_family =
      r.numbers("children_per_family", Need::kRequired, 0, 1).value_or(std::vector<double>{1.0});
  if (p.children_per_family.empty())
    r.error("children_per_family", "expected shares of families with 1, 2, 3, ... children");
  p.couple_share_without_children =
      r.number("couple_share_without_children", Need::kRequired, 0, 1).value_or(0.45);
  if (const auto ages = r.numbers("parent_age_at_oldest_child", Need::kRequired, 14, 70)) {
    if (ages->size() != 2 || (*ages)[0] > (*ages)[1])
      r.error("parent_age_at_oldest_child",
              "expected [youngest, oldest] age of a parent at the oldest child's birth");
    else {
      p.parent_age_at_oldest_child_min = static_cast<int>((*ages)[0]);
      p.parent_age_at_oldest_child_max = static_cast<int>((*ages)[1]);
    }
  }
  read_initial_states(ctx, r);
  if (const toml::table* t = r.table("demography", Need::kRequired)) {
    TableReader d(*t, file, "demography", ctx.diagnostics);
    read_demography(ctx, d);
  }
}

}  // namespace kommunesim::scenarios
