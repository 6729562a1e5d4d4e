#include "app/migrate_command.h"

#include <filesystem>
#include <ostream>
#include <system_error>

#include "storage/sqlite/sqlite_store.h"

namespace vigil::app {

CLI::App* AddMigrateCommand(CLI::App& app, MigrateOptions& options) {
  CLI::App* command = app.add_subcommand("migrate", "Apply pending database migrations");
  command->add_option("--db", options.db, "SQLite database file (created if missing)")
      ->capture_default_str();
  return command;
}

int RunMigrate(const MigrateOptions& options, CommandIo& io) {
  std::filesystem::path folder = std::filesystem::path(options.db).parent_path();
  std::error_code error;
  if (!folder.empty()) std::filesystem::create_directories(folder, error);
  if (error) {
    io.err << "vigil: cannot create the folder " << folder.string() << ": " << error.message()
           << "\n";
    return kExitFailure;
  }
  core::Result<std::vector<std::string>> applied =
      storage::sqlite::SqliteStore::ApplyMigrations(options.db);
  if (!applied.ok()) {
    PrintFailure(io.err, applied.status());
    return ExitCodeFor(applied.status());
  }
  if (applied->empty()) {
    io.out << options.db << " is up to date; no migrations to apply.\n";
    return kExitOk;
  }
  for (const std::string& name : *applied) io.out << "Applied " << name << "\n";
  io.out << options.db << ": " << applied->size()
         << (applied->size() == 1 ? " migration" : " migrations") << " applied.\n";
  return kExitOk;
}

}  // namespace vigil::app
