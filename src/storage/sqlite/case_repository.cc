#include "storage/sqlite/case_repository.h"

#include <string>
#include <utility>

#include "storage/paging.h"
#include "storage/sqlite/row_values.h"
#include "storage/sqlite/sql_filter.h"

namespace vigil::storage::sqlite {
namespace {

constexpr char kCaseColumns[] =
    "SELECT id, version, force, title, owner, supervisor, status, closure_reason, created_at,"
    " updated_at FROM cases";

core::Result<domain::Case> ReadCase(const Statement& row) {
  domain::Case value;
  value.id = domain::CaseId(row.Integer(0));
  value.version = row.Integer(1);
  value.force = row.Text(2);
  value.title = row.Text(3);
  value.owner = row.Text(4);
  value.supervisor = row.Text(5);
  std::string status = row.Text(6);
  std::optional<domain::CaseStatus> parsed = domain::ParseCaseStatus(status);
  if (!parsed) {
    return core::DataLoss("case " + value.id.ToString() + " has the unknown status " + status);
  }
  value.status = *parsed;
  value.closure_reason = row.Text(7);
  value.created_at = TimestampFromSeconds(row.Integer(8));
  value.updated_at = TimestampFromSeconds(row.Integer(9));
  return value;
}

}  // namespace

core::Status CaseRepository::CheckCaseExists(domain::CaseId id) {
  VIGIL_ASSIGN_OR_RETURN(bool exists,
                         RowExists(connection_, "SELECT 1 FROM cases WHERE id = ?", id.value));
  if (!exists) return core::NotFound("case " + id.ToString() + " does not exist");
  return core::Status::Ok();
}

core::Status CaseRepository::InsertCase(domain::Case& value) {
  VIGIL_RETURN_IF_ERROR(RunStatement(
      connection_,
      "INSERT INTO cases (version, force, title, owner, supervisor, status, closure_reason,"
      " created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
      value.force, value.title, value.owner, value.supervisor, domain::CaseStatusName(value.status),
      value.closure_reason, ToSeconds(value.created_at), ToSeconds(value.updated_at)));
  value.id = domain::CaseId(connection_.LastInsertId());
  value.version = 1;
  return core::Status::Ok();
}

core::Result<domain::Case> CaseRepository::GetCase(domain::CaseId id) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement,
                         connection_.Prepare(std::string(kCaseColumns) + " WHERE id = ?"));
  statement.Bind(1, id.value);
  VIGIL_ASSIGN_OR_RETURN(bool found, statement.Step());
  if (!found) return core::NotFound("case " + id.ToString() + " does not exist");
  return ReadCase(statement);
}

core::Status CaseRepository::UpdateCase(domain::Case& value) {
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare("UPDATE cases SET version = version + 1, force = ?, title = ?,"
                          " owner = ?, supervisor = ?, status = ?, closure_reason = ?,"
                          " updated_at = ? WHERE id = ? AND version = ?"
                          " RETURNING version, created_at"));
  statement.Bind(1, std::string_view(value.force))
      .Bind(2, std::string_view(value.title))
      .Bind(3, std::string_view(value.owner))
      .Bind(4, std::string_view(value.supervisor))
      .Bind(5, domain::CaseStatusName(value.status))
      .Bind(6, std::string_view(value.closure_reason))
      .Bind(7, ToSeconds(value.updated_at))
      .Bind(8, value.id.value)
      .Bind(9, value.version);
  VIGIL_ASSIGN_OR_RETURN(bool updated, statement.Step());
  if (!updated) return MissingOrStale(connection_, "cases", "case", value.id.value, value.version);
  std::int64_t version = statement.Integer(0);
  core::Timestamp created_at = TimestampFromSeconds(statement.Integer(1));
  VIGIL_RETURN_IF_ERROR(statement.Run());
  value.version = version;
  value.created_at = created_at;
  return core::Status::Ok();
}

core::Result<CasePage> CaseRepository::ListCases(const CaseQuery& query) {
  VIGIL_RETURN_IF_ERROR(CheckLimit(query.limit, 1, 500));
  std::optional<KeysetCursor> cursor;
  if (query.cursor) {
    VIGIL_ASSIGN_OR_RETURN(cursor, ParseKeysetCursor(*query.cursor));
  }
  SqlFilter filter;
  if (query.force) filter.Add("force = ?", {*query.force});
  if (query.owner) filter.Add("owner = ?", {*query.owner});
  if (query.status) filter.Add("status = ?", {std::string(domain::CaseStatusName(*query.status))});
  CasePage page;
  {
    VIGIL_ASSIGN_OR_RETURN(Statement count,
                           connection_.Prepare("SELECT count(*) FROM cases" + filter.Where()));
    filter.BindTo(count);
    VIGIL_ASSIGN_OR_RETURN(bool row, count.Step());
    if (row) page.total = count.Integer(0);
  }
  if (cursor) filter.Add("(updated_at, id) < (?, ?)", {cursor->key, cursor->id});
  VIGIL_ASSIGN_OR_RETURN(Statement select,
                         connection_.Prepare(std::string(kCaseColumns) + filter.Where() +
                                             " ORDER BY updated_at DESC, id DESC LIMIT ?"));
  int next = filter.BindTo(select);
  select.Bind(next, std::int64_t{query.limit} + 1);
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    if (page.items.size() == static_cast<std::size_t>(query.limit)) {
      const domain::Case& last = page.items.back();
      page.next_cursor = FormatKeysetCursor({ToSeconds(last.updated_at), last.id.value});
      break;
    }
    VIGIL_ASSIGN_OR_RETURN(domain::Case value, ReadCase(select));
    page.items.push_back(std::move(value));
  }
  return page;
}

core::Status CaseRepository::InsertNote(domain::Note& note) {
  VIGIL_RETURN_IF_ERROR(CheckCaseExists(note.case_id));
  VIGIL_RETURN_IF_ERROR(RunStatement(
      connection_, "INSERT INTO notes (case_id, author, text, created_at) VALUES (?, ?, ?, ?)",
      note.case_id.value, note.author, note.text, ToSeconds(note.created_at)));
  note.id = domain::NoteId(connection_.LastInsertId());
  return core::Status::Ok();
}

core::Result<std::vector<domain::Note>> CaseRepository::ListNotes(domain::CaseId case_id) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement,
                         connection_.Prepare("SELECT id, case_id, author, text, created_at"
                                             " FROM notes WHERE case_id = ?"
                                             " ORDER BY created_at, id"));
  statement.Bind(1, case_id.value);
  std::vector<domain::Note> notes;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) break;
    domain::Note note;
    note.id = domain::NoteId(statement.Integer(0));
    note.case_id = domain::CaseId(statement.Integer(1));
    note.author = statement.Text(2);
    note.text = statement.Text(3);
    note.created_at = TimestampFromSeconds(statement.Integer(4));
    notes.push_back(std::move(note));
  }
  return notes;
}

}  // namespace vigil::storage::sqlite
