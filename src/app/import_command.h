#pragma once
// `vigil import`: imports persons and reports from CSV and JSON Lines files
// (docs/reference/import-export.md) as the operator, all or nothing. Every
// problem is printed to standard error as "FILE:LINE: field: message".

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/command_support.h"

namespace vigil::app {

struct ImportOptions {
  std::string db = kDefaultDatabasePath;
  std::string config = "config";
  std::string format;              // "csv", "jsonl", or empty to guess from each file name.
  std::string kind;                // "persons", "reports", or empty to guess from each CSV header.
  std::vector<std::string> files;  // "-" reads standard input.
};

// Adds the subcommand and binds its options to `options`.
CLI::App* AddImportCommand(CLI::App& app, ImportOptions& options);

// Reads the files and imports them. kExitOk with a summary on standard
// output; kExitBadInput when any file is unreadable or has a problem
// (nothing is written); kExitFailure when the store fails (nothing is
// written).
int RunImport(const ImportOptions& options, CommandIo& io);

}  // namespace vigil::app
