#include "domain/task.h"

#include "domain/text.h"
#include "domain/validation.h"

namespace vigil::domain {

core::Status ValidateTask(const Task& task) {
  core::ErrorCollector errors;
  if (!task.case_id.assigned()) errors.Add("case_id", "required", "is required");
  CheckRequiredText(errors, "text", task.text, 2000);
  if (Trim(task.owner_role).empty() && Trim(task.owner).empty()) {
    errors.Add("owner", "required", "needs an owner or an owner role");
  }
  CheckOptionalText(errors, "owner", task.owner, 100);
  CheckOptionalText(errors, "owner_role", task.owner_role, 100);
  if (task.done && !task.done_at) errors.Add("done_at", "required", "is required when done");
  if (!task.done && task.done_at) {
    errors.Add("done_at", "not_allowed", "must be empty while the task is not done");
  }
  return errors.ToStatus("task is invalid");
}

}  // namespace vigil::domain
