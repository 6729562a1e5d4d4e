#pragma once
// `vigil screen FILE|-`: screens one facts document (the screening request
// of docs/reference/screening.md: the facts, with an optional "override"
// and "risk_override") and prints the result as JSON (contract version 1)
// or, with --format text, as a plain-English explanation naming the
// statutes and the occasions relied on. Pure: nothing is stored (POST
// /api/v1/screenings stores a screening against a report). Exit 0 with a
// result, 2 with every problem in the input (each at its JSON path) or in
// the configuration.

#include <CLI/CLI.hpp>
#include <string>

#include "app/command_support.h"

namespace vigil::app {

struct ScreenOptions {
  std::string input;            // A file path, or "-" for standard input.
  std::string format = "json";  // "json" or "text".
  // Configuration folder; when left at the default and there is no
  // "config" folder here, the rules built into the binary are used.
  std::string config = "config";
  bool config_given = false;
  bool all_elements = false;  // --format text: every candidate's elements.
};

// Adds the subcommand and binds its options to `options`.
CLI::App* AddScreenCommand(CLI::App& app, ScreenOptions& options);

// Runs it: kExitOk, or kExitBadInput for unreadable or invalid input or
// configuration.
int RunScreen(const ScreenOptions& options, CommandIo& io);

}  // namespace vigil::app
