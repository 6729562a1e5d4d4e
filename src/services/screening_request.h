#pragma once
// The screening request document that `vigil screen` and
// POST /api/v1/screenings both accept: the facts document (contract
// version 1) with, beside the facts, three optional keys —
// "report_id" (store the screening against this report), "override"
// ({"offence", "reason"}) and "risk_override" ({"level", "rationale"}).
// One parser, so the two interfaces cannot drift apart. Pure.

#include <memory>
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "domain/screening/screening_engine.h"
#include "services/services.h"

namespace vigil::services {

// Which request keys an interface accepts besides the facts.
enum class ReportIdUse { kAccepted, kRefused };

// Splits `body` into a ScreeningRequest. kInvalidArgument listing every
// problem at once, each at its JSON path: a body that is not an object,
// a bad report_id, override or risk_override, and every problem in the
// facts as `engine` checks them (so the caller hears of all of them in one
// answer). With ReportIdUse::kRefused a report_id is an unknown field.
// The parsed facts are kept in ScreeningRequest::parsed_facts, so the
// caller screens them without parsing again.
core::Result<ScreeningRequest> ParseScreeningRequest(
    nlohmann::json body, const domain::screening::ScreeningEngine& engine,
    ReportIdUse report_id = ReportIdUse::kAccepted);

// As above, also recording `engine` in ScreeningRequest::checked_by, so
// Services::Screen knows whether the parsed facts were checked against the
// rules it screens with.
core::Result<ScreeningRequest> ParseScreeningRequest(
    nlohmann::json body, std::shared_ptr<const domain::screening::ScreeningEngine> engine,
    ReportIdUse report_id = ReportIdUse::kAccepted);

}  // namespace vigil::services
