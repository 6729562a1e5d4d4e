#pragma once
// A small RFC 4180 CSV reader for `vigil import`: a pure function from the
// text of a file to its header and rows, each row tagged with the line on
// which it starts, plus every problem found (never only the first). It does
// no I/O and keeps no state, so it is safe to call from any thread and easy
// to fuzz (fuzz/csv_import_fuzzer.cc).
//
// What it accepts:
//   - fields separated by commas, records ended by LF or CRLF (a lone CR is
//     also taken as a line end); the last record may lack a line end;
//   - quoted fields ("..."), which may hold commas, line ends and doubled
//     quotes (""); a CRLF inside a quoted field is read as LF;
//   - a UTF-8 byte order mark at the start, which is skipped;
//   - blank lines (no characters at all), which are skipped.
// What it reports (and leaves out of `rows`):
//   - an empty file or one with no header;
//   - a row with more or fewer fields than the header ("ragged");
//   - a quote inside an unquoted field, or text after a closing quote;
//   - a quoted field still open at the end of the file;
//   - a line that is not valid UTF-8.

#include <string>
#include <string_view>
#include <vector>

namespace vigil::app {

// One record after the header.
struct CsvRow {
  int line = 0;                     // 1-based line on which the record starts.
  std::vector<std::string> fields;  // Exactly as many as the header has.
};

// One problem with the file; `line` is 1-based (the line where the bad
// record starts, or the line of the bad byte for invalid UTF-8).
struct CsvProblem {
  int line = 0;
  std::string message;  // Plain English, e.g. "has 3 fields but the header has 4".
  friend bool operator==(const CsvProblem&, const CsvProblem&) = default;
};

struct CsvTable {
  std::vector<std::string> header;   // Column names, trimmed of spaces and tabs.
  int header_line = 0;               // 0 when the file has no header.
  std::vector<CsvRow> rows;          // Only the rows without problems.
  std::vector<CsvProblem> problems;  // In line order; empty when the file is clean.
};

// Parses `text` as CSV with a header row. Never fails as a whole: every
// problem is listed in `problems`, and every clean record is in `rows`.
CsvTable ParseCsv(std::string_view text);

}  // namespace vigil::app
