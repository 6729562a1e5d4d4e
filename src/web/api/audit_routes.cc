// Audit routes: who did what to one record ("who viewed this"). The audit
// log is read-only over the API: no route appends, changes or deletes an
// entry (entries are written only by the services, as a side effect of
// every use case).

#include <string>
#include <vector>

#include "core/time.h"
#include "web/api/handler_support.h"
#include "web/api/query_reader.h"
#include "web/api/routes.h"

namespace vigil::web::api {
namespace {

nlohmann::json EncodeAuditEvent(const domain::AuditEvent& event) {
  return {{"id", event.id.value},         {"at", core::FormatTimestamp(event.at)},
          {"user_id", event.user_id},     {"roles", event.roles},
          {"force", event.force},         {"agency", event.agency},
          {"action", event.action},       {"record_type", event.record_type},
          {"record_id", event.record_id}, {"purpose", event.purpose},
          {"outcome", event.outcome},     {"request_id", event.request_id},
          {"reason", event.reason},       {"hash", event.hash}};
}

// ?record_type=&record_id=[&limit=][&cursor=]. 200: a page of the record's
// audit entries, newest first.
core::Result<Response> ListRecordAudit(services::Services& services,
                                       const RequestContext& context) {
  QueryReader query_reader(context.http.params);
  std::optional<std::string> record_type =
      query_reader.OneOf("record_type", {"report", "case", "person", "task", "screening"});
  std::optional<std::int64_t> record_id = query_reader.Integer("record_id", 1, INT64_MAX);
  storage::AuditQuery query;
  query.limit = static_cast<int>(query_reader.Integer("limit", 1, 500).value_or(query.limit));
  query.cursor = query_reader.String("cursor");
  core::Status read = query_reader.Finish();
  core::ErrorCollector errors;
  errors.Merge("", read);
  // Absent or empty ("?record_id="); a value of the wrong form is already
  // reported by the reader.
  if (context.http.get_param_value("record_type").empty()) {
    errors.Add("record_type", "required", "is required");
  }
  if (context.http.get_param_value("record_id").empty()) {
    errors.Add("record_id", "required", "is required");
  }
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The query parameters are not valid."));
  if (!record_type || !record_id) return core::Internal("audit query not read");
  query.record_type = *record_type;
  query.record_id = *record_id;
  VIGIL_ASSIGN_OR_RETURN(storage::AuditPage page,
                         services.ListRecordAudit(context.caller, std::move(query)));
  return Ok(EncodePage(page, EncodeAuditEvent));
}

}  // namespace

void AddAuditRoutes(Router& router, services::Services& services) {
  AddRoute(router, services, "GET", "/api/v1/audit", ListRecordAudit, QueryUse::kReads);
}

}  // namespace vigil::web::api
