#pragma once
// SqliteStore: the default storage::Store, one SQLite database file in WAL
// mode. Opening it creates the file if missing (permissions 0600: it holds
// personal data), applies the embedded migrations not yet applied and
// records them. Transactions run on pooled connections, so many threads can
// read at once while one writes. Thread-safe (store.h); transactions may
// outlive the store object (they share its connection pool).

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/sqlite_options.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

class ConnectionPool;

class SqliteStore final : public Store {
 public:
  // Opens (creating if missing) the database file at `path`, sets WAL,
  // foreign keys, the busy timeout and synchronous=NORMAL, restricts the
  // file to its owner (0600) and applies pending migrations.
  // kInvalidArgument (field "path") for an empty path, ":memory:" or a URI
  // (a pool needs one shared file); kUnavailable when the file cannot be
  // created or opened; kDataLoss when it is not an SQLite database;
  // kFailedPrecondition when a newer vigil has migrated it further.
  static core::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                         const SqliteOptions& options = {});

  // As Open, for `vigil migrate`: brings the schema up to date and returns
  // the names of the migrations applied now (empty when up to date).
  static core::Result<std::vector<std::string>> ApplyMigrations(const std::string& path,
                                                                const SqliteOptions& options = {});

  ~SqliteStore() override;

  // See storage::Store. kUnavailable when every pooled connection stays in
  // use, or (for kWrite) another writer holds the lock, past the busy
  // timeout.
  core::Result<std::unique_ptr<Transaction>> Begin(TransactionMode mode) override;
  // Seconds spent in Begin, every Transaction call, Commit and rollback,
  // summed over all threads since Open.
  double SecondsInStore() const override;

  // The database file.
  const std::string& path() const;

 private:
  explicit SqliteStore(std::shared_ptr<ConnectionPool> pool);

  std::shared_ptr<ConnectionPool> pool_;
};

}  // namespace vigil::storage::sqlite
