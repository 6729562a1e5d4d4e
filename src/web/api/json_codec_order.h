#pragma once
// The JSON form of court orders, their events and terms, for the API
// (docs/reference/api.md, "Court orders"). Strict like json_codec.h: every
// problem is collected with its JSON path; unknown fields are errors.
// Dates are "YYYY-MM-DD"; absent optional values are null. Pure functions;
// thread-safe.

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "domain/court_order/order.h"
#include "domain/court_order/order_dates.h"
#include "services/services.h"

namespace vigil::web::api {

// Every field of the order, with "history" (every event, oldest first).
nlohmann::json EncodeOrder(const domain::court_order::Order& order);
nlohmann::json EncodeOrderEvent(const domain::court_order::OrderEvent& event);
nlohmann::json EncodeNotificationDuty(const domain::court_order::NotificationDuty& duty);

// A new order: its particulars ("case_id", "order_type", "stage",
// "main_order", "respondent", "protected_persons", "related_proceedings",
// "other_notification_until", "force") and its first "event". Status,
// dates and history are server-owned.
struct NewOrderRequest {
  domain::court_order::Order order;
  domain::court_order::OrderEvent first;
};
core::Result<NewOrderRequest> DecodeNewOrder(const nlohmann::json& json);

// An event to record: "kind" and "on" and the fields of its kind.
// "sequence", "recorded_at", "recorded_by" and "config_version" are
// server-owned. With `with_version` the object must also carry the order's
// "version", returned in `version`.
core::Result<domain::court_order::OrderEvent> DecodeOrderEvent(const nlohmann::json& json,
                                                               bool with_version,
                                                               std::int64_t* version,
                                                               std::string_view path = "");

// The order data returns as {"from", "to", "rows": [{"period", "force",
// "order_type", "stage", "measure", "count"}]}.
nlohmann::json EncodeOrderReturns(const std::vector<services::OrderReturnRow>& rows,
                                  core::Date from, core::Date to);
// The same rows as CSV with a header line
// "period,force,order_type,stage,measure,count" (RFC 4180; no field needs
// quoting, as every value is an id, a number or "YYYY-MM").
std::string OrderReturnsCsv(const std::vector<services::OrderReturnRow>& rows);

// What is due, as {"today", "windows", "expiring", "interim_without_hearing",
// "notifications_overdue", "tasks_overdue"}.
nlohmann::json EncodeDueList(const services::DueList& due);

}  // namespace vigil::web::api
