#pragma once
// Paging helpers shared by every Store backend, so that all of them accept
// and reject the same limits and cursors. A cursor is opaque to callers; it
// names the last item of a page by its sort key and id ("<key>:<id>", or
// "<id>" for listings ordered by id alone). Header-only; pure functions.

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

#include "core/result.h"
#include "core/status.h"

namespace vigil::storage {

// The last item of a page in a listing ordered by (key, id).
struct KeysetCursor {
  std::int64_t key = 0;
  std::int64_t id = 0;
};

namespace internal {

// Parses all of `text` as a decimal integer (optionally negative).
inline bool ParseWholeInteger(std::string_view text, std::int64_t& value) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && stop == end;
}

inline core::Status BadCursor() {
  return core::InvalidArgument("the cursor is not valid",
                               {{"cursor", "invalid", "is not a cursor from a previous page"}});
}

}  // namespace internal

// "<key>:<id>".
inline std::string FormatKeysetCursor(const KeysetCursor& cursor) {
  return std::to_string(cursor.key) + ":" + std::to_string(cursor.id);
}

// Reads a cursor made by FormatKeysetCursor. kInvalidArgument (field
// "cursor") unless `text` is an integer, a colon and a positive integer.
inline core::Result<KeysetCursor> ParseKeysetCursor(std::string_view text) {
  std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return internal::BadCursor();
  KeysetCursor cursor;
  if (!internal::ParseWholeInteger(text.substr(0, colon), cursor.key) ||
      !internal::ParseWholeInteger(text.substr(colon + 1), cursor.id) || cursor.id <= 0) {
    return internal::BadCursor();
  }
  return cursor;
}

// "<id>", for listings ordered by id alone.
inline std::string FormatIdCursor(std::int64_t id) { return std::to_string(id); }

// Reads a cursor made by FormatIdCursor. kInvalidArgument (field "cursor")
// unless `text` is a positive integer.
inline core::Result<std::int64_t> ParseIdCursor(std::string_view text) {
  std::int64_t id = 0;
  if (!internal::ParseWholeInteger(text, id) || id <= 0) return internal::BadCursor();
  return id;
}

// OK when minimum <= limit <= maximum; otherwise kInvalidArgument (field
// "limit") stating the range.
inline core::Status CheckLimit(int limit, int minimum, int maximum) {
  if (limit >= minimum && limit <= maximum) return core::Status::Ok();
  std::string range = std::to_string(minimum) + " to " + std::to_string(maximum);
  return core::InvalidArgument("the limit must be " + range,
                               {{"limit", "out_of_range", "must be from " + range}});
}

}  // namespace vigil::storage
