#include "storage/sqlite/connection_pool.h"

#include <utility>

namespace vigil::storage::sqlite {

ConnectionPool::ConnectionPool(std::string path, SqliteOptions options)
    : path_(std::move(path)), options_(options) {
  if (options_.connection_limit < 1) options_.connection_limit = 1;
}

core::Result<std::unique_ptr<Connection>> ConnectionPool::Acquire() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    bool available = returned_.wait_for(lock, options_.busy_timeout, [this] {
      return !idle_.empty() || open_count_ < options_.connection_limit;
    });
    if (!available) {
      return core::Unavailable("all " + std::to_string(options_.connection_limit) +
                               " database connections stayed busy");
    }
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    ++open_count_;  // Reserve the slot, then open outside the lock.
  }
  core::Result<std::unique_ptr<Connection>> opened =
      Connection::Open(path_, options_.busy_timeout, options_.statement_cache_size);
  if (!opened.ok()) Release(nullptr);
  return opened;
}

void ConnectionPool::Release(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (connection != nullptr) {
      idle_.push_back(std::move(connection));
    } else {
      --open_count_;
    }
  }
  returned_.notify_one();
}

void ConnectionPool::AddTimeInStore(std::chrono::steady_clock::duration duration) {
  nanoseconds_in_store_.fetch_add(
      std::chrono::duration_cast<std::chrono::nanoseconds>(duration).count(),
      std::memory_order_relaxed);
}

double ConnectionPool::SecondsInStore() const {
  return static_cast<double>(nanoseconds_in_store_.load(std::memory_order_relaxed)) / 1e9;
}

}  // namespace vigil::storage::sqlite
