// Fuzzes what an API client can send: JSON parsing and the strict decoders
// for every record type. Any input must give a Result, never a crash or an
// escaping exception; a decoded record must encode back without failing.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/api/json_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace api = vigil::web::api;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto json = api::ParseJson(text);
  if (!json.ok()) return 0;
  if (auto report = api::DecodeReport(*json); report.ok()) (void)api::EncodeReport(*report).dump();
  if (auto report = api::DecodeReport(*json, true); report.ok()) (void)api::EncodeReport(*report);
  if (auto person = api::DecodePerson(*json); person.ok()) (void)api::EncodePerson(*person).dump();
  if (auto occasion = api::DecodeOccasion(*json); occasion.ok()) {
    (void)api::EncodeOccasion(*occasion);
  }
  if (auto value = api::DecodeCase(*json); value.ok()) (void)api::EncodeCase(*value);
  if (auto task = api::DecodeTask(*json); task.ok()) (void)api::EncodeTask(*task);
  if (auto note = api::DecodeNote(*json); note.ok()) (void)api::EncodeNote(*note);
  return 0;
}
