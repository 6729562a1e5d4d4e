#include "domain/court_order/order_dates.h"

#include <algorithm>

namespace vigil::domain::court_order {

core::Date AddMonths(core::Date day, int months) {
  std::chrono::year_month_day ymd{day};
  std::chrono::year_month_day moved = ymd + std::chrono::months(months);
  if (moved.ok()) return core::Date(moved);
  // Past the end of the target month: the first of the next month.
  std::chrono::year_month first{moved.year(), moved.month()};
  first += std::chrono::months(1);
  return core::Date(first / std::chrono::day(1));
}

core::Date MinimumLastDay(core::Date starts_on, int months) {
  return AddMonths(starts_on, months) - std::chrono::days(1);
}

int DaysBetween(core::Date from, core::Date to) { return static_cast<int>((to - from).count()); }

bool InForceOn(const Order& order, core::Date day) {
  if (order.status != OrderStatus::kServed || !order.starts_on) return false;
  if (day < *order.starts_on) return false;
  if (order.served_on && day < *order.served_on) return false;
  return !order.expires_on || day <= *order.expires_on;
}

namespace {

// The first notification of `kind` on or after `from`.
std::optional<core::Date> FirstNotification(const Order& order, NotificationKind kind,
                                            core::Date from) {
  std::optional<core::Date> first;
  for (const OrderEvent& event : order.history) {
    if (event.kind != OrderEventKind::kNotificationGiven || event.notification != kind) continue;
    if (event.on < from) continue;
    if (!first || event.on < *first) first = event.on;
  }
  return first;
}

NotificationDuty Duty(const Order& order, NotificationKind kind, core::Date triggered_on, int days,
                      core::Date today) {
  NotificationDuty duty;
  duty.kind = kind;
  duty.triggered_on = triggered_on;
  duty.due_by = triggered_on + std::chrono::days(days);
  duty.met_on = FirstNotification(order, kind, triggered_on);
  duty.overdue = !duty.met_on && today > duty.due_by;
  duty.late = duty.met_on && *duty.met_on > duty.due_by;
  return duty;
}

}  // namespace

std::vector<NotificationDuty> NotificationDuties(const Order& order, const OrderType& type,
                                                 bool replaces_served_interim, core::Date today) {
  std::vector<NotificationDuty> duties;
  const NotificationRule& rule = type.notification;
  if (!rule.required || !order.served_on) return duties;
  if (!(replaces_served_interim && rule.not_again_after_interim)) {
    core::Date trigger = *order.served_on;
    // While on sex-offender notification none is owed; it applies from the
    // day that ends.
    if (order.other_notification_until) {
      trigger = std::max(trigger, *order.other_notification_until);
    }
    duties.push_back(Duty(order, NotificationKind::kInitial, trigger, rule.initial_days, today));
  }
  for (const OrderEvent& event : order.history) {
    if (event.kind != OrderEventKind::kChangeLearned || !event.notification || !event.change_on) {
      continue;
    }
    duties.push_back(Duty(order, *event.notification, *event.change_on, rule.change_days, today));
  }
  std::stable_sort(duties.begin(), duties.end(),
                   [](const NotificationDuty& a, const NotificationDuty& b) {
                     return a.triggered_on < b.triggered_on;
                   });
  return duties;
}

}  // namespace vigil::domain::court_order
