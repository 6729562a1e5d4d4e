#pragma once
// The SQLite migration runner: brings a database's schema up to date from
// numbered scripts (migrations/sqlite/NNNN_name.sql, embedded in the binary)
// and records each one applied in schema_migrations(version, name,
// applied_at). Scripts are never edited once released; a change is a new
// script. Runs on one Connection; callers serialise use of it.

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.h"
#include "core/result.h"
#include "storage/sqlite/connection.h"

namespace vigil::storage::sqlite {

// The version number of a migration file name: "0001_init.sql" -> 1. Empty
// unless the name is four or more digits, an underscore, a name and ".sql".
std::optional<int> MigrationVersion(std::string_view name);

// The topic of a migration file name: "0005_audit_chain.sql" -> "audit_chain";
// empty for a badly formed name.
std::string_view MigrationTopic(std::string_view name);

// Steps in code that complete a migration script (work SQL cannot do, such
// as hashing), by migration topic. A step runs after its script, in the same
// transaction, so the two are applied together or not at all.
using MigrationSteps = std::map<std::string, std::function<core::Status(Connection&)>>;

// Applies, in version order, every migration in `migrations` not yet
// recorded in schema_migrations (creating that table if needed), each in its
// own BEGIN IMMEDIATE transaction together with its record and its step in
// `steps` (if any), so a failure
// keeps the ones before it and leaves no half-applied script. Returns the
// names applied, empty when the schema is up to date. kInternal for a badly
// named or repeated migration version; kFailedPrecondition when the database
// records a version this build does not know (a newer vigil wrote it); a
// failing script's own Status otherwise.
core::Result<std::vector<std::string>> ApplyPendingMigrations(
    Connection& connection, std::span<const core::EmbeddedFile> migrations,
    const MigrationSteps& steps = {});

}  // namespace vigil::storage::sqlite
