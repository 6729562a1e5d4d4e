#pragma once
// Test-only helpers for the tests in src/app: a real SQLite store in a
// temporary folder with Services over it, a fixed clock, and ways to count
// and read back what the store holds. Not part of vigil_app (only *_test.cc
// files include it).

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "app/command_support.h"
#include "app/jsonl_export.h"
#include "core/clock.h"
#include "services/services.h"
#include "storage/sqlite/sqlite_store.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::app::test_support {

// One store in its own file, with services over it at TestNow().
class StoreWithServices {
 public:
  explicit StoreWithServices(const std::string& path) : clock_(vigil::testing::TestNow()) {
    auto opened = storage::sqlite::SqliteStore::Open(path);
    if (!opened.ok()) {
      ADD_FAILURE() << opened.status();
      std::abort();
    }
    store_ = std::move(opened).value();
    services_ =
        std::make_unique<services::Services>(*store_, vigil::testing::TestLookups(), clock_);
  }

  storage::sqlite::SqliteStore& store() { return *store_; }
  services::Services& services() { return *services_; }
  core::FakeClock& clock() { return clock_; }

  std::int64_t CountPersons() {
    auto transaction = store_->Begin(storage::TransactionMode::kRead);
    EXPECT_TRUE(transaction.ok()) << transaction.status();
    storage::PersonQuery query;
    query.limit = 1;
    auto page = (*transaction)->SearchPersons(query);
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? page->total : -1;
  }

  std::int64_t CountReports() {
    auto transaction = store_->Begin(storage::TransactionMode::kRead);
    EXPECT_TRUE(transaction.ok()) << transaction.status();
    storage::ReportQuery query;
    query.limit = 1;
    auto page = (*transaction)->SearchReports(query);
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? page->total : -1;
  }

  // Everything, as `vigil export` writes it.
  std::string Export() {
    std::ostringstream out;
    core::Status status = WriteJsonLines(*services_, OperatorCaller("test"), out);
    EXPECT_TRUE(status.ok()) << status;
    return out.str();
  }

 private:
  core::FakeClock clock_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<services::Services> services_;
};

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace vigil::app::test_support
