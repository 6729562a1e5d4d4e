#include "domain/court_order/lifecycle.h"

#include "core/time.h"
#include "domain/court_order/order_dates.h"

namespace vigil::domain::court_order {
namespace {

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == text.npos; }

std::string Date(core::Date day) { return core::FormatDate(day); }

void RequireReasons(const OrderEvent& event, std::string_view what, core::ErrorCollector& errors) {
  if (Blank(event.reasons)) errors.Add("reasons", "required", std::string(what));
  if (event.reasons.size() > 8000) {
    errors.Add("reasons", "too_long", "must be at most 8000 characters");
  }
}

// The date of the last event that changed the order's status.
std::optional<core::Date> LastChangeOfStatus(const Order& order) {
  OrderStatus status = OrderStatus::kNone;
  std::optional<core::Date> last;
  for (const OrderEvent& event : order.history) {
    std::optional<OrderStatus> next = NextStatus(status, event.kind);
    if (next && *next != status) last = event.on;
    if (next) status = *next;
  }
  return last;
}

// The start and duration of an order being made (kMade, or an appeal
// allowed against a refusal).
void CheckMaking(const Order& order, const OrderEvent& event, const OrderType& type,
                 const OrderConfig& config, core::ErrorCollector& errors) {
  core::Date starts_on = event.starts_on.value_or(event.on);
  if (starts_on < event.on) {
    errors.Add("starts_on", "before_made",
               "an order cannot start (" + Date(starts_on) + ") before it is made (" +
                   Date(event.on) + ")");
  }
  CheckTerms(event.terms, type, config, starts_on, "terms", errors);
  bool full = order.stage == OrderStage::kFull;
  if (event.until_further_order) {
    if (event.expires_on) {
      errors.Add("expires_on", "not_allowed", "an order until further order has no expiry date");
    }
    if (full && !type.until_further_order) {
      errors.Add("until_further_order", "not_allowed",
                 "a " + type.label + " cannot be made until further order");
    }
    if (!full) {
      errors.Add("until_further_order", "not_allowed",
                 "an interim order lasts until the main application is decided or its period "
                 "ends");
    }
    return;
  }
  if (!event.expires_on) {
    // An interim order may simply last until the main application is decided.
    if (full) {
      errors.Add("expires_on", "required",
                 "give the last day in force, or make the order until further order");
    }
    return;
  }
  if (*event.expires_on < starts_on) {
    errors.Add("expires_on", "before_start",
               "an order cannot end (" + Date(*event.expires_on) + ") before it starts (" +
                   Date(starts_on) + ")");
    return;
  }
  if (full && type.minimum_months > 0) {
    core::Date minimum = MinimumLastDay(starts_on, type.minimum_months);
    if (*event.expires_on < minimum) {
      errors.Add("expires_on", "too_short",
                 "a " + type.label + " lasts at least " + std::to_string(type.minimum_months) +
                     " months: starting " + Date(starts_on) + " its last day is " + Date(minimum) +
                     " or later (" + type.duration_rule.statute + ")");
    }
  }
}

void CheckNotification(const OrderEvent& event, const OrderType& type,
                       core::ErrorCollector& errors) {
  if (!type.notification.required) {
    errors.Add("kind", "not_applicable",
               "a " + type.label + " places no notification requirements on the respondent");
    return;
  }
  if (!event.notification) {
    errors.Add("notification", "required", "is required: initial, name or address");
    return;
  }
  if (event.kind == OrderEventKind::kChangeLearned) {
    if (*event.notification == NotificationKind::kInitial) {
      errors.Add("notification", "invalid", "a change is of name or of address");
    }
    if (!event.change_on) {
      errors.Add("change_on", "required", "give the date the name or address changed");
    } else if (*event.change_on > event.on) {
      errors.Add("change_on", "after_learnt",
                 "the change (" + Date(*event.change_on) + ") cannot be after it was learnt of (" +
                     Date(event.on) + ")");
    }
  }
}

void CheckKind(const Order& order, const OrderEvent& event, const OrderType& type,
               const OrderConfig& config, core::ErrorCollector& errors,
               core::ErrorCollector& preconditions) {
  switch (event.kind) {
    case OrderEventKind::kConsidered:
      break;
    case OrderEventKind::kDecidedNotToApply:
      RequireReasons(event, "record why no application will be made", errors);
      break;
    case OrderEventKind::kReconsidered:
      RequireReasons(event, "record why the order is being considered again", errors);
      break;
    case OrderEventKind::kApplied:
      if (Blank(event.applicant)) {
        errors.Add("applicant", "required",
                   type.applicant == "chief_officer"
                       ? "name the chief officer of police applying"
                       : "name who seeks the order (the prosecution)");
      }
      break;
    case OrderEventKind::kHearingListed:
      if (!event.hearing_date) {
        errors.Add("hearing_date", "required", "is required");
      } else if (*event.hearing_date < event.on) {
        errors.Add("hearing_date", "before_listing",
                   "a hearing cannot be before the day it was listed (" + Date(event.on) + ")");
      }
      break;
    case OrderEventKind::kMade:
      CheckMaking(order, event, type, config, errors);
      break;
    case OrderEventKind::kRefused:
      RequireReasons(event, "record the court's reasons for refusing", errors);
      break;
    case OrderEventKind::kWithdrawn:
      RequireReasons(event, "record why the application was withdrawn", errors);
      break;
    case OrderEventKind::kServed:
      break;
    case OrderEventKind::kNotificationGiven:
    case OrderEventKind::kChangeLearned:
      CheckNotification(event, type, errors);
      break;
    case OrderEventKind::kVaried:
      CheckTerms(event.terms, type, config, order.starts_on.value_or(event.on), "terms", errors);
      break;
    case OrderEventKind::kRenewed:
      if (order.until_further_order) {
        preconditions.Add("kind", "not_applicable",
                          "an order until further order has no expiry to renew");
      } else if (event.until_further_order == event.expires_on.has_value()) {
        errors.Add("expires_on", "required",
                   "give the new last day in force, or renew until further order");
      } else if (event.expires_on && order.expires_on && *event.expires_on <= *order.expires_on) {
        errors.Add("expires_on", "not_later",
                   "a renewal must run past the current expiry (" + Date(*order.expires_on) + ")");
      }
      break;
    case OrderEventKind::kBreachRecorded:
      if (!event.report_id.assigned()) {
        errors.Add("report_id", "required", "a breach is recorded as a report: give its id");
      }
      if (!InForceOn(order, event.on)) {
        preconditions.Add("on", "not_in_force",
                          "the order was not in force on " + Date(event.on) +
                              (order.expires_on && event.on > *order.expires_on
                                   ? " (it expired on " + Date(*order.expires_on) + ")"
                                   : ""));
      }
      break;
    case OrderEventKind::kDischarged:
      RequireReasons(event, "record the court's reasons for discharging", errors);
      break;
    case OrderEventKind::kAppealLodged:
      if (order.appeal_pending) {
        preconditions.Add("kind", "appeal_pending", "an appeal is already pending");
      }
      if (event.appellant != "respondent" && event.appellant != "chief_officer") {
        errors.Add("appellant", "invalid", "must be respondent or chief_officer");
      } else if (order.status == OrderStatus::kRefused && event.appellant != "chief_officer") {
        errors.Add("appellant", "invalid", "only the chief officer appeals against a refusal");
      }
      break;
    case OrderEventKind::kAppealDismissed:
    case OrderEventKind::kAppealAllowed:
      if (!order.appeal_pending) {
        preconditions.Add("kind", "no_appeal", "no appeal is pending");
      }
      if (event.kind == OrderEventKind::kAppealAllowed && order.status == OrderStatus::kRefused) {
        CheckMaking(order, event, type, config, errors);
      }
      break;
    case OrderEventKind::kSuperseded:
      if (order.stage != OrderStage::kInterim) {
        preconditions.Add("kind", "not_interim", "only an interim order is superseded");
      }
      break;
  }
}

void Follow(Order& order, const OrderEvent& event, OrderStatus next) {
  switch (event.kind) {
    case OrderEventKind::kHearingListed:
      order.hearing_date = event.hearing_date;
      break;
    case OrderEventKind::kAppealAllowed:
      order.appeal_pending = false;
      if (next != OrderStatus::kMade) {
        order.ended_on = event.on;
        break;
      }
      [[fallthrough]];
    case OrderEventKind::kMade:
      order.terms = event.terms;
      order.made_on = event.on;
      order.starts_on = event.starts_on.value_or(event.on);
      order.expires_on = event.expires_on;
      order.until_further_order = event.until_further_order;
      break;
    case OrderEventKind::kServed:
      order.served_on = event.on;
      break;
    case OrderEventKind::kVaried:
      order.terms = event.terms;
      break;
    case OrderEventKind::kRenewed:
      order.expires_on = event.expires_on;
      order.until_further_order = event.until_further_order;
      break;
    case OrderEventKind::kAppealLodged:
      order.appeal_pending = true;
      break;
    case OrderEventKind::kAppealDismissed:
      order.appeal_pending = false;
      break;
    case OrderEventKind::kDischarged:
    case OrderEventKind::kSuperseded:
      order.ended_on = event.on;
      break;
    default:
      break;
  }
  order.status = next;
}

}  // namespace

core::Status ApplyOrderEvent(Order& order, OrderEvent event, const OrderConfig& config,
                             const core::Clock& clock) {
  const OrderType* type = config.FindType(order.order_type);
  if (type == nullptr) {
    return core::FailedPrecondition("the order's type '" + order.order_type +
                                    "' is not in the order configuration");
  }
  std::optional<OrderStatus> next = NextStatus(order.status, event.kind);
  if (!next) {
    return core::Status(core::StatusCode::kFailedPrecondition,
                        "a " + std::string(OrderStatusName(order.status)) + " order cannot be " +
                            std::string(OrderEventKindName(event.kind)),
                        {core::FieldError{"kind", "invalid_transition",
                                          "not allowed when the order is " +
                                              std::string(OrderStatusName(order.status))}});
  }
  core::ErrorCollector errors;
  core::ErrorCollector preconditions;
  core::Date today = clock.Today();
  if (event.on > today) {
    errors.Add("on", "in_future", Date(event.on) + " is after today (" + Date(today) + ")");
  }
  if (std::optional<core::Date> last = LastChangeOfStatus(order); last && event.on < *last) {
    errors.Add("on", "before_last_change",
               "cannot be before the order became " + std::string(OrderStatusName(order.status)) +
                   " on " + Date(*last));
  }
  if (Blank(event.recorded_by)) errors.Add("recorded_by", "required", "is required");
  CheckKind(order, event, *type, config, errors, preconditions);
  if (!preconditions.empty()) {
    for (const core::FieldError& error : errors.errors()) {
      preconditions.Add(error.field, error.code, error.message);
    }
    return preconditions.ToStatus("the order is not in a state that allows this",
                                  core::StatusCode::kFailedPrecondition);
  }
  if (!errors.empty()) return errors.ToStatus("the order event is invalid");

  event.sequence = static_cast<std::int64_t>(order.history.size()) + 1;
  event.recorded_at = clock.Now();
  event.config_version = config.version;
  Follow(order, event, *next);
  order.updated_at = event.recorded_at;
  order.history.push_back(std::move(event));
  return core::Status::Ok();
}

}  // namespace vigil::domain::court_order
