#include "app/csv_reader.h"

#include <algorithm>
#include <cstddef>
#include <set>

#include "domain/text.h"

namespace vigil::app {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Lines (1-based) holding bytes that are not valid UTF-8. Lines end at LF,
// CRLF or a lone CR, as in the parser below.
std::set<int> LinesWithInvalidUtf8(std::string_view text) {
  std::set<int> lines;
  int line = 1;
  std::size_t start = 0;
  std::size_t position = 0;
  while (position <= text.size()) {
    bool at_end = position == text.size();
    char c = at_end ? '\n' : text[position];
    if (c == '\n' || c == '\r') {
      if (!domain::IsValidUtf8(text.substr(start, position - start))) lines.insert(line);
      if (c == '\r' && position + 1 < text.size() && text[position + 1] == '\n') ++position;
      ++line;
      start = position + 1;
    }
    ++position;
  }
  return lines;
}

std::string TrimHeaderName(std::string_view name) {
  std::size_t begin = name.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  std::size_t end = name.find_last_not_of(" \t");
  return std::string(name.substr(begin, end - begin + 1));
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  CsvTable Run() {
    bad_utf8_lines_ = LinesWithInvalidUtf8(text_);
    for (int line : bad_utf8_lines_) {
      table_.problems.push_back({line, "is not valid UTF-8 (save the file as UTF-8)"});
    }
    while (position_ < text_.size()) Step();
    bool unterminated = in_quotes_;
    if (unterminated) {
      AddProblem(quote_line_, "has a quoted field that is never closed (a \" is missing)");
    } else if (record_started_) {
      EndRecord();
    }
    if (table_.header_line == 0 && !unterminated) {
      table_.problems.push_back({1, "the file is empty; the first line must be the header row"});
    }
    std::stable_sort(
        table_.problems.begin(), table_.problems.end(),
        [](const CsvProblem& left, const CsvProblem& right) { return left.line < right.line; });
    return std::move(table_);
  }

 private:
  char Peek() const { return position_ + 1 < text_.size() ? text_[position_ + 1] : '\0'; }

  void AddProblem(int line, std::string message) {
    table_.problems.push_back({line, std::move(message)});
  }

  void Step() {
    char c = text_[position_];
    if (!record_started_) {
      record_started_ = true;
      record_line_ = line_;
    }
    if (in_quotes_) {
      StepQuoted(c);
      return;
    }
    if (c == ',') {
      EndField();
      ++position_;
    } else if (c == '\n' || c == '\r') {
      position_ += (c == '\r' && Peek() == '\n') ? 2 : 1;
      EndRecord();
      ++line_;
    } else if (c == '"') {
      if (field_.empty() && !field_quoted_) {
        in_quotes_ = true;
        field_quoted_ = true;
        quote_line_ = line_;
      } else {
        SetRecordProblem(field_quoted_
                             ? "has text after the closing quote of field " + FieldNumber()
                             : "has a quote inside unquoted field " + FieldNumber() +
                                   " (quote the whole field and double the quote)");
        field_ += c;
      }
      ++position_;
    } else {
      if (field_quoted_) {
        SetRecordProblem("has text after the closing quote of field " + FieldNumber());
      }
      field_ += c;
      ++position_;
    }
  }

  void StepQuoted(char c) {
    if (c == '"') {
      if (Peek() == '"') {
        field_ += '"';
        position_ += 2;
      } else {
        in_quotes_ = false;
        ++position_;
      }
    } else if (c == '\r') {
      bool crlf = Peek() == '\n';
      field_ += crlf ? '\n' : '\r';
      position_ += crlf ? 2 : 1;
      ++line_;
    } else {
      if (c == '\n') ++line_;
      field_ += c;
      ++position_;
    }
  }

  std::string FieldNumber() const { return std::to_string(fields_.size() + 1); }

  void SetRecordProblem(std::string message) {
    if (record_problem_.empty()) record_problem_ = std::move(message);
  }

  void EndField() {
    fields_.push_back(std::move(field_));
    field_.clear();
    field_quoted_ = false;
  }

  // `line_` is still the last line of the record when this runs.
  void EndRecord() {
    bool blank = fields_.empty() && field_.empty() && !field_quoted_;
    EndField();
    std::vector<std::string> fields = std::move(fields_);
    fields_.clear();
    std::string problem = std::move(record_problem_);
    record_problem_.clear();
    record_started_ = false;
    if (blank) return;
    bool bad_utf8 = bad_utf8_lines_.lower_bound(record_line_) != bad_utf8_lines_.end() &&
                    *bad_utf8_lines_.lower_bound(record_line_) <= line_;
    bool has_problem = !problem.empty();
    if (has_problem) AddProblem(record_line_, std::move(problem));
    if (table_.header_line == 0) {
      table_.header_line = record_line_;
      for (const std::string& name : fields) table_.header.push_back(TrimHeaderName(name));
      return;
    }
    if (has_problem || bad_utf8) return;
    if (fields.size() != table_.header.size()) {
      AddProblem(record_line_, "has " + std::to_string(fields.size()) +
                                   (fields.size() == 1 ? " field" : " fields") +
                                   " but the header has " + std::to_string(table_.header.size()));
      return;
    }
    table_.rows.push_back({record_line_, std::move(fields)});
  }

  std::string_view text_;
  std::size_t position_ = 0;
  int line_ = 1;
  std::set<int> bad_utf8_lines_;
  CsvTable table_;

  bool record_started_ = false;
  int record_line_ = 1;
  std::vector<std::string> fields_;
  std::string field_;
  bool field_quoted_ = false;
  bool in_quotes_ = false;
  int quote_line_ = 1;
  std::string record_problem_;
};

}  // namespace

CsvTable ParseCsv(std::string_view text) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  return Parser(text).Run();
}

}  // namespace vigil::app
