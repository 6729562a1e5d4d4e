#pragma once
// Maps CSV files (persons.csv, reports.csv; see
// docs/reference/import-export.md) onto import records. Checks the header
// (unknown, repeated and missing columns) and each cell's syntax (dates,
// timestamps, list items, roles), collecting every problem with its file and
// line; the rules about values (known forces, classifications, postcodes,
// ...) are the services' (Services::Import). Pure functions; thread-safe.

#include <optional>
#include <span>
#include <string_view>

#include "app/import_problem.h"

namespace vigil::app {

enum class CsvKind { kPersons, kReports };

// One column of a CSV kind.
struct CsvColumn {
  std::string_view name;
  bool required;
};

// The columns of each kind, in the documented order.
std::span<const CsvColumn> PersonColumns();
std::span<const CsvColumn> ReportColumns();

// Reads persons.csv text: one person per row, added to `parsed.batch.persons`
// with location "FILE:LINE"; problems added to `parsed.problems`.
void ReadPersonsCsv(std::string_view text, std::string_view file_name, ParsedImport& parsed);

// Reads reports.csv text: one report (with at most one occasion) per row.
void ReadReportsCsv(std::string_view text, std::string_view file_name, ParsedImport& parsed);

// The kind a CSV file holds, judged from its header: reports when it has a
// force_reference column, persons when it has a ref column; empty otherwise.
std::optional<CsvKind> GuessCsvKind(std::string_view text);

}  // namespace vigil::app
