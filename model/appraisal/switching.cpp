// Switching values of valuation parameters (revalued) and dynamics parameters (re-simulated).
#include "model/appraisal/switching.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include "model/appraisal/valuation.hpp"

namespace kommunesim::appraisal {
namespace {

// The root of f in [low, high] by bisection after a sign change on a grid; nullopt if none.
std::optional<double> root_in(const std::function<double(double)>& f, double low, double high) {
  constexpr int kGrid = 40;
  constexpr int kBisections = 60;
  double a = low, fa = f(a);
  if (fa == 0) return a;
  for (int i = 1; i <= kGrid; ++i) {
    double b = low + (high - low) * i / kGrid;
    const double fb = f(b);
    if (fb == 0) return b;
    if ((fa < 0) != (fb < 0)) {
      for (int k = 0; k < kBisections; ++k) {
        const double m = 0.5 * (a + b), fm = f(m);
        if ((fa < 0) == (fm < 0)) {
          a = m;
          fa = fm;
        } else {
          b = m;
        }
      }
      return 0.5 * (a + b);
    }
    a = b;
    fa = fb;
  }
  return std::nullopt;
}

// Regula falsi (Illinois) for a sign change of f between the known points lo and hi.
void bracket_root(const std::function<double(double)>& f, double lo, double f_lo, double hi,
                  double f_hi, double min_width, SwitchingRow& row) {
  const double tolerance = kSwitchingTolerance * std::abs(f_hi - f_lo);
  int side = 0;  // the end kept last time: halve its value if it is kept again
  for (int it = 0; it < kSwitchingIterations && hi - lo > min_width; ++it) {
    const double x = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    const double fx = f(x);
    ++row.simulated_points;
    if (std::abs(fx) <= tolerance) {
      lo = hi = x;
      break;
    }
    if ((fx > 0) == (f_lo > 0)) {
      lo = x;
      f_lo = fx;
      if (side == -1) f_hi /= 2;
      side = -1;
    } else {
      hi = x;
      f_hi = fx;
      if (side == 1) f_lo /= 2;
      side = 1;
    }
  }
  row.value = lo == hi ? lo : (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
  row.bracket_low = lo;
  row.bracket_high = hi;
}

// Dynamics parameters, by re-simulation.
void dynamics_switching(const Scenario& scenario, Resimulator& resimulator,
                        std::vector<SwitchingRow>& out) {
  for (const Parameter& p : scenario.parameters) {
    if (!p.is_dynamics_setting()) continue;
    for (size_t n = 0; n < scenario.norms.size(); ++n) {
      const NormativeSet& norm = scenario.norms[n];
      for (size_t a = 1; a < scenario.arms.size(); ++a) {
        SwitchingRow row{
            static_cast<int>(a), static_cast<int>(n), p.id, 0, p.low, p.high, {}, true, 0, 0, 0};
        row.current = norm.value(p);
        const auto f = [&](double x) {
          NormativeSet moved = norm;
          moved.set(p, x, scenario.horizon_years);
          return resimulator.mean_net_value(static_cast<int>(a), static_cast<int>(n),
                                            moved.dynamics);
        };
        // Known points: the range's ends and the set's own value.
        std::vector<std::pair<double, double>> points;
        for (double x : {p.low, row.current, p.high})
          if (x >= p.low && x <= p.high) points.push_back({x, f(x)});
        std::sort(points.begin(), points.end());
        for (size_t i = 0; i + 1 < points.size() && !row.value; ++i)
          if ((points[i].second > 0) != (points[i + 1].second > 0))
            bracket_root(f, points[i].first, points[i].second, points[i + 1].first,
                         points[i + 1].second, 0.01 * (p.high - p.low), row);
        out.push_back(row);
      }
    }
  }
}

}  // namespace

std::vector<SwitchingRow> valuation_switching_values(const Scenario& scenario, const RunPlan& plan,
                                                     const Analysis& analysis) {
  std::vector<SwitchingRow> out;
  for (size_t n = 0; n < scenario.norms.size(); ++n) {
    const NormativeSet& norm = scenario.norms[n];
    for (size_t a = 1; a < scenario.arms.size(); ++a) {
      for (const Parameter& p : scenario.parameters) {
        if (!p.is_valuation_setting()) continue;
        const auto value_at = [&](double x) {
          NormativeSet v = norm;
          v.set(p, x, scenario.horizon_years);
          return mean_net_value(scenario, plan, analysis, static_cast<int>(a), plan.norm_group[n],
                                v);
        };
        SwitchingRow row{
            static_cast<int>(a), static_cast<int>(n), p.id, norm.value(p), p.low, p.high, {}};
        if (p.setting == NormativeSetting::kHorizonYears) {
          // Whole years: the first horizon at which the sign differs from the shortest one's.
          const int low = std::max(1, static_cast<int>(std::ceil(p.low)));
          const int high = std::min(scenario.horizon_years, static_cast<int>(std::floor(p.high)));
          const bool first_positive = value_at(low) > 0;
          for (int h = low + 1; h <= high && !row.value; ++h)
            if ((value_at(h) > 0) != first_positive) row.value = h;
        } else {
          row.value = root_in(value_at, p.low, p.high);
        }
        out.push_back(row);
      }
    }
  }
  return out;
}

std::vector<SwitchingRow> switching_values(const Scenario& scenario, const RunPlan& plan,
                                           const Analysis& analysis, Resimulator& resimulator) {
  std::vector<SwitchingRow> rows = valuation_switching_values(scenario, plan, analysis);
  dynamics_switching(scenario, resimulator, rows);
  return rows;
}

}  // namespace kommunesim::appraisal
