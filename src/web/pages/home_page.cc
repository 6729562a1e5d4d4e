// GET /: the signed-in officer's tasks due (overdue first) and their cases.

#include <algorithm>
#include <map>
#include <set>

#include "web/pages/page_format.h"
#include "web/pages/page_support.h"
#include "web/pages/routes.h"

namespace vigil::web::pages {
namespace {

constexpr int kCaseLimit = 50;

// Open tasks owned by the caller or by one of the caller's roles, by due
// date (earliest, so overdue, first; no deadline last), then id.
core::Result<std::vector<domain::Task>> MyOpenTasks(const PageRequest& request) {
  const domain::Actor& actor = request.caller().actor;
  std::vector<domain::Task> tasks;
  std::set<std::int64_t> seen;
  auto add = [&](storage::TaskQuery query) -> core::Status {
    query.open_only = true;
    VIGIL_ASSIGN_OR_RETURN(std::vector<domain::Task> found,
                           request.services.ListTasks(request.caller(), std::move(query)));
    for (domain::Task& task : found) {
      if (seen.insert(task.id.value).second) tasks.push_back(std::move(task));
    }
    return core::Status::Ok();
  };
  storage::TaskQuery mine;
  mine.owner = actor.user_id;
  VIGIL_RETURN_IF_ERROR(add(mine));
  for (const std::string& role : actor.roles) {
    storage::TaskQuery by_role;
    by_role.owner_role = role;
    VIGIL_RETURN_IF_ERROR(add(by_role));
  }
  std::stable_sort(tasks.begin(), tasks.end(), [](const domain::Task& a, const domain::Task& b) {
    if (a.due_at.has_value() != b.due_at.has_value()) return a.due_at.has_value();
    if (a.due_at && *a.due_at != *b.due_at) return *a.due_at < *b.due_at;
    return a.id.value < b.id.value;
  });
  return tasks;
}

}  // namespace

core::Result<Response> HomePage(const PageRequest& request) {
  core::Timestamp now = request.services.clock().Now();
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks, MyOpenTasks(request));
  mstch::array task_rows;
  int overdue = 0;
  for (const domain::Task& task : tasks) {
    bool is_overdue = task.IsOverdue(now);
    overdue += is_overdue ? 1 : 0;
    bool due_today = !is_overdue && task.due_at && FormatDay(*task.due_at) == FormatDay(now);
    task_rows.push_back(mstch::map{
        {"text", task.text},
        {"case_href", "/cases/" + task.case_id.ToString()},
        {"case_name", CaseName(task.case_id.value)},
        {"due", task.due_at ? FormatTime(*task.due_at) : std::string("No deadline")},
        {"overdue", is_overdue},
        {"due_today", due_today},
        {"owner", task.owner.empty() ? task.owner_role : task.owner},
    });
  }
  storage::CaseQuery case_query;
  case_query.owner = request.caller().actor.user_id;
  case_query.limit = kCaseLimit;
  VIGIL_ASSIGN_OR_RETURN(storage::CasePage cases,
                         request.services.ListCases(request.caller(), case_query));
  mstch::array case_rows;
  for (const domain::Case& value : cases.items) {
    case_rows.push_back(mstch::map{
        {"href", "/cases/" + value.id.ToString()},
        {"name", CaseName(value.id.value)},
        {"title", value.title},
        {"status", CaseStatusLabel(value.status)},
        {"status_class", CaseStatusTagClass(value.status)},
        {"updated", FormatDay(value.updated_at)},
    });
  }
  mstch::map context{
      {"first_name", request.caller().actor.display_name},
      {"tasks", std::move(task_rows)},
      {"has_tasks", !tasks.empty()},
      {"task_count", Count(static_cast<std::int64_t>(tasks.size()))},
      {"overdue_count", Count(overdue)},
      {"has_overdue", overdue > 0},
      {"cases", std::move(case_rows)},
      {"has_cases", !cases.items.empty()},
      {"case_total", Count(cases.total)},
      {"more_cases", cases.total > static_cast<std::int64_t>(cases.items.size())},
      {"today", FormatDay(now)},
  };
  return request.site.Render(200, "home", "Your work", Section::kHome, std::move(context),
                             request.caller());
}

}  // namespace vigil::web::pages
