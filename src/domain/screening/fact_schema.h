#pragma once
// The facts that screening rules in config/screening may name, declared as
// rules::Schema values so every rule is checked at load. Three layers:
// - facts: the facts contract (questionnaire skip logic reads these);
// - + derived: figures the engine computes from the facts (risk escalation);
// - + result and risk: the screening outcome (action triggers).
// Also builds the JSON documents those rules are evaluated over. Pure.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/screening/facts.h"
#include "rules/schema.h"

namespace vigil::domain::screening {

// The facts contract (version 1), including risk_answers.<item> for each
// item of the vocabulary.
rules::Schema FactsSchema(const FactVocabulary& vocabulary);

// FactsSchema plus derived.occasion_count, derived.occasions_last_28_days,
// derived.occasions_previous_28_days and derived.days_since_last_occasion.
rules::Schema RiskRuleSchema(const FactVocabulary& vocabulary);

// RiskRuleSchema plus the screening outcome: result.stalking_indicated,
// result.stalking_possible, result.primary, result.included,
// result.candidates.<offence>.status / .aggravated,
// result.stalking_downgrade_requested, result.override_requested, and
// risk.level / risk.calculated_level / risk.yes_count / risk.escalation_factors.
rules::Schema ActionRuleSchema(const FactVocabulary& vocabulary,
                               const std::vector<std::string>& offence_ids);

// {"derived": {...}} for `facts`: counts are null when the occasions are
// unknown; the 28-day windows end on the report date (inclusive).
nlohmann::json DerivedFacts(const Facts& facts);

}  // namespace vigil::domain::screening
