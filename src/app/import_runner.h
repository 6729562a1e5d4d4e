#pragma once
// `vigil import` without the command line: reads CSV and JSON Lines sources
// into one batch, checks them, and imports them all-or-nothing through
// Services::Import. When a file cannot be read cleanly, the records that
// could be read are still checked against the domain rules, so one run
// lists every problem; nothing is then written. Runs on the calling thread.

#include <optional>
#include <string>
#include <vector>

#include "app/csv_import.h"
#include "app/import_problem.h"
#include "core/clock.h"
#include "domain/lookups.h"
#include "services/services.h"

namespace vigil::app {

enum class ImportFormat { kCsv, kJsonLines };

// One file's contents and the name used in problem locations.
struct ImportSource {
  std::string name;  // e.g. "persons.csv", or "-" for standard input.
  std::string text;
};

struct ImportOutcome {
  services::ImportSummary summary;      // What was written (zero unless everything was).
  std::vector<ImportProblem> problems;  // Bad input; nothing was written.
  core::Status failure;                 // Any other failure (the store); nothing was written.
};

// The format a file name implies: ".csv" is CSV; ".jsonl", ".ndjson" and
// ".json" are JSON Lines; otherwise empty.
std::optional<ImportFormat> GuessFormat(const std::string& file_name);

// Reads every source into one ParsedImport. `format` and `kind`, when set,
// apply to every source; otherwise each is guessed (GuessFormat, then
// GuessCsvKind), and a source that cannot be placed is a problem.
ParsedImport ReadSources(const std::vector<ImportSource>& sources,
                         std::optional<ImportFormat> format, std::optional<CsvKind> kind);

// Checks `parsed` against the domain rules without writing (the checks
// Services::Import makes before it writes, less those that need the store):
// adds a problem for each broken rule and each report person whose ref is
// not in the import.
void CheckAgainstRules(ParsedImport& parsed, const domain::Lookups& lookups, core::Timestamp now);

// Imports `parsed` as `caller`: problems already found (plus the rule check)
// stop it before anything is written; otherwise Services::Import writes it
// all or nothing. Problems come back in file and line order.
ImportOutcome ImportParsed(services::Services& services, const services::Caller& caller,
                           ParsedImport parsed);

}  // namespace vigil::app
