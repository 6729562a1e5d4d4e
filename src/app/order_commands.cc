#include "app/order_commands.h"

#include <filesystem>
#include <ostream>

#include "app/config_loader.h"
#include "core/time.h"
#include "web/api/json_codec_order.h"

namespace vigil::app {
namespace {

namespace co = domain::court_order;

// A clock standing at noon UTC on `today`, or the system clock.
class CommandClock final : public core::Clock {
 public:
  explicit CommandClock(std::optional<core::Date> today) : today_(today) {}
  core::Timestamp Now() const override {
    if (today_) return core::Timestamp(*today_) + std::chrono::hours(12);
    return system_.Now();
  }

 private:
  std::optional<core::Date> today_;
  core::SystemClock system_;
};

std::string LongDate(const std::optional<core::Date>& date) {
  return date ? core::FormatDateLong(*date) : std::string("no fixed date");
}

std::string Describe(const co::Order& order) {
  return "order " + order.id.ToString() + " (" + order.order_type +
         (order.stage == co::OrderStage::kInterim ? ", interim" : "") + ", case " +
         order.case_id.ToString() + ", " + order.force + ")";
}

void PrintText(const services::DueList& due, std::ostream& out) {
  out << "Due on " << core::FormatDateLong(due.today) << "\n";
  out << "\nOrders expiring (" << due.expiring.size() << "):\n";
  for (const services::DueOrder& item : due.expiring) {
    out << "  " << Describe(item.order) << " expires " << LongDate(item.order.expires_on) << ", in "
        << item.days_left << (item.days_left == 1 ? " day" : " days") << " (within " << item.window
        << " days)\n";
  }
  out << "\nInterim orders without a full hearing date (" << due.interim_without_hearing.size()
      << "):\n";
  for (const services::DueInterim& item : due.interim_without_hearing) {
    out << "  " << Describe(item.order) << ": main order " << item.main_order.id.ToString()
        << " is " << co::OrderStatusName(item.main_order.status) << " with no hearing listed\n";
  }
  out << "\nNotifications overdue (" << due.notifications_overdue.size() << "):\n";
  for (const services::DueNotification& item : due.notifications_overdue) {
    out << "  " << Describe(item.order) << ": " << co::NotificationKindName(item.duty.kind)
        << " notification was due by " << core::FormatDateLong(item.duty.due_by) << "\n";
  }
  out << "\nTasks overdue (" << due.tasks_overdue.size() << "):\n";
  for (const domain::Task& task : due.tasks_overdue) {
    out << "  task " << task.id.ToString() << " (case " << task.case_id.ToString()
        << "): " << task.text << ", due "
        << (task.due_at ? core::FormatTimestamp(*task.due_at) : "") << "\n";
  }
}

// Opens the store for a read-only command: it must exist.
core::Result<std::unique_ptr<storage::sqlite::SqliteStore>> OpenExisting(const std::string& db,
                                                                         std::ostream& err) {
  if (!std::filesystem::exists(db)) return core::NotFound(db + " does not exist");
  (void)err;
  return OpenStore(db);
}

}  // namespace

CLI::App* AddDueCommand(CLI::App& app, DueOptions& options) {
  CLI::App* command = app.add_subcommand(
      "due",
      "List orders expiring, interim orders without a hearing, overdue notifications and "
      "tasks");
  command->add_option("--db", options.db, "SQLite database file")->capture_default_str();
  command->add_option("--config", options.config, "Configuration folder")->capture_default_str();
  command->add_option("--force", options.force, "Only this force (default: every force)");
  command->add_option("--format", options.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("--today", options.today, "Date to count from, YYYY-MM-DD (default: today)");
  return command;
}

int RunDue(const DueOptions& options, CommandIo& io) {
  std::optional<core::Date> today;
  if (!options.today.empty()) {
    today = core::ParseDate(options.today);
    if (!today) {
      io.err << "vigil due: --today must be a date YYYY-MM-DD\n";
      return kExitBadInput;
    }
  }
  core::Result<AppConfig> config = LoadConfig(options.config);
  if (!config.ok()) {
    PrintFailure(io.err, config.status());
    return kExitBadInput;
  }
  auto store = OpenExisting(options.db, io.err);
  if (!store.ok()) {
    PrintFailure(io.err, store.status());
    return kExitFailure;
  }
  CommandClock clock(today);
  services::Services services(**store, config->lookups, clock);
  services.SetOrderConfig(config->orders);
  std::optional<std::string> force;
  if (!options.force.empty()) force = options.force;
  core::Result<services::DueList> due = services.Due(OperatorCaller("due"), force);
  if (!due.ok()) {
    PrintFailure(io.err, due.status());
    return ExitCodeFor(due.status());
  }
  if (options.format == "json") {
    io.out << web::api::EncodeDueList(*due).dump(2) << "\n";
  } else {
    PrintText(*due, io.out);
  }
  return kExitOk;
}

CLI::App* AddOrderReportCommand(CLI::App& app, OrderReportOptions& options) {
  CLI::App* report = app.add_subcommand("report", "Data returns");
  report->require_subcommand(1);
  CLI::App* command = report->add_subcommand(
      "orders",
      "Court order returns: applications, grants, refusals, variations, renewals, "
      "discharges, appeals and breaches by month and force");
  command->add_option("--db", options.db, "SQLite database file")->capture_default_str();
  command->add_option("--config", options.config, "Configuration folder")->capture_default_str();
  command->add_option("--force", options.force, "Only this force (default: every force)");
  command->add_option("--from", options.from, "First day, YYYY-MM-DD")->required();
  command->add_option("--to", options.to, "Day after the last, YYYY-MM-DD")->required();
  command->add_option("--format", options.format, "csv or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  return command;
}

int RunOrderReport(const OrderReportOptions& options, CommandIo& io) {
  std::optional<core::Date> from = core::ParseDate(options.from);
  std::optional<core::Date> to = core::ParseDate(options.to);
  if (!from || !to) {
    io.err << "vigil report orders: --from and --to must be dates YYYY-MM-DD\n";
    return kExitBadInput;
  }
  core::Result<AppConfig> config = LoadConfig(options.config);
  if (!config.ok()) {
    PrintFailure(io.err, config.status());
    return kExitBadInput;
  }
  auto store = OpenExisting(options.db, io.err);
  if (!store.ok()) {
    PrintFailure(io.err, store.status());
    return kExitFailure;
  }
  core::SystemClock clock;
  services::Services services(**store, config->lookups, clock);
  std::optional<std::string> force;
  if (!options.force.empty()) force = options.force;
  auto rows = services.OrderReturns(OperatorCaller("report-orders"), *from, *to, force);
  if (!rows.ok()) {
    PrintFailure(io.err, rows.status());
    return ExitCodeFor(rows.status());
  }
  if (options.format == "json") {
    io.out << web::api::EncodeOrderReturns(*rows, *from, *to).dump(2) << "\n";
  } else {
    io.out << web::api::OrderReturnsCsv(*rows);
  }
  return kExitOk;
}

}  // namespace vigil::app
