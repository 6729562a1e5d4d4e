#include "storage/sqlite/audit_repository.h"

#include <chrono>
#include <optional>
#include <utility>

#include "domain/audit_chain.h"
#include "storage/paging.h"
#include "storage/sqlite/row_values.h"
#include "storage/sqlite/sql_filter.h"

namespace vigil::storage::sqlite {
namespace {

constexpr char kColumns[] =
    "id, at, user_id, roles, force, agency, action, record_type, record_id, purpose, outcome,"
    " request_id, reason, prev_hash, hash";

domain::AuditEvent ReadEvent(const Statement& statement) {
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
  event.reason = statement.Text(12);
  event.prev_hash = statement.Text(13);
  event.hash = statement.Text(14);
  return event;
}

// Steps `statement` to the end, reading each row as an event.
core::Result<std::vector<domain::AuditEvent>> ReadEvents(Statement& statement) {
  std::vector<domain::AuditEvent> events;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) break;
    events.push_back(ReadEvent(statement));
  }
  return events;
}

// The id and hash of the last entry, or nothing when the log is empty.
core::Result<std::optional<std::pair<std::int64_t, std::string>>> LastEntry(
    Connection& connection) {
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection.Prepare("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1"));
  VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
  if (!row) return std::optional<std::pair<std::int64_t, std::string>>();
  return std::optional(std::make_pair(statement.Integer(0), statement.Text(1)));
}

core::Status Insert(Connection& connection, domain::AuditEvent& event, std::int64_t id,
                    std::string prev_hash) {
  event.id = domain::AuditEventId(id);
  event.prev_hash = std::move(prev_hash);
  event.hash = domain::AuditEventHash(event);
  return RunStatement(
      connection,
      "INSERT INTO audit_events (id, at, user_id, roles, force, agency, action, record_type,"
      " record_id, purpose, outcome, request_id, reason, prev_hash, hash)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      event.id.value, ToSeconds(event.at), event.user_id, event.roles, event.force, event.agency,
      event.action, event.record_type, event.record_id, event.purpose, event.outcome,
      event.request_id, event.reason, event.prev_hash, event.hash);
}

}  // namespace

core::Status AuditRepository::Append(domain::AuditEvent& event) {
  VIGIL_ASSIGN_OR_RETURN(auto last, LastEntry(connection_));
  // An empty last hash (an entry added around vigil) is chained to as it
  // is: appending goes on, and `vigil audit verify` reports the entry.
  if (!last) return Insert(connection_, event, 1, std::string(domain::kAuditGenesisHash));
  return Insert(connection_, event, last->first + 1, last->second);
}

core::Status AuditRepository::AppendAfter(domain::AuditEvent& event, const std::string& prev_hash) {
  VIGIL_ASSIGN_OR_RETURN(auto last, LastEntry(connection_));
  return Insert(connection_, event, last ? last->first + 1 : 1, prev_hash);
}

core::Result<std::vector<domain::AuditEvent>> AuditRepository::List(std::int64_t record_id,
                                                                    const std::string& record_type,
                                                                    int limit) {
  VIGIL_RETURN_IF_ERROR(CheckLimit(limit, 1, 1000));
  VIGIL_ASSIGN_OR_RETURN(Statement statement,
                         connection_.Prepare(std::string("SELECT ") + kColumns +
                                             " FROM audit_events"
                                             " WHERE record_type = ? AND record_id = ?"
                                             " ORDER BY at DESC, id DESC LIMIT ?"));
  statement.Bind(1, std::string_view(record_type)).Bind(2, record_id).Bind(3, std::int64_t{limit});
  return ReadEvents(statement);
}

core::Result<AuditPage> AuditRepository::Search(const AuditQuery& query) {
  VIGIL_RETURN_IF_ERROR(CheckLimit(query.limit, 1, 500));
  std::optional<KeysetCursor> cursor;
  if (query.cursor) {
    VIGIL_ASSIGN_OR_RETURN(cursor, ParseKeysetCursor(*query.cursor));
  }
  AuditPage page;
  {
    VIGIL_ASSIGN_OR_RETURN(Statement count,
                           connection_.Prepare("SELECT count(*) FROM audit_events"
                                               " WHERE record_type = ? AND record_id = ?"));
    count.Bind(1, std::string_view(query.record_type)).Bind(2, query.record_id);
    VIGIL_ASSIGN_OR_RETURN(bool row, count.Step());
    if (row) page.total = count.Integer(0);
  }
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare(std::string("SELECT ") + kColumns +
                          " FROM audit_events WHERE record_type = ? AND record_id = ?"
                          " AND (? OR (at, id) < (?, ?)) ORDER BY at DESC, id DESC LIMIT ?"));
  statement.Bind(1, std::string_view(query.record_type))
      .Bind(2, query.record_id)
      .Bind(3, std::int64_t{cursor ? 0 : 1})
      .Bind(4, cursor ? cursor->key : 0)
      .Bind(5, cursor ? cursor->id : 0)
      .Bind(6, std::int64_t{query.limit} + 1);
  VIGIL_ASSIGN_OR_RETURN(page.items, ReadEvents(statement));
  if (page.items.size() > static_cast<std::size_t>(query.limit)) {
    page.items.pop_back();
    const domain::AuditEvent& last = page.items.back();
    page.next_cursor = FormatKeysetCursor({ToSeconds(last.at), last.id.value});
  }
  return page;
}

core::Status AuditRepository::Scan(const AuditScan& scan, const AuditVisitor& visit) {
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare(std::string("SELECT ") + kColumns +
                          " FROM audit_events WHERE id > ? AND (? IS NULL OR at >= ?)"
                          " AND (? IS NULL OR at < ?) ORDER BY id"));
  std::optional<std::int64_t> from = ToSeconds(scan.from);
  std::optional<std::int64_t> to = ToSeconds(scan.to);
  statement.Bind(1, scan.after.value).Bind(2, from).Bind(3, from).Bind(4, to).Bind(5, to);
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return core::Status::Ok();
    VIGIL_RETURN_IF_ERROR(visit(ReadEvent(statement)));
  }
}

core::Status StartAuditChain(Connection& connection) {
  domain::LegacyAuditDigest digest;
  std::int64_t last_id = 0;
  VIGIL_RETURN_IF_ERROR(AuditRepository(connection).Scan({}, [&](const domain::AuditEvent& event) {
    digest.Add(event);
    last_id = event.id.value;
    return core::Status::Ok();
  }));
  if (digest.count() == 0) return core::Status::Ok();
  domain::AuditEvent start;
  start.at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  start.user_id = "vigil";
  start.roles = "system";
  start.action = std::string(domain::kAuditChainStartAction);
  start.record_type = "audit_event";
  start.record_id = last_id;
  start.purpose = "audit";
  start.outcome = "allowed";
  start.reason = "starts the hash chain over the " + std::to_string(digest.count()) +
                 " audit entries stored before it (entries 1 to " + std::to_string(last_id) + ")";
  return AuditRepository(connection).AppendAfter(start, digest.Hex());
}

}  // namespace vigil::storage::sqlite
