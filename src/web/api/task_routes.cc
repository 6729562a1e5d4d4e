// Task routes: list tasks (by case, owner, owner role, open only) and mark a
// task done.

#include "web/api/handler_support.h"
#include "web/api/json_codec.h"
#include "web/api/json_reader.h"
#include "web/api/query_reader.h"
#include "web/api/routes.h"

namespace vigil::web::api {
namespace {

// 200: {"items": [...]} ordered by due date, earliest first.
core::Result<Response> ListTasks(services::Services& services, const RequestContext& context) {
  QueryReader query_reader(context.http.params);
  storage::TaskQuery query;
  query.case_id = query_reader.Id<domain::CaseId>("case_id");
  query.owner = query_reader.String("owner");
  query.owner_role = query_reader.String("owner_role");
  query.open_only = query_reader.Boolean("open").value_or(false);
  query.limit = static_cast<int>(query_reader.Integer("limit", 1, 1000).value_or(query.limit));
  VIGIL_RETURN_IF_ERROR(query_reader.Finish());
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks,
                         services.ListTasks(context.caller, std::move(query)));
  nlohmann::json items = nlohmann::json::array();
  for (const domain::Task& task : tasks) items.push_back(EncodeTask(task));
  return Ok({{"items", std::move(items)}});
}

// Body: {"version"}. 200: the task, done.
core::Result<Response> CompleteTask(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::TaskId id, PathId<domain::TaskId>(context, "id", "task"));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  core::ErrorCollector errors;
  JsonReader reader(body, "", errors);
  std::int64_t version = 0;
  reader.Read("version", version, Presence::kRequired);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The completion is not valid."));
  VIGIL_ASSIGN_OR_RETURN(domain::Task task, services.CompleteTask(context.caller, id, version));
  return Ok(EncodeTask(task));
}

}  // namespace

void AddTaskRoutes(Router& router, services::Services& services) {
  AddRoute(router, services, "GET", "/api/v1/tasks", ListTasks, QueryUse::kReads);
  AddRoute(router, services, "POST", "/api/v1/tasks/{id}/completion", CompleteTask);
}

}  // namespace vigil::web::api
