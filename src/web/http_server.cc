#include "web/http_server.h"

#include <sys/socket.h>
#include <unistd.h>

namespace vigil::web {

int HttpServer::BindWithBacklog(const std::string& host, int port, int backlog) {
  int bound_port = -1;
  if (port == 0) {
    bound_port = bind_to_any_port(host);
  } else if (bind_to_port(host, port)) {
    bound_port = port;
  }
  if (bound_port <= 0) return -1;
  // httplib has already called listen() with its compiled-in backlog;
  // calling it again on a listening socket only changes the backlog.
  if (::listen(svr_sock_, backlog) != 0) {
    Shutdown();
    return -1;
  }
  return bound_port;
}

void HttpServer::Shutdown() {
  socket_t listening_socket = svr_sock_.exchange(INVALID_SOCKET);
  if (listening_socket == INVALID_SOCKET) return;
  ::shutdown(listening_socket, SHUT_RDWR);
  ::close(listening_socket);
}

}  // namespace vigil::web
