// The audit log's use cases: who did what to a record, verifying the hash
// chain, and exporting entries.

#include <string>
#include <utility>

#include "services/audit_trail.h"
#include "services/services.h"

namespace vigil::services {
namespace {

using internal::AuthorizeRead;
using storage::TransactionMode;

// The force that owns record (`record_type`, `record_id`): kNotFound when
// there is no such record, kInvalidArgument for a record type without an
// audit view.
core::Result<std::string> OwningForce(storage::Transaction& transaction,
                                      const std::string& record_type, std::int64_t record_id) {
  if (record_type == "report") {
    VIGIL_ASSIGN_OR_RETURN(auto report, transaction.GetReport(domain::ReportId(record_id)));
    return report.force;
  }
  if (record_type == "case") {
    VIGIL_ASSIGN_OR_RETURN(auto value, transaction.GetCase(domain::CaseId(record_id)));
    return value.force;
  }
  if (record_type == "person") {
    VIGIL_ASSIGN_OR_RETURN(auto person, transaction.GetPerson(domain::PersonId(record_id)));
    return person.force;
  }
  if (record_type == "task") {
    VIGIL_ASSIGN_OR_RETURN(auto task, transaction.GetTask(domain::TaskId(record_id)));
    VIGIL_ASSIGN_OR_RETURN(auto value, transaction.GetCase(task.case_id));
    return value.force;
  }
  if (record_type == "screening") {
    VIGIL_ASSIGN_OR_RETURN(auto screening,
                           transaction.GetScreening(domain::ScreeningId(record_id)));
    return screening.force;
  }
  return core::InvalidArgument(
      "the record type has no audit view",
      {{"record_type", "invalid", "must be report, case, person, task or screening"}});
}

}  // namespace

core::Result<storage::AuditPage> Services::ListRecordAudit(const Caller& caller,
                                                           storage::AuditQuery query) {
  if (query.record_id <= 0) {
    return core::InvalidArgument("the record id must be a positive number",
                                 {{"record_id", "invalid", "must be a positive number"}});
  }
  storage::AuditPage page;
  std::string force;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
    VIGIL_ASSIGN_OR_RETURN(force, OwningForce(*transaction, query.record_type, query.record_id));
    VIGIL_ASSIGN_OR_RETURN(page, transaction->SearchAudit(query));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "audit.read", query.record_type,
                                      query.record_id, force, clock_.Now()));
  return page;
}

core::Result<domain::AuditChainReport> Services::VerifyAudit(
    const Caller& caller, std::vector<domain::AuditCheckpoint> checkpoints) {
  VIGIL_RETURN_IF_ERROR(
      AuthorizeRead(store_, caller, "audit.verify", "audit_event", 0, "", clock_.Now()));
  domain::AuditChainVerifier verifier(std::move(checkpoints));
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  bool stopped = false;
  core::Status scanned = transaction->ScanAudit({}, [&](const domain::AuditEvent& event) {
    if (verifier.Add(event)) return core::Status::Ok();
    // Stop reading at the first bad entry: it is the one reported.
    stopped = true;
    return core::FailedPrecondition("stopped at the first bad entry");
  });
  if (!scanned.ok() && !stopped) return scanned;
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return verifier.Finish();
}

core::Status Services::ExportAudit(const Caller& caller, const storage::AuditScan& scan,
                                   const storage::AuditVisitor& visit) {
  VIGIL_RETURN_IF_ERROR(
      AuthorizeRead(store_, caller, "audit.export", "audit_event", 0, "", clock_.Now()));
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  VIGIL_RETURN_IF_ERROR(transaction->ScanAudit(scan, visit));
  return transaction->Commit();
}

}  // namespace vigil::services
