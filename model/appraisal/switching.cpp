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
  int steps_left() const { return searching() ? kSwitchingIterations - steps_ : 0; }
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

// A search for one row's switching value: regula falsi on simulations with the figure at
// each step's value.
struct Search {
  size_t row;
  Bracket bracket;
  std::function<double(double)> f;  // the row's mean net value with the figure at x
  uint64_t step_work;  // simulated months of one step: the arm's, and a moved baseline's
  // Searches that step together: the simulation a step at x needs (dynamics settings), or the
  // moved figure's (explored figures).
  std::function<Resimulator::Wanted(double)> wanted_at = {};
  std::function<Resimulator::Moved(double)> moved_at = {};
};

// Dynamics parameters, by re-simulation: their known points, and a search for each row whose
// sign changes between them. The steps of every such search are simulated together, in one pass
// per replicate that shares the baseline.
std::vector<Search> dynamics_searches(const Scenario& scenario, Resimulator& resimulator,
                                      std::vector<SwitchingRow>& out) {
  std::vector<Search> searches;
  for (const Parameter& p : scenario.parameters) {
    if (!p.is_dynamics_setting()) continue;
    for (size_t n = 0; n < scenario.norms.size(); ++n) {
      const NormativeSet& norm = scenario.norms[n];
      for (size_t a = 1; a < scenario.arms.size(); ++a) {
        SwitchingRow row{
            static_cast<int>(a), static_cast<int>(n), p.id, 0, p.low, p.high, {}, true, 0, 0, 0};
        row.current = norm.value(p);
        const auto wanted_at = [&scenario, &resimulator, &p, n, a](double x) {
          NormativeSet set = scenario.norms[n];
          set.set(p, x, scenario.horizon_years);
          return Resimulator::Wanted{static_cast<int>(a), set.dynamics,
                                     resimulator.months_for(set)};
        };
        const auto f = [&resimulator, wanted_at, n](double x) {
          const Resimulator::Wanted w = wanted_at(x);
          return resimulator.mean_net_value(w.arm, static_cast<int>(n), w.dynamics);
        };
        // Known points: the range's ends and the set's own value.
        std::vector<std::pair<double, double>> points;
        for (double x : {p.low, row.current, p.high})
          if (x >= p.low && x <= p.high) points.push_back({x, f(x)});
        std::sort(points.begin(), points.end());
        for (size_t i = 0; i + 1 < points.size(); ++i)
          if ((points[i].second > 0) != (points[i + 1].second > 0)) {
            searches.push_back({out.size(),
                                Bracket(points[i].first, points[i].second, points[i + 1].first,
                                        points[i + 1].second, 0.01 * (p.high - p.low)),
                                f,
                                static_cast<uint64_t>(resimulator.months_for(norm)) *
                                    static_cast<uint64_t>(resimulator.replicates()),
                                wanted_at});
            break;
          }
        out.push_back(row);
      }
    }
  }
  return searches;
}

// Explored figures of the modules or proposals (register `explore = true`, e.g. the protective
// effect of the measures a proposal cuts): a search where an arm's mean net value under a set
// changes sign between the figure's range ends and its register value (the tornado's
// simulations), each point simulated on the scenario with the figure moved.
std::vector<Search> explored_searches(const Scenario& scenario, const RunPlan& plan,
                                      const Analysis& analysis, Resimulator& resimulator,
                                      std::vector<SwitchingRow>& out) {
  std::vector<Search> searches;
  for (int k = 0; k < static_cast<int>(scenario.parameters.size()); ++k) {
    const Parameter& p = scenario.parameters[static_cast<size_t>(k)];
    if (p.role != ParameterRole::kModelDynamics || !p.explore || !(p.low < p.high)) continue;
    for (size_t n = 0; n < scenario.norms.size(); ++n) {
      for (size_t a = 1; a < scenario.arms.size(); ++a) {
        const int arm = static_cast<int>(a);
        if (!moves_arm(scenario, k, arm)) continue;
        const auto f = [&resimulator, arm, n, k](double x) {
          return resimulator.mean_net_value_at(arm, static_cast<int>(n), k, x);
        };
        SwitchingRow row{arm, static_cast<int>(n), p.id, p.value, p.low, p.high, {}, true, 0, 0, 0};
        const double at_value =
            mean_net_value(scenario, plan, analysis, arm, plan.norm_group[n], scenario.norms[n]);
        const std::vector<std::pair<double, double>> points = {
            {p.low, f(p.low)}, {p.value, at_value}, {p.high, f(p.high)}};
        for (size_t i = 0; i + 1 < points.size(); ++i)
          if ((points[i].second > 0) != (points[i + 1].second > 0)) {
            // Each step simulates the arm alone, and the moved baseline where the figure moves it.
            const uint64_t simulations = moves_arm(scenario, k, 0) ? 2 : 1;
            searches.push_back(
                {out.size(),
                 Bracket(points[i].first, points[i].second, points[i + 1].first,
                         points[i + 1].second, 0.01 * (p.high - p.low)),
                 f,
                 simulations * static_cast<uint64_t>(resimulator.months_for(scenario.norms[n])) *
                     static_cast<uint64_t>(resimulator.replicates()),
                 {},
                 [&scenario, &resimulator, arm, n, k](double x) {
                   const NormativeSet& set = scenario.norms[n];
                   return Resimulator::Moved{
                       k, x, {{arm, set.dynamics, resimulator.months_for(set)}}};
                 }});
            break;
          }
        out.push_back(row);
      }
    }
  }
  return searches;
}

// Steps `searches` until none is searching, all together: each step's simulations (simulation_at
// of every search still searching, at its next point) prepared in one round, then every such
// search takes its step, then after_step.
template <class SimulationAt, class Prepare>
void step_together(std::vector<Search>& searches, SimulationAt simulation_at, Prepare prepare,
                   const std::function<void()>& after_step) {
  for (;;) {
    std::vector<decltype(simulation_at(searches.front(), 0.0))> needed;
    for (const Search& s : searches)
      if (s.bracket.searching()) needed.push_back(simulation_at(s, s.bracket.next()));
    if (needed.empty()) return;
    prepare(needed);
    for (Search& s : searches)
      if (s.bracket.searching()) {
        const double x = s.bracket.next();
        s.bracket.step(x, s.f(x));
      }
    after_step();
  }
}

// A bound on the simulated months the searches have left: each step's own, and for the dynamics
// searches, which step together, the shared baseline of each pass.
uint64_t work_left(const std::vector<Search>& together, const std::vector<Search>& alone,
                   uint64_t pass_baseline) {
  uint64_t work = 0;
  int passes = 0;
  for (const Search& s : together) {
    work += static_cast<uint64_t>(s.bracket.steps_left()) * s.step_work;
    passes = std::max(passes, s.bracket.steps_left());
  }
  for (const Search& s : alone) work += static_cast<uint64_t>(s.bracket.steps_left()) * s.step_work;
  return work + static_cast<uint64_t>(passes) * pass_baseline;
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
                                           const Analysis& analysis, Resimulator& resimulator,
                                           const std::function<void(uint64_t)>& planned) {
  std::vector<SwitchingRow> rows = valuation_switching_values(scenario, plan, analysis);
  const uint64_t done_before = resimulator.work_done();
  std::vector<Search> together = dynamics_searches(scenario, resimulator, rows);
  std::vector<Search> alone = explored_searches(scenario, plan, analysis, resimulator, rows);
  uint64_t pass_baseline = 0;  // the longest search's months, once per pass
  for (const Search& s : together) pass_baseline = std::max(pass_baseline, s.step_work);
  const auto replan = [&] {
    if (planned)
      planned(resimulator.work_done() - done_before + work_left(together, alone, pass_baseline));
  };
  replan();
  // The dynamics searches step together: each step's simulations in one pass.
  step_together(
      together, [](const Search& s, double x) { return s.wanted_at(x); },
      [&](const std::vector<Resimulator::Wanted>& wanted) { resimulator.prepare(wanted); }, replan);
  // The explored figures' searches step together as well: each step's points (one moved
  // scenario each) in one round, so that they run side by side.
  step_together(
      alone, [](const Search& s, double x) { return s.moved_at(x); },
      [&](const std::vector<Resimulator::Moved>& moves) { resimulator.prepare_all(moves); },
      replan);
  for (const Search& s : together) s.bracket.finish(rows[s.row]);
  for (const Search& s : alone) s.bracket.finish(rows[s.row]);
  return rows;
}

}  // namespace kommunesim::appraisal
