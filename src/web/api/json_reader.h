#pragma once
// JsonReader: reads one JSON object field by field for the strict decoders
// (json_codec.h). Each Read records any problem in a shared ErrorCollector
// under the field's JSON path ("occasions[1].occurred_on") and leaves the
// output untouched, so a decoder reads every field and reports every problem
// at once. Finish() reports the keys nobody read as unknown fields. A null
// value counts as absent. Not thread-safe; one reader per object per decode.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/status.h"

namespace vigil::web::api {

// Whether a field must be present (and not null).
enum class Presence { kOptional, kRequired };

// "occasions[1]" + "summary" -> "occasions[1].summary"; "" + "force" -> "force".
std::string JoinPath(std::string_view path, std::string_view key);
// "occasions" + 1 -> "occasions[1]".
std::string IndexPath(std::string_view path, std::size_t index);

class JsonReader {
 public:
  // Reads `value`, which lives at `path` ("" for the document). `value` and
  // `errors` must outlive the reader. Records a wrong_type error at `path`
  // when `value` is not an object (then every Read returns false).
  JsonReader(const nlohmann::json& value, std::string path, core::ErrorCollector& errors);

  // True when the value is an object.
  bool is_object() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  core::ErrorCollector& errors() { return errors_; }

  // Each Read sets `out` and returns true when `key` is present, not null and
  // valid. When absent or null it returns false, recording "required" if
  // `presence` is kRequired. A present value of the wrong type records
  // "wrong_type" naming the expected type; an unparseable date or timestamp
  // records "invalid_date"; an integer outside int64 records "out_of_range".
  bool Read(std::string_view key, std::string& out, Presence presence = Presence::kOptional);
  bool Read(std::string_view key, bool& out, Presence presence = Presence::kOptional);
  bool Read(std::string_view key, std::int64_t& out, Presence presence = Presence::kOptional);
  bool Read(std::string_view key, std::vector<std::string>& out,
            Presence presence = Presence::kOptional);
  // "YYYY-MM-DD".
  bool Read(std::string_view key, core::Date& out, Presence presence = Presence::kOptional);
  bool Read(std::string_view key, std::optional<core::Date>& out,
            Presence presence = Presence::kOptional);
  // ISO 8601 with a zone ("2024-09-27T14:05:00Z"; offsets are converted to UTC).
  bool Read(std::string_view key, core::Timestamp& out, Presence presence = Presence::kOptional);
  bool Read(std::string_view key, std::optional<core::Timestamp>& out,
            Presence presence = Presence::kOptional);

  // A record id: an integer of at least 1 ("out_of_range" otherwise).
  template <typename Tag>
  bool Read(std::string_view key, core::Id<Tag>& out, Presence presence = Presence::kOptional) {
    std::optional<std::int64_t> value = ReadId(key, presence);
    if (!value) return false;
    out = core::Id<Tag>(*value);
    return true;
  }
  template <typename Tag>
  bool Read(std::string_view key, std::optional<core::Id<Tag>>& out,
            Presence presence = Presence::kOptional) {
    std::optional<std::int64_t> value = ReadId(key, presence);
    if (!value) return false;
    out = core::Id<Tag>(*value);
    return true;
  }

  // The nested object or array at `key`, or nullptr when absent, null or of
  // the wrong type (recording the error as Read does). The caller decodes it,
  // using JoinPath(path(), key) as its path.
  const nlohmann::json* Object(std::string_view key, Presence presence = Presence::kOptional);
  const nlohmann::json* Array(std::string_view key, Presence presence = Presence::kOptional);

  // Marks `key` as known without reading it.
  void Skip(std::string_view key);
  // Names keys that only the server sets: if sent and not read, Finish()
  // reports them as unknown fields with a message saying so.
  void ServerOwned(std::initializer_list<std::string_view> keys);

  // Records "unknown_field" for every key that was neither read nor skipped.
  // Call once, after the last Read.
  void Finish();

 private:
  // The value at `key` when present and not null (marking the key known);
  // records "required" when missing and required.
  const nlohmann::json* Find(std::string_view key, Presence presence);
  std::optional<std::int64_t> ReadInteger(std::string_view key, Presence presence);
  std::optional<std::int64_t> ReadId(std::string_view key, Presence presence);
  void WrongType(std::string_view key, std::string_view expected);

  const nlohmann::json* object_ = nullptr;
  std::string path_;
  core::ErrorCollector& errors_;
  std::vector<std::string> known_;
  std::vector<std::string> server_owned_;
};

}  // namespace vigil::web::api
