#include "app/synth_writer.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "app/csv_import.h"
#include "web/api/json_codec.h"

namespace vigil::app {
namespace {

// `text` with "\", ";" and "|" escaped for a multi-valued cell.
std::string CellItem(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string Header(std::span<const CsvColumn> columns) {
  std::string line;
  for (const CsvColumn& column : columns) {
    if (!line.empty()) line += ',';
    line += column.name;
  }
  return line;
}

std::string Row(const std::vector<std::string>& values) {
  std::string line;
  for (std::size_t index = 0; index < values.size(); ++index) {
    if (index > 0) line += ',';
    line += CsvField(values[index]);
  }
  return line;
}

template <typename Items, typename Encode>
std::string List(const Items& items, Encode encode) {
  std::string cell;
  for (const auto& item : items) {
    if (!cell.empty()) cell += ';';
    cell += encode(item);
  }
  return cell;
}

std::string Refs(const services::ImportReport& report, domain::PersonRole role) {
  std::string cell;
  for (const services::ImportReportPerson& person : report.persons) {
    if (person.role != role) continue;
    if (!cell.empty()) cell += ';';
    cell += person.person_ref.empty() ? "id:" + std::to_string(person.person_id.value)
                                      : CellItem(person.person_ref);
  }
  return cell;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string cell;
  for (const std::string& item : items) {
    if (!cell.empty()) cell += ';';
    cell += item;
  }
  return cell;
}

// `{"type":"<type>",` and `record`'s members, without the fields the store
// sets (as jsonl_export writes them, the type first).
std::string Line(std::string_view type, nlohmann::json record) {
  for (const char* field : {"id", "version", "created_at", "updated_at", "case_id"}) {
    record.erase(field);
  }
  std::string members = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string line = "{\"type\":\"";
  line += type;
  line += "\",";
  line.append(members, 1);
  return line;
}

}  // namespace

std::vector<std::string> SynthFileNames(SynthFormat format) {
  if (format == SynthFormat::kJsonLines) {
    return {"persons.jsonl", "reports.jsonl", "truth_persons.csv", "truth_courses.csv"};
  }
  return {"persons.csv", "reports.csv", "truth_persons.csv", "truth_courses.csv"};
}

std::string PersonsCsvHeader() { return Header(PersonColumns()); }

std::string PersonCsvRow(const services::ImportPerson& imported) {
  const domain::Person& person = imported.person;
  domain::PersonName name = person.names.empty() ? domain::PersonName{} : person.names.front();
  std::vector<domain::PersonName> aliases;
  if (person.names.size() > 1) aliases.assign(person.names.begin() + 1, person.names.end());
  // ref, given_name, family_name, aliases, date_of_birth, phones, emails,
  // handles, postcodes, addresses, vehicles, force.
  return Row({
      imported.ref,
      name.given_name,
      name.family_name,
      List(aliases,
           [](const domain::PersonName& alias) {
             return CellItem(alias.given_name) + "|" + CellItem(alias.family_name);
           }),
      person.date_of_birth ? core::FormatDate(*person.date_of_birth) : "",
      List(person.phones, CellItem),
      List(person.emails, CellItem),
      List(person.handles,
           [](const domain::OnlineHandle& handle) {
             return CellItem(handle.platform) + ":" + CellItem(handle.handle);
           }),
      "",
      List(person.addresses,
           [](const domain::Address& address) {
             return CellItem(address.line1) + "|" + CellItem(address.line2) + "|" +
                    CellItem(address.town) + "|" + CellItem(address.postcode);
           }),
      List(person.vehicles,
           [](const domain::Vehicle& vehicle) {
             return CellItem(vehicle.registration) + "|" + CellItem(vehicle.description);
           }),
      person.force,
  });
}

std::string ReportsCsvHeader() { return Header(ReportColumns()); }

std::string ReportCsvRow(const services::ImportReport& imported) {
  const domain::Report& report = imported.report;
  const domain::Occasion* occasion = report.occasions.empty() ? nullptr : &report.occasions[0];
  // force, force_reference, received_at, reporting_officer,
  // principal_classification, included_classifications, narrative,
  // victim_refs, suspect_refs, occurred_on, channel, behaviours.
  return Row({
      report.force,
      report.force_reference,
      core::FormatTimestamp(report.received_at),
      report.reporting_officer,
      report.principal_classification,
      List(report.included_classifications, CellItem),
      report.narrative,
      Refs(imported, domain::PersonRole::kVictim),
      Refs(imported, domain::PersonRole::kSuspect),
      occasion ? core::FormatDate(occasion->occurred_on) : "",
      occasion ? occasion->channel : "",
      occasion ? List(occasion->behaviours, CellItem) : "",
  });
}

std::string PersonJsonLine(const services::ImportPerson& person) {
  nlohmann::json record = web::api::EncodePerson(person.person);
  record["ref"] = person.ref;
  return Line("person", std::move(record));
}

std::string ReportJsonLine(const services::ImportReport& report) {
  nlohmann::json record = web::api::EncodeReport(report.report);
  for (nlohmann::json& occasion : record["occasions"]) occasion.erase("id");
  nlohmann::json persons = nlohmann::json::array();
  for (const services::ImportReportPerson& person : report.persons) {
    nlohmann::json entry = {{"role", domain::PersonRoleName(person.role)}};
    if (person.person_ref.empty()) {
      entry["person_id"] = person.person_id.value;
    } else {
      entry["ref"] = person.person_ref;
    }
    persons.push_back(std::move(entry));
  }
  record["persons"] = std::move(persons);
  return Line("report", std::move(record));
}

SynthWriter::SynthWriter(std::string folder, SynthFormat format)
    : folder_(std::move(folder)), format_(format) {}

core::Status SynthWriter::Open() {
  std::error_code error;
  if (!folder_.empty()) std::filesystem::create_directories(folder_, error);
  if (error)
    return core::Unavailable("cannot create the folder " + folder_ + ": " + error.message());
  for (const std::string& name : SynthFileNames(format_)) {
    files_.push_back(
        std::make_unique<AtomicFile>((std::filesystem::path(folder_) / name).string()));
    VIGIL_RETURN_IF_ERROR(files_.back()->Open());
  }
  bool csv = format_ == SynthFormat::kCsv;
  if (csv) files_[0]->stream() << PersonsCsvHeader() << '\n';
  if (csv) files_[1]->stream() << ReportsCsvHeader() << '\n';
  files_[2]->stream() << "ref,person,role,force_reference\n";
  files_[3]->stream() << "course,kind,suspect,victims,reports,forces,principal_classifications,"
                         "stalking_recorded\n";
  return core::Status::Ok();
}

void SynthWriter::Write(const SynthSeries& series) {
  bool csv = format_ == SynthFormat::kCsv;
  std::ostream& persons = files_[0]->stream();
  std::ostream& reports = files_[1]->stream();
  std::ostream& truth_persons = files_[2]->stream();
  std::ostream& truth_courses = files_[3]->stream();
  for (const SynthPersonRecord& person : series.persons) {
    persons << (csv ? PersonCsvRow(person.record) : PersonJsonLine(person.record)) << '\n';
    truth_persons << Row({person.record.ref, person.true_person, person.role,
                          person.force_reference})
                  << '\n';
  }
  for (const services::ImportReport& report : series.reports) {
    reports << (csv ? ReportCsvRow(report) : ReportJsonLine(report)) << '\n';
  }
  for (const SynthCourse& course : series.courses) {
    truth_courses << Row({course.id, course.kind, course.suspect, Joined(course.victims),
                          Joined(course.force_references), Joined(course.forces),
                          Joined(course.classifications), course.stalking_recorded ? "yes" : "no"})
                  << '\n';
  }
}

core::Status SynthWriter::Commit() {
  for (std::unique_ptr<AtomicFile>& file : files_) VIGIL_RETURN_IF_ERROR(file->Commit());
  return core::Status::Ok();
}

}  // namespace vigil::app
