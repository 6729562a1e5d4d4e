#include "services/screening_request.h"

#include <utility>

#include "domain/screening/result_json.h"

namespace vigil::services {

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
  if (body.contains("override")) {
    if (!body["override"].is_null()) {
      auto choice = domain::screening::ParseClassificationOverride(body["override"]);
      if (choice.ok()) {
        request.classification_override = std::move(choice).value();
      } else {
        errors.Merge("", choice.status());
      }
    }
    body.erase("override");
  }
  if (body.contains("risk_override")) {
    if (!body["risk_override"].is_null()) {
      auto choice = domain::screening::ParseRiskOverride(body["risk_override"]);
      if (choice.ok()) {
        request.risk_override = std::move(choice).value();
      } else {
        errors.Merge("", choice.status());
      }
    }
    body.erase("risk_override");
  }
  auto facts = engine.ParseFacts(body);
  if (!facts.ok()) errors.Merge("", facts.status());
  if (!errors.empty()) return errors.ToStatus("the screening request is invalid");
  request.facts = std::move(body);
  return request;
}

}  // namespace vigil::services
