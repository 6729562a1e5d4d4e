#pragma once
// What every `vigil` subcommand shares: its streams, the exit codes, how a
// failure is printed, how the store is opened, and the actors the commands
// act as. Not thread-safe (one command runs at a time).

#include <iosfwd>
#include <memory>
#include <string>

#include "core/result.h"
#include "domain/actor.h"
#include "services/services.h"
#include "storage/sqlite/sqlite_store.h"

namespace vigil::app {

// Exit codes of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // Anything but bad input (store, network, I/O).
inline constexpr int kExitBadInput = 2;  // Bad arguments, files or configuration.

// The streams a command reads and writes (std::cin/cout/cerr in main; string
// streams in tests).
struct CommandIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// The default database file of every command that touches the store.
inline constexpr const char* kDefaultDatabasePath = "var/vigil.db";

// kExitBadInput for kInvalidArgument and kMalformed, kExitFailure otherwise.
int ExitCodeFor(const core::Status& status);

// Prints a failure to `err`: one "field: message" line per field error (a
// config field is already "FILE:LINE: key"), or "vigil: message" when there
// are none.
void PrintFailure(std::ostream& err, const core::Status& status);

// Opens (creating and migrating if needed) the SQLite store at `path`,
// creating its folder first when missing. kUnavailable when the folder
// cannot be created; otherwise SqliteStore::Open's failures.
core::Result<std::unique_ptr<storage::sqlite::SqliteStore>> OpenStore(const std::string& path);

// The operator's command-line tools (import, export, demo-data): user
// "vigil-cli" with the "system" role, not limited to one force.
domain::Actor OperatorActor();
// A Caller for the operator, with `command` ("import", ...) in the request id.
services::Caller OperatorCaller(const std::string& command);

// The demo user `vigil serve` signs everyone in as until accounts exist: a
// detective constable and stalking lead in West Midlands Police.
domain::Actor DemoActor();

}  // namespace vigil::app
