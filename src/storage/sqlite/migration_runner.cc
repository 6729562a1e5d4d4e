#include "storage/sqlite/migration_runner.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace vigil::storage::sqlite {
namespace {

constexpr char kCreateMigrationsTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at INTEGER NOT NULL)";

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view script;
};

core::Result<std::set<int>> AppliedVersions(Connection& connection) {
  VIGIL_ASSIGN_OR_RETURN(Statement statement,
                         connection.Prepare("SELECT version FROM schema_migrations"));
  std::set<int> versions;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) break;
    versions.insert(static_cast<int>(statement.Integer(0)));
  }
  return versions;
}

// Runs `migration` and records it in one transaction. Returns true when it
// was applied, false when another process applied it first.
core::Result<bool> ApplyOne(Connection& connection, const Migration& migration,
                            const MigrationSteps& steps) {
  VIGIL_RETURN_IF_ERROR(connection.Execute("BEGIN IMMEDIATE"));
  auto apply = [&]() -> core::Result<bool> {
    VIGIL_ASSIGN_OR_RETURN(std::set<int> applied, AppliedVersions(connection));
    if (applied.count(migration.version) > 0) return false;
    core::Status script = connection.Execute(std::string(migration.script));
    if (!script.ok()) {
      return core::Status(script.code(), "migration " + std::string(migration.name) +
                                             " failed: " + script.message());
    }
    auto step = steps.find(std::string(MigrationTopic(migration.name)));
    if (step != steps.end()) {
      core::Status stepped = step->second(connection);
      if (!stepped.ok()) {
        return core::Status(stepped.code(), "migration " + std::string(migration.name) +
                                                " failed: " + stepped.message());
      }
    }
    VIGIL_ASSIGN_OR_RETURN(
        Statement record,
        connection.Prepare("INSERT INTO schema_migrations (version, name, applied_at)"
                           " VALUES (?, ?, CAST(strftime('%s', 'now') AS INTEGER))"));
    record.Bind(1, std::int64_t{migration.version}).Bind(2, migration.name);
    VIGIL_RETURN_IF_ERROR(record.Run());
    return true;
  };
  core::Result<bool> applied = apply();
  if (applied.ok()) {
    core::Status committed = connection.Execute("COMMIT");
    if (committed.ok()) return applied;
    applied = committed;
  }
  if (connection.InTransaction()) (void)connection.Execute("ROLLBACK");
  return applied;
}

}  // namespace

std::optional<int> MigrationVersion(std::string_view name) {
  std::size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  constexpr std::string_view kSuffix = ".sql";
  if (digits < 4 || digits > 9 || digits + 1 >= name.size() || name[digits] != '_' ||
      name.size() <= digits + 1 + kSuffix.size() || !name.ends_with(kSuffix)) {
    return std::nullopt;
  }
  int version = 0;
  for (std::size_t index = 0; index < digits; ++index) version = version * 10 + (name[index] - '0');
  return version;
}

std::string_view MigrationTopic(std::string_view name) {
  std::size_t underscore = name.find('_');
  if (underscore == std::string_view::npos || !name.ends_with(".sql")) return {};
  return name.substr(underscore + 1, name.size() - underscore - 1 - 4);
}

core::Result<std::vector<std::string>> ApplyPendingMigrations(
    Connection& connection, std::span<const core::EmbeddedFile> migrations,
    const MigrationSteps& steps) {
  std::map<int, Migration> ordered;
  for (const core::EmbeddedFile& file : migrations) {
    std::optional<int> version = MigrationVersion(file.name);
    if (!version) {
      return core::Internal("migration file " + std::string(file.name) +
                            " is not named NNNN_name.sql");
    }
    if (!ordered.emplace(*version, Migration{*version, file.name, file.content}).second) {
      return core::Internal("two migrations have version " + std::to_string(*version));
    }
  }
  VIGIL_RETURN_IF_ERROR(connection.Execute(kCreateMigrationsTable));
  VIGIL_ASSIGN_OR_RETURN(std::set<int> applied, AppliedVersions(connection));
  for (int version : applied) {
    if (ordered.count(version) == 0) {
      return core::FailedPrecondition("the database has migration " + std::to_string(version) +
                                      ", which this build of vigil does not know; use a newer "
                                      "vigil");
    }
  }
  std::vector<std::string> names;
  for (const auto& [version, migration] : ordered) {
    if (applied.count(version) > 0) continue;
    VIGIL_ASSIGN_OR_RETURN(bool applied_now, ApplyOne(connection, migration, steps));
    if (applied_now) names.emplace_back(migration.name);
  }
  return names;
}

}  // namespace vigil::storage::sqlite
