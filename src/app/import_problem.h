#pragma once
// The records read from import files, and every problem found in them, each
// tied to a file and line so `vigil import` can print it as
// "FILE:LINE: field: message". Value types; not shared between threads.

#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "services/services.h"

namespace vigil::app {

struct ImportProblem {
  std::string location;  // "FILE:LINE" (the record's location).
  std::string field;     // Column name, JSON path, or "record" for the whole record.
  std::string message;   // Plain English.
  friend bool operator==(const ImportProblem&, const ImportProblem&) = default;

  // "FILE:LINE: field: message".
  std::string ToString() const;
};

// Writes problem.ToString() (also how test failures show a problem).
std::ostream& operator<<(std::ostream& out, const ImportProblem& problem);

// What the readers (CSV, JSON Lines) produce, file after file.
struct ParsedImport {
  services::ImportBatch batch;
  std::vector<ImportProblem> problems;  // Problems reading the files (syntax, types, dates).
  // Every person ref seen, including those of persons that could not be
  // read, so their reports do not also report an unknown ref.
  std::set<std::string> person_refs;
  // The ref of each person read with the id it had when exported.
  std::map<std::int64_t, std::string> exported_person_refs;
  std::vector<std::string> source_names;  // The files read, in order (to sort problems).
};

// "FILE:LINE": the location of a record, as used in ImportPerson::location.
std::string RecordLocation(std::string_view file_name, int line);

// Turns a failed Services::Import (or local validation) status into
// problems. Field errors whose field starts with a record location
// ("FILE:LINE" then "." or nothing) are split into location and field;
// anything else becomes one problem with an empty location.
std::vector<ImportProblem> ProblemsFromStatus(const core::Status& status);

}  // namespace vigil::app
