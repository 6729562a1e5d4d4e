#pragma once
// SqliteOptions: how SqliteStore opens and shares its database file.
// Plain value type.

#include <chrono>
#include <cstddef>

namespace vigil::storage::sqlite {

struct SqliteOptions {
  // How long a connection waits for another writer's lock (SQLite busy
  // timeout), and how long Begin waits for a free pooled connection, before
  // giving up with kUnavailable.
  std::chrono::milliseconds busy_timeout{5000};
  // Most connections open at once (each serves one transaction at a time).
  int connection_limit = 16;
  // Most prepared statements kept per connection; statements beyond this
  // are prepared for one use and then finalised.
  std::size_t statement_cache_size = 256;
};

}  // namespace vigil::storage::sqlite
