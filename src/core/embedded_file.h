#pragma once
// A file compiled into the binary (migrations, default config) by
// cmake/EmbedFiles.cmake, so an installed binary needs no source tree.

#include <span>
#include <string_view>

namespace vigil::core {

struct EmbeddedFile {
  std::string_view name;     // File name without folders, e.g. "0001_init.sql".
  std::string_view content;  // The bytes of the file.
};

}  // namespace vigil::core
