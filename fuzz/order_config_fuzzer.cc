// Fuzzes the court order config parser (config/orders): the input is used
// as order_types.yaml beside the real terms, and as terms.yaml beside the
// real order types. Any input must give a Status, never a crash.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "domain/court_order/order_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  using vigil::domain::court_order::EmbeddedOrderConfigFiles;
  for (std::string_view replaced : {"order_types.yaml", "terms.yaml"}) {
    std::map<std::string, std::string> files;
    for (const auto& file : EmbeddedOrderConfigFiles()) {
      files.emplace(std::string(file.name), std::string(file.content));
    }
    files[std::string(replaced)] = text;
    auto config = vigil::domain::court_order::ParseOrderConfig(files);
    (void)config.ok();
  }
  return 0;
}
