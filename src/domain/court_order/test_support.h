#pragma once
// Shared set-up for the court order tests: the embedded config, a fake
// clock and orders at each stage. Test-only.

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/time.h"
#include "domain/court_order/lifecycle.h"
#include "domain/court_order/order_config.h"

namespace vigil::domain::court_order::testing {

inline core::Date D(const char* text) { return *core::ParseDate(text); }

inline core::Timestamp At(const char* date) {
  return core::Timestamp(D(date)) + std::chrono::hours(12);
}

inline const OrderConfig& Config() {
  static const OrderConfig config = DefaultOrderConfig().value();
  return config;
}

inline Order NewOrder(std::string type = "spo", OrderStage stage = OrderStage::kFull) {
  Order order;
  order.force = "west_midlands";
  order.case_id = CaseId(7);
  order.order_type = std::move(type);
  order.stage = stage;
  if (stage == OrderStage::kInterim) order.main_order = OrderId(1);
  order.respondent = PersonId(20);
  order.protected_persons = {PersonId(21)};
  return order;
}

inline OrderEvent Event(OrderEventKind kind, const char* on) {
  OrderEvent event;
  event.kind = kind;
  event.on = D(on);
  event.recorded_by = "pc_khan";
  return event;
}

inline std::vector<OrderTerm> StandardTerms() {
  OrderTerm no_contact;
  no_contact.term_id = "no_contact";
  OrderTerm zone;
  zone.term_id = "exclusion_zone";
  zone.area = "Elm Road, Birmingham, between its junctions with Oak Street and Ash Lane";
  OrderTerm approach;
  approach.term_id = "no_approach";
  approach.distance_metres = 100;
  return {no_contact, zone, approach};
}

inline OrderEvent Made(const char* on, const char* expires_on) {
  OrderEvent event = Event(OrderEventKind::kMade, on);
  event.court = "Birmingham Magistrates' Court";
  event.terms = StandardTerms();
  if (expires_on != nullptr) event.expires_on = D(expires_on);
  return event;
}

// Applies `event`, failing the test when it is rejected.
inline void MustApply(Order& order, OrderEvent event, core::FakeClock& clock) {
  core::Status status = ApplyOrderEvent(order, std::move(event), Config(), clock);
  ASSERT_TRUE(status.ok()) << status;
}

// A full SPO applied for on 3 March 2025, made on 1 May 2025 for two years
// and served on 2 May 2025; the clock then stands at 2 May 2025.
inline Order ServedSpo(core::FakeClock& clock) {
  Order order = NewOrder();
  clock.Set(At("2025-03-03"));
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-03-03");
  applied.applicant = "Chief Constable of West Midlands Police";
  MustApply(order, applied, clock);
  clock.Set(At("2025-05-01"));
  MustApply(order, Made("2025-05-01", "2027-04-30"), clock);
  clock.Set(At("2025-05-02"));
  MustApply(order, Event(OrderEventKind::kServed, "2025-05-02"), clock);
  return order;
}

}  // namespace vigil::domain::court_order::testing
