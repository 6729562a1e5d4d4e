#pragma once
// `vigil serve`: opens (creating and migrating if needed) the store, loads
// the configuration and serves the JSON API until SIGINT or SIGTERM (SIGHUP reloads the screening
// rules), then stops cleanly and exits 0. Until accounts exist every request acts as the demo user
// (DemoActor).

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

#include "app/command_support.h"
#include "core/result.h"

namespace vigil::app {

struct ServeOptions {
  std::string db = kDefaultDatabasePath;
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; [IPv6]:PORT; port 0 picks a free one.
  std::string config = "config";
  // The vigil folder holding node_modules/ (GOV.UK and MOJ Frontend, from
  // scripts/bootstrap) and src/web/pages/ (templates, static files).
  std::string assets = ".";
  std::size_t threads = 0;  // Worker threads; 0 keeps the server's default.
};

// A parsed --listen value.
struct ListenAddress {
  std::string host;
  int port = 0;
};

// Parses "HOST:PORT" or "[IPV6]:PORT" (port 0–65535). kInvalidArgument
// (field "--listen") naming the problem.
core::Result<ListenAddress> ParseListenAddress(const std::string& text);

// Adds the subcommand and binds its options to `options`.
CLI::App* AddServeCommand(CLI::App& app, ServeOptions& options);

// Runs the server; blocks until a signal stops it. kExitOk after a clean
// stop, kExitBadInput for bad options or configuration, kExitFailure when
// the store cannot be opened or the address bound.
int RunServe(const ServeOptions& options, CommandIo& io);

}  // namespace vigil::app
