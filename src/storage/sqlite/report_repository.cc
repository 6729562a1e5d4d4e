#include "storage/sqlite/report_repository.h"

#include <map>
#include <string>
#include <utility>

#include "storage/sqlite/person_repository.h"
#include "storage/sqlite/row_values.h"

namespace vigil::storage::sqlite {
namespace {

// The uniqueness the schema enforces on a report's lists, checked first so
// the caller gets field errors rather than a constraint failure.
core::Status CheckParts(const domain::Report& report) {
  core::ErrorCollector errors;
  std::set<std::string> classifications = {report.principal_classification};
  for (std::size_t index = 0; index < report.included_classifications.size(); ++index) {
    if (!classifications.insert(report.included_classifications[index]).second) {
      errors.Add("included_classifications[" + std::to_string(index) + "]", "duplicate",
                 "repeats the principal or another included classification");
    }
  }
  std::set<std::pair<std::int64_t, domain::PersonRole>> roles;
  for (std::size_t index = 0; index < report.persons.size(); ++index) {
    const domain::ReportPerson& person = report.persons[index];
    if (!roles.insert({person.person_id.value, person.role}).second) {
      errors.Add("persons[" + std::to_string(index) + "]", "duplicate",
                 "lists the same person in the same role twice");
    }
  }
  return errors.ToStatus("report is invalid");
}

core::Status DuplicateReference(const domain::Report& report) {
  return core::AlreadyExists("report reference " + report.force_reference +
                             " already exists in force " + report.force);
}

}  // namespace

core::Status ReportRepository::Insert(domain::Report& report) {
  VIGIL_RETURN_IF_ERROR(CheckParts(report));
  VIGIL_RETURN_IF_ERROR(CheckReferences(report));
  std::optional<std::int64_t> case_id;
  if (report.case_id) case_id = report.case_id->value;
  core::Status inserted = RunStatement(
      connection_,
      "INSERT INTO reports (version, force, force_reference, received_at, reporting_officer,"
      " narrative, case_id, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
      report.force, report.force_reference, ToSeconds(report.received_at), report.reporting_officer,
      report.narrative, case_id, ToSeconds(report.created_at), ToSeconds(report.updated_at));
  if (inserted.code() == core::StatusCode::kAlreadyExists) return DuplicateReference(report);
  VIGIL_RETURN_IF_ERROR(inserted);
  std::int64_t id = connection_.LastInsertId();
  VIGIL_ASSIGN_OR_RETURN(std::vector<std::int64_t> occasion_ids, InsertParts(id, report, {}));
  report.id = domain::ReportId(id);
  report.version = 1;
  for (std::size_t index = 0; index < occasion_ids.size(); ++index) {
    report.occasions[index].id = domain::OccasionId(occasion_ids[index]);
  }
  return core::Status::Ok();
}

core::Result<domain::Report> ReportRepository::Get(domain::ReportId id) {
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::Report> reports, Load({id.value}));
  if (reports.empty()) return core::NotFound("report " + id.ToString() + " does not exist");
  return std::move(reports.front());
}

core::Status ReportRepository::Update(domain::Report& report) {
  VIGIL_RETURN_IF_ERROR(CheckParts(report));
  std::optional<std::int64_t> case_id;
  if (report.case_id) case_id = report.case_id->value;
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare("UPDATE reports SET version = version + 1, force = ?,"
                          " force_reference = ?, received_at = ?, reporting_officer = ?,"
                          " narrative = ?, case_id = ?, updated_at = ?"
                          " WHERE id = ? AND version = ? RETURNING version, created_at"));
  statement.Bind(1, std::string_view(report.force))
      .Bind(2, std::string_view(report.force_reference))
      .Bind(3, ToSeconds(report.received_at))
      .Bind(4, std::string_view(report.reporting_officer))
      .Bind(5, std::string_view(report.narrative))
      .Bind(6, case_id)
      .Bind(7, ToSeconds(report.updated_at))
      .Bind(8, report.id.value)
      .Bind(9, report.version);
  core::Result<bool> updated = statement.Step();
  if (updated.status().code() == core::StatusCode::kAlreadyExists) {
    return DuplicateReference(report);
  }
  if (updated.status().code() == core::StatusCode::kNotFound) {
    // A foreign key failed: name what is missing.
    core::Status references = CheckReferences(report);
    return references.ok() ? updated.status() : references;
  }
  VIGIL_RETURN_IF_ERROR(updated.status());
  if (!*updated) {
    return MissingOrStale(connection_, "reports", "report", report.id.value, report.version);
  }
  std::int64_t version = statement.Integer(0);
  core::Timestamp created_at = TimestampFromSeconds(statement.Integer(1));
  VIGIL_RETURN_IF_ERROR(statement.Run());
  VIGIL_RETURN_IF_ERROR(CheckReferences(report));

  std::set<std::int64_t> existing_occasion_ids;
  {
    VIGIL_ASSIGN_OR_RETURN(Statement occasions,
                           connection_.Prepare("SELECT id FROM occasions WHERE report_id = ?"));
    occasions.Bind(1, report.id.value);
    while (true) {
      VIGIL_ASSIGN_OR_RETURN(bool row, occasions.Step());
      if (!row) break;
      existing_occasion_ids.insert(occasions.Integer(0));
    }
  }
  core::ErrorCollector errors;
  for (std::size_t index = 0; index < report.occasions.size(); ++index) {
    const domain::OccasionId& id = report.occasions[index].id;
    if (id.assigned() && existing_occasion_ids.count(id.value) == 0) {
      errors.Add("occasions[" + std::to_string(index) + "].id", "unknown_value",
                 "is not an occasion of report " + report.id.ToString());
    }
  }
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("report is invalid"));
  VIGIL_RETURN_IF_ERROR(DeleteParts(report.id.value));
  VIGIL_ASSIGN_OR_RETURN(std::vector<std::int64_t> occasion_ids,
                         InsertParts(report.id.value, report, existing_occasion_ids));
  report.version = version;
  report.created_at = created_at;
  for (std::size_t index = 0; index < occasion_ids.size(); ++index) {
    report.occasions[index].id = domain::OccasionId(occasion_ids[index]);
  }
  return core::Status::Ok();
}

core::Status ReportRepository::CheckReferences(const domain::Report& report) {
  std::vector<std::int64_t> person_ids;
  for (const domain::ReportPerson& person : report.persons) {
    person_ids.push_back(person.person_id.value);
  }
  VIGIL_RETURN_IF_ERROR(PersonRepository(connection_).CheckExist(person_ids));
  if (report.case_id) {
    VIGIL_ASSIGN_OR_RETURN(bool exists, RowExists(connection_, "SELECT 1 FROM cases WHERE id = ?",
                                                  report.case_id->value));
    if (!exists) return core::NotFound("case " + report.case_id->ToString() + " does not exist");
  }
  return core::Status::Ok();
}

core::Result<std::vector<std::int64_t>> ReportRepository::InsertParts(
    std::int64_t report_id, const domain::Report& report,
    const std::set<std::int64_t>& kept_occasion_ids) {
  std::int64_t received_at = ToSeconds(report.received_at);
  VIGIL_RETURN_IF_ERROR(RunStatement(connection_,
                                     "INSERT INTO report_classifications (report_id,"
                                     " classification, is_principal, position, received_at, force)"
                                     " VALUES (?, ?, 1, 0, ?, ?)",
                                     report_id, report.principal_classification, received_at,
                                     report.force));
  for (std::size_t index = 0; index < report.included_classifications.size(); ++index) {
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_,
        "INSERT INTO report_classifications (report_id, classification, is_principal, position,"
        " received_at, force) VALUES (?, ?, 0, ?, ?, ?)",
        report_id, report.included_classifications[index], static_cast<std::int64_t>(index + 1),
        received_at, report.force));
  }
  for (std::size_t index = 0; index < report.persons.size(); ++index) {
    const domain::ReportPerson& person = report.persons[index];
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_,
        "INSERT INTO report_persons (report_id, position, person_id, role) VALUES (?, ?, ?, ?)",
        report_id, static_cast<std::int64_t>(index), person.person_id.value,
        domain::PersonRoleName(person.role)));
  }
  std::vector<std::int64_t> occasion_ids;
  for (std::size_t index = 0; index < report.occasions.size(); ++index) {
    const domain::Occasion& occasion = report.occasions[index];
    std::optional<std::int64_t> id;
    if (kept_occasion_ids.count(occasion.id.value) > 0) id = occasion.id.value;
    std::optional<std::int64_t> minute;
    if (occasion.occurred_at_minute) minute = *occasion.occurred_at_minute;
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_,
        "INSERT INTO occasions (id, report_id, position, occurred_on, occurred_at_minute,"
        " location_description, location_postcode, channel, summary)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, report_id, static_cast<std::int64_t>(index), ToDays(occasion.occurred_on), minute,
        occasion.location.description, occasion.location.postcode, occasion.channel,
        occasion.summary));
    std::int64_t occasion_id = connection_.LastInsertId();
    occasion_ids.push_back(occasion_id);
    for (std::size_t behaviour = 0; behaviour < occasion.behaviours.size(); ++behaviour) {
      VIGIL_RETURN_IF_ERROR(RunStatement(connection_,
                                         "INSERT INTO occasion_behaviours (occasion_id, position,"
                                         " behaviour) VALUES (?, ?, ?)",
                                         occasion_id, static_cast<std::int64_t>(behaviour),
                                         occasion.behaviours[behaviour]));
    }
  }
  return occasion_ids;
}

core::Status ReportRepository::DeleteParts(std::int64_t report_id) {
  // Deleting occasions deletes their behaviours (ON DELETE CASCADE).
  for (const char* table : {"report_classifications", "report_persons", "occasions"}) {
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_, std::string("DELETE FROM ") + table + " WHERE report_id = ?", report_id));
  }
  return core::Status::Ok();
}

}  // namespace vigil::storage::sqlite
