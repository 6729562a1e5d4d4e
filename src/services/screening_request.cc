#include "services/screening_request.h"

#include <utility>

#include "core/check.h"
#include "domain/screening/result_json.h"

namespace vigil::services {
namespace {

// Moves `key` out of `body` into `target` with `parse` (a null value or no
// key leaves `target` empty); parse errors go to `errors`.
template <typename Parse, typename Value>
void TakeOptional(nlohmann::json& body, const char* key, Parse parse, std::optional<Value>& target,
                  core::ErrorCollector& errors) {
  if (!body.contains(key)) return;
  if (!body[key].is_null()) {
    auto parsed = parse(body[key]);
    if (parsed.ok()) {
      target = std::move(parsed).value();
    } else {
      errors.Merge("", parsed.status());
    }
  }
  body.erase(key);
}

}  // namespace

core::Result<ScreeningRequest> ParseScreeningRequest(
    nlohmann::json body, const domain::screening::ScreeningEngine& engine, ReportIdUse report_id) {
  core::ErrorCollector errors;
  if (!body.is_object()) {
    errors.Add("", "invalid_type", "the screening request must be a JSON object");
    return errors.ToStatus("the screening request is invalid");
  }
  ScreeningRequest request;
  if (report_id == ReportIdUse::kAccepted && body.contains("report_id")) {
    const nlohmann::json& id = body["report_id"];
    if (id.is_number_integer() && id.get<std::int64_t>() > 0) {
      request.report_id = domain::ReportId(id.get<std::int64_t>());
    } else if (!id.is_null()) {
      errors.Add("report_id", "invalid_value", "must be a report id (a positive whole number)");
    }
    body.erase("report_id");
  }
  TakeOptional(body, "override", domain::screening::ParseClassificationOverride,
               request.classification_override, errors);
  TakeOptional(body, "risk_override", domain::screening::ParseRiskOverride, request.risk_override,
               errors);
  auto facts = engine.ParseFacts(body);
  if (!facts.ok()) errors.Merge("", facts.status());
  if (!errors.empty()) return errors.ToStatus("the screening request is invalid");
  request.facts = std::move(body);
  request.parsed_facts = std::move(facts).value();
  return request;
}

core::Result<ScreeningRequest> ParseScreeningRequest(
    nlohmann::json body, std::shared_ptr<const domain::screening::ScreeningEngine> engine,
    ReportIdUse report_id) {
  VIGIL_CHECK(engine != nullptr) << "ParseScreeningRequest needs an engine";
  auto request = ParseScreeningRequest(std::move(body), *engine, report_id);
  if (request.ok()) request->checked_by = std::move(engine);
  return request;
}

}  // namespace vigil::services
