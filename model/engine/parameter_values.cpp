// Reading register parameters where the model uses them.
#include "model/engine/parameter_values.hpp"

#include <numeric>

namespace kommunesim::model {

SettingOf normative_setting(const Scenario& scenario, std::string_view id) {
  if (id == "horizon_years") return {NormativeSetting::kHorizonYears, 0};
  if (id == "discount_rate") return {NormativeSetting::kDiscountRate, 0};
  if (id == "effect_scale") return {NormativeSetting::kEffectScale, 0};
  if (id == "effect_half_life_months") return {NormativeSetting::kEffectHalfLife, 0};
  if (id == "deadweight") return {NormativeSetting::kDeadweight, 0};
  for (size_t m = 0; m < scenario.measures.size(); ++m)
    if (id == price_parameter_id(scenario.measures[m]))
      return {NormativeSetting::kOutcomePrice, static_cast<int>(m)};
  for (size_t g = 0; g < scenario.equity_groups.size(); ++g)
    if (id == equity_parameter_id(scenario.equity_groups[g]))
      return {NormativeSetting::kEquityWeight, static_cast<int>(g)};
  return {};
}

void resolve_parameter_roles(Scenario& scenario) {
  for (Parameter& p : scenario.parameters) {
    p.role = ParameterRole::kNormative;
    const SettingOf s = normative_setting(scenario, p.id);
    p.setting = s.setting;
    p.setting_index = s.index;
  }
  for (const ParameterUse& use : scenario.parameter_uses) {
    Parameter& p = scenario.parameters[static_cast<size_t>(use.parameter)];
    if (use.is_dynamics())
      p.role = ParameterRole::kModelDynamics;
    else if (p.role == ParameterRole::kNormative)
      p.role = ParameterRole::kModelCost;
  }
}

void set_parameter_value(Scenario& scenario, int parameter, double value) {
  for (const ParameterUse& use : scenario.parameter_uses) {
    if (use.parameter != parameter) continue;
    const auto owner = static_cast<size_t>(use.owner);
    const auto item = static_cast<size_t>(use.item);
    const auto detail = static_cast<size_t>(use.detail);
    switch (use.kind) {
      case ParameterUse::Kind::kStateCost:
        scenario.modules[owner].states[item].costs[detail].dkk_per_month = value * use.factor;
        break;
      case ParameterUse::Kind::kTransitionProbability:
        scenario.modules[owner].transitions[item].hazard.values[detail] =
            table_hazard_from_probability(value);
        break;
      case ParameterUse::Kind::kModifier:
        scenario.modules[owner].transitions[item].modifiers[detail].relative_risk = value;
        break;
      case ParameterUse::Kind::kEntryShare: {
        EntryRule& entry = scenario.modules[owner].entry;
        std::vector<double>& shares = use.item < 0 ? entry.shares : entry.by_history[item].shares;
        const double others = std::accumulate(shares.begin(), shares.end(), 0.0) - shares[detail];
        shares[detail] = value;
        const double total = others + value;
        if (total > 0)
          for (double& s : shares) s /= total;
        break;
      }
      case ParameterUse::Kind::kProposalFixedCost:
        scenario.proposals[owner].fixed_dkk_per_year = value;
        break;
      case ParameterUse::Kind::kProposalParticipantCost:
        scenario.proposals[owner].dkk_per_participant_month = value;
        break;
      case ParameterUse::Kind::kProposalInvestment:
        scenario.proposals[owner].investment_dkk = value;
        break;
      case ParameterUse::Kind::kRefusionShare:
        scenario.refusions[owner].state_share[detail] = value;
        break;
      case ParameterUse::Kind::kProposalHalfLife:
        scenario.proposals[owner].effect_half_life_months = value;
        break;
      case ParameterUse::Kind::kEffect:
        scenario.proposals[owner].effects[item].relative_risk = {EffectSize::Kind::kPoint, value,
                                                                 value, value};
        break;
    }
  }
}

}  // namespace kommunesim::model
