#pragma once
// The lifecycle of a protective court order: checking a new order's
// particulars and applying each event to it. An event is applied only when
// the transition table (order.h) allows it in the order's status and every
// rule for its kind holds; otherwise the error names the field and the
// order is unchanged. Dates are checked against the injected clock. Pure
// apart from reading that clock.

#include "core/clock.h"
#include "core/status.h"
#include "domain/court_order/order.h"
#include "domain/court_order/order_config.h"
#include "domain/lookups.h"

namespace vigil::domain::court_order {

// Checks a new order's particulars, collecting each problem: a known force
// and order type, a case, an interim stage only for types that allow it and
// then with its main order, a respondent, at least one protected person who
// is not the respondent, and no status or history yet.
core::Status ValidateNewOrder(const Order& order, const OrderConfig& config,
                              const Lookups& lookups);

// Checks the terms of an order of `type`: at least one; each a standard
// term allowed for the type (kind as configured) or "custom" with its kind
// and wording; an area or a distance (1 to 100,000 metres) where the term
// needs one; a term's end not before `starts_on`. Problems are added to
// `errors` under `prefix` ("terms[1].area").
void CheckTerms(const std::vector<OrderTerm>& terms, const OrderType& type,
                const OrderConfig& config, core::Date starts_on, std::string_view prefix,
                core::ErrorCollector& errors);

// Applies `event` to `order`: kFailedPrecondition (field "kind") when the
// table has no such move from the order's status, when an appeal is
// decided with none pending or lodged while one is, or when a breach falls
// outside the time the order was in force; kInvalidArgument listing every
// broken rule of the event's kind (reasons, applicant, hearing date,
// terms, start and expiry — a full order's fixed term at least the type's
// minimum, never ending before it starts — notification kind, breach
// report) and an `on` date in the future or before the order's last
// change of status. On success the event gets the next sequence number,
// recorded_at from `clock` and the config version, is appended to the
// history, and the order's fields follow it; on failure nothing changes.
core::Status ApplyOrderEvent(Order& order, OrderEvent event, const OrderConfig& config,
                             const core::Clock& clock);

}  // namespace vigil::domain::court_order
