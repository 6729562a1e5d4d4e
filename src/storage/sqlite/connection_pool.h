#pragma once
// ConnectionPool: the SQLite connections of one database file, opened
// lazily and reused, at most SqliteOptions::connection_limit at once. Under
// WAL many readers run in parallel on their own connections while one writer
// holds the write lock. It also keeps the store's running total of time
// spent in the store. Thread-safe.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sqlite_options.h"

namespace vigil::storage::sqlite {

class ConnectionPool {
 public:
  ConnectionPool(std::string path, SqliteOptions options);
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Lends a connection: an idle one, else a newly opened one while fewer
  // than the limit are open, else the first one returned within the busy
  // timeout. kUnavailable when none frees up in time or one cannot be
  // opened (kDataLoss when the file is not a database).
  core::Result<std::unique_ptr<Connection>> Acquire();

  // Takes back a connection lent by Acquire, outside any transaction, for
  // reuse. Null gives back the slot of a connection that was discarded
  // (for example one whose rollback failed).
  void Release(std::unique_ptr<Connection> connection);

  // Adds to the running total behind SecondsInStore.
  void AddTimeInStore(std::chrono::steady_clock::duration duration);
  // Cumulative time spent in the store, in seconds.
  double SecondsInStore() const;

  const std::string& path() const { return path_; }
  const SqliteOptions& options() const { return options_; }

 private:
  const std::string path_;
  SqliteOptions options_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;  // Guarded by mutex_.
  int open_count_ = 0;                             // Guarded by mutex_.
  std::atomic<std::int64_t> nanoseconds_in_store_{0};
};

// Measures the lifetime of a scope and adds it to a pool's time in store.
class StoreTimer {
 public:
  explicit StoreTimer(ConnectionPool& pool)
      : pool_(pool), start_(std::chrono::steady_clock::now()) {}
  StoreTimer(const StoreTimer&) = delete;
  StoreTimer& operator=(const StoreTimer&) = delete;
  ~StoreTimer() { pool_.AddTimeInStore(std::chrono::steady_clock::now() - start_); }

 private:
  ConnectionPool& pool_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace vigil::storage::sqlite
