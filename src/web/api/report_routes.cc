// Report routes: create, read, add an occasion, classify, add a person and
// search.

#include "domain/report.h"
#include "web/api/handler_support.h"
#include "web/api/json_codec.h"
#include "web/api/json_reader.h"
#include "web/api/query_reader.h"
#include "web/api/routes.h"

namespace vigil::web::api {
namespace {

std::string ReportLocation(domain::ReportId id) { return "/api/v1/reports/" + id.ToString(); }

core::Result<Response> CreateReport(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  VIGIL_ASSIGN_OR_RETURN(domain::Report report, DecodeReport(body));
  VIGIL_ASSIGN_OR_RETURN(domain::Report created,
                         services.CreateReport(context.caller, std::move(report)));
  return Created(EncodeReport(created), ReportLocation(created.id));
}

core::Result<Response> GetReport(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::ReportId id, PathId<domain::ReportId>(context, "id", "report"));
  VIGIL_ASSIGN_OR_RETURN(domain::Report report, services.GetReport(context.caller, id));
  return Ok(EncodeReport(report));
}

// Body: {"version": n, "occasion": {...}}. 201: the report with the new
// occasion (its id assigned).
core::Result<Response> AddOccasion(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::ReportId id, PathId<domain::ReportId>(context, "id", "report"));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  JsonReader reader(body, "", errors);
  std::int64_t version = 0;
  reader.Read("version", version, Presence::kRequired);
  domain::Occasion occasion;
  if (const nlohmann::json* occasion_json = reader.Object("occasion", Presence::kRequired)) {
    core::Result<domain::Occasion> decoded = DecodeOccasion(*occasion_json);
    if (decoded.ok()) {
      occasion = std::move(decoded).value();
    } else {
      errors.Merge("occasion", decoded.status());
    }
  }
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The occasion is not valid."));
  VIGIL_ASSIGN_OR_RETURN(domain::Report report,
                         services.AddOccasion(context.caller, id, version, std::move(occasion)));
  return Created(EncodeReport(report), ReportLocation(report.id));
}

// Body: {"version", "principal_classification", "included_classifications"}.
core::Result<Response> ClassifyReport(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::ReportId id, PathId<domain::ReportId>(context, "id", "report"));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  JsonReader reader(body, "", errors);
  std::int64_t version = 0;
  std::string principal;
  std::vector<std::string> included;
  reader.Read("version", version, Presence::kRequired);
  reader.Read("principal_classification", principal, Presence::kRequired);
  reader.Read("included_classifications", included);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The classifications are not valid."));
  VIGIL_ASSIGN_OR_RETURN(domain::Report report,
                         services.ClassifyReport(context.caller, id, version, std::move(principal),
                                                 std::move(included)));
  return Ok(EncodeReport(report));
}

// Body: {"version", "person_id", "role"}.
core::Result<Response> AddPerson(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::ReportId id, PathId<domain::ReportId>(context, "id", "report"));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  JsonReader reader(body, "", errors);
  std::int64_t version = 0;
  domain::ReportPerson person;
  std::string role;
  reader.Read("version", version, Presence::kRequired);
  reader.Read("person_id", person.person_id, Presence::kRequired);
  if (reader.Read("role", role, Presence::kRequired)) {
    if (std::optional<domain::PersonRole> parsed = domain::ParsePersonRole(role)) {
      person.role = *parsed;
    } else {
      errors.Add("role", "invalid_value", "must be one of victim, suspect, witness, third_party");
    }
  }
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The person to add is not valid."));
  VIGIL_ASSIGN_OR_RETURN(domain::Report report,
                         services.AddPersonToReport(context.caller, id, version, person));
  return Ok(EncodeReport(report));
}

core::Result<Response> SearchReports(services::Services& services, const RequestContext& context) {
  QueryReader query_reader(context.http.params);
  storage::ReportQuery query;
  query.classification = query_reader.String("classification");
  query.person_id = query_reader.Id<domain::PersonId>("person_id");
  if (std::optional<std::string> role =
          query_reader.OneOf("role", {"victim", "suspect", "witness", "third_party"})) {
    query.role = domain::ParsePersonRole(*role);
  }
  query.received_from = query_reader.Moment("from", /*date_means_next_day=*/false);
  query.received_to = query_reader.Moment("to", /*date_means_next_day=*/true);
  query.force = query_reader.String("force");
  query.force_reference = query_reader.String("force_reference");
  query.case_id = query_reader.Id<domain::CaseId>("case_id");
  query.limit = static_cast<int>(query_reader.Integer("limit", 1, 500).value_or(query.limit));
  query.cursor = query_reader.String("cursor");
  VIGIL_RETURN_IF_ERROR(query_reader.Finish());
  VIGIL_ASSIGN_OR_RETURN(storage::ReportPage page,
                         services.SearchReports(context.caller, std::move(query)));
  return Ok(EncodePage(page, EncodeReport));
}

}  // namespace

void AddReportRoutes(Router& router, services::Services& services) {
  AddRoute(router, services, "POST", "/api/v1/reports", CreateReport);
  AddRoute(router, services, "GET", "/api/v1/reports", SearchReports, QueryUse::kReads);
  AddRoute(router, services, "GET", "/api/v1/reports/{id}", GetReport);
  AddRoute(router, services, "POST", "/api/v1/reports/{id}/occasions", AddOccasion);
  AddRoute(router, services, "PUT", "/api/v1/reports/{id}/classifications", ClassifyReport);
  AddRoute(router, services, "POST", "/api/v1/reports/{id}/persons", AddPerson);
}

}  // namespace vigil::web::api
