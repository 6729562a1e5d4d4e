#pragma once
// The date rules of protective court orders, computed against a date passed
// in (callers take it from an injected core::Clock, never the wall clock):
// calendar-month arithmetic for minimum durations, whether an order is in
// force on a day, and the notification duties a Stalking Protection Order
// puts on the respondent (names and home address within N days of service,
// every new name or change of address within N days) with overdue
// detection. Pure.

#include <optional>
#include <vector>

#include "core/clock.h"
#include "domain/court_order/order.h"
#include "domain/court_order/order_config.h"

namespace vigil::domain::court_order {

// `day` plus `months` calendar months. A day that does not exist in the
// target month (31 April, 29 February 2027) rolls forward to the first of
// the next month, so a period is never shorter than the months it names.
core::Date AddMonths(core::Date day, int months);

// The earliest last day in force of an order of at least `months` months
// starting on `starts_on` (2 years from 1 March 2025: 28 February 2027).
core::Date MinimumLastDay(core::Date starts_on, int months);

// True when the order is served, has started on or before `day` and has
// not expired (its last day in force is `day` or later) or ended.
bool InForceOn(const Order& order, core::Date day);

// Days from `from` to `to` (negative when `to` is earlier).
int DaysBetween(core::Date from, core::Date to);

// One thing the respondent must notify the police of.
struct NotificationDuty {
  NotificationKind kind = NotificationKind::kInitial;
  core::Date triggered_on{};         // Service (or the end of other notification), or the change.
  core::Date due_by{};               // The last day on which notifying is in time.
  std::optional<core::Date> met_on;  // When it was notified, if it was.
  bool overdue = false;              // Not met and `today` is after due_by.
  bool late = false;                 // Met, but after due_by.
};

// The notification duties of `order` as of `today`, oldest first: none when
// the order type requires no notification or the order has not been
// served; the initial duty (not owed when `replaces_served_interim` and
// the type says a full order replacing an interim one owes none); one per
// change of name or address the police learnt of. A duty is met by the
// first notification of its kind on or after its trigger.
std::vector<NotificationDuty> NotificationDuties(const Order& order, const OrderType& type,
                                                 bool replaces_served_interim, core::Date today);

}  // namespace vigil::domain::court_order
