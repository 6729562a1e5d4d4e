// Screening use cases: screen facts (stored against a report or not, with
// the suggested actions made into tasks on the report's case), view a
// screening, list a report's screenings, reload the screening rules.

#include <utility>

#include "domain/screening/result_json.h"
#include "services/audit_trail.h"
#include "services/services.h"

namespace vigil::services {

using internal::Authorize;
using internal::AuthorizeRead;
using storage::TransactionMode;

namespace {

// The role, besides kSystemRole, that may reload the screening rules.
constexpr char kAdministratorRole[] = "administrator";

// The owner role of a task made from an action rule that names none.
constexpr char kDefaultTaskOwnerRole[] = "investigator";

// The stored form of a screening of `report` by `caller` at `now`.
domain::ScreeningRecord MakeRecord(const Caller& caller, const domain::Report& report,
                                   const nlohmann::json& facts,
                                   const domain::screening::ScreeningResult& result,
                                   core::Timestamp now) {
  domain::ScreeningRecord record;
  record.report_id = report.id;
  record.force = report.force;
  record.rules_version = result.rules_version;
  record.facts_json = facts.dump();
  record.result_json = domain::screening::ToJson(result).dump();
  record.stalking_indicated = result.stalking_indicated;
  if (result.primary) record.primary_offence = result.primary->offence;
  if (result.risk) {
    record.risk_level = result.risk->level;
    record.item_bank_version = result.risk->item_bank_version;
    if (result.risk->override) record.risk_override_rationale = result.risk->override->rationale;
  }
  if (result.classification_override) {
    record.override_offence = result.classification_override->offence;
    record.override_reason = result.classification_override->reason;
  }
  record.screened_by = caller.actor.user_id;
  record.screened_at = now;
  return record;
}

// The task on `case_id` that `action` of screening `screening_id` asks for.
domain::Task MakeTask(const domain::screening::PlannedAction& action, domain::CaseId case_id,
                      domain::ScreeningId screening_id, core::Timestamp now) {
  domain::Task task;
  task.case_id = case_id;
  task.text = action.text;
  task.owner_role = action.owner_role.empty() ? kDefaultTaskOwnerRole : action.owner_role;
  if (action.due_within_hours > 0) task.due_at = now + std::chrono::hours(action.due_within_hours);
  task.action_id = action.id;
  task.screening_id = screening_id;
  task.created_at = now;
  task.updated_at = now;
  return task;
}

// True when case `case_id` has an open task made from action `action_id`.
core::Result<bool> HasOpenTaskFor(storage::Transaction& transaction, domain::CaseId case_id,
                                  const std::string& action_id) {
  storage::TaskQuery query;
  query.case_id = case_id;
  query.action_id = action_id;
  query.open_only = true;
  query.limit = 1;
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::Task> open, transaction.ListTasks(query));
  return !open.empty();
}

}  // namespace

core::Result<ScreeningOutcome> Services::Screen(const Caller& caller, ScreeningRequest request) {
  // Screening is pure: do it before taking the write lock. The engine is
  // held for the whole call, so a reload meanwhile does not mix rules.
  std::shared_ptr<const domain::screening::ScreeningEngine> engine = rules_->Current();
  if (!request.parsed_facts || request.checked_by != engine) {
    VIGIL_ASSIGN_OR_RETURN(request.parsed_facts, engine->ParseFacts(request.facts));
  }
  const domain::screening::Facts& facts = *request.parsed_facts;
  domain::screening::Overrides overrides{request.classification_override, request.risk_override};
  ScreeningOutcome outcome;
  VIGIL_ASSIGN_OR_RETURN(outcome.result, engine->Screen(facts, overrides));
  core::Timestamp now = clock_.Now();

  if (!request.report_id) {
    VIGIL_RETURN_IF_ERROR(
        AuthorizeRead(store_, caller, "screen", "screening", 0, /*force=*/"", now));
    return outcome;
  }

  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  core::Result<domain::Report> loaded = transaction->GetReport(*request.report_id);
  if (loaded.status().code() == core::StatusCode::kNotFound) {
    return core::Status(core::StatusCode::kNotFound,
                        "report " + request.report_id->ToString() + " does not exist",
                        {{"report_id", "not_found", "no such report"}});
  }
  VIGIL_ASSIGN_OR_RETURN(domain::Report report, std::move(loaded));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, "screen", "report", report.id.value, report.force, now));
  // Every decision comes before the first write: a denial commits only the
  // audit events.
  std::optional<domain::Case> case_of_report;
  if (report.case_id) {
    VIGIL_ASSIGN_OR_RETURN(case_of_report, transaction->GetCase(*report.case_id));
    VIGIL_RETURN_IF_ERROR(Authorize(*transaction, caller, "task.add", "case",
                                    case_of_report->id.value, case_of_report->force, now));
  }

  domain::ScreeningRecord record = MakeRecord(caller, report, request.facts, outcome.result, now);
  VIGIL_RETURN_IF_ERROR(transaction->InsertScreening(record));
  domain::AuditEvent created = internal::MakeAuditEvent(caller, "screening.created", "screening",
                                                        record.id.value, "done", now);
  VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(created));

  if (case_of_report) {
    for (const domain::screening::PlannedAction& action : outcome.result.actions) {
      VIGIL_ASSIGN_OR_RETURN(bool already_open,
                             HasOpenTaskFor(*transaction, case_of_report->id, action.id));
      if (already_open) {
        outcome.actions_already_open.push_back(action.id);
        continue;
      }
      domain::Task task = MakeTask(action, case_of_report->id, record.id, now);
      VIGIL_RETURN_IF_ERROR(domain::ValidateTask(task));
      VIGIL_RETURN_IF_ERROR(transaction->InsertTask(task));
      domain::AuditEvent added =
          internal::MakeAuditEvent(caller, "task.created", "task", task.id.value, "done", now);
      VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(added));
      outcome.tasks_created.push_back(std::move(task));
    }
  }
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  outcome.record = std::move(record);
  return outcome;
}

core::Result<domain::ScreeningRecord> Services::GetScreening(const Caller& caller,
                                                             domain::ScreeningId id) {
  domain::ScreeningRecord record;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
    VIGIL_ASSIGN_OR_RETURN(record, transaction->GetScreening(id));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "screening.view", "screening", id.value,
                                      record.force, clock_.Now()));
  return record;
}

core::Result<std::vector<domain::ScreeningRecord>> Services::ListScreenings(
    const Caller& caller, domain::ReportId report_id) {
  std::vector<domain::ScreeningRecord> records;
  std::string force;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
    VIGIL_ASSIGN_OR_RETURN(domain::Report report, transaction->GetReport(report_id));
    force = report.force;
    VIGIL_ASSIGN_OR_RETURN(records, transaction->ListScreenings(report_id));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "screening.search", "report", report_id.value,
                                      force, clock_.Now()));
  return records;
}

core::Result<std::string> Services::ReloadScreeningRules(const Caller& caller) {
  constexpr char kAction[] = "screening_rules.reload";
  constexpr char kRecordType[] = "screening_rules";
  core::Timestamp now = clock_.Now();
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
    if (!caller.actor.HasRole(kAdministratorRole) &&
        !caller.actor.HasRole(std::string(domain::kSystemRole))) {
      domain::AuditEvent denied =
          internal::MakeAuditEvent(caller, kAction, kRecordType, 0, "denied", now);
      VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(denied));
      VIGIL_RETURN_IF_ERROR(transaction->Commit());
      return core::PermissionDenied(
          "reloading the screening rules needs the administrator or system role");
    }
    VIGIL_RETURN_IF_ERROR(Authorize(*transaction, caller, kAction, kRecordType, 0, "", now));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  // Loading reads files: not under the write lock.
  core::Result<std::string> reloaded = rules_->Reload();
  // The audit log has no detail column: the outcome carries the version now in force.
  std::string outcome = reloaded.ok() ? "done: " + *reloaded : "failed";
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  domain::AuditEvent event =
      internal::MakeAuditEvent(caller, kAction, kRecordType, 0, outcome, clock_.Now());
  VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(event));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return reloaded;
}

}  // namespace vigil::services
