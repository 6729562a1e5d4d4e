#pragma once
// SqliteTransaction: storage::Transaction on one pooled SQLite connection.
// Write transactions start with BEGIN IMMEDIATE (the write lock is taken at
// once, so they never fail half-way on lock upgrade); read transactions
// start with BEGIN and read at once, so they see one snapshot from Begin
// on. Every change runs in its own SAVEPOINT, so a failed Insert/Update
// leaves nothing behind and the transaction stays usable. Used by one thread
// at a time (store.h); the connection goes back to the pool when the
// transaction commits or is destroyed (rolling back if not committed).

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

class SqliteTransaction final : public Transaction {
 public:
  // Borrows a connection from `pool` and begins. kUnavailable when no
  // connection frees up or the write lock stays taken past the busy timeout.
  static core::Result<std::unique_ptr<Transaction>> Begin(std::shared_ptr<ConnectionPool> pool,
                                                          TransactionMode mode);
  // Rolls back unless committed, and returns the connection to the pool.
  ~SqliteTransaction() override;

  core::Status InsertPerson(domain::Person& person) override;
  core::Result<domain::Person> GetPerson(domain::PersonId id) override;
  core::Status UpdatePerson(domain::Person& person) override;
  core::Result<PersonPage> SearchPersons(const PersonQuery& query) override;

  core::Status InsertReport(domain::Report& report) override;
  core::Result<domain::Report> GetReport(domain::ReportId id) override;
  core::Status UpdateReport(domain::Report& report) override;
  core::Result<ReportPage> SearchReports(const ReportQuery& query) override;

  core::Status InsertCase(domain::Case& value) override;
  core::Result<domain::Case> GetCase(domain::CaseId id) override;
  core::Status UpdateCase(domain::Case& value) override;
  core::Result<CasePage> ListCases(const CaseQuery& query) override;

  core::Status InsertTask(domain::Task& task) override;
  core::Result<domain::Task> GetTask(domain::TaskId id) override;
  core::Status UpdateTask(domain::Task& task) override;
  core::Result<std::vector<domain::Task>> ListTasks(const TaskQuery& query) override;

  core::Status InsertScreening(domain::ScreeningRecord& record) override;
  core::Result<domain::ScreeningRecord> GetScreening(domain::ScreeningId id) override;
  core::Result<std::vector<domain::ScreeningRecord>> ListScreenings(
      domain::ReportId report_id) override;

  core::Status InsertOrder(domain::court_order::Order& order) override;
  core::Result<domain::court_order::Order> GetOrder(domain::court_order::OrderId id) override;
  core::Status UpdateOrder(domain::court_order::Order& order) override;
  core::Result<std::vector<domain::court_order::Order>> ListOrders(
      const OrderQuery& query) override;
  core::Result<std::vector<OrderEventCount>> CountOrderEvents(
      const OrderEventCountQuery& query) override;

  core::Status InsertNote(domain::Note& note) override;
  core::Result<std::vector<domain::Note>> ListNotes(domain::CaseId case_id) override;

  core::Status AppendAudit(domain::AuditEvent& event) override;
  core::Result<std::vector<domain::AuditEvent>> ListAudit(std::int64_t record_id,
                                                          const std::string& record_type,
                                                          int limit) override;
  core::Result<AuditPage> SearchAudit(const AuditQuery& query) override;
  core::Status ScanAudit(const AuditScan& scan, const AuditVisitor& visit) override;

  // kFailedPrecondition when the transaction has already ended; the
  // COMMIT's Status otherwise. The connection goes back to the pool either
  // way.
  core::Status Commit() override;

 private:
  SqliteTransaction(std::shared_ptr<ConnectionPool> pool, std::unique_ptr<Connection> connection,
                    TransactionMode mode);

  // Runs a read `operation` (returning Status or Result) with timing, the
  // checks that the transaction is still open, and no exception escaping.
  template <typename Operation>
  auto Read(Operation operation) -> decltype(operation());
  // As Read, for a change: only in a write transaction, inside a SAVEPOINT
  // that is rolled back when `operation` fails.
  template <typename Operation>
  core::Status Write(Operation operation);
  // OK while the transaction is open on its connection.
  core::Status CheckOpen();
  // Rolls back if still open and returns (or, if rollback failed, discards)
  // the connection.
  void Finish();

  std::shared_ptr<ConnectionPool> pool_;
  std::unique_ptr<Connection> connection_;  // Null once finished.
  TransactionMode mode_;
};

}  // namespace vigil::storage::sqlite
