#include "storage/sqlite/order_repository.h"

#include <string>
#include <utility>

#include "storage/paging.h"
#include "storage/sqlite/row_values.h"
#include "storage/sqlite/sql_filter.h"

namespace vigil::storage::sqlite {
namespace {

namespace co = domain::court_order;

std::optional<std::int64_t> Days(const std::optional<core::Date>& date) {
  if (!date) return std::nullopt;
  return ToDays(*date);
}

std::optional<core::Date> OptionalDate(const Statement& row, int column) {
  std::optional<std::int64_t> days = row.OptionalInteger(column);
  if (!days) return std::nullopt;
  return DateFromDays(*days);
}

std::int64_t Flag(bool value) { return value ? 1 : 0; }

constexpr char kOrderColumns[] =
    "SELECT id, version, force, case_id, order_type, stage, main_order_id, respondent_id,"
    " related_proceedings, other_notification_until, status, hearing_date, made_on, starts_on,"
    " expires_on, until_further_order, served_on, ended_on, appeal_pending, created_at,"
    " updated_at FROM court_orders";

core::Result<co::Order> ReadOrder(const Statement& row) {
  co::Order order;
  order.id = co::OrderId(row.Integer(0));
  order.version = row.Integer(1);
  order.force = row.Text(2);
  order.case_id = domain::CaseId(row.Integer(3));
  order.order_type = row.Text(4);
  std::optional<co::OrderStage> stage = co::ParseOrderStage(row.Text(5));
  std::optional<co::OrderStatus> status = co::ParseOrderStatus(row.Text(10));
  if (!stage || !status) {
    return core::DataLoss("order " + order.id.ToString() + " has an unknown stage or status");
  }
  order.stage = *stage;
  order.main_order = co::OrderId(row.OptionalInteger(6).value_or(0));
  order.respondent = domain::PersonId(row.Integer(7));
  order.related_proceedings = row.Text(8);
  order.other_notification_until = OptionalDate(row, 9);
  order.status = *status;
  order.hearing_date = OptionalDate(row, 11);
  order.made_on = OptionalDate(row, 12);
  order.starts_on = OptionalDate(row, 13);
  order.expires_on = OptionalDate(row, 14);
  order.until_further_order = row.Integer(15) != 0;
  order.served_on = OptionalDate(row, 16);
  order.ended_on = OptionalDate(row, 17);
  order.appeal_pending = row.Integer(18) != 0;
  order.created_at = TimestampFromSeconds(row.Integer(19));
  order.updated_at = TimestampFromSeconds(row.Integer(20));
  return order;
}

// kNotFound naming the first referenced record that does not exist.
core::Status CheckReferences(Connection& connection, const co::Order& order) {
  auto exists = [&connection](const char* table, std::int64_t id) -> core::Result<bool> {
    return RowExists(connection, std::string("SELECT 1 FROM ") + table + " WHERE id = ?", id);
  };
  VIGIL_ASSIGN_OR_RETURN(bool case_exists, exists("cases", order.case_id.value));
  if (!case_exists) return core::NotFound("case " + order.case_id.ToString() + " does not exist");
  std::vector<domain::PersonId> persons = order.protected_persons;
  persons.insert(persons.begin(), order.respondent);
  for (const domain::PersonId& person : persons) {
    VIGIL_ASSIGN_OR_RETURN(bool found, exists("persons", person.value));
    if (!found) return core::NotFound("person " + person.ToString() + " does not exist");
  }
  if (order.main_order.assigned()) {
    VIGIL_ASSIGN_OR_RETURN(bool found, exists("court_orders", order.main_order.value));
    if (!found) return core::NotFound("order " + order.main_order.ToString() + " does not exist");
  }
  return core::Status::Ok();
}

}  // namespace

core::Status OrderRepository::InsertEvents(const co::Order& order, std::int64_t after) {
  for (const co::OrderEvent& event : order.history) {
    if (event.sequence <= after) continue;
    if (event.report_id.assigned()) {
      VIGIL_ASSIGN_OR_RETURN(
          bool found,
          RowExists(connection_, "SELECT 1 FROM reports WHERE id = ?", event.report_id.value));
      if (!found) {
        return core::NotFound("report " + event.report_id.ToString() + " does not exist");
      }
    }
    std::optional<std::int64_t> report;
    if (event.report_id.assigned()) report = event.report_id.value;
    std::string notification =
        event.notification ? std::string(co::NotificationKindName(*event.notification)) : "";
    VIGIL_RETURN_IF_ERROR(RunStatement(
        connection_,
        "INSERT INTO court_order_events (order_id, sequence, kind, on_date, recorded_at,"
        " recorded_by, reasons, applicant, court, hearing_date, starts_on, expires_on,"
        " until_further_order, notification, change_on, report_id, appellant, config_version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        order.id.value, event.sequence, co::OrderEventKindName(event.kind), ToDays(event.on),
        ToSeconds(event.recorded_at), event.recorded_by, event.reasons, event.applicant,
        event.court, Days(event.hearing_date), Days(event.starts_on), Days(event.expires_on),
        Flag(event.until_further_order), notification, Days(event.change_on), report,
        event.appellant, event.config_version));
    for (std::size_t position = 0; position < event.terms.size(); ++position) {
      const co::OrderTerm& term = event.terms[position];
      std::optional<std::int64_t> distance;
      if (term.distance_metres) distance = *term.distance_metres;
      VIGIL_RETURN_IF_ERROR(RunStatement(
          connection_,
          "INSERT INTO court_order_terms (order_id, sequence, position, term_id, kind, wording,"
          " area, distance_metres, ends_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          order.id.value, event.sequence, static_cast<std::int64_t>(position), term.term_id,
          term.kind, term.wording, term.area, distance, Days(term.ends_on)));
    }
  }
  return core::Status::Ok();
}

core::Status OrderRepository::InsertOrder(co::Order& order) {
  VIGIL_RETURN_IF_ERROR(CheckReferences(connection_, order));
  std::optional<std::int64_t> main_order;
  if (order.main_order.assigned()) main_order = order.main_order.value;
  VIGIL_RETURN_IF_ERROR(RunStatement(
      connection_,
      "INSERT INTO court_orders (version, force, case_id, order_type, stage, main_order_id,"
      " respondent_id, related_proceedings, other_notification_until, status, hearing_date,"
      " made_on, starts_on, expires_on, until_further_order, served_on, ended_on,"
      " appeal_pending, created_at, updated_at)"
      " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      order.force, order.case_id.value, order.order_type, co::OrderStageName(order.stage),
      main_order, order.respondent.value, order.related_proceedings,
      Days(order.other_notification_until), co::OrderStatusName(order.status),
      Days(order.hearing_date), Days(order.made_on), Days(order.starts_on), Days(order.expires_on),
      Flag(order.until_further_order), Days(order.served_on), Days(order.ended_on),
      Flag(order.appeal_pending), ToSeconds(order.created_at), ToSeconds(order.updated_at)));
  order.id = co::OrderId(connection_.LastInsertId());
  for (std::size_t position = 0; position < order.protected_persons.size(); ++position) {
    VIGIL_RETURN_IF_ERROR(RunStatement(connection_,
                                       "INSERT INTO court_order_protected_persons (order_id,"
                                       " position, person_id) VALUES (?, ?, ?)",
                                       order.id.value, static_cast<std::int64_t>(position),
                                       order.protected_persons[position].value));
  }
  VIGIL_RETURN_IF_ERROR(InsertEvents(order, 0));
  order.version = 1;
  return core::Status::Ok();
}

core::Status OrderRepository::LoadHistory(co::Order& order) {
  {
    VIGIL_ASSIGN_OR_RETURN(Statement persons,
                           connection_.Prepare("SELECT person_id FROM court_order_protected_persons"
                                               " WHERE order_id = ? ORDER BY position"));
    persons.Bind(1, order.id.value);
    while (true) {
      VIGIL_ASSIGN_OR_RETURN(bool row, persons.Step());
      if (!row) break;
      order.protected_persons.push_back(domain::PersonId(persons.Integer(0)));
    }
  }
  VIGIL_ASSIGN_OR_RETURN(
      Statement events,
      connection_.Prepare("SELECT sequence, kind, on_date, recorded_at, recorded_by, reasons,"
                          " applicant, court, hearing_date, starts_on, expires_on,"
                          " until_further_order, notification, change_on, report_id, appellant,"
                          " config_version FROM court_order_events WHERE order_id = ?"
                          " ORDER BY sequence"));
  events.Bind(1, order.id.value);
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, events.Step());
    if (!row) break;
    co::OrderEvent event;
    event.sequence = events.Integer(0);
    std::optional<co::OrderEventKind> kind = co::ParseOrderEventKind(events.Text(1));
    if (!kind) {
      return core::DataLoss("order " + order.id.ToString() + " has an event of unknown kind " +
                            events.Text(1));
    }
    event.kind = *kind;
    event.on = DateFromDays(events.Integer(2));
    event.recorded_at = TimestampFromSeconds(events.Integer(3));
    event.recorded_by = events.Text(4);
    event.reasons = events.Text(5);
    event.applicant = events.Text(6);
    event.court = events.Text(7);
    event.hearing_date = OptionalDate(events, 8);
    event.starts_on = OptionalDate(events, 9);
    event.expires_on = OptionalDate(events, 10);
    event.until_further_order = events.Integer(11) != 0;
    std::string notification = events.Text(12);
    if (!notification.empty()) event.notification = co::ParseNotificationKind(notification);
    event.change_on = OptionalDate(events, 13);
    event.report_id = domain::ReportId(events.OptionalInteger(14).value_or(0));
    event.appellant = events.Text(15);
    event.config_version = events.Text(16);
    order.history.push_back(std::move(event));
  }
  VIGIL_ASSIGN_OR_RETURN(
      Statement terms,
      connection_.Prepare("SELECT sequence, term_id, kind, wording, area, distance_metres,"
                          " ends_on FROM court_order_terms WHERE order_id = ?"
                          " ORDER BY sequence, position"));
  terms.Bind(1, order.id.value);
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, terms.Step());
    if (!row) break;
    std::int64_t sequence = terms.Integer(0);
    if (sequence < 1 || sequence > static_cast<std::int64_t>(order.history.size())) {
      return core::DataLoss("order " + order.id.ToString() + " has terms of a missing event");
    }
    co::OrderTerm term;
    term.term_id = terms.Text(1);
    term.kind = terms.Text(2);
    term.wording = terms.Text(3);
    term.area = terms.Text(4);
    if (std::optional<std::int64_t> distance = terms.OptionalInteger(5)) {
      term.distance_metres = static_cast<int>(*distance);
    }
    term.ends_on = OptionalDate(terms, 6);
    order.history[sequence - 1].terms.push_back(std::move(term));
  }
  // The current terms are those of the latest event that set terms.
  for (const co::OrderEvent& event : order.history) {
    if (!event.terms.empty()) order.terms = event.terms;
  }
  return core::Status::Ok();
}

core::Result<co::Order> OrderRepository::GetOrder(co::OrderId id) {
  co::Order order;
  {
    VIGIL_ASSIGN_OR_RETURN(Statement statement,
                           connection_.Prepare(std::string(kOrderColumns) + " WHERE id = ?"));
    statement.Bind(1, id.value);
    VIGIL_ASSIGN_OR_RETURN(bool found, statement.Step());
    if (!found) return core::NotFound("order " + id.ToString() + " does not exist");
    VIGIL_ASSIGN_OR_RETURN(order, ReadOrder(statement));
  }
  VIGIL_RETURN_IF_ERROR(LoadHistory(order));
  return order;
}

core::Status OrderRepository::UpdateOrder(co::Order& order) {
  VIGIL_ASSIGN_OR_RETURN(co::Order stored, GetOrder(order.id));
  if (stored.version != order.version) {
    return MissingOrStale(connection_, "court_orders", "order", order.id.value, order.version);
  }
  if (order.history.size() < stored.history.size()) {
    return core::Conflict("order " + order.id.ToString() + ": events cannot be removed");
  }
  for (std::size_t i = 0; i < stored.history.size(); ++i) {
    const co::OrderEvent& given = order.history[i];
    const co::OrderEvent& kept = stored.history[i];
    if (given.sequence != kept.sequence || given.kind != kept.kind || given.on != kept.on) {
      return core::Conflict("order " + order.id.ToString() + ": event " +
                            std::to_string(kept.sequence) + " cannot be changed");
    }
  }
  VIGIL_ASSIGN_OR_RETURN(
      Statement statement,
      connection_.Prepare(
          "UPDATE court_orders SET version = version + 1, other_notification_until = ?,"
          " related_proceedings = ?, status = ?, hearing_date = ?, made_on = ?, starts_on = ?,"
          " expires_on = ?, until_further_order = ?, served_on = ?, ended_on = ?,"
          " appeal_pending = ?, updated_at = ? WHERE id = ? AND version = ?"
          " RETURNING version, created_at"));
  std::string related = order.related_proceedings;
  statement.Bind(1, Days(order.other_notification_until))
      .Bind(2, std::string_view(related))
      .Bind(3, co::OrderStatusName(order.status))
      .Bind(4, Days(order.hearing_date))
      .Bind(5, Days(order.made_on))
      .Bind(6, Days(order.starts_on))
      .Bind(7, Days(order.expires_on))
      .Bind(8, Flag(order.until_further_order))
      .Bind(9, Days(order.served_on))
      .Bind(10, Days(order.ended_on))
      .Bind(11, Flag(order.appeal_pending))
      .Bind(12, ToSeconds(order.updated_at))
      .Bind(13, order.id.value)
      .Bind(14, order.version);
  VIGIL_ASSIGN_OR_RETURN(bool updated, statement.Step());
  if (!updated) {
    return MissingOrStale(connection_, "court_orders", "order", order.id.value, order.version);
  }
  std::int64_t version = statement.Integer(0);
  core::Timestamp created_at = TimestampFromSeconds(statement.Integer(1));
  VIGIL_RETURN_IF_ERROR(statement.Run());
  VIGIL_RETURN_IF_ERROR(InsertEvents(order, static_cast<std::int64_t>(stored.history.size())));
  order.version = version;
  order.created_at = created_at;
  return core::Status::Ok();
}

core::Result<std::vector<co::Order>> OrderRepository::ListOrders(const OrderQuery& query) {
  VIGIL_RETURN_IF_ERROR(CheckLimit(query.limit, 1, 1000));
  SqlFilter filter;
  if (query.case_id) filter.Add("case_id = ?", {query.case_id->value});
  if (query.respondent) filter.Add("respondent_id = ?", {query.respondent->value});
  if (query.main_order) filter.Add("main_order_id = ?", {query.main_order->value});
  if (query.after) filter.Add("id > ?", {query.after->value});
  if (query.force) filter.Add("force = ?", {*query.force});
  if (query.status) {
    filter.Add("status = ?", {std::string(co::OrderStatusName(*query.status))});
  }
  VIGIL_ASSIGN_OR_RETURN(
      Statement select,
      connection_.Prepare(std::string(kOrderColumns) + filter.Where() + " ORDER BY id LIMIT ?"));
  int next = filter.BindTo(select);
  select.Bind(next, std::int64_t{query.limit});
  std::vector<co::Order> orders;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    VIGIL_ASSIGN_OR_RETURN(co::Order order, ReadOrder(select));
    orders.push_back(std::move(order));
  }
  for (co::Order& order : orders) VIGIL_RETURN_IF_ERROR(LoadHistory(order));
  return orders;
}

core::Result<std::vector<OrderEventCount>> OrderRepository::CountOrderEvents(
    const OrderEventCountQuery& query) {
  SqlFilter filter;
  filter.Add("e.on_date >= ?", {ToDays(query.from)});
  filter.Add("e.on_date < ?", {ToDays(query.to)});
  if (query.force) filter.Add("o.force = ?", {*query.force});
  VIGIL_ASSIGN_OR_RETURN(
      Statement select,
      connection_.Prepare("SELECT strftime('%Y-%m', e.on_date * 86400, 'unixepoch') AS period,"
                          " o.force, o.order_type, o.stage, e.kind, count(*)"
                          " FROM court_order_events e JOIN court_orders o ON o.id = e.order_id" +
                          filter.Where() +
                          " GROUP BY period, o.force, o.order_type, o.stage, e.kind"
                          " ORDER BY period, o.force, o.order_type, o.stage, e.kind"));
  filter.BindTo(select);
  std::vector<OrderEventCount> counts;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    OrderEventCount count;
    count.period = select.Text(0);
    count.force = select.Text(1);
    count.order_type = select.Text(2);
    std::optional<co::OrderStage> stage = co::ParseOrderStage(select.Text(3));
    std::optional<co::OrderEventKind> kind = co::ParseOrderEventKind(select.Text(4));
    if (!stage || !kind) return core::DataLoss("an order event has an unknown stage or kind");
    count.stage = *stage;
    count.kind = *kind;
    count.count = select.Integer(5);
    counts.push_back(std::move(count));
  }
  return counts;
}

}  // namespace vigil::storage::sqlite
