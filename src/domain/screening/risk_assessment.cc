#include "domain/screening/risk_assessment.h"

#include <algorithm>

namespace vigil::domain::screening {

std::optional<RiskAssessment> AssessRisk(const Facts& facts, const RiskConfig& config,
                                         const rules::Document& rule_facts,
                                         const std::optional<RiskOverride>& override) {
  if (!facts.risk_answers) return std::nullopt;
  RiskAssessment assessment;
  assessment.item_bank_version = config.ItemBankVersion();
  assessment.items.reserve(config.items.size());
  for (const RiskItem& item : config.items) {
    RiskItemAnswer answer{item.id, std::nullopt};
    auto it = facts.risk_answers->find(item.id);
    if (it != facts.risk_answers->end()) answer.answer = it->second;
    if (item.scored && answer.answer == true) ++assessment.yes_count;
    assessment.items.push_back(std::move(answer));
  }
  RiskLevel level = RiskLevel::kStandard;
  if (assessment.yes_count >= config.high_from) {
    level = RiskLevel::kHigh;
  } else if (assessment.yes_count >= config.medium_from) {
    level = RiskLevel::kMedium;
  }
  for (const EscalationFactor& factor : config.escalation_factors) {
    if (factor.when.Evaluate(rule_facts) != rules::Truth::kTrue) continue;
    assessment.escalation_factors.push_back(factor.id);
    level = std::max(level, factor.raises_to);
  }
  assessment.calculated_level = std::string(RiskLevelName(level));
  assessment.level = assessment.calculated_level;
  if (override) {
    assessment.level = override->level;
    assessment.override = override;
  }
  return assessment;
}

}  // namespace vigil::domain::screening
