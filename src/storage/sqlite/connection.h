#pragma once
// Connection: one sqlite3 connection with its cache of prepared statements;
// Statement: a prepared statement borrowed from that cache for one use.
// This is the only code that calls the SQLite C API for queries and the only
// place that turns SQLite result codes into core::Status. Not thread-safe: a
// Connection (and its Statements) is used by one thread at a time — the
// ConnectionPool lends it to one Transaction.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vigil::storage::sqlite {

// Maps an SQLite (extended) result code to a Status carrying `message`:
// busy or locked -> kUnavailable; unique or primary key constraint ->
// kAlreadyExists; foreign key constraint -> kNotFound; a trigger's RAISE ->
// kFailedPrecondition; corrupt or not a database -> kDataLoss; I/O errors,
// full disk, unopenable file -> kUnavailable; anything else -> kInternal.
core::Status StatusFromSqlite(int code, std::string_view message);

class Connection;

// A prepared statement ready to bind and step. Bind indexes are 1-based,
// column indexes 0-based (as in SQLite). Destroying it resets the statement
// and hands it back to the connection's cache (or finalises it when it was
// not cached). Must not outlive its Connection.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds a parameter. A failure is remembered and returned by Step/Run.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const std::optional<std::int64_t>& value);
  Statement& BindNull(int index);

  // Runs one step: true when a row is available, false when done; a failure
  // as a Status from StatusFromSqlite.
  core::Result<bool> Step();
  // Steps until done, ignoring any rows.
  core::Status Run();

  // The value of `column` in the current row. NULL reads as 0 or "".
  std::int64_t Integer(int column) const;
  std::optional<std::int64_t> OptionalInteger(int column) const;
  std::string Text(int column) const;

 private:
  friend class Connection;
  // `in_use` is the cache entry's flag, or null for an uncached statement.
  Statement(sqlite3_stmt* statement, bool* in_use);
  void Remember(int code);

  sqlite3_stmt* statement_;
  bool* in_use_;
  core::Status bind_status_;
};

class Connection {
 public:
  // Opens the database at `path` (created if missing) with extended result
  // codes, foreign keys on, the given busy timeout and synchronous=NORMAL.
  // kUnavailable when the file cannot be opened; kDataLoss when it is not a
  // database.
  static core::Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                        std::chrono::milliseconds busy_timeout,
                                                        std::size_t statement_cache_size);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  // Finalises every cached statement and closes the connection.
  ~Connection();

  // Runs one or more semicolon-separated statements without parameters
  // (pragmas, BEGIN/COMMIT, migration scripts), discarding any rows.
  core::Status Execute(const std::string& sql);

  // A statement for `sql`, from the cache when it is there and not in use.
  core::Result<Statement> Prepare(const std::string& sql);

  // The rowid of the last successful INSERT on this connection.
  std::int64_t LastInsertId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int Changes() const;
  // True between BEGIN and COMMIT/ROLLBACK.
  bool InTransaction() const;
  // The underlying handle, for code that needs the C API directly.
  sqlite3* handle() { return database_; }

 private:
  struct CachedStatement {
    sqlite3_stmt* statement = nullptr;
    bool in_use = false;
  };

  Connection(sqlite3* database, std::size_t statement_cache_size);
  core::Status Error(int code) const;

  sqlite3* database_;
  std::size_t statement_cache_size_;
  std::unordered_map<std::string, CachedStatement> cache_;
};

}  // namespace vigil::storage::sqlite
