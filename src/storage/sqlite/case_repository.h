#pragma once
// CaseRepository: cases and their notes in SQLite (tasks are in
// TaskRepository). Notes are append-only: the schema's triggers refuse
// UPDATE and DELETE. Runs inside the caller's transaction on the caller's
// Connection; not thread-safe beyond that.

#include <vector>

#include "core/result.h"
#include "domain/case.h"
#include "domain/note.h"
#include "storage/sqlite/connection.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

class CaseRepository {
 public:
  explicit CaseRepository(Connection& connection) : connection_(connection) {}

  // Stores a new case with version 1; sets `value.id` and `value.version`.
  core::Status InsertCase(domain::Case& value);
  // kNotFound when there is no case `id`.
  core::Result<domain::Case> GetCase(domain::CaseId id);
  // Replaces the stored case when `value.version` is current and bumps the
  // version; created_at is kept as first stored and copied back. kNotFound
  // or kConflict as store.h describes.
  core::Status UpdateCase(domain::Case& value);
  // Cases matching `query`, newest updated first (then id descending).
  // kInvalidArgument for a limit outside 1–500 or a malformed cursor.
  core::Result<CasePage> ListCases(const CaseQuery& query);

  // Appends a note; sets `note.id`. kNotFound when its case does not exist.
  core::Status InsertNote(domain::Note& note);
  // The notes of case `case_id`, oldest first (then by id); empty when the
  // case has none or does not exist.
  core::Result<std::vector<domain::Note>> ListNotes(domain::CaseId case_id);

  // kNotFound ("case 7 does not exist") unless case `id` exists.
  core::Status CheckCaseExists(domain::CaseId id);

 private:
  Connection& connection_;
};

}  // namespace vigil::storage::sqlite
