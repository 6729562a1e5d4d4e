#pragma once
// Helpers shared by the use cases: the authorisation check and the audit
// events it and every use case append. Internal to services.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "domain/access.h"
#include "domain/audit_event.h"
#include "services/services.h"
#include "storage/store.h"

namespace vigil::services::internal {

// An audit event for `caller` doing `action` to a record, at `now`.
domain::AuditEvent MakeAuditEvent(const Caller& caller, std::string_view action,
                                  std::string_view record_type, std::int64_t record_id,
                                  std::string_view outcome, core::Timestamp now);

// Decides whether `caller` may do `action` to the record. Allowed: appends
// an "allowed" event to `transaction` (committed with the use case's
// writes) and returns OK. Denied: appends a "denied" event, commits
// `transaction` (so the refusal is recorded and nothing else is written,
// since nothing else has been) and returns kPermissionDenied with the reason.
core::Status Authorize(storage::Transaction& transaction, const Caller& caller,
                       std::string_view action, std::string_view record_type,
                       std::int64_t record_id, std::string_view force, core::Timestamp now);

// For reads: decides, then records the decision in its own short write
// transaction (the read itself ran in a read transaction, so readers never
// queue behind the write lock while reading). Returns kPermissionDenied
// when denied, or the store's failure when the event cannot be recorded:
// a read that cannot be audited is not served.
core::Status AuthorizeRead(storage::Store& store, const Caller& caller, std::string_view action,
                           std::string_view record_type, std::int64_t record_id,
                           std::string_view force, core::Timestamp now);

// Scopes a search to the caller's force: a caller without kSystemRole
// always searches their own force (`force` defaults to it; another force is
// refused by the decision). A system caller searches every force unless a
// force is given.
core::Status ScopeSearch(const Caller& caller, std::optional<std::string>& force);

// kConflict when `expected` is not `actual` (someone else changed the record).
core::Status CheckVersion(std::string_view record_type, std::int64_t expected, std::int64_t actual);

}  // namespace vigil::services::internal
