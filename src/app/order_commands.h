#pragma once
// `vigil due` (what is due on court orders and cases: orders expiring in
// the reminder windows, interim orders without a full hearing date,
// notifications overdue, tasks overdue) and `vigil report orders` (the
// order data returns for a period, as CSV or JSON), for scripting. Both
// act as the operator and read the date from the system clock (or --today).

#include <CLI/CLI.hpp>
#include <string>

#include "app/command_support.h"

namespace vigil::app {

struct DueOptions {
  std::string db = kDefaultDatabasePath;
  std::string config = "config";
  std::string force;            // Empty for every force.
  std::string format = "text";  // "text" or "json".
  std::string today;            // "YYYY-MM-DD"; empty for the system clock's date.
};

struct OrderReportOptions {
  std::string db = kDefaultDatabasePath;
  std::string config = "config";
  std::string force;
  std::string from;            // Inclusive.
  std::string to;              // Exclusive.
  std::string format = "csv";  // "csv" or "json".
};

// Adds `due` and binds its options.
CLI::App* AddDueCommand(CLI::App& app, DueOptions& options);
// Prints what is due to standard output. kExitBadInput for bad options or
// configuration; kExitFailure when the database is missing or fails.
int RunDue(const DueOptions& options, CommandIo& io);

// Adds `report` with its `orders` subcommand and binds its options; returns
// the `orders` subcommand.
CLI::App* AddOrderReportCommand(CLI::App& app, OrderReportOptions& options);
// Writes the returns to standard output; exit codes as RunDue.
int RunOrderReport(const OrderReportOptions& options, CommandIo& io);

}  // namespace vigil::app
