#pragma once
// Overrides with rationale. An officer or supervisor may choose a primary
// classification other than the engine's; choosing a non-stalking primary
// when stalking is indicated is a downgrade and needs a written reason of
// substance (NPCC–CPS protocol: say why a case is not stalking). A risk
// level may be changed by professional judgement, always with a rationale.
// Pure.

#include <string_view>

#include "core/status.h"
#include "domain/screening/offence_catalogue.h"
#include "domain/screening/screening_result.h"

namespace vigil::domain::screening {

// The least a reason or rationale must hold: 20 letters or digits, in at
// least three words, using at least five different characters (so
// "xxxxxxxxxxxxxxxxxxxxxxxx" or "n/a" never pass).
inline constexpr std::size_t kMinimumReasonCharacters = 20;

// True when `text` meets the rule above.
bool HasSubstance(std::string_view text);

// Checks `choice` against `result` (as the engine produced it):
// kInvalidArgument with field errors "override.offence" (not an offence
// the engine knows) and "override.reason" (a downgrade from stalking with
// no reason of substance, or a reason over 2,000 characters).
core::Status ValidateClassificationOverride(const ScreeningResult& result,
                                            const ClassificationOverride& choice,
                                            const OffenceCatalogue& catalogue);

// Makes `choice` (already validated) the primary: the chosen offence's
// codes, every other met offence included, the override recorded, and the
// warning stalking_downgrade when it downgrades from stalking (and
// override_offence_not_met when the engine did not find it met).
void ApplyClassificationOverride(const ClassificationOverride& choice, ScreeningResult& result);

// kInvalidArgument with field errors "risk_override.level" (not standard,
// medium or high) and "risk_override.rationale" (no rationale of
// substance); kFailedPrecondition when `has_risk_answers` is false (there
// is no assessment to override).
core::Status ValidateRiskOverride(const RiskOverride& choice, bool has_risk_answers);

}  // namespace vigil::domain::screening
