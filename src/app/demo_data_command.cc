#include "app/demo_data_command.h"

#include <chrono>
#include <iomanip>
#include <ostream>

#include "app/config_loader.h"
#include "app/demo_writer.h"
#include "core/clock.h"

namespace vigil::app {

CLI::App* AddDemoDataCommand(CLI::App& app, DemoDataOptions& options) {
  CLI::App* command = app.add_subcommand("demo-data", "Fill the database with invented demo data");
  command->add_option("--db", options.db, "SQLite database file (created if missing)")
      ->capture_default_str();
  command->add_option("--config", options.config, "Configuration folder")->capture_default_str();
  command->add_option("--reports", options.reports, "How many reports to write")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
  command
      ->add_option("--seed", options.seed,
                   "Seed: the same seed on the same day gives the same data")
      ->capture_default_str();
  command->add_flag("--append", options.append, "Add to a database that already has reports");
  command->add_option("--batch-size", options.batch_size, "Reports per import transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 100'000));
  return command;
}

core::Result<std::int64_t> CountReports(storage::Store& store) {
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store.Begin(storage::TransactionMode::kRead));
  storage::ReportQuery query;
  query.limit = 1;
  VIGIL_ASSIGN_OR_RETURN(storage::ReportPage page, transaction->SearchReports(query));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return page.total;
}

int RunDemoData(const DemoDataOptions& options, CommandIo& io) {
  core::Result<AppConfig> config = LoadConfig(options.config);
  if (!config.ok()) {
    PrintFailure(io.err, config.status());
    return kExitBadInput;
  }
  auto store = OpenStore(options.db);
  if (!store.ok()) {
    PrintFailure(io.err, store.status());
    return ExitCodeFor(store.status());
  }
  core::Result<std::int64_t> existing = CountReports(**store);
  if (!existing.ok()) {
    PrintFailure(io.err, existing.status());
    return kExitFailure;
  }
  if (*existing > 0 && !options.append) {
    io.err << "vigil: " << options.db << " already has " << *existing
           << " reports; use --append to add demo data to it anyway\n";
    return kExitBadInput;
  }
  core::SystemClock clock;
  services::Services services(**store, config->lookups, clock);
  DemoOptions demo;
  demo.reports = options.reports;
  demo.seed = options.seed;
  demo.batch_size = options.batch_size;
  demo.reference_offset = *existing;
  auto started = std::chrono::steady_clock::now();
  std::int64_t next_progress = 10'000;
  core::Result<DemoSummary> written = WriteDemoData(
      **store, services, OperatorCaller("demo-data"), demo, [&](const DemoSummary& so_far) {
        if (so_far.reports >= next_progress) {
          io.err << "  " << so_far.reports << " of " << options.reports << " reports written\n";
          next_progress += 10'000;
        }
      });
  if (!written.ok()) {
    PrintFailure(io.err, written.status());
    return ExitCodeFor(written.status());
  }
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  io.out << "Demo data written to " << options.db << " (seed " << options.seed
         << "): " << written->persons << " persons, " << written->reports << " reports, "
         << written->cases << " cases, " << written->tasks << " tasks, " << written->notes
         << " notes in " << std::fixed << std::setprecision(1) << elapsed.count() << " s (imports "
         << written->import_seconds << " s, case work " << written->case_work_seconds << " s).\n";
  return kExitOk;
}

}  // namespace vigil::app
