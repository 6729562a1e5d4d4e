#pragma once
// The SQLite migrations (migrations/sqlite/NNNN_name.sql), embedded in the
// binary at build time, in file-name order.

#include <span>

#include "core/embedded_file.h"

namespace vigil::storage::sqlite {

// The generated definition (cmake/EmbedFilesScript.cmake) names the type
// unqualified inside this namespace.
using core::EmbeddedFile;

// Every migrations/sqlite/*.sql file, sorted by name.
std::span<const core::EmbeddedFile> SqliteMigrations();

}  // namespace vigil::storage::sqlite
