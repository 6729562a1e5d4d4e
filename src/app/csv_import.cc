#include "app/csv_import.h"

#include <cstdint>
#include <map>
#include <string>

#include "app/cell_values.h"
#include "app/csv_reader.h"
#include "core/time.h"
#include "domain/text.h"

namespace vigil::app {
namespace {

constexpr CsvColumn kPersonColumns[] = {
    {"ref", true},        {"given_name", true},     {"family_name", true},
    {"aliases", false},   {"date_of_birth", false}, {"phones", false},
    {"emails", false},    {"handles", false},       {"postcodes", false},
    {"addresses", false}, {"vehicles", false},      {"force", true}};

constexpr CsvColumn kReportColumns[] = {{"force", true},
                                        {"force_reference", true},
                                        {"received_at", true},
                                        {"reporting_officer", true},
                                        {"principal_classification", true},
                                        {"included_classifications", false},
                                        {"narrative", false},
                                        {"victim_refs", false},
                                        {"suspect_refs", false},
                                        {"occurred_on", false},
                                        {"channel", false},
                                        {"behaviours", false}};

constexpr std::string_view kStoredIdPrefix = "id:";

// `text` in single quotes, for messages.
std::string Quoted(std::string_view text) {
  std::string out = "'";
  out += text;
  out += '\'';
  return out;
}

// A row seen through the header: cells by column name.
class RowView {
 public:
  RowView(const std::map<std::string, std::size_t>& columns, const CsvRow& row,
          std::string location, ParsedImport& parsed)
      : columns_(columns), row_(row), location_(std::move(location)), parsed_(parsed) {}

  // The cell under `column`, or empty when the file has no such column.
  std::string_view Raw(std::string_view column) const {
    auto found = columns_.find(std::string(column));
    return found == columns_.end() ? std::string_view() : row_.fields[found->second];
  }
  // The cell without leading and trailing white space.
  std::string Text(std::string_view column) const { return domain::Trim(Raw(column)); }

  void Problem(std::string_view column, std::string message) {
    parsed_.problems.push_back({location_, std::string(column), std::move(message)});
  }
  const std::string& location() const { return location_; }

 private:
  const std::map<std::string, std::size_t>& columns_;
  const CsvRow& row_;
  std::string location_;
  ParsedImport& parsed_;
};

// Checks the header against `spec` and fills `columns`; false when the rows
// cannot be read (unknown, repeated or missing columns).
bool MapHeader(const CsvTable& table, std::span<const CsvColumn> spec, std::string_view file_name,
               ParsedImport& parsed, std::map<std::string, std::size_t>& columns) {
  if (table.header_line == 0) return false;
  std::string location = RecordLocation(file_name, table.header_line);
  std::string known;
  for (const CsvColumn& column : spec)
    known += (known.empty() ? "" : ", ") + std::string(column.name);
  bool ok = true;
  for (std::size_t index = 0; index < table.header.size(); ++index) {
    const std::string& name = table.header[index];
    bool is_known = false;
    for (const CsvColumn& column : spec) is_known = is_known || column.name == name;
    if (!is_known) {
      parsed.problems.push_back(
          {location, "header",
           name.empty() ? "column " + std::to_string(index + 1) + " has no name"
                        : "unknown column '" + name + "' (the columns are: " + known + ")"});
      ok = false;
    } else if (!columns.emplace(name, index).second) {
      parsed.problems.push_back({location, "header", "column '" + name + "' appears twice"});
      ok = false;
    }
  }
  for (const CsvColumn& column : spec) {
    if (column.required && !columns.contains(std::string(column.name))) {
      parsed.problems.push_back(
          {location, "header",
           "the required column '" + std::string(column.name) + "' is missing"});
      ok = false;
    }
  }
  return ok;
}

// Parses the file and its header; the rows to read, or nothing when the
// header is unusable. Reader problems go to `parsed`.
std::optional<CsvTable> ReadTable(std::string_view text, std::string_view file_name,
                                  std::span<const CsvColumn> spec, ParsedImport& parsed,
                                  std::map<std::string, std::size_t>& columns) {
  CsvTable table = ParseCsv(text);
  for (const CsvProblem& problem : table.problems) {
    parsed.problems.push_back({RecordLocation(file_name, problem.line), "record", problem.message});
  }
  if (!MapHeader(table, spec, file_name, parsed, columns)) return std::nullopt;
  return table;
}

void ReadPerson(RowView& row, ParsedImport& parsed) {
  services::ImportPerson imported;
  imported.location = row.location();
  imported.ref = row.Text("ref");
  domain::Person& person = imported.person;
  person.force = row.Text("force");
  person.names.push_back({row.Text("given_name"), row.Text("family_name"), false});
  for (const std::string& item : RawListItems(row.Raw("aliases"))) {
    std::vector<std::string> parts = ItemParts(item);
    if (parts.size() != 2) {
      row.Problem("aliases", Quoted(Unescape(item)) +
                                 " must be written given names|family name (one | between them)");
      continue;
    }
    person.names.push_back({parts[0], parts[1], true});
  }
  std::string date_of_birth = row.Text("date_of_birth");
  if (!date_of_birth.empty()) {
    person.date_of_birth = core::ParseDate(date_of_birth);
    if (!person.date_of_birth) {
      row.Problem("date_of_birth", Quoted(date_of_birth) + " is not a date in the form YYYY-MM-DD");
    }
  }
  person.phones = ListItems(row.Raw("phones"));
  person.emails = ListItems(row.Raw("emails"));
  for (const std::string& item : ListItems(row.Raw("handles"))) {
    std::size_t colon = item.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == item.size()) {
      row.Problem("handles", Quoted(item) + " must be written platform:handle");
      continue;
    }
    person.handles.push_back(
        {domain::Trim(item.substr(0, colon)), domain::Trim(item.substr(colon + 1))});
  }
  for (const std::string& postcode : ListItems(row.Raw("postcodes"))) {
    person.addresses.push_back({"", "", "", postcode});
  }
  for (const std::string& item : RawListItems(row.Raw("addresses"))) {
    std::vector<std::string> parts = ItemParts(item);
    if (parts.size() != 4) {
      row.Problem("addresses",
                  Quoted(Unescape(item)) + " must have four parts: line1|line2|town|postcode");
      continue;
    }
    person.addresses.push_back({parts[0], parts[1], parts[2], parts[3]});
  }
  for (const std::string& item : RawListItems(row.Raw("vehicles"))) {
    std::vector<std::string> parts = ItemParts(item);
    if (parts.size() > 2) {
      row.Problem("vehicles", Quoted(Unescape(item)) + " must be written registration|description");
      continue;
    }
    person.vehicles.push_back({parts[0], parts.size() == 2 ? parts[1] : ""});
  }
  if (!imported.ref.empty()) parsed.person_refs.insert(imported.ref);
  parsed.batch.persons.push_back(std::move(imported));
}

void ReadReportPersons(RowView& row, std::string_view column, domain::PersonRole role,
                       services::ImportReport& imported) {
  for (const std::string& item : ListItems(row.Raw(column))) {
    services::ImportReportPerson person;
    person.role = role;
    if (item.starts_with(kStoredIdPrefix)) {
      std::string digits = item.substr(kStoredIdPrefix.size());
      std::int64_t id = 0;
      bool valid = !digits.empty() && digits.size() <= 18;
      for (char c : digits) {
        valid = valid && c >= '0' && c <= '9';
        if (valid) id = id * 10 + (c - '0');
      }
      if (!valid || id == 0) {
        row.Problem(column, Quoted(item) + " is not a stored person id (write id:123)");
        continue;
      }
      person.person_id = domain::PersonId(id);
    } else {
      person.person_ref = item;
    }
    imported.persons.push_back(std::move(person));
  }
}

void ReadReport(RowView& row, ParsedImport& parsed) {
  services::ImportReport imported;
  imported.location = row.location();
  domain::Report& report = imported.report;
  report.force = row.Text("force");
  report.force_reference = row.Text("force_reference");
  std::string received_at = row.Text("received_at");
  if (!received_at.empty()) {
    std::optional<core::Timestamp> parsed_time = core::ParseTimestamp(received_at);
    if (parsed_time) {
      report.received_at = *parsed_time;
    } else {
      row.Problem("received_at",
                  Quoted(received_at) + " is not a timestamp such as 2026-04-12T09:30:00Z");
    }
  }
  report.reporting_officer = row.Text("reporting_officer");
  report.principal_classification = row.Text("principal_classification");
  report.included_classifications = ListItems(row.Raw("included_classifications"));
  report.narrative = domain::Trim(row.Raw("narrative"));
  ReadReportPersons(row, "victim_refs", domain::PersonRole::kVictim, imported);
  ReadReportPersons(row, "suspect_refs", domain::PersonRole::kSuspect, imported);
  std::string occurred_on = row.Text("occurred_on");
  std::string channel = row.Text("channel");
  std::vector<std::string> behaviours = ListItems(row.Raw("behaviours"));
  if (!occurred_on.empty() || !channel.empty() || !behaviours.empty()) {
    domain::Occasion occasion;
    occasion.channel = channel;
    occasion.behaviours = std::move(behaviours);
    std::optional<core::Date> date = core::ParseDate(occurred_on);
    if (date) {
      occasion.occurred_on = *date;
    } else {
      row.Problem("occurred_on",
                  occurred_on.empty()
                      ? std::string("is required when channel or behaviours are given")
                      : Quoted(occurred_on) + " is not a date in the form YYYY-MM-DD");
    }
    report.occasions.push_back(std::move(occasion));
  }
  parsed.batch.reports.push_back(std::move(imported));
}

}  // namespace

std::span<const CsvColumn> PersonColumns() { return kPersonColumns; }
std::span<const CsvColumn> ReportColumns() { return kReportColumns; }

void ReadPersonsCsv(std::string_view text, std::string_view file_name, ParsedImport& parsed) {
  std::map<std::string, std::size_t> columns;
  std::optional<CsvTable> table = ReadTable(text, file_name, kPersonColumns, parsed, columns);
  if (!table) return;
  for (const CsvRow& csv_row : table->rows) {
    RowView row(columns, csv_row, RecordLocation(file_name, csv_row.line), parsed);
    ReadPerson(row, parsed);
  }
}

void ReadReportsCsv(std::string_view text, std::string_view file_name, ParsedImport& parsed) {
  std::map<std::string, std::size_t> columns;
  std::optional<CsvTable> table = ReadTable(text, file_name, kReportColumns, parsed, columns);
  if (!table) return;
  for (const CsvRow& csv_row : table->rows) {
    RowView row(columns, csv_row, RecordLocation(file_name, csv_row.line), parsed);
    ReadReport(row, parsed);
  }
}

std::optional<CsvKind> GuessCsvKind(std::string_view text) {
  CsvTable table = ParseCsv(text.substr(0, text.find('\n')));
  for (const std::string& name : table.header) {
    if (name == "force_reference") return CsvKind::kReports;
  }
  for (const std::string& name : table.header) {
    if (name == "ref") return CsvKind::kPersons;
  }
  return std::nullopt;
}

}  // namespace vigil::app
