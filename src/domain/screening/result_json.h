#pragma once
// JSON for screening: the result (output contract version 1) and the
// override requests the CLI and the HTTP API accept. Field names and codes
// are documented in docs/reference/screening.md. Pure.

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "domain/screening/screening_result.h"

namespace vigil::domain::screening {

// The result as JSON: result_version, rules_version, stalking_indicated,
// stalking_possible, primary (object or null), included, candidates (each
// with elements), ask_next, warnings, risk (only when assessed), actions,
// and override (only when one was applied). Dates are YYYY-MM-DD; element
// occasions are 0-based indexes into the facts' occasions.
nlohmann::json ToJson(const ScreeningResult& result);

// {"offence": "...", "reason": "..."}: reason optional. kInvalidArgument
// with field errors (override.offence, override.reason, unknown keys).
core::Result<ClassificationOverride> ParseClassificationOverride(const nlohmann::json& json);

// {"level": "...", "rationale": "..."}. kInvalidArgument with field errors.
core::Result<RiskOverride> ParseRiskOverride(const nlohmann::json& json);

}  // namespace vigil::domain::screening
