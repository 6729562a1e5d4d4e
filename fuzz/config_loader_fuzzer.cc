// Fuzzes the config loader: YAML parsing, typed access with error
// collection, and the lookups schema. Any input must give a Status, never a
// crash or an exception.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config_reader.h"
#include "domain/lookups.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  vigil::core::ConfigReader reader("fuzz.yaml", text);
  auto lookups = vigil::domain::ParseLookups(reader);
  (void)lookups.ok();
  return 0;
}
