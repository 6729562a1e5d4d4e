#pragma once
// The SQLite migrations (migrations/sqlite/NNNN_name.sql), embedded in the
// binary at build time, in file-name order.

#include <span>

#include "core/embedded_file.h"

namespace vigil::storage::sqlite {

std::span<const core::EmbeddedFile> SqliteMigrations();

}  // namespace vigil::storage::sqlite
