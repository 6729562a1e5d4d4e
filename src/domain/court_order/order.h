#pragma once
// Order: one protective court order through its lifecycle — a Stalking
// Protection Order (full or interim) or a restraining order (on conviction
// or on acquittal) — against one respondent, protecting one or more people,
// within a case. Its state is never edited directly: every step is an
// OrderEvent appended to its history (court_order/lifecycle.h applies
// them), so the history is the record and the fields below are what it
// adds up to. The legal moves are the constexpr table kOrderTransitions.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/ids.h"

namespace vigil::domain::court_order {

using OrderId = core::Id<struct OrderTag>;

// A full order, or an interim one pending the main application.
enum class OrderStage { kFull, kInterim };
// "full", "interim".
std::string_view OrderStageName(OrderStage stage);
std::optional<OrderStage> ParseOrderStage(std::string_view name);

enum class OrderStatus {
  kNone,           // Before the first event.
  kConsidered,     // An officer is considering an application.
  kNotApplied,     // Considered and decided against, with reasons.
  kApplied,        // Applied for (by the chief officer, or sought by the prosecution).
  kHearingListed,  // A hearing date is listed.
  kMade,           // Made by the court, not yet served.
  kRefused,        // Refused by the court.
  kWithdrawn,      // The application was withdrawn.
  kServed,         // Served on the respondent: in force until it expires or ends.
  kDischarged,     // Discharged by the court.
  kQuashed,        // Set aside on appeal.
  kSuperseded,     // An interim order ended by the decision on the main application.
};
// "none", "considered", "not_applied", "applied", "hearing_listed", "made",
// "refused", "withdrawn", "served", "discharged", "quashed", "superseded".
std::string_view OrderStatusName(OrderStatus status);
std::optional<OrderStatus> ParseOrderStatus(std::string_view name);

enum class OrderEventKind {
  kConsidered,         // Consideration opened (reasons: why it is being considered).
  kDecidedNotToApply,  // Reasons required.
  kReconsidered,       // Back to considered, e.g. on new information.
  kApplied,            // Application made; applicant required.
  kHearingListed,      // hearing_date required; also re-listing after adjournment.
  kMade,               // Terms, start and duration required.
  kRefused,            // Reasons required.
  kWithdrawn,          // Reasons required.
  kServed,             // The order was served on the respondent on `on`.
  kNotificationGiven,  // The respondent notified the police (notification required).
  kChangeLearned,      // The police learnt of a new name or address (change_on required).
  kVaried,             // New terms replace the old.
  kRenewed,            // A new expiry (or until further order).
  kBreachRecorded,     // A breach, reported in report_id, on `on`.
  kDischarged,         // Reasons required.
  kAppealLodged,       // appellant required.
  kAppealDismissed,    // The decision stands.
  kAppealAllowed,      // A made order is quashed; a refusal becomes an order (terms then).
  kSuperseded,         // An interim order ends because the main application was decided.
};
// "considered", "decided_not_to_apply", "reconsidered", "applied",
// "hearing_listed", "made", "refused", "withdrawn", "served",
// "notification_given", "change_learned", "varied", "renewed",
// "breach_recorded", "discharged", "appeal_lodged", "appeal_dismissed",
// "appeal_allowed", "superseded".
std::string_view OrderEventKindName(OrderEventKind kind);
std::optional<OrderEventKind> ParseOrderEventKind(std::string_view name);

// One legal move: the event `kind` in status `from` leads to `to`.
struct OrderTransition {
  OrderStatus from;
  OrderEventKind kind;
  OrderStatus to;
};

// The lifecycle. Changing this table is a reviewed change. Events that do
// not change the status (notifications, variations, breaches, appeals on a
// served order) appear with from == to.
inline constexpr std::array<OrderTransition, 34> kOrderTransitions = {{
    {OrderStatus::kNone, OrderEventKind::kConsidered, OrderStatus::kConsidered},
    {OrderStatus::kNone, OrderEventKind::kApplied, OrderStatus::kApplied},
    {OrderStatus::kConsidered, OrderEventKind::kDecidedNotToApply, OrderStatus::kNotApplied},
    {OrderStatus::kConsidered, OrderEventKind::kApplied, OrderStatus::kApplied},
    {OrderStatus::kConsidered, OrderEventKind::kWithdrawn, OrderStatus::kWithdrawn},
    {OrderStatus::kNotApplied, OrderEventKind::kReconsidered, OrderStatus::kConsidered},
    {OrderStatus::kApplied, OrderEventKind::kHearingListed, OrderStatus::kHearingListed},
    {OrderStatus::kApplied, OrderEventKind::kMade, OrderStatus::kMade},
    {OrderStatus::kApplied, OrderEventKind::kRefused, OrderStatus::kRefused},
    {OrderStatus::kApplied, OrderEventKind::kWithdrawn, OrderStatus::kWithdrawn},
    {OrderStatus::kHearingListed, OrderEventKind::kHearingListed, OrderStatus::kHearingListed},
    {OrderStatus::kHearingListed, OrderEventKind::kMade, OrderStatus::kMade},
    {OrderStatus::kHearingListed, OrderEventKind::kRefused, OrderStatus::kRefused},
    {OrderStatus::kHearingListed, OrderEventKind::kWithdrawn, OrderStatus::kWithdrawn},
    {OrderStatus::kMade, OrderEventKind::kServed, OrderStatus::kServed},
    {OrderStatus::kMade, OrderEventKind::kDischarged, OrderStatus::kDischarged},
    {OrderStatus::kMade, OrderEventKind::kAppealLodged, OrderStatus::kMade},
    {OrderStatus::kMade, OrderEventKind::kAppealDismissed, OrderStatus::kMade},
    {OrderStatus::kMade, OrderEventKind::kAppealAllowed, OrderStatus::kQuashed},
    {OrderStatus::kMade, OrderEventKind::kSuperseded, OrderStatus::kSuperseded},
    {OrderStatus::kRefused, OrderEventKind::kAppealLodged, OrderStatus::kRefused},
    {OrderStatus::kRefused, OrderEventKind::kAppealDismissed, OrderStatus::kRefused},
    {OrderStatus::kRefused, OrderEventKind::kAppealAllowed, OrderStatus::kMade},
    {OrderStatus::kServed, OrderEventKind::kNotificationGiven, OrderStatus::kServed},
    {OrderStatus::kServed, OrderEventKind::kChangeLearned, OrderStatus::kServed},
    {OrderStatus::kServed, OrderEventKind::kVaried, OrderStatus::kServed},
    {OrderStatus::kServed, OrderEventKind::kRenewed, OrderStatus::kServed},
    {OrderStatus::kServed, OrderEventKind::kBreachRecorded, OrderStatus::kServed},
    {OrderStatus::kServed, OrderEventKind::kDischarged, OrderStatus::kDischarged},
    {OrderStatus::kServed, OrderEventKind::kAppealLodged, OrderStatus::kServed},
    {OrderStatus::kServed, OrderEventKind::kAppealDismissed, OrderStatus::kServed},
    {OrderStatus::kServed, OrderEventKind::kAppealAllowed, OrderStatus::kQuashed},
    {OrderStatus::kServed, OrderEventKind::kSuperseded, OrderStatus::kSuperseded},
    {OrderStatus::kWithdrawn, OrderEventKind::kReconsidered, OrderStatus::kConsidered},
}};

// The status event `kind` leads to from `from`, or empty when the table has
// no such move.
constexpr std::optional<OrderStatus> NextStatus(OrderStatus from, OrderEventKind kind) {
  for (const OrderTransition& transition : kOrderTransitions) {
    if (transition.from == from && transition.kind == kind) return transition.to;
  }
  return std::nullopt;
}

// One prohibition or requirement of an order.
struct OrderTerm {
  std::string term_id;  // A standard term from config/orders/terms.yaml, or "custom".
  std::string kind;     // "prohibition" or "requirement" (from the standard term if empty).
  std::string wording;  // Required for custom terms; otherwise the standard wording if empty.
  std::string area;     // The area, e.g. "Within the boundary shown on map A: Elm Road ...".
  std::optional<int> distance_metres;
  std::optional<core::Date> ends_on;  // When a term ends before the order does.

  friend bool operator==(const OrderTerm&, const OrderTerm&) = default;
};

// "name" (a new name or alias) or "address" (a change of home address), or
// "initial" (the names and home address owed after service).
enum class NotificationKind { kInitial, kName, kAddress };
std::string_view NotificationKindName(NotificationKind kind);
std::optional<NotificationKind> ParseNotificationKind(std::string_view name);

// One step in an order's life. `on` is the date it happened (the hearing
// decision, service, the breach); `recorded_at` and `recorded_by` are when
// and by whom it was recorded. The optional fields are required or allowed
// by kind (lifecycle.h says which).
struct OrderEvent {
  std::int64_t sequence = 0;  // 1, 2, ... within the order; assigned when applied.
  OrderEventKind kind = OrderEventKind::kConsidered;
  core::Date on{};
  core::Timestamp recorded_at{};
  std::string recorded_by;  // User id.
  std::string reasons;      // Why; required for refusals, decisions not to apply, discharges.
  std::string applicant;  // kApplied: who applies, e.g. "Chief Constable of West Midlands Police".
  std::string court;      // kApplied, kHearingListed, kMade: the court.
  std::optional<core::Date> hearing_date;        // kHearingListed.
  std::vector<OrderTerm> terms;                  // kMade, kVaried, kAppealAllowed from refused.
  std::optional<core::Date> starts_on;           // kMade: defaults to `on`.
  std::optional<core::Date> expires_on;          // kMade, kRenewed: last day in force; empty with
  bool until_further_order = false;              // ... until_further_order.
  std::optional<NotificationKind> notification;  // kNotificationGiven, kChangeLearned.
  std::optional<core::Date> change_on;           // kChangeLearned: when the change happened.
  ReportId report_id;                            // kBreachRecorded: the breach report.
  std::string appellant;                         // kAppealLodged: "respondent" or "chief_officer".
  std::string config_version;                    // The order config that checked it.
};

struct Order {
  OrderId id;
  std::int64_t version = 0;  // Optimistic-concurrency version; 0 before first save.
  std::string force;         // The force whose chief officer applies (owning force).
  CaseId case_id;
  std::string order_type;  // "spo", "restraining_order_conviction", ...
  OrderStage stage = OrderStage::kFull;
  OrderId main_order;  // For an interim order: the main (full) application.
  PersonId respondent;
  std::vector<PersonId> protected_persons;
  // Where the order came from when made on conviction or acquittal.
  std::string related_proceedings;  // e.g. the court case number; free text.
  // Until this date the respondent is on sex-offender notification and owes
  // no notification under this order (it applies from the day after).
  std::optional<core::Date> other_notification_until;

  // What the history adds up to (kept by ApplyOrderEvent).
  OrderStatus status = OrderStatus::kNone;
  std::vector<OrderTerm> terms;
  std::optional<core::Date> hearing_date;
  std::optional<core::Date> made_on;
  std::optional<core::Date> starts_on;
  std::optional<core::Date> expires_on;
  bool until_further_order = false;
  std::optional<core::Date> served_on;
  std::optional<core::Date> ended_on;  // Discharged, quashed or superseded.
  bool appeal_pending = false;
  std::vector<OrderEvent> history;

  core::Timestamp created_at{};
  core::Timestamp updated_at{};
};

}  // namespace vigil::domain::court_order
