#pragma once
// TaskRepository: the tasks of cases in SQLite. Tasks are completed, never
// deleted. Runs inside the caller's transaction on the caller's Connection;
// not thread-safe beyond that.

#include <vector>

#include "core/result.h"
#include "domain/task.h"
#include "storage/sqlite/connection.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

class TaskRepository {
 public:
  explicit TaskRepository(Connection& connection) : connection_(connection) {}

  // Stores a new task with version 1; sets `task.id` and `task.version`.
  // kNotFound ("case 7 does not exist", "screening 3 does not exist") when
  // its case or screening does not exist.
  core::Status Insert(domain::Task& task);
  // kNotFound when there is no task `id`.
  core::Result<domain::Task> Get(domain::TaskId id);
  // Replaces the stored task when `task.version` is current and bumps the
  // version; created_at is kept as first stored and copied back. kNotFound
  // for an unknown task, case or screening, kConflict for a stale version.
  core::Status Update(domain::Task& task);
  // Tasks matching `query`, earliest due first, those without a deadline
  // last, then by id; at most `query.limit`. kInvalidArgument for a limit
  // outside 1–1000.
  core::Result<std::vector<domain::Task>> List(const TaskQuery& query);

 private:
  // kNotFound when `task` names a screening that does not exist.
  core::Status CheckScreeningExists(const domain::Task& task);

  Connection& connection_;
};

}  // namespace vigil::storage::sqlite
