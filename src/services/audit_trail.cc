#include "services/audit_trail.h"

#include <string>

namespace vigil::services::internal {
namespace {

std::string JoinRoles(const domain::Actor& actor) {
  std::string roles;
  for (const std::string& role : actor.roles) {
    if (!roles.empty()) roles += ',';
    roles += role;
  }
  return roles;
}

}  // namespace

domain::AuditEvent MakeAuditEvent(const Caller& caller, std::string_view action,
                                  std::string_view record_type, std::int64_t record_id,
                                  std::string_view outcome, core::Timestamp now) {
  domain::AuditEvent event;
  event.at = now;
  event.user_id = caller.actor.user_id;
  event.roles = JoinRoles(caller.actor);
  event.force = caller.actor.force;
  event.agency = caller.actor.agency;
  event.action = std::string(action);
  event.record_type = std::string(record_type);
  event.record_id = record_id;
  event.purpose = caller.purpose;
  event.outcome = std::string(outcome);
  event.request_id = caller.request_id;
  return event;
}

core::Status Authorize(storage::Transaction& transaction, const Caller& caller,
                       std::string_view action, std::string_view record_type,
                       std::int64_t record_id, std::string_view force, core::Timestamp now) {
  domain::Decision decision = domain::Decide(caller.actor, action, {record_type, force});
  domain::AuditEvent event = MakeAuditEvent(caller, action, record_type, record_id,
                                            decision.allowed ? "allowed" : "denied", now);
  event.reason = decision.reason;
  VIGIL_RETURN_IF_ERROR(transaction.AppendAudit(event));
  if (decision.allowed) return core::Status::Ok();
  VIGIL_RETURN_IF_ERROR(transaction.Commit());
  return core::PermissionDenied(decision.reason);
}

core::Status AuthorizeRead(storage::Store& store, const Caller& caller, std::string_view action,
                           std::string_view record_type, std::int64_t record_id,
                           std::string_view force, core::Timestamp now) {
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store.Begin(storage::TransactionMode::kWrite));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, action, record_type, record_id, force, now));
  return transaction->Commit();
}

core::Status ScopeSearch(const Caller& caller, std::optional<std::string>& force) {
  bool system = caller.actor.HasRole(std::string(domain::kSystemRole));
  if (!force && !system) force = caller.actor.force;
  if (force && force->empty() && !system) {
    return core::PermissionDenied("searching needs a force");
  }
  return core::Status::Ok();
}

core::Status CheckVersion(std::string_view record_type, std::int64_t expected,
                          std::int64_t actual) {
  if (expected == actual) return core::Status::Ok();
  return core::Conflict("the " + std::string(record_type) +
                        " was changed by someone else (version " + std::to_string(actual) +
                        ", not " + std::to_string(expected) + "); reload it and try again");
}

}  // namespace vigil::services::internal
