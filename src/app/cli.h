#pragma once
// The `vigil` command line: parses the arguments (CLI11) and runs one
// subcommand (serve, migrate, demo-data, import, export) or --version.
// Exit codes: 0 ok, 2 bad input (every problem listed on standard error),
// 1 any other failure.

#include "app/command_support.h"

namespace vigil::app {

// Runs `vigil` with `argc`/`argv` (argv[0] is the program name). Never
// throws: parse errors become kExitBadInput, anything escaping a command
// kExitFailure.
int RunCli(int argc, const char* const* argv, CommandIo& io);

}  // namespace vigil::app
