// Court order routes: record an order, record its events, view it with its
// history and notification duties, list a case's orders.

#include "web/api/order_routes.h"

#include "core/time.h"
#include "web/api/handler_support.h"
#include "web/api/json_codec_order.h"
#include "web/api/query_reader.h"

namespace vigil::web::api {
namespace {

namespace co = domain::court_order;

std::string OrderLocation(co::OrderId id) { return "/api/v1/orders/" + id.ToString(); }

core::Result<Response> CreateOrder(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  VIGIL_ASSIGN_OR_RETURN(NewOrderRequest request, DecodeNewOrder(body));
  VIGIL_ASSIGN_OR_RETURN(
      co::Order order,
      services.CreateOrder(context.caller, std::move(request.order), std::move(request.first)));
  return Created(EncodeOrder(order), OrderLocation(order.id));
}

// Body: the event with the order's current "version".
core::Result<Response> RecordEvent(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(co::OrderId id, PathId<co::OrderId>(context, "id", "order"));
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonObject(context));
  std::int64_t version = 0;
  VIGIL_ASSIGN_OR_RETURN(co::OrderEvent event, DecodeOrderEvent(body, true, &version));
  VIGIL_ASSIGN_OR_RETURN(co::Order order,
                         services.RecordOrderEvent(context.caller, id, version, std::move(event)));
  return Created(EncodeOrder(order), OrderLocation(order.id));
}

// The order plus "in_force", "notifications" and "interim_orders".
core::Result<Response> GetOrder(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(co::OrderId id, PathId<co::OrderId>(context, "id", "order"));
  VIGIL_ASSIGN_OR_RETURN(services::OrderDetail detail, services.GetOrder(context.caller, id));
  nlohmann::json body = EncodeOrder(detail.order);
  body["in_force"] = detail.in_force;
  nlohmann::json& duties = body["notifications"] = nlohmann::json::array();
  for (const co::NotificationDuty& duty : detail.notifications) {
    duties.push_back(EncodeNotificationDuty(duty));
  }
  nlohmann::json& interims = body["interim_orders"] = nlohmann::json::array();
  for (const co::OrderId& interim : detail.interim_orders) interims.push_back(interim.value);
  return Ok(body);
}

core::Result<Response> ListCaseOrders(services::Services& services, const RequestContext& context) {
  VIGIL_ASSIGN_OR_RETURN(domain::CaseId id, PathId<domain::CaseId>(context, "id", "case"));
  VIGIL_ASSIGN_OR_RETURN(std::vector<co::Order> orders,
                         services.ListCaseOrders(context.caller, id));
  nlohmann::json items = nlohmann::json::array();
  for (const co::Order& order : orders) items.push_back(EncodeOrder(order));
  return Ok({{"items", std::move(items)}});
}

// Query: from, to (dates; required), force, format (json or csv).
core::Result<Response> OrderReturns(services::Services& services, const RequestContext& context) {
  QueryReader query_reader(context.http.params);
  std::optional<std::string> from_text = query_reader.String("from");
  std::optional<std::string> to_text = query_reader.String("to");
  std::optional<std::string> force = query_reader.String("force");
  std::string format = query_reader.OneOf("format", {"json", "csv"}).value_or("json");
  VIGIL_RETURN_IF_ERROR(query_reader.Finish());
  core::ErrorCollector errors;
  std::optional<core::Date> from = from_text ? core::ParseDate(*from_text) : std::nullopt;
  std::optional<core::Date> to = to_text ? core::ParseDate(*to_text) : std::nullopt;
  if (!from) errors.Add("from", from_text ? "invalid_date" : "required", "give a date YYYY-MM-DD");
  if (!to) errors.Add("to", to_text ? "invalid_date" : "required", "give a date YYYY-MM-DD");
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The period is not valid."));
  VIGIL_ASSIGN_OR_RETURN(std::vector<services::OrderReturnRow> rows,
                         services.OrderReturns(context.caller, *from, *to, force));
  if (format == "csv") {
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = OrderReturnsCsv(rows);
    return response;
  }
  return Ok(EncodeOrderReturns(rows, *from, *to));
}

}  // namespace

void AddOrderRoutes(Router& router, services::Services& services) {
  AddRoute(router, services, "POST", "/api/v1/orders", CreateOrder);
  AddRoute(router, services, "GET", "/api/v1/orders/{id}", GetOrder);
  AddRoute(router, services, "POST", "/api/v1/orders/{id}/events", RecordEvent);
  AddRoute(router, services, "GET", "/api/v1/cases/{id}/orders", ListCaseOrders);
  AddRoute(router, services, "GET", "/api/v1/reports/orders", OrderReturns, QueryUse::kReads);
}

}  // namespace vigil::web::api
