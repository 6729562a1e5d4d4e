#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <exception>
#include <ostream>

#include "app/audit_command.h"
#include "app/check_config_command.h"
#include "app/demo_data_command.h"
#include "app/export_command.h"
#include "app/import_command.h"
#include "app/link_command.h"
#include "app/migrate_command.h"
#include "app/order_commands.h"
#include "app/screen_command.h"
#include "app/serve_command.h"
#include "app/synth_command.h"
#include "app/version.h"

namespace vigil::app {

int RunCli(int argc, const char* const* argv, CommandIo& io) {
  CLI::App app("vigil: stalking screening, linkage and case work for police forces", "vigil");
  app.set_version_flag("--version", std::string(VersionString()));
  app.require_subcommand(1);
  ServeOptions serve;
  MigrateOptions migrate;
  DemoDataOptions demo_data;
  ImportOptions import;
  LinkOptions link;
  ExportOptions exporter;
  ScreenOptions screen;
  CheckConfigOptions check_config;
  SynthCommandOptions synth;
  DueOptions due;
  OrderReportOptions order_report;
  AuditOptions audit;
  CLI::App* serve_command = AddServeCommand(app, serve);
  CLI::App* migrate_command = AddMigrateCommand(app, migrate);
  CLI::App* demo_data_command = AddDemoDataCommand(app, demo_data);
  CLI::App* import_command = AddImportCommand(app, import);
  CLI::App* link_command = AddLinkCommand(app, link);
  CLI::App* export_command = AddExportCommand(app, exporter);
  CLI::App* screen_command = AddScreenCommand(app, screen);
  CLI::App* check_config_command = AddCheckConfigCommand(app, check_config);
  CLI::App* synth_command = AddSynthCommand(app, synth);
  CLI::App* due_command = AddDueCommand(app, due);
  CLI::App* order_report_command = AddOrderReportCommand(app, order_report);
  CLI::App* audit_command = AddAuditCommand(app, audit);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error, io.out, io.err);
    return code == 0 ? kExitOk : kExitBadInput;
  } catch (const std::exception& error) {
    io.err << "vigil: " << error.what() << "\n";
    return kExitBadInput;
  }
  try {
    if (serve_command->parsed()) return RunServe(serve, io);
    if (migrate_command->parsed()) return RunMigrate(migrate, io);
    if (demo_data_command->parsed()) return RunDemoData(demo_data, io);
    if (import_command->parsed()) return RunImport(import, io);
    if (link_command->parsed()) return RunLink(link, io);
    if (export_command->parsed()) return RunExport(exporter, io);
    if (screen_command->parsed()) return RunScreen(screen, io);
    if (check_config_command->parsed()) return RunCheckConfig(check_config, io);
    if (synth_command->parsed()) return RunSynth(synth, io);
    if (due_command->parsed()) return RunDue(due, io);
    if (order_report_command->parsed()) return RunOrderReport(order_report, io);
    if (audit_command->parsed()) return RunAudit(*audit_command, audit, io);
  } catch (const std::exception& error) {
    io.err << "vigil: unexpected failure: " << error.what() << "\n";
    return kExitFailure;
  }
  io.err << "vigil: no command given (try --help)\n";
  return kExitBadInput;
}

}  // namespace vigil::app
