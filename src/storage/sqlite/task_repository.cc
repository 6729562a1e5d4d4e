#include "storage/sqlite/task_repository.h"

#include <optional>
#include <string>
#include <utility>

#include "storage/paging.h"
#include "storage/sqlite/case_repository.h"
#include "storage/sqlite/row_values.h"
#include "storage/sqlite/sql_filter.h"

namespace vigil::storage::sqlite {
namespace {

constexpr char kTaskColumns[] =
    "SELECT id, version, case_id, text, owner_role, owner, due_at, done, done_at, done_by,"
    " action_id, screening_id, created_at, updated_at FROM tasks";

domain::Task ReadTask(const Statement& row) {
  domain::Task task;
  task.id = domain::TaskId(row.Integer(0));
  task.version = row.Integer(1);
  task.case_id = domain::CaseId(row.Integer(2));
  task.text = row.Text(3);
  task.owner_role = row.Text(4);
  task.owner = row.Text(5);
  task.due_at = TimestampFromSeconds(row.OptionalInteger(6));
  task.done = row.Integer(7) != 0;
  task.done_at = TimestampFromSeconds(row.OptionalInteger(8));
  task.done_by = row.Text(9);
  task.action_id = row.Text(10);
  if (std::optional<std::int64_t> screening_id = row.OptionalInteger(11)) {
    task.screening_id = domain::ScreeningId(*screening_id);
  }
  task.created_at = TimestampFromSeconds(row.Integer(12));
  task.updated_at = TimestampFromSeconds(row.Integer(13));
  return task;
}

std::optional<std::int64_t> ScreeningIdValue(const domain::Task& task) {
  if (!task.screening_id) return std::nullopt;
  return task.screening_id->value;
}

}  // namespace

core::Status TaskRepository::CheckScreeningExists(const domain::Task& task) {
  if (!task.screening_id) return core::Status::Ok();
  VIGIL_ASSIGN_OR_RETURN(
      bool exists,
      RowExists(connection_, "SELECT 1 FROM screenings WHERE id = ?", task.screening_id->value));
  if (!exists)
    return core::NotFound("screening " + task.screening_id->ToString() + " does not exist");
  return core::Status::Ok();
}

core::Status TaskRepository::Insert(domain::Task& task) {
  VIGIL_RETURN_IF_ERROR(CaseRepository(connection_).CheckCaseExists(task.case_id));
  VIGIL_RETURN_IF_ERROR(CheckScreeningExists(task));
  VIGIL_RETURN_IF_ERROR(RunStatement(
      connection_,
      "INSERT INTO tasks (version, case_id, text, owner_role, owner, due_at, done, done_at,"
      " done_by, action_id, screening_id, created_at, updated_at)"
      " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      task.case_id.value, task.text, task.owner_role, task.owner, ToSeconds(task.due_at),
      std::int64_t{task.done ? 1 : 0}, ToSeconds(task.done_at), task.done_by, task.action_id,
      ScreeningIdValue(task), ToSeconds(task.created_at), ToSeconds(task.updated_at)));
  task.id = domain::TaskId(connection_.LastInsertId());
  task.version = 1;
  return core::Status::Ok();
}

core::Result<domain::Task> TaskRepository::Get(domain::TaskId id) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement,
                         connection_.Prepare(std::string(kTaskColumns) + " WHERE id = ?"));
  statement.Bind(1, id.value);
  VIGIL_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return core::NotFound("task " + id.ToString() + " does not exist");
  return ReadTask(statement);
}

core::Status TaskRepository::Update(domain::Task& task) {
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare("UPDATE tasks SET version = version + 1, case_id = ?, text = ?,"
                          " owner_role = ?, owner = ?, due_at = ?, done = ?, done_at = ?,"
                          " done_by = ?, action_id = ?, screening_id = ?, updated_at = ?"
                          " WHERE id = ? AND version = ?"
                          " RETURNING version, created_at"));
  statement.Bind(1, task.case_id.value)
      .Bind(2, std::string_view(task.text))
      .Bind(3, std::string_view(task.owner_role))
      .Bind(4, std::string_view(task.owner))
      .Bind(5, ToSeconds(task.due_at))
      .Bind(6, std::int64_t{task.done ? 1 : 0})
      .Bind(7, ToSeconds(task.done_at))
      .Bind(8, std::string_view(task.done_by))
      .Bind(9, std::string_view(task.action_id))
      .Bind(10, ScreeningIdValue(task))
      .Bind(11, ToSeconds(task.updated_at))
      .Bind(12, task.id.value)
      .Bind(13, task.version);
  core::Result<bool> updated = statement.Step();
  if (updated.status().code() == core::StatusCode::kNotFound) {
    // The foreign key to cases failed: say which case is missing.
    // A foreign key failed: say whether the case or the screening is missing.
    VIGIL_RETURN_IF_ERROR(CaseRepository(connection_).CheckCaseExists(task.case_id));
    VIGIL_RETURN_IF_ERROR(CheckScreeningExists(task));
    return updated.status();
  }
  VIGIL_RETURN_IF_ERROR(updated.status());
  if (!*updated) return MissingOrStale(connection_, "tasks", "task", task.id.value, task.version);
  std::int64_t version = statement.Integer(0);
  core::Timestamp created_at = TimestampFromSeconds(statement.Integer(1));
  VIGIL_RETURN_IF_ERROR(statement.Run());
  task.version = version;
  task.created_at = created_at;
  return core::Status::Ok();
}

core::Result<std::vector<domain::Task>> TaskRepository::List(const TaskQuery& query) {
  VIGIL_RETURN_IF_ERROR(CheckLimit(query.limit, 1, 1000));
  SqlFilter filter;
  if (query.case_id) filter.Add("case_id = ?", {query.case_id->value});
  if (query.owner) filter.Add("owner = ?", {*query.owner});
  if (query.owner_role) filter.Add("owner_role = ?", {*query.owner_role});
  if (query.action_id) filter.Add("action_id = ?", {*query.action_id});
  if (query.open_only) filter.Add("done = 0");
  VIGIL_ASSIGN_OR_RETURN(Statement select,
                         connection_.Prepare(std::string(kTaskColumns) + filter.Where() +
                                             " ORDER BY due_at IS NULL, due_at, id LIMIT ?"));
  int next = filter.BindTo(select);
  select.Bind(next, std::int64_t{query.limit});
  std::vector<domain::Task> tasks;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    tasks.push_back(ReadTask(select));
  }
  return tasks;
}

}  // namespace vigil::storage::sqlite
