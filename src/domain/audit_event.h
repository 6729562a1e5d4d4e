#pragma once
// AuditEvent: one entry in the audit log — who did what to which record,
// why, and with what outcome (Data Protection Act 2018 Part 3 logging).
// Services append one for every use case that reads or writes personal data,
// and for every refusal. The log is append-only.

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "domain/ids.h"

namespace vigil::domain {

struct AuditEvent {
  AuditEventId id;
  core::Timestamp at{};
  std::string user_id;
  std::string roles;        // Comma-separated role ids at the time.
  std::string force;        // Actor's force.
  std::string agency;       // Actor's agency, if a partner.
  std::string action;       // Use case, e.g. "report.create", "case.view".
  std::string record_type;  // "report", "case", "person", "task", ...; empty for searches.
  std::int64_t record_id = 0;
  std::string purpose;     // Why, when stated (e.g. "investigation").
  std::string outcome;     // "allowed", "denied", "failed".
  std::string request_id;  // Correlates with the HTTP request and the log.
};

}  // namespace vigil::domain
