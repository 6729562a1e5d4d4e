#include "storage/sqlite/screening_repository.h"

#include <string>
#include <utility>

#include "storage/sqlite/row_values.h"

namespace vigil::storage::sqlite {
namespace {

constexpr char kScreeningColumns[] =
    "SELECT id, report_id, force, rules_version, facts_json, result_json, stalking_indicated,"
    " primary_offence, risk_level, item_bank_version, override_offence, override_reason,"
    " risk_override_rationale, screened_by, screened_at FROM screenings";

domain::ScreeningRecord ReadScreening(const Statement& row) {
  domain::ScreeningRecord record;
  record.id = domain::ScreeningId(row.Integer(0));
  record.report_id = domain::ReportId(row.Integer(1));
  record.force = row.Text(2);
  record.rules_version = row.Text(3);
  record.facts_json = row.Text(4);
  record.result_json = row.Text(5);
  record.stalking_indicated = row.Integer(6) != 0;
  record.primary_offence = row.Text(7);
  record.risk_level = row.Text(8);
  record.item_bank_version = row.Text(9);
  record.override_offence = row.Text(10);
  record.override_reason = row.Text(11);
  record.risk_override_rationale = row.Text(12);
  record.screened_by = row.Text(13);
  record.screened_at = TimestampFromSeconds(row.Integer(14));
  return record;
}

}  // namespace

core::Status ScreeningRepository::Insert(domain::ScreeningRecord& record) {
  VIGIL_ASSIGN_OR_RETURN(
      bool report_exists,
      RowExists(connection_, "SELECT 1 FROM reports WHERE id = ?", record.report_id.value));
  if (!report_exists) {
    return core::NotFound("report " + record.report_id.ToString() + " does not exist");
  }
  VIGIL_RETURN_IF_ERROR(RunStatement(
      connection_,
      "INSERT INTO screenings (report_id, force, rules_version, facts_json, result_json,"
      " stalking_indicated, primary_offence, risk_level, item_bank_version, override_offence,"
      " override_reason, risk_override_rationale, screened_by, screened_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      record.report_id.value, record.force, record.rules_version, record.facts_json,
      record.result_json, std::int64_t{record.stalking_indicated ? 1 : 0}, record.primary_offence,
      record.risk_level, record.item_bank_version, record.override_offence, record.override_reason,
      record.risk_override_rationale, record.screened_by, ToSeconds(record.screened_at)));
  record.id = domain::ScreeningId(connection_.LastInsertId());
  return core::Status::Ok();
}

core::Result<domain::ScreeningRecord> ScreeningRepository::Get(domain::ScreeningId id) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement,
                         connection_.Prepare(std::string(kScreeningColumns) + " WHERE id = ?"));
  statement.Bind(1, id.value);
  VIGIL_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return core::NotFound("screening " + id.ToString() + " does not exist");
  return ReadScreening(statement);
}

core::Result<std::vector<domain::ScreeningRecord>> ScreeningRepository::ListByReport(
    domain::ReportId report_id) {
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare(std::string(kScreeningColumns) +
                          " WHERE report_id = ? ORDER BY screened_at DESC, id DESC"));
  statement.Bind(1, report_id.value);
  std::vector<domain::ScreeningRecord> records;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) break;
    records.push_back(ReadScreening(statement));
  }
  return records;
}

}  // namespace vigil::storage::sqlite
