#include "storage_contract/storage_contract_fixture.h"

#include <utility>

namespace vigil::storage_contract {

void PrintTo(const StorageBackend& backend, std::ostream* out) { *out << backend.name; }

std::string BackendName(const ::testing::TestParamInfo<StorageBackend>& info) {
  return info.param.name;
}

void StorageContractTest::SetUp() {
  core::Result<std::unique_ptr<storage::Store>> opened = GetParam().open(directory_.path());
  ASSERT_TRUE(opened.ok()) << opened.status();
  store_ = std::move(opened).value();
}

std::unique_ptr<storage::Transaction> StorageContractTest::Begin(storage::TransactionMode mode) {
  core::Result<std::unique_ptr<storage::Transaction>> begun = store_->Begin(mode);
  if (!begun.ok()) {
    ADD_FAILURE() << "Begin failed: " << begun.status();
    return nullptr;
  }
  return std::move(begun).value();
}

namespace {

// Runs `insert` in a new write transaction and commits it.
template <typename Insert>
void InsertAndCommit(storage::Store& store, Insert insert) {
  core::Result<std::unique_ptr<storage::Transaction>> begun =
      store.Begin(storage::TransactionMode::kWrite);
  ASSERT_TRUE(begun.ok()) << begun.status();
  core::Status inserted = insert(**begun);
  ASSERT_TRUE(inserted.ok()) << inserted;
  core::Status committed = (*begun)->Commit();
  ASSERT_TRUE(committed.ok()) << committed;
}

// Runs `read` in a new read transaction.
template <typename Read>
auto ReadOnce(storage::Store& store, Read read)
    -> decltype(read(std::declval<storage::Transaction&>())) {
  core::Result<std::unique_ptr<storage::Transaction>> begun =
      store.Begin(storage::TransactionMode::kRead);
  if (!begun.ok()) return begun.status();
  return read(**begun);
}

}  // namespace

domain::Person StorageContractTest::StorePerson(domain::Person person) {
  InsertAndCommit(
      *store_, [&](storage::Transaction& transaction) { return transaction.InsertPerson(person); });
  return person;
}

domain::Report StorageContractTest::StoreReport(domain::Report report) {
  InsertAndCommit(
      *store_, [&](storage::Transaction& transaction) { return transaction.InsertReport(report); });
  return report;
}

domain::Case StorageContractTest::StoreCase(domain::Case value) {
  InsertAndCommit(*store_,
                  [&](storage::Transaction& transaction) { return transaction.InsertCase(value); });
  return value;
}

domain::Task StorageContractTest::StoreTask(domain::Task task) {
  InsertAndCommit(*store_,
                  [&](storage::Transaction& transaction) { return transaction.InsertTask(task); });
  return task;
}

domain::Note StorageContractTest::StoreNote(domain::Note note) {
  InsertAndCommit(*store_,
                  [&](storage::Transaction& transaction) { return transaction.InsertNote(note); });
  return note;
}

domain::AuditEvent StorageContractTest::StoreAuditEvent(domain::AuditEvent event) {
  InsertAndCommit(
      *store_, [&](storage::Transaction& transaction) { return transaction.AppendAudit(event); });
  return event;
}

core::Result<domain::Person> StorageContractTest::ReadPerson(domain::PersonId id) {
  return ReadOnce(*store_,
                  [&](storage::Transaction& transaction) { return transaction.GetPerson(id); });
}

core::Result<domain::Report> StorageContractTest::ReadReport(domain::ReportId id) {
  return ReadOnce(*store_,
                  [&](storage::Transaction& transaction) { return transaction.GetReport(id); });
}

core::Result<domain::Case> StorageContractTest::ReadCase(domain::CaseId id) {
  return ReadOnce(*store_,
                  [&](storage::Transaction& transaction) { return transaction.GetCase(id); });
}

core::Result<domain::Task> StorageContractTest::ReadTask(domain::TaskId id) {
  return ReadOnce(*store_,
                  [&](storage::Transaction& transaction) { return transaction.GetTask(id); });
}

}  // namespace vigil::storage_contract
