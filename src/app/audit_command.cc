#include "app/audit_command.h"

#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>

#include "app/audit_export.h"
#include "core/clock.h"
#include "core/time.h"
#include "domain/audit_chain.h"
#include "domain/lookups.h"

namespace vigil::app {
namespace {

// "ID:HASH" -> a checkpoint; kInvalidArgument naming "--checkpoint".
core::Result<domain::AuditCheckpoint> ParseCheckpoint(const std::string& text) {
  std::size_t colon = text.find(':');
  std::int64_t id = 0;
  if (colon != std::string::npos) {
    auto [end, error] = std::from_chars(text.data(), text.data() + colon, id);
    if (error != std::errc() || end != text.data() + colon) id = 0;
  }
  if (id <= 0 || !domain::IsAuditHash(std::string_view(text).substr(colon + 1))) {
    return core::InvalidArgument(
        "bad checkpoint",
        {{"--checkpoint", "invalid",
          "\"" + text + "\" is not ENTRY_ID:HASH (a positive id, a colon, 64 hex digits)"}});
  }
  return domain::AuditCheckpoint{domain::AuditEventId(id), text.substr(colon + 1)};
}

// The scan of `options.from` .. `options.to`; every bad option collected.
core::Result<storage::AuditScan> ParseRange(const AuditOptions& options) {
  std::vector<core::FieldError> errors;
  storage::AuditScan scan;
  if (!options.from.empty()) {
    std::optional<core::Date> from = core::ParseDate(options.from);
    if (from) scan.from = core::Timestamp(*from);
    if (!from) errors.push_back({"--from", "invalid", "must be a date, YYYY-MM-DD"});
  }
  if (!options.to.empty()) {
    std::optional<core::Date> to = core::ParseDate(options.to);
    if (to) scan.to = core::Timestamp(*to + std::chrono::days(1));
    if (!to) errors.push_back({"--to", "invalid", "must be a date, YYYY-MM-DD"});
  }
  if (scan.from && scan.to && *scan.to <= *scan.from) {
    errors.push_back({"--to", "invalid", "must not be before --from"});
  }
  if (options.format != "jsonl" && options.format != "csv") {
    errors.push_back({"--format", "invalid", "must be jsonl or csv"});
  }
  if (!errors.empty()) return core::InvalidArgument("bad export options", std::move(errors));
  return scan;
}

int Verify(services::Services& services, const AuditOptions& options, CommandIo& io) {
  std::vector<domain::AuditCheckpoint> checkpoints;
  std::vector<core::FieldError> errors;
  for (const std::string& text : options.checkpoints) {
    core::Result<domain::AuditCheckpoint> checkpoint = ParseCheckpoint(text);
    if (checkpoint.ok()) checkpoints.push_back(*checkpoint);
    if (!checkpoint.ok()) errors.push_back(checkpoint.status().field_errors().at(0));
  }
  if (!errors.empty()) {
    PrintFailure(io.err, core::InvalidArgument("bad checkpoints", std::move(errors)));
    return kExitBadInput;
  }
  core::Result<domain::AuditChainReport> report =
      services.VerifyAudit(OperatorCaller("audit-verify"), std::move(checkpoints));
  if (!report.ok()) {
    PrintFailure(io.err, report.status());
    return ExitCodeFor(report.status());
  }
  if (report->problem) {
    io.err << "vigil: the audit log has been tampered with: first bad entry "
           << report->problem->id.value << ": " << report->problem->what << "\n"
           << "(" << report->entries << " entries before it are intact)\n";
    return kExitAuditBroken;
  }
  io.out << "Audit log intact: " << report->entries << " entries";
  if (report->legacy_entries > 0) {
    io.out << " (" << report->legacy_entries << " from before the hash chain, covered by it)";
  }
  io.out << ".\n";
  if (report->head_id.assigned()) {
    io.out << "Head: " << report->head_id.value << ":" << report->head_hash << "\n";
  }
  return kExitOk;
}

int Export(services::Services& services, const AuditOptions& options, CommandIo& io) {
  core::Result<storage::AuditScan> scan = ParseRange(options);
  if (!scan.ok()) {
    PrintFailure(io.err, scan.status());
    return kExitBadInput;
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
  bool csv = options.format == "csv";
  if (csv) out << AuditCsvHeader() << "\n";
  std::int64_t count = 0;
  core::Status exported = services.ExportAudit(
      OperatorCaller("audit-export"), *scan, [&](const domain::AuditEvent& event) {
        out << (csv ? AuditCsvLine(event) : AuditJsonLine(event)) << "\n";
        if (!out) return core::Unavailable("the output stopped accepting data");
        ++count;
        return core::Status::Ok();
      });
  out.flush();
  if (exported.ok() && !out) exported = core::Unavailable("the output could not be written");
  if (!exported.ok()) {
    PrintFailure(io.err, exported);
    return kExitFailure;
  }
  io.err << "Exported " << count << (count == 1 ? " audit entry" : " audit entries")
         << (options.out.empty() ? "" : " to " + options.out) << ".\n";
  return kExitOk;
}

}  // namespace

CLI::App* AddAuditCommand(CLI::App& app, AuditOptions& options) {
  CLI::App* command = app.add_subcommand("audit", "Verify or export the audit log");
  command->require_subcommand(1);
  CLI::App* verify =
      command->add_subcommand("verify", "Check the audit log's hash chain for tampering");
  verify->add_option("--db", options.db, "SQLite database file")->capture_default_str();
  verify->add_option("--checkpoint", options.checkpoints,
                     "ENTRY_ID:HASH recorded earlier (repeatable): detects a cut-off end");
  CLI::App* exporter = command->add_subcommand("export", "Export audit entries with their hashes");
  exporter->add_option("--db", options.db, "SQLite database file")->capture_default_str();
  exporter->add_option("--from", options.from, "First day (YYYY-MM-DD, UTC), inclusive");
  exporter->add_option("--to", options.to, "Last day (YYYY-MM-DD, UTC), inclusive");
  exporter->add_option("--format", options.format, "jsonl or csv")->capture_default_str();
  exporter->add_option("--out", options.out, "File to write (default: standard output)");
  return command;
}

int RunAudit(const CLI::App& command, const AuditOptions& options, CommandIo& io) {
  // A missing database is a mistake: say so rather than create an empty one.
  if (!std::filesystem::exists(options.db)) {
    io.err << "vigil: " << options.db << " does not exist\n";
    return kExitFailure;
  }
  auto store = OpenStore(options.db);
  if (!store.ok()) {
    PrintFailure(io.err, store.status());
    return ExitCodeFor(store.status());
  }
  domain::Lookups lookups;  // Neither command validates records.
  core::SystemClock clock;
  services::Services services(**store, lookups, clock);
  if (command.got_subcommand("verify")) return Verify(services, options, io);
  return Export(services, options, io);
}

}  // namespace vigil::app
