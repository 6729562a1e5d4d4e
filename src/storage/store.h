#pragma once
// Store: where vigil keeps its records. A Store hands out Transactions; all
// reads and writes go through one, and nothing is visible to others until
// Commit() succeeds (a Transaction destroyed without Commit rolls back).
//
// Optimistic concurrency: every versioned record (person, report, case,
// task) carries `version`. Update* succeeds only when the caller's version
// equals the stored one, then increments it; otherwise kConflict (or
// kNotFound when the record does not exist). There is no last-write-wins.
//
// Failure codes: kNotFound (unknown id), kConflict (stale version),
// kAlreadyExists (duplicate force_reference within a force), kUnavailable
// (busy or down; safe to retry the whole transaction), kDataLoss (corrupt
// row), kInternal. Implementations: storage/sqlite (default) and
// storage/postgres. A Store is thread-safe; a Transaction is used by one
// thread at a time.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/audit_event.h"
#include "domain/case.h"
#include "domain/court_order/order.h"
#include "domain/ids.h"
#include "domain/note.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/screening_record.h"
#include "domain/task.h"

namespace vigil::storage {

// Report search. Every filter is optional; all given filters must match.
// Results are ordered newest received first, then by id descending (or
// oldest first and id ascending with `oldest_first`), which is stable under
// concurrent inserts; `cursor` continues after the last item of
// the previous page.
struct ReportQuery {
  std::optional<std::string> classification;     // Principal OR included.
  std::optional<domain::PersonId> person_id;     // Person in any role...
  std::optional<domain::PersonRole> role;        // ...or only in this role.
  std::optional<core::Timestamp> received_from;  // Inclusive.
  std::optional<core::Timestamp> received_to;    // Exclusive.
  std::optional<std::string> force;
  std::optional<std::string> force_reference;
  std::optional<domain::CaseId> case_id;
  bool oldest_first = false;          // Received oldest first; newest first when false.
  int limit = 50;                     // 1–500.
  std::optional<std::string> cursor;  // From ReportPage::next_cursor of the same order.
};

struct ReportPage {
  std::vector<domain::Report> items;
  std::optional<std::string> next_cursor;  // Empty when this is the last page.
  std::int64_t total = 0;                  // Matches across all pages.
};

// Person search by name (prefix of a given or family name, any case,
// aliases included), force, or date of birth. Ordered by id ascending.
struct PersonQuery {
  std::optional<std::string> name_prefix;
  std::optional<std::string> force;
  std::optional<core::Date> date_of_birth;
  int limit = 50;  // 1–500.
  std::optional<std::string> cursor;
};

struct PersonPage {
  std::vector<domain::Person> items;
  std::optional<std::string> next_cursor;
  std::int64_t total = 0;
};

// Case listing, newest updated first.
struct CaseQuery {
  std::optional<std::string> force;
  std::optional<std::string> owner;
  std::optional<domain::CaseStatus> status;
  int limit = 50;  // 1–500.
  std::optional<std::string> cursor;
};

struct CasePage {
  std::vector<domain::Case> items;
  std::optional<std::string> next_cursor;
  std::int64_t total = 0;
};

// Task listing: by case, by owner, open only; ordered by due date (earliest
// first, no deadline last), then id.
struct TaskQuery {
  std::optional<domain::CaseId> case_id;
  std::optional<std::string> owner;
  std::optional<std::string> owner_role;
  std::optional<std::string> action_id;  // Tasks made from this screening action.
  bool open_only = false;
  int limit = 200;  // 1–1000.
};

// Court order listing, by id ascending. Every filter is optional.
struct OrderQuery {
  std::optional<domain::CaseId> case_id;
  std::optional<domain::PersonId> respondent;
  std::optional<domain::court_order::OrderId> main_order;  // An order's interim orders.
  std::optional<std::string> force;
  std::optional<domain::court_order::OrderStatus> status;
  std::optional<domain::court_order::OrderId> after;  // Only ids after this (paging).
  int limit = 200;                                    // 1–1000.
};

// Order events counted by calendar month ("2026-06", by the event's date),
// force, order type, stage and kind, for the order data returns.
struct OrderEventCountQuery {
  core::Date from{};  // Inclusive.
  core::Date to{};    // Exclusive.
  std::optional<std::string> force;
};

struct OrderEventCount {
  std::string period;  // "YYYY-MM".
  std::string force;
  std::string order_type;
  domain::court_order::OrderStage stage = domain::court_order::OrderStage::kFull;
  domain::court_order::OrderEventKind kind = domain::court_order::OrderEventKind::kApplied;
  std::int64_t count = 0;
};

// The audit events about one record (`record_type` "" and `record_id` 0 for
// searches), newest first (time, then id, descending).
struct AuditQuery {
  std::string record_type;
  std::int64_t record_id = 0;
  int limit = 50;  // 1–500.
  std::optional<std::string> cursor;
};

struct AuditPage {
  std::vector<domain::AuditEvent> items;
  std::optional<std::string> next_cursor;
  std::int64_t total = 0;
};

// A stretch of the audit log in chain order (id ascending): entries after
// `after` whose time is within [from, to) when given.
struct AuditScan {
  domain::AuditEventId after;  // 0: from the start.
  std::optional<core::Timestamp> from;
  std::optional<core::Timestamp> to;
};

// Called with each entry of a scan; a non-OK Status stops the scan and is
// returned from ScanAudit.
using AuditVisitor = std::function<core::Status(const domain::AuditEvent&)>;

class Transaction {
 public:
  virtual ~Transaction() = default;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Persons. Insert assigns `id` and sets version 1; Update needs the current
  // version and bumps it (both set on the passed record on success).
  virtual core::Status InsertPerson(domain::Person& person) = 0;
  virtual core::Result<domain::Person> GetPerson(domain::PersonId id) = 0;
  virtual core::Status UpdatePerson(domain::Person& person) = 0;
  virtual core::Result<PersonPage> SearchPersons(const PersonQuery& query) = 0;

  // Reports, with their occasions, persons and classifications. Insert
  // assigns the report's and occasions' ids. kNotFound if a listed person or
  // the case does not exist; kAlreadyExists if (force, force_reference) is
  // taken. Update replaces occasions, persons and classifications.
  virtual core::Status InsertReport(domain::Report& report) = 0;
  virtual core::Result<domain::Report> GetReport(domain::ReportId id) = 0;
  virtual core::Status UpdateReport(domain::Report& report) = 0;
  virtual core::Result<ReportPage> SearchReports(const ReportQuery& query) = 0;

  // Cases.
  virtual core::Status InsertCase(domain::Case& value) = 0;
  virtual core::Result<domain::Case> GetCase(domain::CaseId id) = 0;
  virtual core::Status UpdateCase(domain::Case& value) = 0;
  virtual core::Result<CasePage> ListCases(const CaseQuery& query) = 0;

  // Tasks. kNotFound when the case does not exist.
  virtual core::Status InsertTask(domain::Task& task) = 0;
  virtual core::Result<domain::Task> GetTask(domain::TaskId id) = 0;
  virtual core::Status UpdateTask(domain::Task& task) = 0;
  virtual core::Result<std::vector<domain::Task>> ListTasks(const TaskQuery& query) = 0;

  // Screenings (append-only). Insert assigns `id`; kNotFound when the
  // report does not exist. List returns a report's screenings newest first
  // (screened_at, then id, descending).
  virtual core::Status InsertScreening(domain::ScreeningRecord& record) = 0;
  virtual core::Result<domain::ScreeningRecord> GetScreening(domain::ScreeningId id) = 0;
  virtual core::Result<std::vector<domain::ScreeningRecord>> ListScreenings(
      domain::ReportId report_id) = 0;

  // Court orders with their histories. Events (and the terms they set) are
  // append-only: Insert stores the whole history; Update needs the current
  // version and appends the events beyond the stored ones (kConflict when
  // the given history does not extend the stored one). kNotFound when the
  // case, a person, the main order or a breach report does not exist.
  virtual core::Status InsertOrder(domain::court_order::Order& order) = 0;
  virtual core::Result<domain::court_order::Order> GetOrder(domain::court_order::OrderId id) = 0;
  virtual core::Status UpdateOrder(domain::court_order::Order& order) = 0;
  virtual core::Result<std::vector<domain::court_order::Order>> ListOrders(
      const OrderQuery& query) = 0;
  // Events dated in [from, to), counted; ordered by period, force, type,
  // stage and kind.
  virtual core::Result<std::vector<OrderEventCount>> CountOrderEvents(
      const OrderEventCountQuery& query) = 0;

  // Notes (append-only), oldest first.
  virtual core::Status InsertNote(domain::Note& note) = 0;
  virtual core::Result<std::vector<domain::Note>> ListNotes(domain::CaseId case_id) = 0;

  // Audit log (append-only, hash-chained). Append assigns the next id
  // (previous + 1) and sets `prev_hash` (the previous entry's hash, or
  // domain::kAuditGenesisHash for the first) and `hash`
  // (domain::AuditEventHash), under the write lock, so concurrent appends
  // form one unbroken chain; whatever `event` had in those fields is
  // replaced. ListAudit: a record's events newest first, at most `limit`.
  virtual core::Status AppendAudit(domain::AuditEvent& event) = 0;
  virtual core::Result<std::vector<domain::AuditEvent>> ListAudit(std::int64_t record_id,
                                                                  const std::string& record_type,
                                                                  int limit) = 0;
  // A record's events, paged, newest first. kInvalidArgument for a limit
  // out of range ("limit") or a bad cursor ("cursor").
  virtual core::Result<AuditPage> SearchAudit(const AuditQuery& query) = 0;
  // Visits the entries of `scan` in chain order, streaming (memory does not
  // grow with the log).
  virtual core::Status ScanAudit(const AuditScan& scan, const AuditVisitor& visit) = 0;

  // Makes every change visible atomically. After Commit (successful or not)
  // the transaction must not be used again.
  virtual core::Status Commit() = 0;

 protected:
  Transaction() = default;
};

enum class TransactionMode { kRead, kWrite };

class Store {
 public:
  virtual ~Store() = default;
  // Starts a transaction. kWrite transactions take the write lock at once
  // (so they never fail half-way on lock upgrade); kRead ones see a snapshot.
  // kUnavailable when the store stays busy past its timeout.
  virtual core::Result<std::unique_ptr<Transaction>> Begin(TransactionMode mode) = 0;
  // Cumulative time spent inside the store, for /metrics.
  virtual double SecondsInStore() const = 0;
};

}  // namespace vigil::storage
