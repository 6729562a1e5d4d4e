#pragma once
// HttpServer: cpp-httplib's Server with the two changes its public API does
// not allow: a listen backlog larger than the packaged build's 5 (bursts of
// new connections are otherwise refused), and a Shutdown() that also works
// before the accept loop has started (httplib's stop() is a no-op until
// then, so a Stop() racing Run() would leave Run() blocked for ever).
// Thread-safety as httplib::Server: Shutdown may be called from any thread.

#include <httplib.h>

#include <string>

namespace vigil::web {

class HttpServer : public httplib::Server {
 public:
  // Binds `host`:`port` (0 picks a free port) and listens with `backlog`.
  // Returns the bound port, or -1 when binding or listening failed.
  int BindWithBacklog(const std::string& host, int port, int backlog);

  // Closes the listening socket, so the accept loop (running or about to
  // start) returns. Idempotent.
  void Shutdown();
};

}  // namespace vigil::web
