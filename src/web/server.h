#pragma once
// Server: vigil's HTTP server (cpp-httplib) serving the JSON API under
// /api/v1/, /healthz and /metrics, and (given a Site) the officers' HTML
// pages and their fingerprinted assets, on one address. Configured for real load:
// TCP_NODELAY, a worker pool sized for open keep-alive connections, a listen
// backlog of 4096, a request body limit. Every API response is JSON (bar the
// Prometheus text of /metrics) with an X-Request-Id header; every request
// gets one access-log line (no personal data) and is counted in /metrics.
// Thread-safe: handlers run on the worker pool and call Services, which is
// thread-safe.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "domain/actor.h"
#include "services/services.h"

namespace vigil::web {

namespace pages {
class Site;
}  // namespace pages

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;            // 0 picks a free port (see Server::port()).
  std::size_t threads = 256;  // Worker threads = open keep-alive connections served at once.
  std::size_t max_body_bytes = 1 << 20;  // Larger request bodies get 413.
  int keep_alive_max_count = 10000;      // Requests per keep-alive connection.
  // Until accounts exist every request acts as this actor (the demo actor).
  domain::Actor actor;
  // Reported by /healthz (the web layer cannot see app::VersionString()).
  std::string version = "unknown";
  // Cumulative seconds spent in the store, exported by /metrics as
  // vigil_store_seconds_total (typically [&store] { return
  // store.SecondsInStore(); }). Must be thread-safe; left out when empty.
  std::function<double()> store_seconds;
  // The HTML pages and their assets (pages/site.h); without one only the
  // JSON API, /healthz and /metrics are served.
  std::shared_ptr<const pages::Site> site;
};

class Server {
 public:
  // `services` must outlive the server. Routes are set up here; nothing
  // is bound until Bind().
  Server(services::Services& services, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address (kUnavailable with the reason when it cannot), then
  // returns; call Run() to serve. After Bind, port() is the bound port.
  core::Status Bind();
  // Serves until Stop() is called. Blocks. kFailedPrecondition before a
  // successful Bind(); kUnavailable if accepting connections fails.
  core::Status Run();
  // Makes Run() return (also when called before Run() starts); safe from
  // any thread and from signal-handling threads. Requests in flight finish.
  // The destructor stops the server but must not run while Run() is still
  // executing on another thread: Stop(), then join that thread.
  void Stop();
  // True once Run() is accepting connections.
  bool IsRunning() const;
  // The bound port after Bind(); ServerOptions::port before.
  int port() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::web
