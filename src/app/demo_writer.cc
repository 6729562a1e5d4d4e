#include "app/demo_writer.h"

#include <chrono>
#include <utility>
#include <vector>

namespace vigil::app {
namespace {

// The legal moves (domain/case.h) that take a new case to `target`.
std::vector<domain::CaseStatus> PathTo(domain::CaseStatus target) {
  using domain::CaseStatus;
  switch (target) {
    case CaseStatus::kOpen:
      return {};
    case CaseStatus::kUnderInvestigation:
      return {CaseStatus::kUnderInvestigation};
    case CaseStatus::kAwaitingReview:
      return {CaseStatus::kUnderInvestigation, CaseStatus::kAwaitingReview};
    case CaseStatus::kClosed:
      return {CaseStatus::kUnderInvestigation, CaseStatus::kClosed};
  }
  return {};
}

// The officer doing a piece of case work, so the case history and the audit
// log show who did what (notes carry their author, tasks who completed them).
services::Caller Officer(const services::Caller& base, const std::string& user_id,
                         const std::string& force, const std::string& role) {
  services::Caller caller = base;
  caller.actor = domain::Actor{user_id, user_id, {role}, force, ""};
  return caller;
}

}  // namespace

core::Result<StoredReports> FindStoredReports(storage::Store& store,
                                              const std::vector<DemoCase>& cases) {
  StoredReports stored;
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store.Begin(storage::TransactionMode::kRead));
  for (const DemoCase& planned : cases) {
    for (const std::string& force_reference : planned.force_references) {
      storage::ReportQuery query;
      query.force = planned.value.force;
      query.force_reference = force_reference;
      query.limit = 1;
      VIGIL_ASSIGN_OR_RETURN(storage::ReportPage page, transaction->SearchReports(query));
      if (page.items.empty()) continue;
      const domain::Report& report = page.items.front();
      stored[{report.force, report.force_reference}] = {report.id, report.version};
    }
  }
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return stored;
}

core::Status WriteDemoCase(services::Services& services, const services::Caller& caller,
                           const DemoCase& planned, const StoredReports& stored,
                           DemoSummary& summary) {
  // Bulk steps run as `caller` (the operator); the case's own history is
  // written as its owner and supervisor.
  const std::string& force = planned.value.force;
  services::Caller owner = Officer(caller, planned.value.owner, force, "investigator");
  services::Caller supervisor = Officer(caller, planned.value.supervisor, force, "supervisor");
  domain::Case value = planned.value;
  value.status = domain::CaseStatus::kOpen;
  VIGIL_ASSIGN_OR_RETURN(domain::Case opened, services.OpenCase(owner, value));
  ++summary.cases;
  if (opened.owner != planned.value.owner || opened.supervisor != planned.value.supervisor) {
    VIGIL_ASSIGN_OR_RETURN(
        opened, services.AssignCase(supervisor, opened.id, opened.version, planned.value.owner,
                                    planned.value.supervisor));
  }
  for (const std::string& force_reference : planned.force_references) {
    auto found = stored.find({force, force_reference});
    if (found == stored.end()) {
      return core::NotFound("demo report " + force_reference + " was not stored");
    }
    VIGIL_ASSIGN_OR_RETURN(
        domain::Report attached,
        services.AttachReportToCase(owner, found->second.id, found->second.version, opened.id));
    (void)attached;
  }
  for (domain::CaseStatus step : PathTo(planned.status)) {
    bool closing = step == domain::CaseStatus::kClosed;
    VIGIL_ASSIGN_OR_RETURN(
        opened, services.MoveCase(closing ? supervisor : owner, opened.id, opened.version, step,
                                  closing ? planned.closure_reason : ""));
  }
  for (const domain::Task& planned_task : planned.tasks) {
    domain::Task task = planned_task;
    task.case_id = opened.id;
    task.done = false;
    VIGIL_ASSIGN_OR_RETURN(domain::Task added, services.AddTask(supervisor, task));
    if (planned_task.done) {
      const services::Caller& doer = task.owner.empty() ? supervisor : owner;
      VIGIL_ASSIGN_OR_RETURN(added, services.CompleteTask(doer, added.id, added.version));
    }
    ++summary.tasks;
  }
  for (const domain::Note& planned_note : planned.notes) {
    domain::Note note = planned_note;
    note.case_id = opened.id;
    const services::Caller& author = note.author == planned.value.supervisor ? supervisor : owner;
    VIGIL_ASSIGN_OR_RETURN(domain::Note added, services.AddNote(author, note));
    (void)added;
    ++summary.notes;
  }
  return core::Status::Ok();
}

core::Result<DemoSummary> WriteDemoData(storage::Store& store, services::Services& services,
                                        const services::Caller& caller, const DemoOptions& options,
                                        const std::function<void(const DemoSummary&)>& on_batch) {
  DemoDataGenerator generator(options, services.clock().Now());
  DemoSummary summary;
  using Seconds = std::chrono::duration<double>;
  while (std::optional<DemoBatch> batch = generator.NextBatch()) {
    std::vector<DemoCase> cases = std::move(batch->cases);
    auto started = std::chrono::steady_clock::now();
    VIGIL_ASSIGN_OR_RETURN(services::ImportSummary imported,
                           services.Import(caller, std::move(batch->import)));
    auto imported_at = std::chrono::steady_clock::now();
    summary.import_seconds += Seconds(imported_at - started).count();
    summary.persons += imported.persons;
    summary.reports += imported.reports;
    VIGIL_ASSIGN_OR_RETURN(StoredReports stored, FindStoredReports(store, cases));
    for (const DemoCase& planned : cases) {
      VIGIL_RETURN_IF_ERROR(WriteDemoCase(services, caller, planned, stored, summary));
    }
    summary.case_work_seconds += Seconds(std::chrono::steady_clock::now() - imported_at).count();
    if (on_batch) on_batch(summary);
  }
  return summary;
}

}  // namespace vigil::app
