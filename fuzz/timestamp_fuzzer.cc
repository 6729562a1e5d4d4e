// Fuzzes ISO 8601 date and timestamp parsing: any input either fails or
// round-trips through the formatter to the same instant.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/time.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto date = vigil::core::ParseDate(text)) {
    if (vigil::core::ParseDate(vigil::core::FormatDate(*date)) != date) std::abort();
  }
  if (auto timestamp = vigil::core::ParseTimestamp(text)) {
    if (vigil::core::ParseTimestamp(vigil::core::FormatTimestamp(*timestamp)) != timestamp) {
      std::abort();
    }
  }
  return 0;
}
