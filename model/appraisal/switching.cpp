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

// Regula falsi (Illinois) for a sign change of f between the known points lo and hi, one step at
// a time, so that the steps of every search can be simulated together.
class Bracket {
 public:
  Bracket(double lo, double f_lo, double hi, double f_hi, double min_width)
      : lo_(lo),
        f_lo_(f_lo),
        hi_(hi),
        f_hi_(f_hi),
        min_width_(min_width),
        tolerance_(kSwitchingTolerance * std::abs(f_hi - f_lo)) {}
  bool searching() const {
    return !found_ && steps_ < kSwitchingIterations && hi_ - lo_ > min_width_;
  }
  double next() const { return (lo_ * f_hi_ - hi_ * f_lo_) / (f_hi_ - f_lo_); }
  void step(double x, double fx) {
    ++steps_;
    if (std::abs(fx) <= tolerance_) {
      lo_ = hi_ = x;
      found_ = true;
    } else if ((fx > 0) == (f_lo_ > 0)) {
      lo_ = x;
      f_lo_ = fx;
      if (side_ == -1) f_hi_ /= 2;
      side_ = -1;
    } else {
      hi_ = x;
      f_hi_ = fx;
      if (side_ == 1) f_lo_ /= 2;
      side_ = 1;
    }
  }
  void finish(SwitchingRow& row) const {
    row.value = lo_ == hi_ ? lo_ : next();
    row.bracket_low = lo_;
    row.bracket_high = hi_;
    row.simulated_points = steps_;
  }

 private:
  double lo_, f_lo_, hi_, f_hi_, min_width_, tolerance_;
  int side_ = 0;  // the end kept last time: halve its value if it is kept again
  int steps_ = 0;
  bool found_ = false;
};

// Dynamics parameters, by re-simulation: the searches of every row step together, each step's
// simulations made in one pass per replicate that shares the baseline.
void dynamics_switching(const Scenario& scenario, Resimulator& resimulator,
                        std::vector<SwitchingRow>& out) {
  struct Search {
    size_t row;
    const Parameter* parameter;
    Bracket bracket;
  };
  std::vector<Search> searches;
  const auto moved = [&](const SwitchingRow& row, const Parameter& p, double x) {
    NormativeSet set = scenario.norms[static_cast<size_t>(row.norm)];
    set.set(p, x, scenario.horizon_years);
    return set.dynamics;
  };
  const auto f = [&](const SwitchingRow& row, const Parameter& p, double x) {
    return resimulator.mean_net_value(row.arm, row.norm, moved(row, p, x));
  };
  for (const Parameter& p : scenario.parameters) {
    if (!p.is_dynamics_setting()) continue;
    for (size_t n = 0; n < scenario.norms.size(); ++n) {
      const NormativeSet& norm = scenario.norms[n];
      for (size_t a = 1; a < scenario.arms.size(); ++a) {
        SwitchingRow row{
            static_cast<int>(a), static_cast<int>(n), p.id, 0, p.low, p.high, {}, true, 0, 0, 0};
        row.current = norm.value(p);
        // Known points: the range's ends and the set's own value.
        std::vector<std::pair<double, double>> points;
        for (double x : {p.low, row.current, p.high})
          if (x >= p.low && x <= p.high) points.push_back({x, f(row, p, x)});
        std::sort(points.begin(), points.end());
        for (size_t i = 0; i + 1 < points.size(); ++i)
          if ((points[i].second > 0) != (points[i + 1].second > 0)) {
            searches.push_back({out.size(), &p,
                                Bracket(points[i].first, points[i].second, points[i + 1].first,
                                        points[i + 1].second, 0.01 * (p.high - p.low))});
            break;
          }
        out.push_back(row);
      }
    }
  }
  for (;;) {
    std::vector<Resimulator::Wanted> wanted;
    for (const Search& s : searches)
      if (s.bracket.searching()) {
        const SwitchingRow& row = out[s.row];
        wanted.push_back({row.arm, moved(row, *s.parameter, s.bracket.next()),
                          resimulator.months_for(scenario.norms[static_cast<size_t>(row.norm)])});
      }
    if (wanted.empty()) break;
    resimulator.prepare(wanted);
    for (Search& s : searches)
      if (s.bracket.searching()) {
        const double x = s.bracket.next();
        s.bracket.step(x, f(out[s.row], *s.parameter, x));
      }
  }
  for (const Search& s : searches) s.bracket.finish(out[s.row]);
}

// Explored figures of the modules or proposals (register `explore = true`, e.g. the protective
// effect of the measures a proposal cuts): where an arm's mean net value under a set changes sign
// between the figure's range ends and its register value (the tornado's simulations), regula
// falsi as above, each point simulated on the scenario with the figure moved.
void explored_switching(const Scenario& scenario, const RunPlan& plan, const Analysis& analysis,
                        Resimulator& resimulator, std::vector<SwitchingRow>& out) {
  for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k) {
    const Parameter& p = scenario.parameters[static_cast<size_t>(k)];
    if (p.role != ParameterRole::kModelDynamics || !p.explore || !(p.low < p.high)) continue;
    for (size_t n = 0; n < scenario.norms.size(); ++n) {
      for (size_t a = 1; a < scenario.arms.size(); ++a) {
        const int arm = static_cast<int>(a);
        if (!moves_arm(scenario, k, arm)) continue;
        const auto f = [&](double x) {
          return resimulator.mean_net_value_at(arm, static_cast<int>(n), k, x);
        };
        SwitchingRow row{arm, static_cast<int>(n), p.id, p.value, p.low, p.high, {}, true, 0, 0, 0};
        const double at_value =
            mean_net_value(scenario, plan, analysis, arm, plan.norm_group[n], scenario.norms[n]);
        const std::vector<std::pair<double, double>> points = {
            {p.low, f(p.low)}, {p.value, at_value}, {p.high, f(p.high)}};
        for (size_t i = 0; i + 1 < points.size(); ++i)
          if ((points[i].second > 0) != (points[i + 1].second > 0)) {
            Bracket bracket(points[i].first, points[i].second, points[i + 1].first,
                            points[i + 1].second, 0.01 * (p.high - p.low));
            while (bracket.searching()) {
              const double x = bracket.next();
              bracket.step(x, f(x));
            }
            bracket.finish(row);
            break;
          }
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
  explored_switching(scenario, plan, analysis, resimulator, rows);
  return rows;
}

}  // namespace kommunesim::appraisal
