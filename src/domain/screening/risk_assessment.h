#pragma once
// Stalking risk identification from the risk item bank: the level from the
// number of "yes" answers to scored items (configured thresholds), raised by
// any escalation factor that applies, then any professional-judgement
// override (which needs a rationale; see overrides.h). Done only when the
// facts carry risk answers. Pure.

#include <optional>

#include "domain/screening/facts.h"
#include "domain/screening/risk_config.h"
#include "domain/screening/screening_result.h"
#include "rules/expression.h"

namespace vigil::domain::screening {

// The assessment for `facts`, or nullopt when facts.risk_answers is absent.
// `rule_facts` holds the facts and derived figures the escalation rules
// read (FactsDocument, or a rules::Context over the JSON documents). `override` (already validated)
// replaces the level and is recorded beside the calculated one.
std::optional<RiskAssessment> AssessRisk(const Facts& facts, const RiskConfig& config,
                                         const rules::Document& rule_facts,
                                         const std::optional<RiskOverride>& override);

}  // namespace vigil::domain::screening
