#pragma once
// Writes what SynthGenerator produces, series by series, into one folder:
// the data in vigil's import format (persons.csv and reports.csv, or
// persons.jsonl and reports.jsonl; docs/reference/import-export.md) and the
// ground truth (truth_persons.csv, truth_courses.csv;
// docs/reference/synthetic-data.md). Every file is written under a
// temporary name and renamed into place by Commit, so a failed run leaves
// no half-written file. Not thread-safe.

#include <memory>
#include <string>
#include <vector>

#include "app/link_output.h"
#include "app/synth_data.h"
#include "core/status.h"

namespace vigil::app {

enum class SynthFormat { kCsv, kJsonLines };

// The file names written for `format`, in the order persons, reports,
// truth_persons, truth_courses.
std::vector<std::string> SynthFileNames(SynthFormat format);

// One line (no line end) of persons.csv / reports.csv, with the header
// lines in the documented column order. A report's occasion beyond the
// first is not written (reports.csv holds one).
std::string PersonsCsvHeader();
std::string PersonCsvRow(const services::ImportPerson& person);
std::string ReportsCsvHeader();
std::string ReportCsvRow(const services::ImportReport& report);
// One JSON Lines record (no line end) of a person or report with its refs.
std::string PersonJsonLine(const services::ImportPerson& person);
std::string ReportJsonLine(const services::ImportReport& report);

class SynthWriter {
 public:
  SynthWriter(std::string folder, SynthFormat format);

  // Creates the folder if missing and the temporary files; kUnavailable
  // when either cannot be created.
  core::Status Open();
  // Writes one series' rows to every file.
  void Write(const SynthSeries& series);
  // Flushes and renames every file into place; kUnavailable on any write
  // error (then no file is renamed that failed).
  core::Status Commit();

 private:
  std::string folder_;
  SynthFormat format_;
  std::vector<std::unique_ptr<AtomicFile>> files_;
};

}  // namespace vigil::app
