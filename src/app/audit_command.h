#pragma once
// `vigil audit verify` and `vigil audit export`: check the audit log's hash
// chain, and stream audit entries out (docs/reference/audit.md). Both act as
// the operator and are themselves audited ("audit.verify", "audit.export").

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/command_support.h"

namespace vigil::app {

// Exit code of `vigil audit verify` when the chain is broken.
inline constexpr int kExitAuditBroken = 3;

struct AuditOptions {
  std::string db = kDefaultDatabasePath;
  // verify: "ID:HASH" checkpoints recorded earlier (a verify's head, or the
  // last line of an export).
  std::vector<std::string> checkpoints;
  // export:
  std::string from;  // ISO 8601 date, inclusive; empty for the start.
  std::string to;    // ISO 8601 date, inclusive (the whole day); empty for now.
  std::string format = "jsonl";
  std::string out;  // File to write; empty for standard output.
};

// Adds `audit` with its `verify` and `export` subcommands, bound to
// `options`.
CLI::App* AddAuditCommand(CLI::App& app, AuditOptions& options);

// Runs whichever subcommand was given. verify: kExitOk when intact (the
// summary and head on standard output), kExitAuditBroken with the first bad
// entry on standard error. export: the entries to the output, the count on
// standard error. kExitBadInput for bad options, kExitFailure when the
// database is missing or fails.
int RunAudit(const CLI::App& command, const AuditOptions& options, CommandIo& io);

}  // namespace vigil::app
