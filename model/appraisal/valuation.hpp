// Valuation after simulation: discounting and net present value under a normative set.
#pragma once

#include <vector>

#include "model/engine/accounting.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::appraisal {

using namespace kommunesim::model;  // the appraisal reads the engine's types

// Discount factor for flows in year t (0 = first budget year, undiscounted), piecewise over the
// schedule: the Finance Ministry's declining rate discounts year 40 as
// 1.035^-35 * 1.025^-5, not 1.025^-40.
double discount_factor(const std::vector<DiscountBand>& schedule, int year);

// Net cost (costs positive) counted under a normative set's perspective, summed over the counted
// departments; citizens' money in an equity group counts with the set's equity weight.
Dkk perspective_cost(const YearAccount& account, const NormativeSet& norm,
                     const std::vector<bool>& counted_departments);

// The departments whose money a normative set counts for an arm: all of them, or only the
// departments owning the arm's proposals when the set takes the owning department's view.
std::vector<bool> counted_departments(const Scenario& scenario, const Arm& arm,
                                      const NormativeSet& norm);

// Net present value of a proposal versus the baseline: discounted savings (baseline cost minus
// proposal cost in the set's perspective) plus the money value of changed outcomes at the set's
// prices, over the set's horizon. Positive means a net gain.
double net_present_value(const std::vector<YearAccount>& proposal,
                         const std::vector<YearAccount>& baseline, const NormativeSet& norm,
                         const std::vector<bool>& counted_departments);

// One year of that net present value, discounted. The first budget year is undiscounted and
// each later year's flows are discounted as one sum at the year's index (year t by the factor
// of t whole years).
struct DiscountedYear {
  double net_value = 0;       // savings plus the value of changed outcomes
  double saving = 0;          // money only: the set's perspective's cost, baseline minus proposal
  double programme_cost = 0;  // the proposals' own costs, when the set counts the municipality
};

std::vector<DiscountedYear> discounted_years(const std::vector<YearAccount>& proposal,
                                             const std::vector<YearAccount>& baseline,
                                             const NormativeSet& norm,
                                             const std::vector<bool>& counted_departments);

}  // namespace kommunesim::appraisal
