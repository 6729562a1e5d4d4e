#include "storage/sqlite/connection.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <utility>

namespace vigil::storage::sqlite {
namespace {

// Every connection's page cache (PRAGMA cache_size, in KiB) and
// memory-mapped read window (PRAGMA mmap_size, in bytes). Searches over
// 100,000+ reports read far more pages than SQLite's default 2 MB cache
// holds; the cache grows only as pages are read, and the mapping is shared
// by every connection through the operating system's page cache.
constexpr std::int64_t kPageCacheKib = 64 * 1024;
constexpr std::int64_t kMmapBytes = std::int64_t{1} << 30;

}  // namespace

core::Status StatusFromSqlite(int code, std::string_view message) {
  std::string text = "sqlite: " + std::string(message);
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return core::AlreadyExists(std::move(text));
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return core::NotFound(std::move(text));
    case SQLITE_CONSTRAINT_TRIGGER:
      return core::FailedPrecondition(std::move(text));
    default:
      break;
  }
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      return core::Unavailable(std::move(text));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return core::DataLoss(std::move(text));
    default:
      return core::Internal(std::move(text));
  }
}

// Statement ---------------------------------------------------------------

Statement::Statement(sqlite3_stmt* statement, bool* in_use)
    : statement_(statement), in_use_(in_use) {}

Statement::Statement(Statement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      bind_status_(std::move(other.bind_status_)) {}

Statement::~Statement() {
  if (statement_ == nullptr) return;
  if (in_use_ != nullptr) {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(statement_);
  }
}

void Statement::Remember(int code) {
  if (code != SQLITE_OK && bind_status_.ok()) {
    bind_status_ = StatusFromSqlite(code, sqlite3_errmsg(sqlite3_db_handle(statement_)));
  }
}

Statement& Statement::Bind(int index, std::int64_t value) {
  Remember(sqlite3_bind_int64(statement_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  Remember(sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8));
  return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::BindNull(int index) {
  Remember(sqlite3_bind_null(statement_, index));
  return *this;
}

core::Result<bool> Statement::Step() {
  if (!bind_status_.ok()) return bind_status_;
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return StatusFromSqlite(code, sqlite3_errmsg(sqlite3_db_handle(statement_)));
}

core::Status Statement::Run() {
  while (true) {
    core::Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return core::Status::Ok();
  }
}

std::int64_t Statement::Integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::optional<std::int64_t> Statement::OptionalInteger(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(statement_, column);
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return "";
  int size = sqlite3_column_bytes(statement_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

// Connection --------------------------------------------------------------

core::Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                           std::chrono::milliseconds busy_timeout,
                                                           std::size_t statement_cache_size) {
  sqlite3* database = nullptr;
  int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int code = sqlite3_open_v2(path.c_str(), &database, flags, nullptr);
  if (code != SQLITE_OK) {
    core::Status status = StatusFromSqlite(
        code, database != nullptr ? sqlite3_errmsg(database) : sqlite3_errstr(code));
    sqlite3_close(database);
    return core::Unavailable("cannot open database " + path + ": " + status.message());
  }
  sqlite3_extended_result_codes(database, 1);
  sqlite3_busy_timeout(database, static_cast<int>(busy_timeout.count()));
  std::unique_ptr<Connection> connection(new Connection(database, statement_cache_size));
  // Reading the schema here makes a file that is not a database fail now
  // (kDataLoss) rather than at the first query.
  VIGIL_RETURN_IF_ERROR(connection->Execute(
      "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;"
      "PRAGMA cache_size = " +
      std::to_string(-kPageCacheKib) + "; PRAGMA mmap_size = " + std::to_string(kMmapBytes) +
      ";"
      "SELECT count(*) FROM sqlite_schema;"));
  return connection;
}

Connection::Connection(sqlite3* database, std::size_t statement_cache_size)
    : database_(database), statement_cache_size_(statement_cache_size) {}

Connection::~Connection() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.statement);
  sqlite3_close(database_);
}

core::Status Connection::Error(int code) const {
  return StatusFromSqlite(code, sqlite3_errmsg(database_));
}

core::Status Connection::Execute(const std::string& sql) {
  int code = sqlite3_exec(database_, sql.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) return Error(code);
  return core::Status::Ok();
}

core::Result<Statement> Connection::Prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found != cache_.end() && !found->second.in_use) {
    found->second.in_use = true;
    return Statement(found->second.statement, &found->second.in_use);
  }
  sqlite3_stmt* statement = nullptr;
  int code = sqlite3_prepare_v3(database_, sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (code != SQLITE_OK) {
    sqlite3_finalize(statement);
    return Error(code);
  }
  if (statement == nullptr) return core::Internal("sqlite: empty statement: " + sql);
  if (found == cache_.end() && cache_.size() < statement_cache_size_) {
    CachedStatement& cached = cache_[sql];
    cached.statement = statement;
    cached.in_use = true;
    return Statement(statement, &cached.in_use);
  }
  return Statement(statement, nullptr);
}

std::int64_t Connection::LastInsertId() const { return sqlite3_last_insert_rowid(database_); }

int Connection::Changes() const { return sqlite3_changes(database_); }

bool Connection::InTransaction() const { return sqlite3_get_autocommit(database_) == 0; }

}  // namespace vigil::storage::sqlite
