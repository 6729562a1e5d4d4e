#include "storage/sqlite/sqlite_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <system_error>
#include <utility>

#include "storage/sqlite/audit_repository.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/migration_runner.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_transaction.h"

namespace vigil::storage::sqlite {
namespace {

core::Status CheckPath(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) {
    return core::InvalidArgument(
        "the database must be a file path",
        {{"path", "invalid", "must name a database file (not empty, \":memory:\" or a URI)"}});
  }
  return core::Status::Ok();
}

core::Status FileError(const std::string& action, const std::string& path) {
  return core::Unavailable("cannot " + action + " " + path + ": " +
                           std::error_code(errno, std::generic_category()).message());
}

// Creates the file if missing, readable and writable by its owner only,
// before SQLite opens it (so it is never briefly readable by others), and
// tightens an existing file's permissions to the same.
core::Status CreateOwnerOnly(const std::string& path) {
  int descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (descriptor < 0) return FileError("create database file", path);
  bool restricted = ::fchmod(descriptor, S_IRUSR | S_IWUSR) == 0;
  core::Status status = restricted ? core::Status::Ok() : FileError("restrict", path);
  ::close(descriptor);
  return status;
}

// Prepares the database file and a pool for it: WAL mode and every pending
// migration. Returns the pool and the names of the migrations applied.
core::Result<std::pair<std::shared_ptr<ConnectionPool>, std::vector<std::string>>> OpenPool(
    const std::string& path, const SqliteOptions& options) {
  VIGIL_RETURN_IF_ERROR(CheckPath(path));
  VIGIL_RETURN_IF_ERROR(CreateOwnerOnly(path));
  auto pool = std::make_shared<ConnectionPool>(path, options);
  VIGIL_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, pool->Acquire());
  core::Status wal = connection->Execute("PRAGMA journal_mode = WAL");
  core::Result<std::vector<std::string>> applied =
      wal.ok() ? ApplyPendingMigrations(*connection, SqliteMigrations(),
                                        {{"audit_chain", StartAuditChain}})
               : core::Result<std::vector<std::string>>(wal);
  pool->Release(std::move(connection));
  if (!applied.ok()) return applied.status();
  return std::make_pair(std::move(pool), std::move(applied).value());
}

}  // namespace

core::Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                             const SqliteOptions& options) {
  try {
    VIGIL_ASSIGN_OR_RETURN(auto opened, OpenPool(path, options));
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(opened.first)));
  } catch (const std::exception& error) {
    return core::Internal(std::string("opening the store failed: ") + error.what());
  }
}

core::Result<std::vector<std::string>> SqliteStore::ApplyMigrations(const std::string& path,
                                                                    const SqliteOptions& options) {
  try {
    VIGIL_ASSIGN_OR_RETURN(auto opened, OpenPool(path, options));
    return std::move(opened.second);
  } catch (const std::exception& error) {
    return core::Internal(std::string("migrating the store failed: ") + error.what());
  }
}

SqliteStore::SqliteStore(std::shared_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}

SqliteStore::~SqliteStore() = default;

core::Result<std::unique_ptr<Transaction>> SqliteStore::Begin(TransactionMode mode) {
  StoreTimer timer(*pool_);
  try {
    return SqliteTransaction::Begin(pool_, mode);
  } catch (const std::exception& error) {
    return core::Internal(std::string("beginning a transaction failed: ") + error.what());
  }
}

double SqliteStore::SecondsInStore() const { return pool_->SecondsInStore(); }

const std::string& SqliteStore::path() const { return pool_->path(); }

}  // namespace vigil::storage::sqlite
