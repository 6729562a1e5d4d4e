#include "web/router.h"

#include <algorithm>

#include "core/check.h"

namespace vigil::web {
namespace {

// "/a/b/c" -> {"a", "b", "c"}; "/" -> {}. Empty segments ("/a//b", "/a/")
// are kept so such paths match no route.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') {
    segments.emplace_back(path);  // Matches nothing: patterns start with '/'.
    return segments;
  }
  path.remove_prefix(1);
  if (path.empty()) return segments;
  while (true) {
    std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

Response JsonResponse(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

void PathParameters::Add(std::string name, std::string value) {
  values_.emplace_back(std::move(name), std::move(value));
}

std::string_view PathParameters::Get(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  return {};
}

void Router::Add(std::string method, std::string pattern, RouteHandler handler) {
  VIGIL_CHECK(!pattern.empty() && pattern.front() == '/') << "route pattern must start with /";
  for (const Route& route : routes_) {
    VIGIL_CHECK(!(route.method == method && route.pattern == pattern))
        << "route added twice: " << method << " " << pattern;
  }
  Route route;
  route.method = std::move(method);
  for (std::string_view segment : SplitPath(pattern)) route.segments.emplace_back(segment);
  route.pattern = std::move(pattern);
  route.handler = std::move(handler);
  routes_.push_back(std::move(route));
}

bool Router::Matches(const Route& route, const std::vector<std::string_view>& path_segments,
                     PathParameters* parameters) {
  if (route.segments.size() != path_segments.size()) return false;
  for (std::size_t index = 0; index < path_segments.size(); ++index) {
    const std::string& expected = route.segments[index];
    if (IsParameter(expected)) {
      if (path_segments[index].empty()) return false;
    } else if (expected != path_segments[index]) {
      return false;
    }
  }
  if (parameters != nullptr) {
    for (std::size_t index = 0; index < path_segments.size(); ++index) {
      const std::string& expected = route.segments[index];
      if (IsParameter(expected)) {
        parameters->Add(expected.substr(1, expected.size() - 2), std::string(path_segments[index]));
      }
    }
  }
  return true;
}

Router::Lookup Router::Find(std::string_view method, std::string_view path) const {
  Lookup lookup;
  if (method == "HEAD") method = "GET";
  std::vector<std::string_view> path_segments = SplitPath(path);
  std::vector<std::string_view> allowed;
  for (const Route& route : routes_) {
    if (route.method != method) {
      if (Matches(route, path_segments, nullptr) &&
          std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
        allowed.push_back(route.method);
      }
      continue;
    }
    PathParameters parameters;
    if (Matches(route, path_segments, &parameters)) {
      lookup.outcome = Outcome::kFound;
      lookup.handler = &route.handler;
      lookup.pattern = route.pattern;
      lookup.parameters = std::move(parameters);
      return lookup;
    }
  }
  if (!allowed.empty()) {
    lookup.outcome = Outcome::kMethodNotAllowed;
    for (std::string_view allowed_method : allowed) {
      if (!lookup.allowed_methods.empty()) lookup.allowed_methods += ", ";
      lookup.allowed_methods += allowed_method;
    }
  }
  return lookup;
}

std::vector<std::string> Router::Patterns() const {
  std::vector<std::string> patterns;
  for (const Route& route : routes_) {
    if (std::find(patterns.begin(), patterns.end(), route.pattern) == patterns.end()) {
      patterns.push_back(route.pattern);
    }
  }
  return patterns;
}

}  // namespace vigil::web
