#pragma once
// AuditRepository: the append-only, hash-chained audit log in SQLite. The
// schema's triggers refuse any UPDATE or DELETE of audit_events, so not even
// a bug here could rewrite history; the chain (domain/audit_chain.h) shows
// any rewrite done around them. Runs inside the caller's transaction on the
// caller's Connection; not thread-safe beyond that. Append must run in a
// write transaction (BEGIN IMMEDIATE holds the write lock from the start, so
// reading the last entry and appending the next cannot interleave with
// another writer, in this process or another).

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit_event.h"
#include "storage/sqlite/connection.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

class AuditRepository {
 public:
  explicit AuditRepository(Connection& connection) : connection_(connection) {}

  // Appends `event` as the next entry of the chain (see
  // storage::Transaction::AppendAudit); sets its id, prev_hash and hash.
  core::Status Append(domain::AuditEvent& event);
  // Appends `event` with `prev_hash` given rather than taken from the last
  // entry: for the entry that starts the chain over earlier entries.
  core::Status AppendAfter(domain::AuditEvent& event, const std::string& prev_hash);
  // The events about record (`record_type`, `record_id`), newest first
  // (then id descending), at most `limit`. kInvalidArgument (field "limit")
  // unless 1 <= limit <= 1000.
  core::Result<std::vector<domain::AuditEvent>> List(std::int64_t record_id,
                                                     const std::string& record_type, int limit);
  // As List, paged (storage::Transaction::SearchAudit).
  core::Result<AuditPage> Search(const AuditQuery& query);
  // Visits the entries of `scan` in id order.
  core::Status Scan(const AuditScan& scan, const AuditVisitor& visit);

 private:
  Connection& connection_;
};

// The migration step of 0005_audit_chain: when the log holds entries from
// before the chain, appends the "audit.chain_start" entry whose prev_hash is
// their digest (domain::LegacyAuditDigest). Nothing to do for an empty log.
core::Status StartAuditChain(Connection& connection);

}  // namespace vigil::storage::sqlite
