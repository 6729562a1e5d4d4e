#include "app/export_command.h"

#include <filesystem>
#include <fstream>
#include <ostream>

#include "app/config_loader.h"
#include "app/jsonl_export.h"
#include "core/clock.h"

namespace vigil::app {

CLI::App* AddExportCommand(CLI::App& app, ExportOptions& options) {
  CLI::App* command = app.add_subcommand("export", "Export every person and report as JSON Lines");
  command->add_option("--db", options.db, "SQLite database file")->capture_default_str();
  command->add_option("--config", options.config, "Configuration folder")->capture_default_str();
  command->add_option("--out", options.out, "File to write (default: standard output)");
  return command;
}

int RunExport(const ExportOptions& options, CommandIo& io) {
  core::Result<AppConfig> config = LoadConfig(options.config);
  if (!config.ok()) {
    PrintFailure(io.err, config.status());
    return kExitBadInput;
  }
  // Exporting from a database that does not exist is a mistake: say so
  // rather than create an empty one.
  if (!std::filesystem::exists(options.db)) {
    io.err << "vigil: " << options.db << " does not exist\n";
    return kExitFailure;
  }
  auto store = OpenStore(options.db);
  if (!store.ok()) {
    PrintFailure(io.err, store.status());
    return ExitCodeFor(store.status());
  }
  std::ofstream file;
  if (!options.out.empty()) {
    file.open(options.out, std::ios::binary | std::ios::trunc);
    if (!file.is_open()) {
      io.err << "vigil: cannot write " << options.out << "\n";
      return kExitFailure;
    }
  }
  std::ostream& out = options.out.empty() ? io.out : file;
  core::SystemClock clock;
  services::Services services(**store, config->lookups, clock);
  ExportSummary summary;
  core::Status written = WriteJsonLines(services, OperatorCaller("export"), out, &summary);
  if (!written.ok()) {
    PrintFailure(io.err, written);
    return kExitFailure;
  }
  io.err << "Exported " << summary.persons << " persons and " << summary.reports << " reports"
         << (options.out.empty() ? "" : " to " + options.out) << ".\n";
  return kExitOk;
}

}  // namespace vigil::app
