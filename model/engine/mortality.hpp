// Mortality as a waiting time: each person's death month is drawn once, from one uniform number,
// when the person is first simulated, instead of by a draw every month. The law is the same; a
// person whose month holds nothing else to decide needs no random number that month, which lets
// the engine pass over inert person-months.
#pragma once

#include <array>
#include <cstdint>

#include "model/engine/module_tables.hpp"
#include "model/engine/units.hpp"

namespace kommunesim::model {

constexpr MonthIndex kNeverDies = INT32_MAX;
constexpr MonthIndex kDeathNotDrawn = INT32_MIN;  // before the person's first simulated month

// CompiledModel::log_monthly_survival of a mortality table.
LogMonthlySurvival log_monthly_survival(const AgeTable& mortality);

// The month in which a person alive at the start of `first_month`, aged `age_months` then, dies,
// for `v` in (0, 1]: the first month by whose end the probability of surviving from the start of
// `first_month` (the product of one minus each month's mortality at that month's age) is at most
// v. With v uniform this is exactly the law of a draw each month against that month's mortality.
// kNeverDies when survival never falls that low (a table whose last rate is 0).
MonthIndex death_month(const LogMonthlySurvival& survival, MonthIndex first_month, int age_months,
                       double v);

}  // namespace kommunesim::model
