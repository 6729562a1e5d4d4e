#include "web/api/handler_support.h"

#include "web/api/json_codec.h"
#include "web/api/query_reader.h"

namespace vigil::web::api {

core::Result<nlohmann::json> ReadJsonObject(const RequestContext& context) {
  if (context.http.body.empty()) {
    return core::Malformed("The request body is empty; a JSON object is expected.");
  }
  VIGIL_ASSIGN_OR_RETURN(nlohmann::json body, ParseJson(context.http.body));
  if (!body.is_object()) {
    return core::InvalidArgument("The request body must be a JSON object.",
                                 {{"", "wrong_type", "must be an object"}});
  }
  return body;
}

std::optional<std::int64_t> ParsePositiveId(std::string_view text) {
  if (text.empty() || text.front() < '1' || text.front() > '9') return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

RouteHandler WithoutQuery(RouteHandler handler) {
  return [handler = std::move(handler)](const RequestContext& context) -> core::Result<Response> {
    if (!context.http.params.empty()) {
      QueryReader query_reader(context.http.params);
      VIGIL_RETURN_IF_ERROR(query_reader.Finish("This address takes no query parameters."));
    }
    return handler(context);
  };
}

void AddRoute(Router& router, services::Services& services, std::string method, std::string pattern,
              ServiceHandler handler, QueryUse query) {
  RouteHandler bound = [&services, handler](const RequestContext& context) {
    return handler(services, context);
  };
  router.Add(std::move(method), std::move(pattern),
             query == QueryUse::kReads ? std::move(bound) : WithoutQuery(std::move(bound)));
}

Response Ok(const nlohmann::json& body) { return JsonResponse(200, body); }

Response Created(const nlohmann::json& body, const std::string& location) {
  Response response = JsonResponse(201, body);
  response.headers.emplace_back("Location", location);
  return response;
}

}  // namespace vigil::web::api
