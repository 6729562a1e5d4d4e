// Fuzzes the linkage model JSON reader: any input either fails with a
// Status or gives a valid model that writes back to JSON and reads again to
// an equal model.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "linkage/model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  vigil::core::Result<vigil::linkage::Model> model = vigil::linkage::ModelFromJson(text);
  if (!model.ok()) return 0;
  if (!vigil::linkage::ValidateModel(*model).ok()) std::abort();
  vigil::core::Result<vigil::linkage::Model> again =
      vigil::linkage::ModelFromJson(vigil::linkage::ModelToJson(*model));
  if (!again.ok() || !(*again == *model)) std::abort();
  return 0;
}
