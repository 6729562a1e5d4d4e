#include "storage/sqlite/audit_repository.h"

#include <utility>

#include "storage/paging.h"
#include "storage/sqlite/row_values.h"

namespace vigil::storage::sqlite {

core::Status AuditRepository::Append(domain::AuditEvent& event) {
  VIGIL_RETURN_IF_ERROR(RunStatement(
      connection_,
      "INSERT INTO audit_events (at, user_id, roles, force, agency, action, record_type,"
      " record_id, purpose, outcome, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ToSeconds(event.at), event.user_id, event.roles, event.force, event.agency, event.action,
      event.record_type, event.record_id, event.purpose, event.outcome, event.request_id));
  event.id = domain::AuditEventId(connection_.LastInsertId());
  return core::Status::Ok();
}

core::Result<std::vector<domain::AuditEvent>> AuditRepository::List(std::int64_t record_id,
                                                                    const std::string& record_type,
                                                                    int limit) {
  VIGIL_RETURN_IF_ERROR(CheckLimit(limit, 1, 1000));
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare("SELECT id, at, user_id, roles, force, agency, action, record_type,"
                          " record_id, purpose, outcome, request_id FROM audit_events"
                          " WHERE record_type = ? AND record_id = ?"
                          " ORDER BY at DESC, id DESC LIMIT ?"));
  statement.Bind(1, std::string_view(record_type)).Bind(2, record_id).Bind(3, std::int64_t{limit});
  std::vector<domain::AuditEvent> events;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) break;
    domain::AuditEvent event;
    event.id = domain::AuditEventId(statement.Integer(0));
    event.at = TimestampFromSeconds(statement.Integer(1));
    event.user_id = statement.Text(2);
    event.roles = statement.Text(3);
    event.force = statement.Text(4);
    event.agency = statement.Text(5);
    event.action = statement.Text(6);
    event.record_type = statement.Text(7);
    event.record_id = statement.Integer(8);
    event.purpose = statement.Text(9);
    event.outcome = statement.Text(10);
    event.request_id = statement.Text(11);
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace vigil::storage::sqlite
