#pragma once
// Helpers shared by the json_codec_*.cc files: encoding of optional values
// and decoding of arrays of objects and of the server-owned fields. Not part
// of the public codec interface.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/time.h"
#include "domain/report.h"
#include "web/api/json_reader.h"

namespace vigil::web::api::internal {

// The timestamp as "YYYY-MM-DDTHH:MM:SSZ", or null.
inline nlohmann::json EncodeOptionalTimestamp(const std::optional<core::Timestamp>& value) {
  return value ? nlohmann::json(core::FormatTimestamp(*value)) : nlohmann::json(nullptr);
}

// The id as a number, or null when absent.
template <typename Tag>
nlohmann::json EncodeOptionalId(const std::optional<core::Id<Tag>>& value) {
  return value ? nlohmann::json(value->value) : nlohmann::json(nullptr);
}

// Decodes the array of objects at `key` into `out` (replacing it), reading
// each element with its own JsonReader at "key[index]" and `decode(reader,
// element)`; unknown keys in elements are reported. Leaves `out` as it was
// when the key is absent or not an array.
template <typename T, typename DecodeElement>
void ReadObjectArray(JsonReader& reader, std::string_view key, std::vector<T>& out,
                     DecodeElement decode, Presence presence = Presence::kOptional) {
  const nlohmann::json* array = reader.Array(key, presence);
  if (array == nullptr) return;
  std::string array_path = JoinPath(reader.path(), key);
  std::vector<T> elements;
  elements.reserve(array->size());
  for (std::size_t index = 0; index < array->size(); ++index) {
    JsonReader element_reader((*array)[index], IndexPath(array_path, index), reader.errors());
    T element{};
    if (element_reader.is_object()) {
      decode(element_reader, element);
      element_reader.Finish();
    }
    elements.push_back(std::move(element));
  }
  out = std::move(elements);
}

// Reads id, version, created_at and updated_at when `allow` is true;
// otherwise declares them server-owned so Finish() rejects them.
template <typename Tag>
void ReadServerFields(JsonReader& reader, bool allow, core::Id<Tag>& id, std::int64_t& version,
                      core::Timestamp& created_at, core::Timestamp& updated_at) {
  if (!allow) {
    reader.ServerOwned({"id", "version", "created_at", "updated_at"});
    return;
  }
  reader.Read("id", id);
  reader.Read("version", version);
  reader.Read("created_at", created_at);
  reader.Read("updated_at", updated_at);
}

// Reads one occasion's fields from `reader` into `occasion`.
void DecodeOccasionFields(JsonReader& reader, domain::Occasion& occasion, bool allow_server_fields);

}  // namespace vigil::web::api::internal
