#pragma once
// `vigil check-config`: loads every policy file under the configuration
// folder (lookups, screening rules, linkage nicknames) exactly as `vigil
// serve` would, and either prints what it found with the versions or lists
// every problem in every file as "FILE:LINE: key: message". Exit 0 when the
// configuration is valid, 2 otherwise. Run it before reloading changed
// rules into a running server.

#include <CLI/CLI.hpp>
#include <string>

#include "app/command_support.h"

namespace vigil::app {

struct CheckConfigOptions {
  std::string config = "config";
};

// Adds the subcommand and binds its options to `options`.
CLI::App* AddCheckConfigCommand(CLI::App& app, CheckConfigOptions& options);

// Runs it: kExitOk for a valid configuration, kExitBadInput otherwise.
int RunCheckConfig(const CheckConfigOptions& options, CommandIo& io);

}  // namespace vigil::app
