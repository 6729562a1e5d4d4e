#pragma once
// Services: the use cases of vigil (create a report, add an occasion,
// classify, open a case, attach a report, assign, add a task, search...).
// Every call takes a Caller, is authorised through domain::Decide before it
// touches data, and appends an audit event (allowed, denied or failed) in the
// same transaction as its writes. The JSON API, the CLI and the web pages all
// go through here, so they cannot diverge. Thread-safe (the Store is; the
// rest is immutable).

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/actor.h"
#include "domain/audit_chain.h"
#include "domain/case.h"
#include "domain/court_order/order.h"
#include "domain/court_order/order_config.h"
#include "domain/court_order/order_dates.h"
#include "domain/lookups.h"
#include "domain/note.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/screening/facts.h"
#include "domain/screening/screening_result.h"
#include "domain/screening_record.h"
#include "domain/task.h"
#include "services/person_index.h"
#include "services/screening_rules.h"
#include "storage/store.h"

namespace vigil::services {

// Who is calling and why; carried into every audit event.
struct Caller {
  domain::Actor actor;
  std::string request_id;  // Correlates the audit event with the request log.
  std::string purpose;     // Optional stated purpose, e.g. "investigation".
};

// A case with what hangs off it, for the case view.
struct CaseDetail {
  domain::Case value;
  std::vector<domain::Report> reports;
  std::vector<domain::Task> tasks;
  std::vector<domain::Note> notes;
};

// One person to import. `ref` is the import file's own key for the person
// (unique within the batch) so reports in the same batch can name them.
// `location` ("persons.csv line 12") prefixes every error about the record.
struct ImportPerson {
  std::string ref;
  domain::Person person;
  std::string location;
};

// A report's person, named either by an import `ref` or by a stored id.
struct ImportReportPerson {
  std::string person_ref;
  domain::PersonId person_id;
  domain::PersonRole role = domain::PersonRole::kVictim;
};

struct ImportReport {
  domain::Report report;  // Its `persons` are ignored; see `persons` below.
  std::vector<ImportReportPerson> persons;
  std::string location;
};

// A batch of records to import all-or-nothing.
struct ImportBatch {
  std::vector<ImportPerson> persons;
  std::vector<ImportReport> reports;
};

// A request to screen facts (the screening contract, version 1).
struct ScreeningRequest {
  nlohmann::json facts;  // The facts document (stored with the screening).
  // The same facts as parsed and checked by ParseScreeningRequest, and the
  // engine that checked them. Screen uses them when that engine is still
  // the current one, so a request's facts are parsed once; otherwise (a
  // request built by hand, or the rules reloaded in between) it parses
  // `facts` against the current rules itself.
  std::optional<domain::screening::Facts> parsed_facts;
  std::shared_ptr<const domain::screening::ScreeningEngine> checked_by;
  std::optional<domain::screening::ClassificationOverride> classification_override;
  std::optional<domain::screening::RiskOverride> risk_override;
  // When set, the screening is stored against this report and, if the
  // report is in a case, its actions become tasks on the case.
  std::optional<domain::ReportId> report_id;
};

// What a screening produced.
struct ScreeningOutcome {
  domain::screening::ScreeningResult result;
  std::optional<domain::ScreeningRecord> record;  // Set when stored (report_id given).
  std::vector<domain::Task> tasks_created;        // Tasks made from the actions.
  // Actions not made into tasks because the case already has an open task
  // for the same action rule.
  std::vector<std::string> actions_already_open;
};

// A court order with what follows from it today (by the services' clock).
struct OrderDetail {
  domain::court_order::Order order;
  bool in_force = false;  // In force today.
  // The respondent's notification duties, with whether each is overdue.
  std::vector<domain::court_order::NotificationDuty> notifications;
  std::vector<domain::court_order::OrderId> interim_orders;  // For a full order.
};

// An order in force that expires within a reminder window.
struct DueOrder {
  domain::court_order::Order order;
  int days_left = 0;  // Days from today to its last day in force.
  int window = 0;     // The smallest reminder window (30, 60, 90 days) it falls in.
};

// An interim order in force whose main application has no hearing date.
struct DueInterim {
  domain::court_order::Order order;
  domain::court_order::Order main_order;
};

struct DueNotification {
  domain::court_order::Order order;
  domain::court_order::NotificationDuty duty;
};

// What is due today, for `vigil due` and the dashboard.
struct DueList {
  core::Date today{};
  std::vector<int> windows;        // The reminder windows, from config/orders.
  std::vector<DueOrder> expiring;  // Soonest first.
  std::vector<DueInterim> interim_without_hearing;
  std::vector<DueNotification> notifications_overdue;
  std::vector<domain::Task> tasks_overdue;
};

// One count of the order data returns: in `period` ("YYYY-MM"), in `force`,
// of `order_type` at `stage` ("full" or "interim"), how many `measure`
// ("applications", "grants", "refusals", "variations", "renewals",
// "discharges", "appeals", "breaches").
struct OrderReturnRow {
  std::string period;
  std::string force;
  std::string order_type;
  std::string stage;
  std::string measure;
  std::int64_t count = 0;
};

// The measure an event kind counts towards in the returns, or "" when none.
std::string_view OrderReturnMeasure(domain::court_order::OrderEventKind kind);

struct ImportSummary {
  std::int64_t persons = 0;
  std::int64_t reports = 0;
};

class Services {
 public:
  // `store`, `lookups` and `clock` must outlive the Services.
  // Screens with the embedded rules.
  Services(storage::Store& store, const domain::Lookups& lookups, const core::Clock& clock);
  // Screens with `rules` (which must outlive the Services), e.g. rules
  // loaded from config files that `vigil serve` reloads on request.
  Services(storage::Store& store, const domain::Lookups& lookups, const core::Clock& clock,
           ScreeningRules& rules);

  const domain::Lookups& lookups() const { return lookups_; }
  const core::Clock& clock() const { return clock_; }

  // Persons. Create normalises identifiers and validates (kInvalidArgument
  // with every field error). Update needs `person.version` to be current
  // (kConflict otherwise).
  core::Result<domain::Person> CreatePerson(const Caller& caller, domain::Person person);
  core::Result<domain::Person> GetPerson(const Caller& caller, domain::PersonId id);
  core::Result<domain::Person> UpdatePerson(const Caller& caller, domain::Person person);
  core::Result<storage::PersonPage> SearchPersons(const Caller& caller, storage::PersonQuery query);

  // The person index persons are matched against; CreatePerson,
  // UpdatePerson and Import keep it up to date after they commit. Set it
  // before serving (not thread-safe against calls in flight); without one,
  // MatchPerson is kFailedPrecondition.
  void SetPersonIndex(std::shared_ptr<PersonIndex> index);
  // The stored persons most likely to be `person` (not stored; validated as
  // for CreatePerson, kInvalidArgument with every field error, "limit" out
  // of 1..100 included), best first, only of the caller's force unless the
  // caller has the "system" role. Authorised and audited as "person.match".
  core::Result<PersonMatchResult> MatchPerson(const Caller& caller, domain::Person person,
                                              std::size_t limit);

  // Reports. Create validates against the lookups and the clock; persons and
  // the case referenced must exist (kNotFound naming the field).
  core::Result<domain::Report> CreateReport(const Caller& caller, domain::Report report);
  core::Result<domain::Report> GetReport(const Caller& caller, domain::ReportId id);
  // Adds one occasion; `expected_version` must be the report's current version.
  core::Result<domain::Report> AddOccasion(const Caller& caller, domain::ReportId id,
                                           std::int64_t expected_version,
                                           domain::Occasion occasion);
  // Replaces the principal and included classifications.
  core::Result<domain::Report> ClassifyReport(const Caller& caller, domain::ReportId id,
                                              std::int64_t expected_version, std::string principal,
                                              std::vector<std::string> included);
  // Adds a person to the report in a role.
  core::Result<domain::Report> AddPersonToReport(const Caller& caller, domain::ReportId id,
                                                 std::int64_t expected_version,
                                                 domain::ReportPerson person);
  // Searches within the caller's force. A classification matches principal
  // or included classifications.
  core::Result<storage::ReportPage> SearchReports(const Caller& caller, storage::ReportQuery query);

  // Cases.
  core::Result<domain::Case> OpenCase(const Caller& caller, domain::Case value);
  core::Result<CaseDetail> GetCase(const Caller& caller, domain::CaseId id);
  core::Result<storage::CasePage> ListCases(const Caller& caller, storage::CaseQuery query);
  // Puts the report in the case (both must belong to the caller's force).
  core::Result<domain::Report> AttachReportToCase(const Caller& caller, domain::ReportId report_id,
                                                  std::int64_t expected_report_version,
                                                  domain::CaseId case_id);
  // Sets owner and/or supervisor (an empty optional leaves it as it is).
  core::Result<domain::Case> AssignCase(const Caller& caller, domain::CaseId id,
                                        std::int64_t expected_version,
                                        std::optional<std::string> owner,
                                        std::optional<std::string> supervisor);
  // Moves the case along the status table (kFailedPrecondition otherwise).
  core::Result<domain::Case> MoveCase(const Caller& caller, domain::CaseId id,
                                      std::int64_t expected_version, domain::CaseStatus to,
                                      std::string closure_reason);

  // Tasks and notes on a case.
  core::Result<domain::Task> AddTask(const Caller& caller, domain::Task task);
  core::Result<domain::Task> CompleteTask(const Caller& caller, domain::TaskId id,
                                          std::int64_t expected_version);
  core::Result<std::vector<domain::Task>> ListTasks(const Caller& caller, storage::TaskQuery query);
  core::Result<domain::Note> AddNote(const Caller& caller, domain::Note note);

  // Screening. Screen parses `request.facts` against the current rules
  // (kInvalidArgument with every problem at its JSON path), applies any
  // overrides (kInvalidArgument under "override." / "risk_override.";
  // kFailedPrecondition for a risk override without risk answers) and
  // returns the result. With `report_id` (kNotFound naming "report_id";
  // the report must be in the caller's force) the screening is stored with
  // its rules version, and when the report is in a case every suggested
  // action becomes a task on that case (owner role and due time from the
  // action rule; an action with an open task already is not repeated).
  // Audited either way.
  core::Result<ScreeningOutcome> Screen(const Caller& caller, ScreeningRequest request);
  core::Result<domain::ScreeningRecord> GetScreening(const Caller& caller, domain::ScreeningId id);
  // A report's screenings, newest first: its classification and risk history.
  core::Result<std::vector<domain::ScreeningRecord>> ListScreenings(const Caller& caller,
                                                                    domain::ReportId report_id);
  // Reloads the screening rules from their files without a restart. Only
  // for the "administrator" or "system" role (kPermissionDenied otherwise).
  // Returns the rules version in force; on bad config the old rules stay
  // and every problem is returned (kInvalidArgument).
  core::Result<std::string> ReloadScreeningRules(const Caller& caller);
  // The engine screening uses now (for the questionnaire, version, ...).
  std::shared_ptr<const domain::screening::ScreeningEngine> screening_engine() const {
    return rules_->Current();
  }

  // Court orders (SPOs, full and interim, and restraining orders). The
  // order config in force (the embedded default until SetOrderConfig).
  std::shared_ptr<const domain::court_order::OrderConfig> order_config() const {
    return order_config_;
  }
  // Replaces the order config (before serving; not thread-safe against
  // calls in flight).
  void SetOrderConfig(std::shared_ptr<const domain::court_order::OrderConfig> config);
  // Records a new order with its first event (considered or applied), in
  // the caller's force unless given. The case must exist in the order's
  // force (kNotFound / kInvalidArgument "case_id"); the order's particulars
  // are checked (ValidateNewOrder); an interim order's main order must be a
  // full order of the same type, case and respondent, applied for and not
  // yet decided ("main_order"). Authorised as "order.create"; audited.
  core::Result<domain::court_order::Order> CreateOrder(const Caller& caller,
                                                       domain::court_order::Order order,
                                                       domain::court_order::OrderEvent first);
  // Appends `event` to order `id` (recorded_by is the caller) when
  // `expected_version` is current (kConflict otherwise), by the lifecycle
  // rules (lifecycle.h: kFailedPrecondition or kInvalidArgument, nothing
  // changed). A breach report must exist in the order's force, and is put
  // in the order's case when in none (in another case: kInvalidArgument
  // "report_id"); the breach raises the case's risk: a note on the case
  // names the breach and its offence, and a task "order_breach_review" for
  // the case's owner (its supervisors when it has none) to review the risk
  // is due within 24 hours. When a full order is made or refused, its interim orders
  // that were made or served are superseded in the same transaction.
  // Authorised as "order.record_event"; audited.
  core::Result<domain::court_order::Order> RecordOrderEvent(const Caller& caller,
                                                            domain::court_order::OrderId id,
                                                            std::int64_t expected_version,
                                                            domain::court_order::OrderEvent event);
  // The order with its history and today's notification duties. Authorised
  // as "order.view"; audited.
  core::Result<OrderDetail> GetOrder(const Caller& caller, domain::court_order::OrderId id);
  // The orders of a case, by id. Authorised as "order.search" on the case's
  // force; audited.
  core::Result<std::vector<domain::court_order::Order>> ListCaseOrders(const Caller& caller,
                                                                       domain::CaseId case_id);

  // What is due today (by the services' clock) in the caller's force (all
  // forces for the "system" role unless `force` is given): served orders in
  // force expiring within the widest reminder window, interim orders in
  // force whose main application has no hearing date, notification duties
  // overdue, and open tasks past their deadline. Authorised as "order.due".
  core::Result<DueList> Due(const Caller& caller, std::optional<std::string> force);
  // The order data returns for events dated in [from, to): counts by month,
  // force, order type, stage and measure, ordered by those. kInvalidArgument
  // ("to") when the period is empty. Aggregates only; authorised as
  // "order.returns".
  core::Result<std::vector<OrderReturnRow>> OrderReturns(const Caller& caller, core::Date from,
                                                         core::Date to,
                                                         std::optional<std::string> force);

  // Imports persons and reports in one transaction: every record is
  // validated first and every problem returned (each field prefixed with the
  // record's location); if anything is invalid or a write fails, nothing is
  // written.
  core::Result<ImportSummary> Import(const Caller& caller, ImportBatch batch);

  // Streams every person, then every report, the caller may see (all forces
  // for the "system" role), in id order, to the callbacks.
  core::Status Export(const Caller& caller,
                      const std::function<void(const domain::Person&)>& on_person,
                      const std::function<void(const domain::Report&)>& on_report);

  // The audit log (services/audit_services.cc; docs/reference/audit.md).
  // Who did what to one record ("who viewed this"): `query.record_type` is
  // report, case, person, task or screening (kInvalidArgument naming
  // "record_type" otherwise), the record must exist (kNotFound) and the
  // caller may see it. Authorised and audited as "audit.read" against the
  // record, so looking at the audit is itself in the audit.
  core::Result<storage::AuditPage> ListRecordAudit(const Caller& caller, storage::AuditQuery query);
  // Walks the whole hash chain and reports the first bad entry, if any
  // (domain::AuditChainVerifier; `checkpoints` are hashes recorded outside
  // the store). Authorised and audited as "audit.verify" before the walk.
  core::Result<domain::AuditChainReport> VerifyAudit(
      const Caller& caller, std::vector<domain::AuditCheckpoint> checkpoints);
  // Streams the entries of `scan`, in chain order, to `visit` (its failure
  // stops the export and is returned). Authorised and audited as
  // "audit.export" before the first entry.
  core::Status ExportAudit(const Caller& caller, const storage::AuditScan& scan,
                           const storage::AuditVisitor& visit);

 private:
  storage::Store& store_;
  const domain::Lookups& lookups_;
  const core::Clock& clock_;
  std::unique_ptr<ScreeningRules> owned_rules_;  // Set by the 3-argument constructor.
  ScreeningRules* rules_;
  std::shared_ptr<PersonIndex> person_index_;
  std::shared_ptr<const domain::court_order::OrderConfig> order_config_;

  // Adds or refreshes a committed person in the index (logs a failure).
  void IndexPerson(const domain::Person& person) const;
};

}  // namespace vigil::services
