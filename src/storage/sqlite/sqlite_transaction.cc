#include "storage/sqlite/sqlite_transaction.h"

#include <exception>
#include <utility>

#include "storage/sqlite/audit_repository.h"
#include "storage/sqlite/case_repository.h"
#include "storage/sqlite/order_repository.h"
#include "storage/sqlite/person_repository.h"
#include "storage/sqlite/report_repository.h"
#include "storage/sqlite/screening_repository.h"
#include "storage/sqlite/task_repository.h"

namespace vigil::storage::sqlite {

core::Result<std::unique_ptr<Transaction>> SqliteTransaction::Begin(
    std::shared_ptr<ConnectionPool> pool, TransactionMode mode) {
  VIGIL_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, pool->Acquire());
  core::Status begun =
      connection->Execute(mode == TransactionMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  // A deferred transaction takes its snapshot at its first read: read now.
  if (begun.ok() && mode == TransactionMode::kRead) {
    begun = connection->Execute("SELECT count(*) FROM schema_migrations");
  }
  if (!begun.ok()) {
    if (connection->InTransaction() && !connection->Execute("ROLLBACK").ok()) connection.reset();
    pool->Release(std::move(connection));
    return begun;
  }
  return std::unique_ptr<Transaction>(
      new SqliteTransaction(std::move(pool), std::move(connection), mode));
}

SqliteTransaction::SqliteTransaction(std::shared_ptr<ConnectionPool> pool,
                                     std::unique_ptr<Connection> connection, TransactionMode mode)
    : pool_(std::move(pool)), connection_(std::move(connection)), mode_(mode) {}

SqliteTransaction::~SqliteTransaction() {
  StoreTimer timer(*pool_);
  Finish();
}

void SqliteTransaction::Finish() {
  if (connection_ == nullptr) return;
  try {
    if (connection_->InTransaction() && !connection_->Execute("ROLLBACK").ok()) {
      connection_.reset();  // Its state is unknown: never lend it again.
    }
  } catch (const std::exception&) {
    connection_.reset();
  }
  pool_->Release(std::move(connection_));
  connection_ = nullptr;
}

core::Status SqliteTransaction::CheckOpen() {
  if (connection_ == nullptr) {
    return core::FailedPrecondition("the transaction has already ended");
  }
  if (!connection_->InTransaction()) {
    // SQLite rolls a transaction back by itself after some errors (a full
    // disk, an I/O error); going on would write outside any transaction.
    Finish();
    return core::Unavailable("the database rolled the transaction back; retry it");
  }
  return core::Status::Ok();
}

template <typename Operation>
auto SqliteTransaction::Read(Operation operation) -> decltype(operation()) {
  StoreTimer timer(*pool_);
  try {
    VIGIL_RETURN_IF_ERROR(CheckOpen());
    return operation();
  } catch (const std::exception& error) {
    return core::Internal(std::string("storage failed: ") + error.what());
  }
}

template <typename Operation>
core::Status SqliteTransaction::Write(Operation operation) {
  if (mode_ != TransactionMode::kWrite) {
    return core::FailedPrecondition("a read transaction cannot change records");
  }
  return Read([&]() -> core::Status {
    VIGIL_RETURN_IF_ERROR(connection_->Execute("SAVEPOINT vigil_change"));
    core::Status status = operation();
    if (status.ok()) {
      status = connection_->Execute("RELEASE vigil_change");
      if (status.ok()) return status;
    }
    if (connection_->InTransaction()) {
      core::Status undone = connection_->Execute("ROLLBACK TO vigil_change");
      if (undone.ok()) undone = connection_->Execute("RELEASE vigil_change");
      if (!undone.ok()) Finish();  // Half-undone: end the whole transaction.
    }
    return status;
  });
}

core::Status SqliteTransaction::InsertPerson(domain::Person& person) {
  return Write([&] { return PersonRepository(*connection_).Insert(person); });
}

core::Result<domain::Person> SqliteTransaction::GetPerson(domain::PersonId id) {
  return Read([&] { return PersonRepository(*connection_).Get(id); });
}

core::Status SqliteTransaction::UpdatePerson(domain::Person& person) {
  return Write([&] { return PersonRepository(*connection_).Update(person); });
}

core::Result<PersonPage> SqliteTransaction::SearchPersons(const PersonQuery& query) {
  return Read([&] { return PersonRepository(*connection_).Search(query); });
}

core::Status SqliteTransaction::InsertReport(domain::Report& report) {
  return Write([&] { return ReportRepository(*connection_).Insert(report); });
}

core::Result<domain::Report> SqliteTransaction::GetReport(domain::ReportId id) {
  return Read([&] { return ReportRepository(*connection_).Get(id); });
}

core::Status SqliteTransaction::UpdateReport(domain::Report& report) {
  return Write([&] { return ReportRepository(*connection_).Update(report); });
}

core::Result<ReportPage> SqliteTransaction::SearchReports(const ReportQuery& query) {
  return Read([&] { return ReportRepository(*connection_).Search(query); });
}

core::Status SqliteTransaction::InsertCase(domain::Case& value) {
  return Write([&] { return CaseRepository(*connection_).InsertCase(value); });
}

core::Result<domain::Case> SqliteTransaction::GetCase(domain::CaseId id) {
  return Read([&] { return CaseRepository(*connection_).GetCase(id); });
}

core::Status SqliteTransaction::UpdateCase(domain::Case& value) {
  return Write([&] { return CaseRepository(*connection_).UpdateCase(value); });
}

core::Result<CasePage> SqliteTransaction::ListCases(const CaseQuery& query) {
  return Read([&] { return CaseRepository(*connection_).ListCases(query); });
}

core::Status SqliteTransaction::InsertTask(domain::Task& task) {
  return Write([&] { return TaskRepository(*connection_).Insert(task); });
}

core::Result<domain::Task> SqliteTransaction::GetTask(domain::TaskId id) {
  return Read([&] { return TaskRepository(*connection_).Get(id); });
}

core::Status SqliteTransaction::UpdateTask(domain::Task& task) {
  return Write([&] { return TaskRepository(*connection_).Update(task); });
}

core::Result<std::vector<domain::Task>> SqliteTransaction::ListTasks(const TaskQuery& query) {
  return Read([&] { return TaskRepository(*connection_).List(query); });
}

core::Status SqliteTransaction::InsertScreening(domain::ScreeningRecord& record) {
  return Write([&] { return ScreeningRepository(*connection_).Insert(record); });
}

core::Result<domain::ScreeningRecord> SqliteTransaction::GetScreening(domain::ScreeningId id) {
  return Read([&] { return ScreeningRepository(*connection_).Get(id); });
}

core::Result<std::vector<domain::ScreeningRecord>> SqliteTransaction::ListScreenings(
    domain::ReportId report_id) {
  return Read([&] { return ScreeningRepository(*connection_).ListByReport(report_id); });
}

core::Status SqliteTransaction::InsertNote(domain::Note& note) {
  return Write([&] { return CaseRepository(*connection_).InsertNote(note); });
}

core::Status SqliteTransaction::InsertOrder(domain::court_order::Order& order) {
  return Write([&] { return OrderRepository(*connection_).InsertOrder(order); });
}

core::Result<domain::court_order::Order> SqliteTransaction::GetOrder(
    domain::court_order::OrderId id) {
  return Read([&] { return OrderRepository(*connection_).GetOrder(id); });
}

core::Status SqliteTransaction::UpdateOrder(domain::court_order::Order& order) {
  return Write([&] { return OrderRepository(*connection_).UpdateOrder(order); });
}

core::Result<std::vector<domain::court_order::Order>> SqliteTransaction::ListOrders(
    const OrderQuery& query) {
  return Read([&] { return OrderRepository(*connection_).ListOrders(query); });
}

core::Result<std::vector<OrderEventCount>> SqliteTransaction::CountOrderEvents(
    const OrderEventCountQuery& query) {
  return Read([&] { return OrderRepository(*connection_).CountOrderEvents(query); });
}

core::Result<std::vector<domain::Note>> SqliteTransaction::ListNotes(domain::CaseId case_id) {
  return Read([&] { return CaseRepository(*connection_).ListNotes(case_id); });
}

core::Status SqliteTransaction::AppendAudit(domain::AuditEvent& event) {
  return Write([&] { return AuditRepository(*connection_).Append(event); });
}

core::Result<std::vector<domain::AuditEvent>> SqliteTransaction::ListAudit(
    std::int64_t record_id, const std::string& record_type, int limit) {
  return Read([&] { return AuditRepository(*connection_).List(record_id, record_type, limit); });
}

core::Result<AuditPage> SqliteTransaction::SearchAudit(const AuditQuery& query) {
  return Read([&] { return AuditRepository(*connection_).Search(query); });
}

core::Status SqliteTransaction::ScanAudit(const AuditScan& scan, const AuditVisitor& visit) {
  return Read([&] { return AuditRepository(*connection_).Scan(scan, visit); });
}

core::Status SqliteTransaction::Commit() {
  StoreTimer timer(*pool_);
  try {
    VIGIL_RETURN_IF_ERROR(CheckOpen());
    core::Status committed = connection_->Execute("COMMIT");
    Finish();  // Rolls back when COMMIT failed and left the transaction open.
    return committed;
  } catch (const std::exception& error) {
    Finish();
    return core::Internal(std::string("storage failed: ") + error.what());
  }
}

}  // namespace vigil::storage::sqlite
