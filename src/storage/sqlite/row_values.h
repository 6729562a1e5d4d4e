#pragma once
// How domain values are stored in SQLite columns: timestamps as INTEGER
// seconds since the Unix epoch (UTC), dates as INTEGER days since
// 1970-01-01, booleans as 0/1, and lists of ids bound as one JSON array
// parameter (read back with json_each) so a batch load is one prepared
// statement whatever the batch size. Also the shared "missing or stale"
// check after an optimistic UPDATE. Not thread-safe beyond its Connection.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "storage/sqlite/connection.h"

namespace vigil::storage::sqlite {

// Seconds since 1970-01-01T00:00:00Z.
inline std::int64_t ToSeconds(core::Timestamp timestamp) {
  return timestamp.time_since_epoch().count();
}
inline core::Timestamp TimestampFromSeconds(std::int64_t seconds) {
  return core::Timestamp(std::chrono::seconds(seconds));
}
inline std::optional<std::int64_t> ToSeconds(const std::optional<core::Timestamp>& timestamp) {
  if (!timestamp) return std::nullopt;
  return ToSeconds(*timestamp);
}
inline std::optional<core::Timestamp> TimestampFromSeconds(
    const std::optional<std::int64_t>& seconds) {
  if (!seconds) return std::nullopt;
  return TimestampFromSeconds(*seconds);
}

// Days since 1970-01-01.
inline std::int64_t ToDays(core::Date date) { return date.time_since_epoch().count(); }
inline core::Date DateFromDays(std::int64_t days) { return core::Date(std::chrono::days(days)); }

// "[1,2,3]": bind as text and read in SQL with `IN (SELECT value FROM
// json_each(?))`.
inline std::string JsonIdList(const std::vector<std::int64_t>& ids) {
  std::string json = "[";
  for (std::size_t index = 0; index < ids.size(); ++index) {
    if (index > 0) json += ',';
    json += std::to_string(ids[index]);
  }
  json += ']';
  return json;
}

// Prepares `sql`, binds `values` to parameters 1, 2, ... and runs it to
// completion (for INSERT, UPDATE and DELETE).
template <typename... Values>
core::Status RunStatement(Connection& connection, const std::string& sql, const Values&... values) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement, connection.Prepare(sql));
  int index = 1;
  (statement.Bind(index++, values), ...);
  return statement.Run();
}

// True when `sql` (one parameter, the id) returns a row.
inline core::Result<bool> RowExists(Connection& connection, const std::string& sql,
                                    std::int64_t id) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement, connection.Prepare(sql));
  statement.Bind(1, id);
  return statement.Step();
}

// For an UPDATE ... WHERE id = ? AND version = ? that changed no row:
// kNotFound ("<noun> <id> does not exist") when `table` has no row `id`,
// else kConflict naming the stored and the expected versions.
inline core::Status MissingOrStale(Connection& connection, std::string_view table,
                                   std::string_view noun, std::int64_t id,
                                   std::int64_t expected_version) {
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection.Prepare("SELECT version FROM " + std::string(table) + " WHERE id = ?"));
  statement.Bind(1, id);
  VIGIL_ASSIGN_OR_RETURN(bool found, statement.Step());
  std::string name = std::string(noun) + " " + std::to_string(id);
  if (!found) return core::NotFound(name + " does not exist");
  return core::Conflict(name + " has been changed by someone else (stored version " +
                        std::to_string(statement.Integer(0)) + ", given version " +
                        std::to_string(expected_version) + ")");
}

}  // namespace vigil::storage::sqlite
