#pragma once
// `vigil export` without the command line: every person, then every
// report, the caller may see, as JSON Lines (one record per line, "type"
// first: {"type":"person",...} then {"type":"report",...}), in the JSON
// form of the API (web/api/json_codec.h) with ids, versions and times.
// The output imports again with `vigil import --format jsonl` (see
// docs/reference/import-export.md). Runs on the calling thread.

#include <cstdint>
#include <ostream>
#include <string>

#include "core/status.h"
#include "domain/person.h"
#include "domain/report.h"
#include "services/services.h"

namespace vigil::app {

struct ExportSummary {
  std::int64_t persons = 0;
  std::int64_t reports = 0;
};

// One line (without the newline) for a person or a report.
std::string PersonLine(const domain::Person& person);
std::string ReportLine(const domain::Report& report);

// Writes the caller's records to `out` through Services::Export. Returns the
// services' failure, or kUnavailable when `out` stops accepting output (for
// example a closed pipe). `summary`, when given, receives the counts.
core::Status WriteJsonLines(services::Services& services, const services::Caller& caller,
                            std::ostream& out, ExportSummary* summary = nullptr);

}  // namespace vigil::app
