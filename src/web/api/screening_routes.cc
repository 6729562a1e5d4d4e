// Screening routes: screen facts (stored against a report when report_id is
// given, its actions becoming tasks on the report's case), read a stored
// screening, list a report's screenings (its classification and risk
// history), and see or reload the screening rules.

#include "core/time.h"
#include "domain/screening/result_json.h"
#include "services/screening_request.h"
#include "web/api/handler_support.h"
#include "web/api/json_codec.h"
#include "web/api/routes.h"

namespace vigil::web::api {
namespace {

std::string ScreeningLocation(domain::ScreeningId id) {
  return "/api/v1/screenings/" + id.ToString();
}

nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

// A stored screening's summary (the history view).
nlohmann::json EncodeScreeningSummary(const domain::ScreeningRecord& record) {
  return {
      {"id", record.id.value},
      {"report_id", record.report_id.value},
      {"force", record.force},
      {"rules_version", record.rules_version},
      {"stalking_indicated", record.stalking_indicated},
      {"primary_offence", TextOrNull(record.primary_offence)},
      {"risk_level", TextOrNull(record.risk_level)},
      {"item_bank_version", TextOrNull(record.item_bank_version)},
      {"override_offence", TextOrNull(record.override_offence)},
      {"override_reason", TextOrNull(record.override_reason)},
      {"risk_override_rationale", TextOrNull(record.risk_override_rationale)},
      {"screened_by", record.screened_by},
      {"screened_at", core::FormatTimestamp(record.screened_at)},
  };
}

// The summary with the facts and the result as stored.
core::Result<nlohmann::json> EncodeScreeningRecord(const domain::ScreeningRecord& record) {
  nlohmann::json body = EncodeScreeningSummary(record);
  nlohmann::json facts = nlohmann::json::parse(record.facts_json, nullptr, false);
  nlohmann::json result = nlohmann::json::parse(record.result_json, nullptr, false);
  if (facts.is_discarded() || result.is_discarded()) {
    return core::Status(core::StatusCode::kDataLoss,
                        "screening " + record.id.ToString() + " is stored damaged");
  }
  body["facts"] = std::move(facts);
  body["result"] = std::move(result);
  return body;
}

// Body: the screening request (facts, optional report_id, override,
// risk_override). 201 with the result, screening_id, tasks_created and
// actions_already_open when stored against a report; 200 with the result
// otherwise.
core::Result<Response> Screen(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  VIGIL_ASSIGN_OR_RETURN(
      services::ScreeningRequest request,
      services::ParseScreeningRequest(std::move(body), services.screening_engine()));
  VIGIL_ASSIGN_OR_RETURN(services::ScreeningOutcome outcome,
                         services.Screen(context.caller, std::move(request)));
  nlohmann::json answer = domain::screening::ToJson(outcome.result);
  nlohmann::json tasks = nlohmann::json::array();
  for (const domain::Task& task : outcome.tasks_created) tasks.push_back(EncodeTask(task));
  answer["tasks_created"] = std::move(tasks);
  answer["actions_already_open"] = outcome.actions_already_open;
  if (!outcome.record) {
    answer["screening_id"] = nullptr;
    answer["report_id"] = nullptr;
    return Ok(answer);
  }
  answer["screening_id"] = outcome.record->id.value;
  answer["report_id"] = outcome.record->report_id.value;
  return Created(answer, ScreeningLocation(outcome.record->id));
}

core::Result<Response> GetScreening(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::ScreeningId id,
                         PathId<domain::ScreeningId>(context, "id", "screening"));
  VIGIL_ASSIGN_OR_RETURN(domain::ScreeningRecord record, services.GetScreening(context.caller, id));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, EncodeScreeningRecord(record));
  return Ok(body);
}

// 200: {"items": [...]} newest first.
core::Result<Response> ListReportScreenings(services::Services& services,
                                            const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::ReportId id, PathId<domain::ReportId>(context, "id", "report"));
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::ScreeningRecord> records,
                         services.ListScreenings(context.caller, id));
  nlohmann::json items = nlohmann::json::array();
  for (const domain::ScreeningRecord& record : records) {
    items.push_back(EncodeScreeningSummary(record));
  }
  return Ok({{"items", std::move(items)}});
}

// 200: {"rules_version"} of the rules screening uses now.
core::Result<Response> GetRules(services::Services& services, const RequestContext&) {
  return Ok({{"rules_version", services.screening_engine()->rules_version()}});
}

// 200: {"rules_version"} after a reload; 403 for anyone but an
// administrator; 422 listing every problem when the files are bad (the
// previous rules stay in force).
core::Result<Response> ReloadRules(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(std::string version, services.ReloadScreeningRules(context.caller));
  return Ok({{"rules_version", version}});
}

}  // namespace

void AddScreeningRoutes(Router& router, services::Services& services) {
  AddRoute(router, services, "POST", "/api/v1/screenings", Screen);
  AddRoute(router, services, "GET", "/api/v1/screenings/{id}", GetScreening);
  AddRoute(router, services, "GET", "/api/v1/reports/{id}/screenings", ListReportScreenings);
  AddRoute(router, services, "GET", "/api/v1/screening-rules", GetRules);
  AddRoute(router, services, "POST", "/api/v1/screening-rules/reload", ReloadRules);
}

}  // namespace vigil::web::api
