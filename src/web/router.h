#pragma once
// Router: vigil's own request routing on top of cpp-httplib. Routes are a
// method plus a pattern of path segments where "{name}" matches any one
// segment ("/api/v1/cases/{id}/tasks"). Owning routing (rather than
// httplib's regex handlers) lets the server answer 405 with an Allow header
// for a known path with the wrong method, and label metrics with the
// pattern instead of the raw path. Handlers return a Response or a failed
// Status, which the server maps to an error through error_mapping.h.
// Routes are added before serving; Find is then thread-safe (read-only).

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "services/services.h"

namespace vigil::web {

inline constexpr std::string_view kJsonContentType = "application/json; charset=utf-8";

// What a handler sends back on success. A response either carries `body`
// or, when `stream` is set, `stream_length` bytes written by `stream` in
// chunks as the client reads them (static files, never read whole).
struct Response {
  int status = 200;
  std::string content_type{kJsonContentType};
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  httplib::ContentProvider stream;
  std::size_t stream_length = 0;
};

// A JSON response with `status`. Invalid UTF-8 in strings is replaced rather
// than failing the response.
Response JsonResponse(int status, const nlohmann::json& body);

// The values of a route's "{name}" segments.
class PathParameters {
 public:
  void Add(std::string name, std::string value);
  // The value of `name`, or empty when the route has no such parameter.
  std::string_view Get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// Everything a handler needs about one request. `caller` carries the
// configured actor and this request's id into the services.
struct RequestContext {
  const httplib::Request& http;
  PathParameters path_parameters;
  services::Caller caller;
};

using RouteHandler = std::function<core::Result<Response>(const RequestContext&)>;

class Router {
 public:
  // How a (method, path) pair resolved.
  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };

  struct Lookup {
    Outcome outcome = Outcome::kNotFound;
    const RouteHandler* handler = nullptr;  // Set when kFound; owned by the router.
    std::string_view pattern;               // Set when kFound.
    PathParameters parameters;              // Set when kFound.
    std::string allowed_methods;            // Set when kMethodNotAllowed: "GET, PUT".
  };

  // Adds a route. `pattern` starts with '/'; a segment "{name}" captures one
  // path segment. Adding the same method and pattern twice is a programmer
  // error (aborts).
  void Add(std::string method, std::string pattern, RouteHandler handler);

  // Resolves a request. HEAD is served by the GET route.
  Lookup Find(std::string_view method, std::string_view path) const;

  // Every distinct pattern, in the order first added (for metrics labels).
  std::vector<std::string> Patterns() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    RouteHandler handler;
  };

  // True when `path_segments` fit `route`, filling `parameters`.
  static bool Matches(const Route& route, const std::vector<std::string_view>& path_segments,
                      PathParameters* parameters);

  std::vector<Route> routes_;
};

}  // namespace vigil::web
