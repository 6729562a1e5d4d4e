#include "app/jsonl_import.h"

#include <map>
#include <string>

#include "domain/text.h"
#include "web/api/json_codec.h"

namespace vigil::app {
namespace {

using nlohmann::json;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

void AddStatusProblems(const core::Status& status, const std::string& location,
                       ParsedImport& parsed) {
  if (status.field_errors().empty()) {
    parsed.problems.push_back({location, "record", status.message()});
    return;
  }
  for (const core::FieldError& error : status.field_errors()) {
    parsed.problems.push_back(
        {location, error.field.empty() ? std::string("record") : error.field, error.message});
  }
}

// Reads the person's ref: "ref" (a string), else the exported "id".
std::string ReadRef(const json& object, const std::string& location, ParsedImport& parsed) {
  auto ref = object.find("ref");
  if (ref != object.end()) {
    if (ref->is_string() && !ref->get<std::string>().empty()) return ref->get<std::string>();
    parsed.problems.push_back({location, "ref", "must be a non-empty string"});
    return "";
  }
  auto id = object.find("id");
  if (id != object.end() && id->is_number_integer() && id->get<std::int64_t>() > 0) {
    return std::to_string(id->get<std::int64_t>());
  }
  parsed.problems.push_back(
      {location, "ref", "is required (or the id of an exported person) so reports can name them"});
  return "";
}

void ReadPerson(json object, const std::string& location, ParsedImport& parsed) {
  std::string ref = ReadRef(object, location, parsed);
  object.erase("type");
  object.erase("ref");
  if (!ref.empty()) {
    parsed.person_refs.insert(ref);
    auto id = object.find("id");
    if (id != object.end() && id->is_number_integer() && id->get<std::int64_t>() > 0) {
      parsed.exported_person_refs[id->get<std::int64_t>()] = ref;
    }
  }
  core::Result<domain::Person> decoded = web::api::DecodePerson(object, true);
  if (!decoded.ok()) {
    AddStatusProblems(decoded.status(), location, parsed);
    return;
  }
  services::ImportPerson imported{ref, std::move(decoded).value(), location};
  // Server-owned fields of exported data are not carried over.
  imported.person.id = domain::PersonId();
  imported.person.version = 0;
  imported.person.created_at = {};
  imported.person.updated_at = {};
  parsed.batch.persons.push_back(std::move(imported));
}

// Reads one entry of a report's "persons" array.
bool ReadReportPerson(const json& entry, const std::string& path, const std::string& location,
                      services::ImportReportPerson& person, ParsedImport& parsed) {
  std::size_t before = parsed.problems.size();
  if (!entry.is_object()) {
    parsed.problems.push_back(
        {location, path, "must be an object with ref or person_id, and role"});
    return false;
  }
  for (const auto& [key, value] : entry.items()) {
    if (key == "ref") {
      if (value.is_string() && !value.get<std::string>().empty()) {
        person.person_ref = value.get<std::string>();
      } else {
        parsed.problems.push_back({location, path + ".ref", "must be a non-empty string"});
      }
    } else if (key == "person_id") {
      if (value.is_number_integer() && value.get<std::int64_t>() > 0) {
        person.person_id = domain::PersonId(value.get<std::int64_t>());
      } else {
        parsed.problems.push_back({location, path + ".person_id", "must be a positive integer"});
      }
    } else if (key == "role") {
      std::optional<domain::PersonRole> role =
          value.is_string() ? domain::ParsePersonRole(value.get<std::string>()) : std::nullopt;
      if (role) {
        person.role = *role;
      } else {
        parsed.problems.push_back(
            {location, path + ".role", "must be one of victim, suspect, witness, third_party"});
      }
    } else {
      parsed.problems.push_back({location, path + "." + key, "is not a known field"});
    }
  }
  if (!entry.contains("role")) parsed.problems.push_back({location, path + ".role", "is required"});
  if (entry.contains("ref") == entry.contains("person_id")) {
    parsed.problems.push_back({location, path, "needs exactly one of ref and person_id"});
  }
  return parsed.problems.size() == before;
}

void ReadReport(json object, const std::string& location, ParsedImport& parsed) {
  services::ImportReport imported;
  imported.location = location;
  bool persons_ok = true;
  auto persons = object.find("persons");
  if (persons != object.end()) {
    if (!persons->is_array()) {
      parsed.problems.push_back({location, "persons", "must be an array"});
      persons_ok = false;
    } else {
      for (std::size_t index = 0; index < persons->size(); ++index) {
        services::ImportReportPerson person;
        std::string path = "persons[" + std::to_string(index) + "]";
        if (ReadReportPerson((*persons)[index], path, location, person, parsed)) {
          imported.persons.push_back(std::move(person));
        } else {
          persons_ok = false;
        }
      }
    }
    object.erase("persons");
  }
  object.erase("type");
  core::Result<domain::Report> decoded = web::api::DecodeReport(object, true);
  if (!decoded.ok()) {
    AddStatusProblems(decoded.status(), location, parsed);
    return;
  }
  if (!persons_ok) return;
  imported.report = std::move(decoded).value();
  // Server-owned fields of exported data are not carried over.
  imported.report.id = domain::ReportId();
  imported.report.version = 0;
  imported.report.case_id.reset();
  imported.report.created_at = {};
  imported.report.updated_at = {};
  for (domain::Occasion& occasion : imported.report.occasions) occasion.id = domain::OccasionId();
  parsed.batch.reports.push_back(std::move(imported));
}

void ReadLine(std::string_view line, const std::string& location, ParsedImport& parsed) {
  core::Result<json> document = web::api::ParseJson(line);
  if (!document.ok()) {
    parsed.problems.push_back({location, "json", document.status().message()});
    return;
  }
  if (!document->is_object()) {
    parsed.problems.push_back({location, "json", "each line must be one JSON object"});
    return;
  }
  auto type = document->find("type");
  if (type == document->end()) {
    parsed.problems.push_back({location, "type", "is required: \"person\" or \"report\""});
  } else if (*type == "person") {
    ReadPerson(std::move(document).value(), location, parsed);
  } else if (*type == "report") {
    ReadReport(std::move(document).value(), location, parsed);
  } else {
    parsed.problems.push_back({location, "type", "must be \"person\" or \"report\""});
  }
}

}  // namespace

void ReadJsonLines(std::string_view text, std::string_view file_name, ParsedImport& parsed) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (domain::Trim(line).empty()) continue;
    std::string location = RecordLocation(file_name, line_number);
    if (!domain::IsValidUtf8(line)) {
      parsed.problems.push_back(
          {location, "record", "is not valid UTF-8 (save the file as UTF-8)"});
      continue;
    }
    ReadLine(line, location, parsed);
  }
}

void ResolveExportedPersonIds(ParsedImport& parsed) {
  for (services::ImportReport& report : parsed.batch.reports) {
    for (services::ImportReportPerson& person : report.persons) {
      if (!person.person_ref.empty() || !person.person_id.assigned()) continue;
      auto exported = parsed.exported_person_refs.find(person.person_id.value);
      if (exported != parsed.exported_person_refs.end()) {
        person.person_ref = exported->second;
        person.person_id = domain::PersonId();
      }
    }
  }
}

}  // namespace vigil::app
