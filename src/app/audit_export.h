#pragma once
// The audit export formats (docs/reference/audit.md): one entry per line as
// JSON Lines, or CSV with a header row. Both carry every field exactly as
// stored, with its prev_hash and hash, so an exported range can be checked
// later (each entry's hash recomputes from its fields; each prev_hash is the
// hash of the line before). Pure functions.

#include <string>
#include <string_view>

#include "domain/audit_event.h"

namespace vigil::app {

enum class AuditFormat { kJsonl, kCsv };

// The JSON object of `event` (no newline): id, at (ISO 8601 UTC), at_unix
// (the seconds the hash covers), user_id, roles, force, agency, action,
// record_type, record_id, purpose, outcome, request_id, reason, prev_hash,
// hash, in that order.
std::string AuditJsonLine(const domain::AuditEvent& event);

// The CSV header row and one entry's row (no newline), the same columns as
// the JSON. Fields are quoted when they hold a comma, quote, CR or LF
// (RFC 4180); values are never altered, so open the file as text rather
// than letting a spreadsheet evaluate it.
std::string AuditCsvHeader();
std::string AuditCsvLine(const domain::AuditEvent& event);

}  // namespace vigil::app
