#pragma once
// Small helpers shared by the JSON API handlers: reading the JSON body,
// reading ids from the path, building 200/201 responses and pages. They
// return Statuses; the server maps them to HTTP through error_mapping.h.

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/result.h"
#include "web/router.h"

namespace vigil::web::api {

// The request body parsed as a JSON object. kMalformed when it is empty or
// not JSON; kInvalidArgument (a wrong_type error with no field) when it is
// JSON but not an object.
core::Result<nlohmann::json> ReadJsonObject(const RequestContext& context);

// The positive integer in `text`, or empty ("12" only: no sign, spaces or
// leading zeros).
std::optional<std::int64_t> ParsePositiveId(std::string_view text);

// The id in path parameter `name`. kNotFound ("no such <what>") when it is
// not a positive integer, as an id that cannot exist names nothing.
template <typename IdType>
core::Result<IdType> PathId(const RequestContext& context, std::string_view name,
                            std::string_view what) {
  std::optional<std::int64_t> value = ParsePositiveId(context.path_parameters.Get(name));
  if (!value) return core::NotFound("There is no " + std::string(what) + " with that id.");
  return IdType(*value);
}

// Wraps the handler of an endpoint that takes no query parameters, so any
// query parameter is rejected (kInvalidArgument, "unknown_parameter" per
// name) just as the search endpoints reject the ones they do not know.
RouteHandler WithoutQuery(RouteHandler handler);

// A handler of the JSON API: a plain function of the services and the request.
using ServiceHandler = core::Result<Response> (*)(services::Services& services,
                                                  const RequestContext& context);

// Whether an endpoint reads query parameters (search endpoints) or takes
// none (every other endpoint: any query parameter is then a 422).
enum class QueryUse { kNone, kReads };

// Adds `method` `pattern` to `router`, calling `handler` with `services`
// (which must outlive the router), wrapped in WithoutQuery unless `query` is
// kReads.
void AddRoute(Router& router, services::Services& services, std::string method, std::string pattern,
              ServiceHandler handler, QueryUse query = QueryUse::kNone);

// 200 with `body`.
Response Ok(const nlohmann::json& body);
// 201 with `body` and a Location header pointing at `location`.
Response Created(const nlohmann::json& body, const std::string& location);

// {"items": [...], "next_cursor": "..." or null, "total": n} for a page.
template <typename Page, typename Encode>
nlohmann::json EncodePage(const Page& page, Encode encode) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(encode(item));
  return {{"items", std::move(items)},
          {"next_cursor",
           page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json(nullptr)},
          {"total", page.total}};
}

}  // namespace vigil::web::api
