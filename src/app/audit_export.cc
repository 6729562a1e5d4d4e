#include "app/audit_export.h"

#include <nlohmann/json.hpp>

#include "core/time.h"

namespace vigil::app {
namespace {

std::int64_t UnixSeconds(const domain::AuditEvent& event) {
  return event.at.time_since_epoch().count();
}

void AppendCsvField(std::string& line, std::string_view value) {
  if (!line.empty()) line += ',';
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    line += value;
    return;
  }
  line += '"';
  for (char c : value) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

}  // namespace

std::string AuditJsonLine(const domain::AuditEvent& event) {
  nlohmann::ordered_json line;
  line["id"] = event.id.value;
  line["at"] = core::FormatTimestamp(event.at);
  line["at_unix"] = UnixSeconds(event);
  line["user_id"] = event.user_id;
  line["roles"] = event.roles;
  line["force"] = event.force;
  line["agency"] = event.agency;
  line["action"] = event.action;
  line["record_type"] = event.record_type;
  line["record_id"] = event.record_id;
  line["purpose"] = event.purpose;
  line["outcome"] = event.outcome;
  line["request_id"] = event.request_id;
  line["reason"] = event.reason;
  line["prev_hash"] = event.prev_hash;
  line["hash"] = event.hash;
  // Invalid UTF-8 (possible only in entries written around vigil) is
  // replaced rather than failing the export.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string AuditCsvHeader() {
  return "id,at,at_unix,user_id,roles,force,agency,action,record_type,record_id,purpose,"
         "outcome,request_id,reason,prev_hash,hash";
}

std::string AuditCsvLine(const domain::AuditEvent& event) {
  std::string line;
  AppendCsvField(line, event.id.ToString());
  AppendCsvField(line, core::FormatTimestamp(event.at));
  AppendCsvField(line, std::to_string(UnixSeconds(event)));
  for (const std::string* field : {&event.user_id, &event.roles, &event.force, &event.agency,
                                   &event.action, &event.record_type}) {
    AppendCsvField(line, *field);
  }
  AppendCsvField(line, std::to_string(event.record_id));
  for (const std::string* field : {&event.purpose, &event.outcome, &event.request_id, &event.reason,
                                   &event.prev_hash, &event.hash}) {
    AppendCsvField(line, *field);
  }
  return line;
}

}  // namespace vigil::app
