#pragma once
// Task: one thing someone must do on a case (preserve CCTV, refer to an
// advocate, supervisor review), owned by a role or a named person, with an
// optional deadline. Tasks are completed, never deleted.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "domain/ids.h"

namespace vigil::domain {

struct Task {
  TaskId id;
  std::int64_t version = 0;  // Optimistic-concurrency version; 0 before first save.
  CaseId case_id;
  std::string text;
  std::string owner_role;  // Role id that owns it (e.g. "supervisor"); empty when a person does.
  std::string owner;       // User id that owns it; empty when a role does.
  std::optional<core::Timestamp> due_at;
  bool done = false;
  std::optional<core::Timestamp> done_at;
  std::string done_by;  // User id that marked it done.
  // Where the task came from when a screening suggested it: the action rule
  // id (config/screening/actions.yaml) and the screening. Empty and unset
  // for tasks added by hand. A case holds at most one open task per action.
  std::string action_id;
  std::optional<ScreeningId> screening_id;
  core::Timestamp created_at{};
  core::Timestamp updated_at{};

  // True when not done and past its deadline at `now`.
  bool IsOverdue(core::Timestamp now) const { return !done && due_at && *due_at < now; }
};

// Checks a task's invariants: a case, text, an owner role or owner, and
// done_at/done_by present exactly when done.
core::Status ValidateTask(const Task& task);

}  // namespace vigil::domain
