#pragma once
// AuditEvent: one entry in the audit log — who did what to which record,
// why, and with what outcome (Data Protection Act 2018 Part 3 logging).
// Services append one for every use case that reads or writes personal data,
// and for every refusal. The log is append-only and hash-chained: each entry
// carries the hash of the entry before it and its own hash over every field
// (domain/audit_chain.h), so any edit, deletion, insertion or reordering is
// detectable (`vigil audit verify`).

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "domain/ids.h"

namespace vigil::domain {

struct AuditEvent {
  AuditEventId id;          // Position in the chain: 1, 2, 3, ... in append order.
  core::Timestamp at{};     // When (whole seconds, UTC).
  std::string user_id;      // Who.
  std::string roles;        // Comma-separated role ids at the time.
  std::string force;        // Actor's force.
  std::string agency;       // Actor's agency, if a partner.
  std::string action;       // Use case, e.g. "report.create", "case.view".
  std::string record_type;  // "report", "case", "person", "task", ...; empty for searches.
  std::int64_t record_id = 0;
  std::string purpose;     // Why, when stated (e.g. "investigation").
  std::string outcome;     // "allowed", "denied", "failed".
  std::string request_id;  // Correlates with the HTTP request and the log.
  std::string reason;      // Why the decision went as it did (domain::Decision::reason).
  // The chain, set by the store when the event is appended: lowercase hex
  // SHA-256 of the previous entry (kAuditGenesisHash for the first) and of
  // this entry. Both empty only for entries stored before the chain existed.
  std::string prev_hash;
  std::string hash;
};

}  // namespace vigil::domain
