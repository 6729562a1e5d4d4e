#pragma once
// OrderRepository: protective court orders in SQLite (migration
// 0004_court_orders). An order's events and the terms they set are
// append-only (the schema's triggers refuse UPDATE and DELETE): saving an
// order writes its particulars and summary, and appends the events it has
// beyond those stored. Runs inside the caller's transaction on the
// caller's Connection; not thread-safe beyond that.

#include <vector>

#include "core/result.h"
#include "domain/court_order/order.h"
#include "storage/sqlite/connection.h"
#include "storage/store.h"

namespace vigil::storage::sqlite {

class OrderRepository {
 public:
  explicit OrderRepository(Connection& connection) : connection_(connection) {}

  // Stores a new order with version 1 and its whole history; sets `order.id`
  // and `order.version`. kNotFound when the case, the respondent, a
  // protected person, the main order or a breach report does not exist.
  core::Status InsertOrder(domain::court_order::Order& order);
  // The order with its history, oldest event first. kNotFound.
  core::Result<domain::court_order::Order> GetOrder(domain::court_order::OrderId id);
  // Saves the order when `order.version` is current and bumps the version;
  // appends the events of `order.history` beyond the stored ones.
  // kConflict for a stale version, or when the history given does not
  // extend the stored one (an event changed or removed); kNotFound.
  core::Status UpdateOrder(domain::court_order::Order& order);
  // Orders matching `query`, with their histories, by id.
  core::Result<std::vector<domain::court_order::Order>> ListOrders(const OrderQuery& query);
  // Events dated in [query.from, query.to) counted by month, force, type,
  // stage and kind.
  core::Result<std::vector<OrderEventCount>> CountOrderEvents(const OrderEventCountQuery& query);

 private:
  core::Status InsertEvents(const domain::court_order::Order& order, std::int64_t after);
  core::Status LoadHistory(domain::court_order::Order& order);
  Connection& connection_;
};

}  // namespace vigil::storage::sqlite
