#include "app/jsonl_export.h"

#include <nlohmann/json.hpp>

#include "web/api/json_codec.h"

namespace vigil::app {
namespace {

// `{"type":"<type>",` followed by the encoded record's members, so the type
// reads first on every line. Text is valid UTF-8 (the domain checks it);
// anything else would be replaced rather than throw.
std::string Line(std::string_view type, const nlohmann::json& record) {
  std::string members = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string line = "{\"type\":\"";
  line += type;
  line += '"';
  if (members.size() > 2) {
    line += ',';
    line.append(members, 1);
  } else {
    line += '}';
  }
  return line;
}

}  // namespace

std::string PersonLine(const domain::Person& person) {
  return Line("person", web::api::EncodePerson(person));
}

std::string ReportLine(const domain::Report& report) {
  return Line("report", web::api::EncodeReport(report));
}

core::Status WriteJsonLines(services::Services& services, const services::Caller& caller,
                            std::ostream& out, ExportSummary* summary) {
  ExportSummary counts;
  core::Status status = services.Export(
      caller,
      [&](const domain::Person& person) {
        if (out) out << PersonLine(person) << '\n';
        ++counts.persons;
      },
      [&](const domain::Report& report) {
        if (out) out << ReportLine(report) << '\n';
        ++counts.reports;
      });
  if (summary) *summary = counts;
  if (!status.ok()) return status;
  out.flush();
  if (!out) return core::Unavailable("the output could not be written (disk full or pipe closed?)");
  return core::Status::Ok();
}

}  // namespace vigil::app
