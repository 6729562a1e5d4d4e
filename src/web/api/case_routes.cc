// Case routes: open, view (with reports, tasks and notes), list, assign,
// move along the status table, attach a report, add a task, add a note.

#include "domain/case.h"
#include "web/api/handler_support.h"
#include "web/api/json_codec.h"
#include "web/api/json_reader.h"
#include "web/api/query_reader.h"
#include "web/api/routes.h"

namespace vigil::web::api {
namespace {

std::string CaseLocation(domain::CaseId id) { return "/api/v1/cases/" + id.ToString(); }

core::Result<domain::CaseId> CaseIdOf(const RequestContext& context) {
  return PathId<domain::CaseId>(context, "id", "case");
}

core::Result<Response> OpenCase(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, DecodeCase(body));
  VIGIL_ASSIGN_OR_RETURN(domain::Case opened, services.OpenCase(context.caller, std::move(value)));
  return Created(EncodeCase(opened), CaseLocation(opened.id));
}

// The case's own fields plus "reports", "tasks" and "notes" arrays.
core::Result<Response> GetCase(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::CaseId id, CaseIdOf(context));
  VIGIL_ASSIGN_OR_RETURN(services::CaseDetail detail, services.GetCase(context.caller, id));
  nlohmann::json body = EncodeCase(detail.value);
  nlohmann::json& reports = body["reports"] = nlohmann::json::array();
  for (const domain::Report& report : detail.reports) reports.push_back(EncodeReport(report));
  nlohmann::json& tasks = body["tasks"] = nlohmann::json::array();
  for (const domain::Task& task : detail.tasks) tasks.push_back(EncodeTask(task));
  nlohmann::json& notes = body["notes"] = nlohmann::json::array();
  for (const domain::Note& note : detail.notes) notes.push_back(EncodeNote(note));
  return Ok(body);
}

core::Result<Response> ListCases(services::Services& services, const RequestContext& context) {
  QueryReader query_reader(context.http.params);
  storage::CaseQuery query;
  query.force = query_reader.String("force");
  query.owner = query_reader.String("owner");
  if (std::optional<std::string> status = query_reader.OneOf(
          "status", {"open", "under_investigation", "awaiting_review", "closed"})) {
    query.status = domain::ParseCaseStatus(*status);
  }
  query.limit = static_cast<int>(query_reader.Integer("limit", 1, 500).value_or(query.limit));
  query.cursor = query_reader.String("cursor");
  VIGIL_RETURN_IF_ERROR(query_reader.Finish());
  VIGIL_ASSIGN_OR_RETURN(storage::CasePage page,
                         services.ListCases(context.caller, std::move(query)));
  return Ok(EncodePage(page, EncodeCase));
}

// Body: {"version", "owner"?, "supervisor"?}; an absent or null field is
// left as it is.
core::Result<Response> AssignCase(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::CaseId id, CaseIdOf(context));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  JsonReader reader(body, "", errors);
  std::int64_t version = 0;
  std::string owner;
  std::string supervisor;
  reader.Read("version", version, Presence::kRequired);
  bool has_owner = reader.Read("owner", owner);
  bool has_supervisor = reader.Read("supervisor", supervisor);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The assignment is not valid."));
  VIGIL_ASSIGN_OR_RETURN(
      domain::Case value,
      services.AssignCase(context.caller, id, version,
                          has_owner ? std::optional<std::string>(owner) : std::nullopt,
                          has_supervisor ? std::optional<std::string>(supervisor) : std::nullopt));
  return Ok(EncodeCase(value));
}

// Body: {"version", "status", "closure_reason"?}.
core::Result<Response> MoveCase(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::CaseId id, CaseIdOf(context));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  JsonReader reader(body, "", errors);
  std::int64_t version = 0;
  std::string status_name;
  std::string closure_reason;
  domain::CaseStatus status = domain::CaseStatus::kOpen;
  reader.Read("version", version, Presence::kRequired);
  if (reader.Read("status", status_name, Presence::kRequired)) {
    if (std::optional<domain::CaseStatus> parsed = domain::ParseCaseStatus(status_name)) {
      status = *parsed;
    } else {
      errors.Add("status", "invalid_value",
                 "must be one of open, under_investigation, awaiting_review, closed");
    }
  }
  reader.Read("closure_reason", closure_reason);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The status change is not valid."));
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, services.MoveCase(context.caller, id, version, status,
                                                               std::move(closure_reason)));
  return Ok(EncodeCase(value));
}

// Body: {"report_id", "report_version"}. 200: the report, now in the case.
core::Result<Response> AttachReport(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::CaseId id, CaseIdOf(context));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  JsonReader reader(body, "", errors);
  domain::ReportId report_id;
  std::int64_t report_version = 0;
  reader.Read("report_id", report_id, Presence::kRequired);
  reader.Read("report_version", report_version, Presence::kRequired);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The report to attach is not valid."));
  VIGIL_ASSIGN_OR_RETURN(domain::Report report, services.AttachReportToCase(
                                                    context.caller, report_id, report_version, id));
  return Ok(EncodeReport(report));
}

// Adds a field error when a body's case_id names another case than the path.
void CheckSameCase(domain::CaseId in_body, domain::CaseId in_path, core::ErrorCollector& errors) {
  if (in_body.assigned() && in_body != in_path) {
    errors.Add("case_id", "invalid_value", "must match the case id in the address");
  }
}

core::Result<Response> AddTask(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::CaseId id, CaseIdOf(context));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  VIGIL_ASSIGN_OR_RETURN(domain::Task task, DecodeTask(body));
  core::ErrorCollector errors;
  CheckSameCase(task.case_id, id, errors);
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The task is not valid."));
  task.case_id = id;
  VIGIL_ASSIGN_OR_RETURN(domain::Task added, services.AddTask(context.caller, std::move(task)));
  return Created(EncodeTask(added), CaseLocation(id));
}

core::Result<Response> AddNote(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::CaseId id, CaseIdOf(context));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  VIGIL_ASSIGN_OR_RETURN(domain::Note note, DecodeNote(body));
  core::ErrorCollector errors;
  CheckSameCase(note.case_id, id, errors);
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The note is not valid."));
  note.case_id = id;
  VIGIL_ASSIGN_OR_RETURN(domain::Note added, services.AddNote(context.caller, std::move(note)));
  return Created(EncodeNote(added), CaseLocation(id));
}

}  // namespace

void AddCaseRoutes(Router& router, services::Services& services) {
  AddRoute(router, services, "POST", "/api/v1/cases", OpenCase);
  AddRoute(router, services, "GET", "/api/v1/cases", ListCases, QueryUse::kReads);
  AddRoute(router, services, "GET", "/api/v1/cases/{id}", GetCase);
  AddRoute(router, services, "PUT", "/api/v1/cases/{id}/assignment", AssignCase);
  AddRoute(router, services, "PUT", "/api/v1/cases/{id}/status", MoveCase);
  AddRoute(router, services, "POST", "/api/v1/cases/{id}/reports", AttachReport);
  AddRoute(router, services, "POST", "/api/v1/cases/{id}/tasks", AddTask);
  AddRoute(router, services, "POST", "/api/v1/cases/{id}/notes", AddNote);
}

}  // namespace vigil::web::api
