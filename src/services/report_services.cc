// Report use cases: create, view, add an occasion, classify, add a person,
// search.

#include "services/audit_trail.h"
#include "services/services.h"

namespace vigil::services {

using internal::Authorize;
using internal::AuthorizeRead;
using internal::CheckVersion;
using storage::TransactionMode;

namespace {

// Loads a report for a change: checks it exists, the caller may change it
// and `expected_version` is current.
core::Result<domain::Report> LoadForChange(storage::Transaction& transaction, const Caller& caller,
                                           std::string_view action, domain::ReportId id,
                                           std::int64_t expected_version, core::Timestamp now) {
  VIGIL_ASSIGN_OR_RETURN(domain::Report report, transaction.GetReport(id));
  VIGIL_RETURN_IF_ERROR(
      Authorize(transaction, caller, action, "report", id.value, report.force, now));
  VIGIL_RETURN_IF_ERROR(CheckVersion("report", expected_version, report.version));
  return report;
}

}  // namespace

core::Result<domain::Report> Services::CreateReport(const Caller& caller, domain::Report report) {
  core::Timestamp now = clock_.Now();
  if (report.force.empty()) report.force = caller.actor.force;
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, "report.create", "report", 0, report.force, now));
  VIGIL_RETURN_IF_ERROR(domain::ValidateReport(report, lookups_, now));
  if (report.case_id) {
    VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(*report.case_id));
    if (value.force != report.force) {
      return core::InvalidArgument("the case belongs to another force",
                                   {{"case_id", "other_force", "belongs to another force"}});
    }
  }
  report.created_at = now;
  report.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->InsertReport(report));
  domain::AuditEvent event =
      internal::MakeAuditEvent(caller, "report.created", "report", report.id.value, "done", now);
  VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(event));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return report;
}

core::Result<domain::Report> Services::GetReport(const Caller& caller, domain::ReportId id) {
  domain::Report report;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
    VIGIL_ASSIGN_OR_RETURN(report, transaction->GetReport(id));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  VIGIL_RETURN_IF_ERROR(
      AuthorizeRead(store_, caller, "report.view", "report", id.value, report.force, clock_.Now()));
  return report;
}

core::Result<domain::Report> Services::AddOccasion(const Caller& caller, domain::ReportId id,
                                                   std::int64_t expected_version,
                                                   domain::Occasion occasion) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(
      domain::Report report,
      LoadForChange(*transaction, caller, "report.add_occasion", id, expected_version, now));
  occasion.id = domain::OccasionId();
  report.occasions.push_back(std::move(occasion));
  VIGIL_RETURN_IF_ERROR(domain::ValidateReport(report, lookups_, now));
  report.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->UpdateReport(report));
  VIGIL_ASSIGN_OR_RETURN(domain::Report updated, transaction->GetReport(id));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return updated;
}

core::Result<domain::Report> Services::ClassifyReport(const Caller& caller, domain::ReportId id,
                                                      std::int64_t expected_version,
                                                      std::string principal,
                                                      std::vector<std::string> included) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(
      domain::Report report,
      LoadForChange(*transaction, caller, "report.classify", id, expected_version, now));
  report.principal_classification = std::move(principal);
  report.included_classifications = std::move(included);
  VIGIL_RETURN_IF_ERROR(domain::ValidateReport(report, lookups_, now));
  report.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->UpdateReport(report));
  VIGIL_ASSIGN_OR_RETURN(domain::Report updated, transaction->GetReport(id));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return updated;
}

core::Result<domain::Report> Services::AddPersonToReport(const Caller& caller, domain::ReportId id,
                                                         std::int64_t expected_version,
                                                         domain::ReportPerson person) {
  core::Timestamp now = clock_.Now();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(
      domain::Report report,
      LoadForChange(*transaction, caller, "report.add_person", id, expected_version, now));
  core::Result<domain::Person> stored = transaction->GetPerson(person.person_id);
  if (!stored.ok()) {
    if (stored.status().code() != core::StatusCode::kNotFound) return stored.status();
    return core::NotFound("person " + person.person_id.ToString() + " does not exist");
  }
  report.persons.push_back(person);
  VIGIL_RETURN_IF_ERROR(domain::ValidateReport(report, lookups_, now));
  report.updated_at = now;
  VIGIL_RETURN_IF_ERROR(transaction->UpdateReport(report));
  VIGIL_ASSIGN_OR_RETURN(domain::Report updated, transaction->GetReport(id));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return updated;
}

core::Result<storage::ReportPage> Services::SearchReports(const Caller& caller,
                                                          storage::ReportQuery query) {
  VIGIL_RETURN_IF_ERROR(internal::ScopeSearch(caller, query.force));
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "report.search", "report", 0,
                                      query.force.value_or(""), clock_.Now()));
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  VIGIL_ASSIGN_OR_RETURN(storage::ReportPage page, transaction->SearchReports(query));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return page;
}

}  // namespace vigil::services
