#pragma once
// A streaming RFC 4180 CSV reader for `vigil link`, which must read files of
// millions of rows without holding them: it reads a stream in 1 MiB chunks
// and hands over one record at a time as views into its own buffer.
// (app/csv_reader.h parses a whole file into strings, which suits imports
// of thousands of records but not linkage inputs of millions.)
//
// What it accepts: a header row; fields separated by commas; records ended
// by LF, CRLF or a lone CR (the last may lack one); quoted fields holding
// commas, line ends and doubled quotes; a UTF-8 byte order mark; blank
// lines (skipped); spaces and tabs around unquoted fields and before a
// quoted one (FEBRL writes ", "), which are trimmed.
// What it reports (as problems with the file and line, the record skipped):
// a row with more or fewer fields than the header, a quote inside an
// unquoted field or text after a closing quote, a field longer than the
// limit, invalid UTF-8; and, stopping the file, an empty file or a quoted
// field never closed. Not thread-safe; one reader per stream.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::app {

struct LinkCsvLimits {
  std::size_t max_field_bytes = 64 * 1024;  // Longer fields are a problem.
  std::size_t max_fields = 4096;            // More fields in one record are a problem.
};

// One problem with the file: "FILE:LINE: message".
struct LinkCsvProblem {
  int line = 0;
  std::string message;
};

class LinkCsvReader {
 public:
  // Reads `in` (not owned; must outlive the reader); `file_name` names it
  // in problems.
  LinkCsvReader(std::istream& in, std::string file_name, LinkCsvLimits limits = {});

  // Reads the header row. False (with a problem recorded) when the file is
  // empty, unreadable or its first record is broken.
  bool ReadHeader();
  // Column names, trimmed.
  const std::vector<std::string>& header() const { return header_; }

  // Reads the next good record into `fields` (views valid until the next
  // call), skipping and recording bad ones. False at the end of the file or
  // after a problem that stops the file (an unclosed quote).
  bool Next(std::vector<std::string_view>& fields);

  // The 1-based line on which the record last returned starts.
  int line() const { return record_line_; }
  // Problems so far, in line order.
  const std::vector<LinkCsvProblem>& problems() const { return problems_; }
  const std::string& file_name() const { return file_name_; }
  // Bytes read so far (for progress).
  std::size_t bytes_read() const { return bytes_read_; }

 private:
  enum class Outcome { kRecord, kBadRecord, kEnd };
  Outcome ReadRecord();
  bool Fill();
  int Peek();
  void Problem(int line, std::string message);

  std::istream& in_;
  std::string file_name_;
  LinkCsvLimits limits_;
  std::vector<char> chunk_;
  std::size_t chunk_position_ = 0;
  std::size_t chunk_size_ = 0;
  std::size_t bytes_read_ = 0;
  bool at_start_ = true;
  bool stopped_ = false;
  int line_ = 1;
  int record_line_ = 0;
  std::string buffer_;                   // The current record's field bytes.
  std::vector<std::size_t> field_ends_;  // End offsets in buffer_.
  std::vector<std::string> header_;
  std::vector<LinkCsvProblem> problems_;
};

// True when `text` is valid UTF-8 (no overlongs, surrogates or values
// above U+10FFFF).
bool IsValidUtf8Text(std::string_view text);

}  // namespace vigil::app
