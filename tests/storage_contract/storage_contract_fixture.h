#pragma once
// The storage contract suite's backends and fixture. Every contract test is
// a TEST_P over StorageBackends(), so each backend (SQLite now; PostgreSQL
// by adding one factory in storage_backends.cc) must pass the same tests.
// Each test gets a new, empty store. Not thread-safe (GoogleTest fixture);
// the stores themselves are, and some tests use them from several threads.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit_event.h"
#include "domain/case.h"
#include "domain/note.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/task.h"
#include "storage/store.h"
#include "testing/temp_dir.h"

namespace vigil::storage_contract {

// One Store implementation under test.
struct StorageBackend {
  std::string name;  // Used in test names, e.g. "Sqlite".
  // Opens a new, empty store, keeping any files under `directory` (which
  // exists, is empty and outlives the store).
  std::function<core::Result<std::unique_ptr<storage::Store>>(const std::string& directory)> open;
};

// GoogleTest printer: the backend's name.
void PrintTo(const StorageBackend& backend, std::ostream* out);

// Every backend available in this build and environment.
std::vector<StorageBackend> StorageBackends();

// For INSTANTIATE_TEST_SUITE_P: the backend's name.
std::string BackendName(const ::testing::TestParamInfo<StorageBackend>& info);

class StorageContractTest : public ::testing::TestWithParam<StorageBackend> {
 protected:
  // Opens a new, empty store from the backend under test.
  void SetUp() override;

  // Begins a transaction; null (after recording a failure) when it cannot.
  std::unique_ptr<storage::Transaction> Begin(
      storage::TransactionMode mode = storage::TransactionMode::kWrite);

  // Each inserts its record in a new transaction and commits, recording a
  // failure when either fails, and returns the record as stored.
  domain::Person StorePerson(domain::Person person);
  domain::Report StoreReport(domain::Report report);
  domain::Case StoreCase(domain::Case value);
  domain::Task StoreTask(domain::Task task);
  domain::Note StoreNote(domain::Note note);
  domain::AuditEvent StoreAuditEvent(domain::AuditEvent event);

  // Each reads its record in a new read transaction; a failed read is
  // returned as its Status.
  core::Result<domain::Person> ReadPerson(domain::PersonId id);
  core::Result<domain::Report> ReadReport(domain::ReportId id);
  core::Result<domain::Case> ReadCase(domain::CaseId id);
  core::Result<domain::Task> ReadTask(domain::TaskId id);

  testing::TempDir directory_;
  std::unique_ptr<storage::Store> store_;
};

}  // namespace vigil::storage_contract
