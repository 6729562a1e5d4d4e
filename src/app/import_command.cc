#include "app/import_command.h"

#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "app/config_loader.h"
#include "app/import_runner.h"
#include "core/clock.h"

namespace vigil::app {
namespace {

bool ReadAll(std::istream& in, std::string& text) {
  std::ostringstream content;
  content << in.rdbuf();
  text = content.str();
  return !in.bad();
}

}  // namespace

CLI::App* AddImportCommand(CLI::App& app, ImportOptions& options) {
  CLI::App* command = app.add_subcommand(
      "import", "Import persons and reports from CSV or JSON Lines files, all or nothing");
  command->add_option("--db", options.db, "SQLite database file (created if missing)")
      ->capture_default_str();
  command->add_option("--config", options.config, "Configuration folder")->capture_default_str();
  command->add_option("--format", options.format, "csv or jsonl (default: from each file name)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  command
      ->add_option("--kind", options.kind,
                   "For CSV: persons or reports (default: from each file's header)")
      ->check(CLI::IsMember({"persons", "reports"}));
  command->add_option("files", options.files, "Files to import (- for standard input)")->required();
  return command;
}

int RunImport(const ImportOptions& options, CommandIo& io) {
  std::vector<ImportSource> sources;
  bool unreadable = false;
  for (const std::string& file : options.files) {
    ImportSource source{file, ""};
    bool read = false;
    if (file == "-") {
      read = ReadAll(io.in, source.text);
    } else {
      std::ifstream in(file, std::ios::binary);
      read = in.is_open() && ReadAll(in, source.text);
    }
    if (!read) {
      io.err << file << ": file: cannot be read\n";
      unreadable = true;
    }
    sources.push_back(std::move(source));
  }
  if (unreadable) return kExitBadInput;

  core::Result<AppConfig> config = LoadConfig(options.config);
  if (!config.ok()) {
    PrintFailure(io.err, config.status());
    return kExitBadInput;
  }
  std::optional<ImportFormat> format;
  if (options.format == "csv") format = ImportFormat::kCsv;
  if (options.format == "jsonl") format = ImportFormat::kJsonLines;
  std::optional<CsvKind> kind;
  if (options.kind == "persons") kind = CsvKind::kPersons;
  if (options.kind == "reports") kind = CsvKind::kReports;
  ParsedImport parsed = ReadSources(sources, format, kind);

  auto store = OpenStore(options.db);
  if (!store.ok()) {
    PrintFailure(io.err, store.status());
    return ExitCodeFor(store.status());
  }
  core::SystemClock clock;
  services::Services services(**store, config->lookups, clock);
  ImportOutcome outcome = ImportParsed(services, OperatorCaller("import"), std::move(parsed));
  if (!outcome.problems.empty()) {
    for (const ImportProblem& problem : outcome.problems) io.err << problem.ToString() << "\n";
    io.err << "vigil: " << outcome.problems.size()
           << (outcome.problems.size() == 1 ? " problem" : " problems")
           << " found; nothing was imported.\n";
    return kExitBadInput;
  }
  if (!outcome.failure.ok()) {
    PrintFailure(io.err, outcome.failure);
    io.err << "vigil: nothing was imported.\n";
    return kExitFailure;
  }
  io.out << "Imported " << outcome.summary.persons << " persons and " << outcome.summary.reports
         << " reports into " << options.db << ".\n";
  return kExitOk;
}

}  // namespace vigil::app
