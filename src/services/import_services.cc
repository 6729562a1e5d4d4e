// Bulk use cases: all-or-nothing import and streamed export.

#include <map>
#include <set>

#include "services/audit_trail.h"
#include "services/services.h"

namespace vigil::services {

using internal::Authorize;
using storage::TransactionMode;

namespace {

constexpr int kExportPageSize = 500;

// Validates every person, collecting errors under each record's location.
void CheckPersons(std::vector<ImportPerson>& persons, const Caller& caller,
                  const domain::Lookups& lookups, core::Date today, core::ErrorCollector& errors) {
  std::set<std::string> refs;
  for (ImportPerson& item : persons) {
    if (item.person.force.empty()) item.person.force = caller.actor.force;
    domain::NormalisePerson(item.person);
    errors.Merge(item.location, domain::ValidatePerson(item.person, lookups, today));
    domain::Decision decision =
        domain::Decide(caller.actor, "person.import", {"person", item.person.force});
    if (!decision.allowed) errors.Add(item.location + ".force", "not_allowed", decision.reason);
    if (item.ref.empty()) {
      errors.Add(item.location + ".ref", "required", "is required");
    } else if (!refs.insert(item.ref).second) {
      errors.Add(item.location + ".ref", "duplicate",
                 "'" + item.ref + "' is used by another person in this import");
    }
  }
}

// Validates every report, resolving person refs against `refs`.
void CheckReports(std::vector<ImportReport>& reports, const std::set<std::string>& refs,
                  const Caller& caller, const domain::Lookups& lookups, core::Timestamp now,
                  core::ErrorCollector& errors) {
  std::set<std::pair<std::string, std::string>> references;
  for (ImportReport& item : reports) {
    domain::Report& report = item.report;
    if (!report.force_reference.empty() &&
        !references.insert({report.force, report.force_reference}).second) {
      errors.Add(item.location + ".force_reference", "duplicate",
                 "'" + report.force_reference + "' appears more than once in this import");
    }
    if (report.force.empty()) report.force = caller.actor.force;
    report.persons.clear();
    report.case_id.reset();
    errors.Merge(item.location, domain::ValidateReport(report, lookups, now));
    domain::Decision decision =
        domain::Decide(caller.actor, "report.import", {"report", report.force});
    if (!decision.allowed) errors.Add(item.location + ".force", "not_allowed", decision.reason);
    for (std::size_t index = 0; index < item.persons.size(); ++index) {
      const ImportReportPerson& person = item.persons[index];
      std::string field = item.location + ".persons[" + std::to_string(index) + "]";
      if (!person.person_ref.empty()) {
        if (!refs.contains(person.person_ref)) {
          errors.Add(field + ".ref", "unknown_ref",
                     "'" + person.person_ref + "' is not a person in this import");
        }
      } else if (!person.person_id.assigned()) {
        errors.Add(field, "required", "needs a ref or a person_id");
      }
    }
  }
}

}  // namespace

core::Result<ImportSummary> Services::Import(const Caller& caller, ImportBatch batch) {
  core::Timestamp now = clock_.Now();
  core::ErrorCollector errors;
  CheckPersons(batch.persons, caller, lookups_, clock_.Today(), errors);
  std::set<std::string> refs;
  for (const ImportPerson& item : batch.persons) refs.insert(item.ref);
  CheckReports(batch.reports, refs, caller, lookups_, now, errors);
  if (!errors.empty()) return errors.ToStatus("the import has errors; nothing was imported");

  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  std::map<std::string, domain::PersonId> ids;
  for (ImportPerson& item : batch.persons) {
    item.person.created_at = now;
    item.person.updated_at = now;
    core::Status inserted = transaction->InsertPerson(item.person);
    if (!inserted.ok()) {
      return core::Status(inserted.code(),
                          item.location + ": " + inserted.message() + "; nothing was imported");
    }
    ids[item.ref] = item.person.id;
  }
  for (ImportReport& item : batch.reports) {
    for (const ImportReportPerson& person : item.persons) {
      domain::PersonId id = person.person_ref.empty() ? person.person_id : ids[person.person_ref];
      item.report.persons.push_back({id, person.role});
    }
    core::Status valid = domain::ValidateReport(item.report, lookups_, now);
    if (!valid.ok()) {
      errors.Merge(item.location, valid);
      continue;  // Keep checking the rest; nothing will be committed.
    }
    item.report.created_at = now;
    item.report.updated_at = now;
    core::Status inserted = transaction->InsertReport(item.report);
    if (!inserted.ok()) {
      if (inserted.code() != core::StatusCode::kNotFound &&
          inserted.code() != core::StatusCode::kAlreadyExists) {
        return inserted;  // The store failed; the transaction rolls back.
      }
      errors.Add(item.location, std::string(core::StatusCodeName(inserted.code())),
                 inserted.message());
    }
  }
  if (!errors.empty()) return errors.ToStatus("the import has errors; nothing was imported");
  domain::AuditEvent event = internal::MakeAuditEvent(caller, "records.import", "", 0, "done", now);
  event.purpose = std::to_string(batch.persons.size()) + " persons, " +
                  std::to_string(batch.reports.size()) + " reports";
  VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(event));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  for (const ImportPerson& item : batch.persons) IndexPerson(item.person);
  return ImportSummary{static_cast<std::int64_t>(batch.persons.size()),
                       static_cast<std::int64_t>(batch.reports.size())};
}

core::Status Services::Export(const Caller& caller,
                              const std::function<void(const domain::Person&)>& on_person,
                              const std::function<void(const domain::Report&)>& on_report) {
  std::optional<std::string> force;
  VIGIL_RETURN_IF_ERROR(internal::ScopeSearch(caller, force));
  VIGIL_RETURN_IF_ERROR(internal::AuthorizeRead(store_, caller, "records.export", "", 0,
                                                force.value_or(""), clock_.Now()));
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  storage::PersonQuery persons;
  persons.force = force;
  persons.limit = kExportPageSize;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(storage::PersonPage page, transaction->SearchPersons(persons));
    for (const domain::Person& person : page.items) on_person(person);
    if (!page.next_cursor) break;
    persons.cursor = page.next_cursor;
  }
  storage::ReportQuery reports;
  reports.force = force;
  reports.limit = kExportPageSize;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(storage::ReportPage page, transaction->SearchReports(reports));
    for (const domain::Report& report : page.items) on_report(report);
    if (!page.next_cursor) break;
    reports.cursor = page.next_cursor;
  }
  return transaction->Commit();
}

}  // namespace vigil::services
