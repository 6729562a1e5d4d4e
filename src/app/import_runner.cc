#include "app/import_runner.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>

#include "app/jsonl_import.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/text.h"

namespace vigil::app {
namespace {

bool EndsWith(const std::string& text, std::string_view suffix) {
  std::string lower = domain::ToLower(text);
  return lower.size() >= suffix.size() &&
         std::string_view(lower).substr(lower.size() - suffix.size()) == suffix;
}

void AddStatus(const core::Status& status, const std::string& location,
               std::vector<ImportProblem>& problems) {
  if (status.ok()) return;
  if (status.field_errors().empty()) {
    problems.push_back({location, "record", status.message()});
    return;
  }
  for (const core::FieldError& error : status.field_errors()) {
    problems.push_back({location, error.field.empty() ? "record" : error.field, error.message});
  }
}

// Orders problems by source (in the order given) and line; problems without
// a location come last.
void SortProblems(std::vector<ImportProblem>& problems, const std::vector<std::string>& files) {
  auto key = [&files](const ImportProblem& problem) {
    std::size_t colon = problem.location.rfind(':');
    std::string file =
        colon == std::string::npos ? problem.location : problem.location.substr(0, colon);
    long line = colon == std::string::npos
                    ? 0
                    : std::strtol(problem.location.c_str() + colon + 1, nullptr, 10);
    auto found = std::find(files.begin(), files.end(), file);
    if (found == files.end()) {
      found = std::find(files.begin(), files.end(), problem.location);
      line = 0;
    }
    return std::pair<std::size_t, long>(static_cast<std::size_t>(found - files.begin()), line);
  };
  std::stable_sort(problems.begin(), problems.end(),
                   [&key](const ImportProblem& left, const ImportProblem& right) {
                     return key(left) < key(right);
                   });
}

}  // namespace

std::optional<ImportFormat> GuessFormat(const std::string& file_name) {
  if (EndsWith(file_name, ".csv")) return ImportFormat::kCsv;
  if (EndsWith(file_name, ".jsonl") || EndsWith(file_name, ".ndjson") ||
      EndsWith(file_name, ".json")) {
    return ImportFormat::kJsonLines;
  }
  return std::nullopt;
}

ParsedImport ReadSources(const std::vector<ImportSource>& sources,
                         std::optional<ImportFormat> format, std::optional<CsvKind> kind) {
  ParsedImport parsed;
  for (const ImportSource& source : sources) {
    parsed.source_names.push_back(source.name);
    std::optional<ImportFormat> source_format = format ? format : GuessFormat(source.name);
    if (!source_format) {
      parsed.problems.push_back({source.name, "format",
                                 "cannot tell the format from the file name; use --format csv or "
                                 "--format jsonl"});
      continue;
    }
    if (*source_format == ImportFormat::kJsonLines) {
      ReadJsonLines(source.text, source.name, parsed);
      continue;
    }
    std::optional<CsvKind> source_kind = kind ? kind : GuessCsvKind(source.text);
    if (!source_kind) {
      parsed.problems.push_back({source.name, "kind",
                                 "cannot tell whether the file holds persons or reports; use "
                                 "--kind persons or --kind reports"});
    } else if (*source_kind == CsvKind::kPersons) {
      ReadPersonsCsv(source.text, source.name, parsed);
    } else {
      ReadReportsCsv(source.text, source.name, parsed);
    }
  }
  ResolveExportedPersonIds(parsed);
  return parsed;
}

void CheckAgainstRules(ParsedImport& parsed, const domain::Lookups& lookups, core::Timestamp now) {
  core::Date today = std::chrono::floor<std::chrono::days>(now);
  std::set<std::string> refs;
  for (const services::ImportPerson& item : parsed.batch.persons) {
    domain::Person person = item.person;
    domain::NormalisePerson(person);
    AddStatus(domain::ValidatePerson(person, lookups, today), item.location, parsed.problems);
    if (!item.ref.empty() && !refs.insert(item.ref).second) {
      parsed.problems.push_back(
          {item.location, "ref", "'" + item.ref + "' is used by another person in this import"});
    }
  }
  std::set<std::pair<std::string, std::string>> references;
  for (const services::ImportReport& item : parsed.batch.reports) {
    domain::Report report = item.report;
    report.persons.clear();
    AddStatus(domain::ValidateReport(report, lookups, now), item.location, parsed.problems);
    if (!report.force_reference.empty() &&
        !references.insert({report.force, report.force_reference}).second) {
      parsed.problems.push_back(
          {item.location, "force_reference",
           "'" + report.force_reference + "' appears more than once in this import"});
    }
    for (std::size_t index = 0; index < item.persons.size(); ++index) {
      const std::string& ref = item.persons[index].person_ref;
      if (!ref.empty() && !parsed.person_refs.contains(ref)) {
        parsed.problems.push_back({item.location, "persons[" + std::to_string(index) + "].ref",
                                   "'" + ref + "' is not a person in this import"});
      }
    }
  }
}

ImportOutcome ImportParsed(services::Services& services, const services::Caller& caller,
                           ParsedImport parsed) {
  std::vector<std::string> files = parsed.source_names;
  ImportOutcome outcome;
  if (!parsed.problems.empty()) {
    CheckAgainstRules(parsed, services.lookups(), services.clock().Now());
    outcome.problems = std::move(parsed.problems);
    SortProblems(outcome.problems, files);
    return outcome;
  }
  core::Result<services::ImportSummary> imported = services.Import(caller, std::move(parsed.batch));
  if (imported.ok()) {
    outcome.summary = *imported;
  } else if (imported.status().code() == core::StatusCode::kInvalidArgument) {
    outcome.problems = ProblemsFromStatus(imported.status());
    SortProblems(outcome.problems, files);
  } else {
    outcome.failure = imported.status();
  }
  return outcome;
}

}  // namespace vigil::app
