#include "app/link_csv.h"

#include <cstdint>

namespace vigil::app {
namespace {

constexpr std::size_t kChunkBytes = 1 << 20;
constexpr int kEnd = -1;

bool IsBlank(int character) { return character == ' ' || character == '\t'; }
bool EndsField(int character) {
  return character == ',' || character == '\n' || character == '\r' || character == kEnd;
}

}  // namespace

bool IsValidUtf8Text(std::string_view text) {
  std::size_t index = 0;
  const std::size_t size = text.size();
  while (index < size) {
    unsigned char lead = static_cast<unsigned char>(text[index]);
    if (lead < 0x80) {
      ++index;
      continue;
    }
    int extra = 0;
    std::uint32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1;
      value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2;
      value = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3;
      value = lead & 0x07;
    } else {
      return false;
    }
    if (index + static_cast<std::size_t>(extra) >= size) return false;  // Cut short.
    for (int byte = 1; byte <= extra; ++byte) {
      unsigned char next = static_cast<unsigned char>(text[index + static_cast<std::size_t>(byte)]);
      if ((next & 0xC0) != 0x80) return false;
      value = (value << 6) | (next & 0x3F);
    }
    if ((extra == 2 && (value < 0x800 || (value >= 0xD800 && value <= 0xDFFF))) ||
        (extra == 3 && (value < 0x10000 || value > 0x10FFFF))) {
      return false;
    }
    index += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

LinkCsvReader::LinkCsvReader(std::istream& in, std::string file_name, LinkCsvLimits limits)
    : in_(in), file_name_(std::move(file_name)), limits_(limits), chunk_(kChunkBytes) {}

bool LinkCsvReader::Fill() {
  if (!in_) return false;
  in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  chunk_size_ = static_cast<std::size_t>(in_.gcount());
  chunk_position_ = 0;
  bytes_read_ += chunk_size_;
  if (at_start_ && chunk_size_ >= 3 && chunk_[0] == '\xEF' && chunk_[1] == '\xBB' &&
      chunk_[2] == '\xBF') {
    chunk_position_ = 3;  // A UTF-8 byte order mark.
  }
  at_start_ = false;
  return chunk_position_ < chunk_size_;
}

int LinkCsvReader::Peek() {
  if (chunk_position_ == chunk_size_ && !Fill()) return kEnd;
  return static_cast<unsigned char>(chunk_[chunk_position_]);
}

void LinkCsvReader::Problem(int line, std::string message) {
  problems_.push_back({line, std::move(message)});
}

LinkCsvReader::Outcome LinkCsvReader::ReadRecord() {
  buffer_.clear();
  field_ends_.clear();
  if (stopped_) return Outcome::kEnd;
  for (;;) {  // Blank lines.
    int character = Peek();
    if (character == kEnd) return Outcome::kEnd;
    if (character != '\n' && character != '\r') break;
    ++chunk_position_;
    if (character == '\r' && Peek() == '\n') ++chunk_position_;
    ++line_;
  }
  record_line_ = line_;
  std::string bad;
  auto mark_bad = [&bad](std::string message) {
    if (bad.empty()) bad = std::move(message);
  };
  for (;;) {
    const std::size_t field_start = buffer_.size();
    auto append = [&](char character) {
      if (buffer_.size() - field_start <= limits_.max_field_bytes) buffer_.push_back(character);
    };
    while (IsBlank(Peek())) ++chunk_position_;
    if (Peek() == '"') {
      ++chunk_position_;
      const int quote_line = line_;
      for (;;) {
        int character = Peek();
        if (character == kEnd) {
          Problem(quote_line, "has a quoted field that is never closed (a \" is missing)");
          stopped_ = true;
          return Outcome::kBadRecord;
        }
        ++chunk_position_;
        if (character == '"') {
          if (Peek() != '"') break;
          ++chunk_position_;
        } else if (character == '\r') {
          if (Peek() == '\n') ++chunk_position_;
          ++line_;
          character = '\n';
        } else if (character == '\n') {
          ++line_;
        }
        append(static_cast<char>(character));
      }
      while (IsBlank(Peek())) ++chunk_position_;
      if (!EndsField(Peek())) mark_bad("has text after the closing quote of a field");
    }
    // Unquoted text (or whatever follows a closing quote, already reported).
    for (int character = Peek(); !EndsField(character); character = Peek()) {
      ++chunk_position_;
      if (character == '"') {
        mark_bad("has a quote (\") inside a field that does not start with one");
      }
      append(static_cast<char>(character));
    }
    while (buffer_.size() > field_start && IsBlank(buffer_.back())) buffer_.pop_back();
    if (buffer_.size() - field_start > limits_.max_field_bytes) {
      mark_bad("has a field longer than " + std::to_string(limits_.max_field_bytes) + " bytes");
      buffer_.resize(field_start);
    }
    if (field_ends_.size() < limits_.max_fields) {
      field_ends_.push_back(buffer_.size());
    } else {
      mark_bad("has more than " + std::to_string(limits_.max_fields) + " fields");
    }
    int character = Peek();
    if (character == ',') {
      ++chunk_position_;
      continue;
    }
    if (character == '\r') {
      ++chunk_position_;
      if (Peek() == '\n') ++chunk_position_;
      ++line_;
    } else if (character == '\n') {
      ++chunk_position_;
      ++line_;
    }
    break;
  }
  if (bad.empty()) {
    for (char byte : buffer_) {
      if (static_cast<unsigned char>(byte) >= 0x80) {
        if (!IsValidUtf8Text(buffer_)) mark_bad("is not valid UTF-8 (save the file as UTF-8)");
        break;
      }
    }
  }
  if (!bad.empty()) {
    Problem(record_line_, std::move(bad));
    return Outcome::kBadRecord;
  }
  return Outcome::kRecord;
}

bool LinkCsvReader::ReadHeader() {
  for (;;) {
    Outcome outcome = ReadRecord();
    if (outcome == Outcome::kEnd) {
      if (problems_.empty()) Problem(1, "the file is empty; the first line must be the header row");
      return false;
    }
    if (outcome == Outcome::kBadRecord) return false;
    header_.clear();
    std::size_t start = 0;
    for (std::size_t end : field_ends_) {
      header_.emplace_back(buffer_.data() + start, end - start);
      start = end;
    }
    return true;
  }
}

bool LinkCsvReader::Next(std::vector<std::string_view>& fields) {
  for (;;) {
    Outcome outcome = ReadRecord();
    if (outcome == Outcome::kEnd) return false;
    if (outcome == Outcome::kBadRecord) {
      if (stopped_) return false;
      continue;
    }
    if (field_ends_.size() != header_.size()) {
      Problem(record_line_, "has " + std::to_string(field_ends_.size()) +
                                " fields but the header has " + std::to_string(header_.size()));
      continue;
    }
    fields.clear();
    std::size_t start = 0;
    for (std::size_t end : field_ends_) {
      fields.emplace_back(buffer_.data() + start, end - start);
      start = end;
    }
    return true;
  }
}

}  // namespace vigil::app
