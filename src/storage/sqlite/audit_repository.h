#pragma once
// AuditRepository: the append-only audit log in SQLite. The schema's
// triggers refuse any UPDATE or DELETE of audit_events, so not even a bug
// here could rewrite history. Runs inside the caller's transaction on the
// caller's Connection; not thread-safe beyond that.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit_event.h"
#include "storage/sqlite/connection.h"

namespace vigil::storage::sqlite {

class AuditRepository {
 public:
  explicit AuditRepository(Connection& connection) : connection_(connection) {}

  // Appends `event`; sets `event.id` on success.
  core::Status Append(domain::AuditEvent& event);
  // The events about record (`record_type`, `record_id`), newest first
  // (then id descending), at most `limit`. kInvalidArgument (field "limit")
  // unless 1 <= limit <= 1000.
  core::Result<std::vector<domain::AuditEvent>> List(std::int64_t record_id,
                                                     const std::string& record_type, int limit);

 private:
  Connection& connection_;
};

}  // namespace vigil::storage::sqlite
