#pragma once
// `vigil export`: writes every person and report as JSON Lines (see
// app/jsonl_export.h) to a file or standard output, as the operator.

#include <CLI/CLI.hpp>
#include <string>

#include "app/command_support.h"

namespace vigil::app {

struct ExportOptions {
  std::string db = kDefaultDatabasePath;
  std::string config = "config";
  std::string out;  // File to write; empty for standard output.
};

// Adds the subcommand and binds its options to `options`.
CLI::App* AddExportCommand(CLI::App& app, ExportOptions& options);

// Writes the export; the count goes to standard error (standard output may
// be the data). kExitFailure when the database is missing or fails, or the
// output cannot be written; kExitBadInput for bad configuration.
int RunExport(const ExportOptions& options, CommandIo& io);

}  // namespace vigil::app
