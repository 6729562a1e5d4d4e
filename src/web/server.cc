#include "web/server.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string_view>
#include <utility>

#include "core/logging.h"
#include "web/api/order_routes.h"
#include "web/api/routes.h"
#include "web/caller.h"
#include "web/error_mapping.h"
#include "web/http_server.h"
#include "web/metrics.h"
#include "web/pages/routes.h"
#include "web/request_id.h"
#include "web/router.h"

namespace vigil::web {
namespace {

constexpr int kListenBacklog = 4096;
constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

// What the server knows about the request being served on this worker
// thread, from the pre-routing hook to the logger (httplib serves each
// request start to finish on one thread).
struct RequestState {
  bool active = false;  // Set by the pre-routing hook, cleared by the logger.
  std::chrono::steady_clock::time_point start;
  std::string request_id;
  std::string_view route = kUnmatchedRoute;
};

thread_local RequestState current_request;

void Send(httplib::Response& http_response, const Response& response) {
  http_response.status = response.status;
  for (const auto& [name, value] : response.headers) http_response.set_header(name, value);
  if (response.stream) {
    http_response.set_content_provider(response.stream_length, std::string(response.content_type),
                                       response.stream);
    return;
  }
  http_response.set_content(response.body, std::string(response.content_type));
}

void SendError(httplib::Response& http_response, const HttpError& error) {
  Response response = JsonResponse(error.status, error.body);
  response.headers = error.headers;
  Send(http_response, response);
}

// True for "application/json" and "+json" media types, with any parameters.
bool IsJsonMediaType(std::string_view content_type) {
  std::string_view media_type = content_type.substr(0, content_type.find(';'));
  while (!media_type.empty() && media_type.back() == ' ') media_type.remove_suffix(1);
  std::string lower;
  for (char c : media_type) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower == "application/json" ||
         (lower.size() > 5 && lower.compare(lower.size() - 5, 5, "+json") == 0);
}

bool CarriesBody(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

}  // namespace

class Server::Impl {
 public:
  Impl(services::Services& services, ServerOptions options)
      : services_(services), options_(std::move(options)), port_(options_.port) {
    AddSystemRoutes();
    api::AddPersonRoutes(router_, services_);
    // Before the report routes: /api/v1/reports/orders is not a report id.
    api::AddOrderRoutes(router_, services_);
    api::AddReportRoutes(router_, services_);
    api::AddCaseRoutes(router_, services_);
    api::AddTaskRoutes(router_, services_);
    api::AddScreeningRoutes(router_, services_);
    api::AddAuditRoutes(router_, services_);
    if (options_.site) pages::AddPageRoutes(router_, services_, options_.site);
    metrics_ = std::make_unique<Metrics>(router_.Patterns(), options_.store_seconds);
    ConfigureHttp();
  }

  ~Impl() { http_.Shutdown(); }

  core::Status Bind() {
    if (bound_) return core::FailedPrecondition("the server is already bound");
    int bound_port = http_.BindWithBacklog(options_.host, options_.port, kListenBacklog);
    if (bound_port < 0) {
      return core::Unavailable("cannot listen on " + options_.host + ":" +
                               std::to_string(options_.port) +
                               " (address in use, not local, or not permitted)");
    }
    port_ = bound_port;
    bound_ = true;
    core::Log(core::LogLevel::kInfo, "http_listening",
              {{"host", options_.host}, {"port", std::to_string(bound_port)}});
    return core::Status::Ok();
  }

  core::Status Run() {
    if (!bound_) return core::FailedPrecondition("Bind() must succeed before Run()");
    if (!http_.listen_after_bind()) {
      return core::Unavailable("the server stopped accepting connections after an error");
    }
    return core::Status::Ok();
  }

  void Stop() { http_.Shutdown(); }
  bool IsRunning() const { return http_.is_running(); }
  int port() const { return port_; }

 private:
  void ConfigureHttp() {
    const std::size_t threads = options_.threads > 0 ? options_.threads : 1;
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http_.set_tcp_nodelay(true);
    http_.set_keep_alive_max_count(static_cast<std::size_t>(options_.keep_alive_max_count));
    http_.set_payload_max_length(options_.max_body_bytes);
    http_.set_pre_routing_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& request, httplib::Response& response) {
          RequestState& state = current_request;
          state.active = true;
          state.start = std::chrono::steady_clock::now();
          state.request_id = RequestIdFor(request.get_header_value(kRequestIdHeader.data()));
          state.route = kUnmatchedRoute;
          response.set_header(kRequestIdHeader.data(), state.request_id);
          return httplib::Server::HandlerResponse::Unhandled;
        }));
    httplib::Server::Handler dispatch = [this](const httplib::Request& request,
                                               httplib::Response& response) {
      Dispatch(request, response);
    };
    // Every path goes to Dispatch, which routes with Router (see router.h).
    http_.Get(".*", dispatch);
    http_.Post(".*", dispatch);
    http_.Put(".*", dispatch);
    http_.Patch(".*", dispatch);
    http_.Delete(".*", dispatch);
    http_.Options(".*", dispatch);
    http_.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& request, httplib::Response& response) {
          // Failures httplib found itself (unparseable request, body over the
          // limit, address too long) reach here with no body: give them ours.
          std::string request_id = RequestIdOf(request, response);
          if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          SendError(response, ProtocolError(response.status, request_id));
          return httplib::Server::HandlerResponse::Handled;
        }));
    http_.set_exception_handler(
        [](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
          std::string request_id = RequestIdOf(request, response);
          SendError(response,
                    MapStatus(core::Internal("exception escaped the HTTP layer"), request_id));
        });
    http_.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
      OnResponseWritten(request, response);
    });
  }

  // The response's request id, adding one when the pre-routing hook never
  // ran (requests httplib rejected before routing).
  static std::string RequestIdOf(const httplib::Request& request, httplib::Response& response) {
    std::string request_id = response.get_header_value(kRequestIdHeader.data());
    if (request_id.empty()) {
      request_id = RequestIdFor(request.get_header_value(kRequestIdHeader.data()));
      response.set_header(kRequestIdHeader.data(), request_id);
    }
    return request_id;
  }

  void AddSystemRoutes() {
    router_.Add("GET", "/healthz", [this](const RequestContext&) -> core::Result<Response> {
      return JsonResponse(200, {{"status", "ok"}, {"version", options_.version}});
    });
    router_.Add("GET", "/metrics", [this](const RequestContext&) -> core::Result<Response> {
      Response response;
      response.content_type = std::string(kMetricsContentType);
      response.body = metrics_->RenderPrometheus();
      return response;
    });
  }

  void Dispatch(const httplib::Request& request, httplib::Response& response) {
    RequestState& state = current_request;
    Router::Lookup lookup = router_.Find(request.method, request.path);
    if (lookup.outcome == Router::Outcome::kNotFound) {
      SendError(response, ProtocolError(404, state.request_id));
      return;
    }
    if (lookup.outcome == Router::Outcome::kMethodNotAllowed) {
      SendError(response, ProtocolError(405, state.request_id, lookup.allowed_methods));
      return;
    }
    state.route = lookup.pattern;
    // httplib enforces the limit only on bodies sent with Content-Length.
    if (request.body.size() > options_.max_body_bytes) {
      SendError(response, ProtocolError(413, state.request_id));
      return;
    }
    if (CarriesBody(request.method) && !request.body.empty() &&
        request.has_header("Content-Type") &&
        !IsJsonMediaType(request.get_header_value("Content-Type"))) {
      SendError(response, ProtocolError(415, state.request_id));
      return;
    }
    core::Result<services::Caller> caller =
        CallerFor(request, CallerSettings{options_.actor}, state.request_id);
    if (!caller.ok()) {
      SendError(response, MapStatus(caller.status(), state.request_id));
      return;
    }
    RequestContext context{request, std::move(lookup.parameters), std::move(caller).value()};
    core::Result<Response> result = core::Internal("the handler gave no response");
    try {
      result = (*lookup.handler)(context);
    } catch (const std::exception& error) {
      result = core::Internal(std::string("handler threw: ") + error.what());
    } catch (...) {
      result = core::Internal("handler threw a non-standard exception");
    }
    if (result.ok()) {
      Send(response, *result);
    } else {
      SendError(response, MapStatus(result.status(), state.request_id));
    }
  }

  // Counts the request and writes its access-log line: ids, route pattern,
  // status, sizes and timing only (no query strings, bodies or addresses,
  // which may hold personal data).
  void OnResponseWritten(const httplib::Request& request, const httplib::Response& response) {
    RequestState& state = current_request;
    double seconds = -1;
    std::string_view route = kUnmatchedRoute;
    if (state.active) {
      seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - state.start).count();
      route = state.route;
    }
    std::string_view method =
        request.method.empty() ? std::string_view("unknown") : std::string_view(request.method);
    metrics_->RecordRequest(method, route, response.status, seconds);
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3f", seconds >= 0 ? seconds * 1000 : 0.0);
    core::Log(core::LogLevel::kInfo, "http_request",
              {{"request_id", response.get_header_value(kRequestIdHeader.data())},
               {"method", std::string(method)},
               {"route", std::string(route)},
               {"status", std::to_string(response.status)},
               {"duration_ms", duration},
               {"request_bytes", std::to_string(request.body.size())},
               {"response_bytes", std::to_string(response.body.size())}});
    state.active = false;
    state.route = kUnmatchedRoute;
  }

  services::Services& services_;
  ServerOptions options_;
  Router router_;
  std::unique_ptr<Metrics> metrics_;
  HttpServer http_;
  std::atomic<int> port_;
  std::atomic<bool> bound_{false};
};

Server::Server(services::Services& services, ServerOptions options)
    : impl_(std::make_unique<Impl>(services, std::move(options))) {}

Server::~Server() = default;

core::Status Server::Bind() { return impl_->Bind(); }
core::Status Server::Run() { return impl_->Run(); }
void Server::Stop() { impl_->Stop(); }
bool Server::IsRunning() const { return impl_->IsRunning(); }
int Server::port() const { return impl_->port(); }

}  // namespace vigil::web
