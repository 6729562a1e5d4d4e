#pragma once
// `vigil migrate`: brings the database schema up to date (creating the
// database file if missing) and prints each migration applied.

#include <CLI/CLI.hpp>
#include <string>

#include "app/command_support.h"

namespace vigil::app {

struct MigrateOptions {
  std::string db = kDefaultDatabasePath;
};

// Adds the subcommand and binds its options to `options`.
CLI::App* AddMigrateCommand(CLI::App& app, MigrateOptions& options);

// Applies pending migrations. kExitOk (also when already up to date), or
// kExitFailure when the database cannot be opened or a migration fails.
int RunMigrate(const MigrateOptions& options, CommandIo& io);

}  // namespace vigil::app
