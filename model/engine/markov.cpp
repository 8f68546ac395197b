// Cohort expectation over (state, months in state), propagated with Eigen.
#include "model/engine/markov.hpp"

#include <cmath>

namespace kommunesim::model {

Eigen::MatrixXd expected_state_shares(const CompiledModel& compiled, int module,
                                      const Eigen::VectorXd& initial_shares, int start_age_months,
                                      int months) {
  const ModuleTables& tables = compiled.modules[static_cast<size_t>(module)];
  const auto states = static_cast<Eigen::Index>(tables.states.size());
  const Eigen::Index durations = kDurationTabled;
  // x(s, d): probability of being in state s with d months in state (the last column absorbs
  // all longer durations, whose hazards equal the last tabled ones).
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(states, durations);
  x.col(0) = initial_shares;
  Eigen::MatrixXd shares(months + 1, states);
  shares.row(0) = initial_shares.transpose();
  for (int t = 0; t < months; ++t) {
    const int age_months = start_age_months + t;
    Eigen::MatrixXd next = Eigen::MatrixXd::Zero(states, durations);
    for (Eigen::Index d = 0; d < durations; ++d) {
      // Monthly transition matrix at this duration: P(s -> s') by competing hazards.
      Eigen::MatrixXd moves = Eigen::MatrixXd::Zero(states, states);
      Eigen::VectorXd stay = Eigen::VectorXd::Ones(states);
      for (Eigen::Index s = 0; s < states; ++s) {
        const StateTable& st = tables.states[static_cast<size_t>(s)];
        double total = 0;
        std::vector<std::pair<int, double>> hs;
        for (int i = 0; i < st.transition_count; ++i) {
          const TransitionTable& tr =
              tables.transitions[static_cast<size_t>(st.first_transition + i)];
          const double h = tr.base_hazard(age_months, static_cast<int>(d));
          hs.push_back({tr.to, h});
          total += h;
        }
        if (total <= 0) continue;
        const double leave = -std::expm1(-total);
        stay(s) = 1 - leave;
        for (auto [to, h] : hs) moves(to, s) += leave * h / total;
      }
      next.col(0) += moves * x.col(d);
      const Eigen::Index older = std::min(d + 1, durations - 1);
      next.col(older) += stay.cwiseProduct(x.col(d));
    }
    x = next;
    shares.row(t + 1) = x.rowwise().sum().transpose();
  }
  return shares;
}

}  // namespace kommunesim::model
