// Case use cases: open, view, list, attach a report, assign, move status,
// tasks and notes.

#include <map>

#include "services/audit_trail.h"
#include "services/services.h"

namespace vigil::services {

using internal::Authorize;
using internal::AuthorizeRead;
using internal::CheckVersion;
using storage::TransactionMode;

namespace {

constexpr int kPageSize = 500;

// Loads a case for a change: it exists, the caller may change it and
// `expected_version` is current.
core::Result<domain::Case> LoadForChange(storage::Transaction& transaction, const Caller& caller,
                                         std::string_view action, domain::CaseId id,
                                         std::int64_t expected_version, core::Timestamp now) {
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction.GetCase(id));
  VIGIL_RETURN_IF_ERROR(Authorize(transaction, caller, action, "case", id.value, value.force, now));
  VIGIL_RETURN_IF_ERROR(CheckVersion("case", expected_version, value.version));
  return value;
}

// Every report in a case, newest first.
core::Result<std::vector<domain::Report>> ReportsInCase(storage::Transaction& transaction,
                                                        domain::CaseId id) {
  std::vector<domain::Report> reports;
  storage::ReportQuery query;
  query.case_id = id;
  query.limit = kPageSize;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(storage::ReportPage page, transaction.SearchReports(query));
    for (domain::Report& report : page.items) reports.push_back(std::move(report));
    if (!page.next_cursor) break;
    query.cursor = page.next_cursor;
  }
  return reports;
}

}  // namespace

core::Result<domain::Case> Services::OpenCase(const Caller& caller, domain::Case value) {
  core::Timestamp now = clock_.Now();
  if (value.force.empty()) value.force = caller.actor.force;
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_RETURN_IF_ERROR(Authorize(*transaction, caller, "case.open", "case", 0, value.force, now));
  value.status = domain::CaseStatus::kOpen;
  value.closure_reason.clear();
  VIGIL_RETURN_IF_ERROR(domain::ValidateCase(value, lookups_));
  value.created_at = now;
  value.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->InsertCase(value));
  domain::AuditEvent event =
      internal::MakeAuditEvent(caller, "case.opened", "case", value.id.value, "done", now);
  VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(event));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return value;
}

core::Result<CaseDetail> Services::GetCase(const Caller& caller, domain::CaseId id) {
  CaseDetail detail;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
    VIGIL_ASSIGN_OR_RETURN(detail.value, transaction->GetCase(id));
    VIGIL_ASSIGN_OR_RETURN(detail.reports, ReportsInCase(*transaction, id));
    storage::TaskQuery tasks;
    tasks.case_id = id;
    tasks.limit = 1000;
    VIGIL_ASSIGN_OR_RETURN(detail.tasks, transaction->ListTasks(tasks));
    VIGIL_ASSIGN_OR_RETURN(detail.notes, transaction->ListNotes(id));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "case.view", "case", id.value,
                                      detail.value.force, clock_.Now()));
  return detail;
}

core::Result<storage::CasePage> Services::ListCases(const Caller& caller,
                                                    storage::CaseQuery query) {
  VIGIL_RETURN_IF_ERROR(internal::ScopeSearch(caller, query.force));
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "case.search", "case", 0,
                                      query.force.value_or(""), clock_.Now()));
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  VIGIL_ASSIGN_OR_RETURN(storage::CasePage page, transaction->ListCases(query));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return page;
}

core::Result<domain::Report> Services::AttachReportToCase(const Caller& caller,
                                                          domain::ReportId report_id,
                                                          std::int64_t expected_report_version,
                                                          domain::CaseId case_id) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(case_id));
  VIGIL_RETURN_IF_ERROR(Authorize(*transaction, caller, "case.attach_report", "case", case_id.value,
                                  value.force, now));
  VIGIL_ASSIGN_OR_RETURN(domain::Report report, transaction->GetReport(report_id));
  VIGIL_RETURN_IF_ERROR(Authorize(*transaction, caller, "report.attach_to_case", "report",
                                  report_id.value, report.force, now));
  VIGIL_RETURN_IF_ERROR(CheckVersion("report", expected_report_version, report.version));
  if (value.status == domain::CaseStatus::kClosed) {
    return core::FailedPrecondition("case " + case_id.ToString() +
                                    " is closed; reopen it before adding reports");
  }
  if (report.force != value.force) {
    return core::InvalidArgument("the report and the case belong to different forces",
                                 {{"report_id", "other_force", "belongs to another force"}});
  }
  report.case_id = case_id;
  report.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->UpdateReport(report));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return report;
}

core::Result<domain::Case> Services::AssignCase(const Caller& caller, domain::CaseId id,
                                                std::int64_t expected_version,
                                                std::optional<std::string> owner,
                                                std::optional<std::string> supervisor) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, LoadForChange(*transaction, caller, "case.assign", id,
                                                           expected_version, now));
  if (owner) value.owner = *owner;
  if (supervisor) value.supervisor = *supervisor;
  VIGIL_RETURN_IF_ERROR(domain::ValidateCase(value, lookups_));
  value.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->UpdateCase(value));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return value;
}

core::Result<domain::Case> Services::MoveCase(const Caller& caller, domain::CaseId id,
                                              std::int64_t expected_version, domain::CaseStatus to,
                                              std::string closure_reason) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, LoadForChange(*transaction, caller, "case.move", id,
                                                           expected_version, now));
  VIGIL_RETURN_IF_ERROR(domain::MoveCase(value, to, closure_reason));
  VIGIL_RETURN_IF_ERROR(domain::ValidateCase(value, lookups_));
  value.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->UpdateCase(value));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return value;
}

core::Result<domain::Task> Services::AddTask(const Caller& caller, domain::Task task) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(task.case_id));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, "task.add", "case", value.id.value, value.force, now));
  task.done = false;
  task.done_at.reset();
  task.done_by.clear();
  VIGIL_RETURN_IF_ERROR(domain::ValidateTask(task));
  task.created_at = now;
  task.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->InsertTask(task));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return task;
}

core::Result<domain::Task> Services::CompleteTask(const Caller& caller, domain::TaskId id,
                                                  std::int64_t expected_version) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(domain::Task task, transaction->GetTask(id));
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(task.case_id));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, "task.complete", "task", id.value, value.force, now));
  VIGIL_RETURN_IF_ERROR(CheckVersion("task", expected_version, task.version));
  if (task.done) return core::FailedPrecondition("task " + id.ToString() + " is already done");
  task.done = true;
  task.done_at = now;
  task.done_by = caller.actor.user_id;
  task.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->UpdateTask(task));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return task;
}

core::Result<std::vector<domain::Task>> Services::ListTasks(const Caller& caller,
                                                            storage::TaskQuery query) {
  std::string force = caller.actor.force;
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  if (query.case_id) {
    VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(*query.case_id));
    force = value.force;
  } else if (!query.owner && !query.owner_role) {
    query.owner = caller.actor.user_id;  // "My tasks" unless asked otherwise.
  }
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks, transaction->ListTasks(query));
  if (!query.case_id && !caller.actor.HasRole(std::string(domain::kSystemRole))) {
    // Owner and role listings span cases: keep only the caller's force's.
    std::map<std::int64_t, bool> in_force;
    std::vector<domain::Task> visible;
    for (domain::Task& task : tasks) {
      auto found = in_force.find(task.case_id.value);
      if (found == in_force.end()) {
        VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(task.case_id));
        found = in_force.emplace(task.case_id.value, value.force == caller.actor.force).first;
      }
      if (found->second) visible.push_back(std::move(task));
    }
    tasks = std::move(visible);
  }
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "task.search", "task",
                                      query.case_id ? query.case_id->value : 0, force,
                                      clock_.Now()));
  return tasks;
}

core::Result<domain::Note> Services::AddNote(const Caller& caller, domain::Note note) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(note.case_id));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, "note.add", "case", value.id.value, value.force, now));
  note.author = caller.actor.user_id;
  note.created_at = now;
  VIGIL_RETURN_IF_ERROR(domain::ValidateNote(note));
  VIGIL_RETURN_IF_ERROR(transaction->InsertNote(note));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return note;
}

}  // namespace vigil::services
