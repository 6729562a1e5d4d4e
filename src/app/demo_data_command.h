#pragma once
// `vigil demo-data`: fills a database with invented, realistic demo data
// (app/demo_data.h) through the services, as the operator. Refuses a
// database that already holds reports unless --append.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "app/command_support.h"

namespace vigil::app {

struct DemoDataOptions {
  std::string db = kDefaultDatabasePath;
  std::string config = "config";
  std::int64_t reports = 300;
  std::uint64_t seed = 1;
  bool append = false;
  int batch_size = 2000;  // Reports per import transaction.
};

// Adds the subcommand and binds its options to `options`.
CLI::App* AddDemoDataCommand(CLI::App& app, DemoDataOptions& options);

// Writes the demo data and prints what was written. kExitBadInput for bad
// options or configuration, or a database with reports (without --append);
// kExitFailure when the store fails.
int RunDemoData(const DemoDataOptions& options, CommandIo& io);

// The number of reports stored, across every force.
core::Result<std::int64_t> CountReports(storage::Store& store);

}  // namespace vigil::app
