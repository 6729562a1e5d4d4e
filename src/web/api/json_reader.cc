#include "web/api/json_reader.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "core/time.h"

namespace vigil::web::api {

std::string JoinPath(std::string_view path, std::string_view key) {
  std::string joined(path);
  if (!joined.empty()) joined += '.';
  joined += key;
  return joined;
}

std::string IndexPath(std::string_view path, std::size_t index) {
  std::string joined(path);
  joined += '[';
  joined += std::to_string(index);
  joined += ']';
  return joined;
}

JsonReader::JsonReader(const nlohmann::json& value, std::string path, core::ErrorCollector& errors)
    : path_(std::move(path)), errors_(errors) {
  if (value.is_object()) {
    object_ = &value;
  } else {
    errors_.Add(path_, "wrong_type", "must be an object");
  }
}

const nlohmann::json* JsonReader::Find(std::string_view key, Presence presence) {
  if (object_ == nullptr) return nullptr;
  known_.emplace_back(key);
  auto found = object_->find(key);
  if (found == object_->end() || found->is_null()) {
    if (presence == Presence::kRequired)
      errors_.Add(JoinPath(path_, key), "required", "is required");
    return nullptr;
  }
  return &*found;
}

void JsonReader::WrongType(std::string_view key, std::string_view expected) {
  std::string message = "must be ";
  message += expected;
  errors_.Add(JoinPath(path_, key), "wrong_type", std::move(message));
}

bool JsonReader::Read(std::string_view key, std::string& out, Presence presence) {
  const nlohmann::json* value = Find(key, presence);
  if (value == nullptr) return false;
  if (!value->is_string()) {
    WrongType(key, "a string");
    return false;
  }
  out = value->get_ref<const std::string&>();
  return true;
}

bool JsonReader::Read(std::string_view key, bool& out, Presence presence) {
  const nlohmann::json* value = Find(key, presence);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    WrongType(key, "a boolean (true or false)");
    return false;
  }
  out = value->get<bool>();
  return true;
}

std::optional<std::int64_t> JsonReader::ReadInteger(std::string_view key, Presence presence) {
  const nlohmann::json* value = Find(key, presence);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_unsigned()) {
    auto unsigned_value = value->get<std::uint64_t>();
    if (unsigned_value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      errors_.Add(JoinPath(path_, key), "out_of_range", "is too large");
      return std::nullopt;
    }
    return static_cast<std::int64_t>(unsigned_value);
  }
  if (value->is_number_integer()) return value->get<std::int64_t>();
  WrongType(key, "an integer");
  return std::nullopt;
}

bool JsonReader::Read(std::string_view key, std::int64_t& out, Presence presence) {
  std::optional<std::int64_t> value = ReadInteger(key, presence);
  if (!value) return false;
  out = *value;
  return true;
}

std::optional<std::int64_t> JsonReader::ReadId(std::string_view key, Presence presence) {
  std::optional<std::int64_t> value = ReadInteger(key, presence);
  if (!value) return std::nullopt;
  if (*value < 1) {
    errors_.Add(JoinPath(path_, key), "out_of_range", "must be a positive integer");
    return std::nullopt;
  }
  return value;
}

bool JsonReader::Read(std::string_view key, std::vector<std::string>& out, Presence presence) {
  const nlohmann::json* value = Find(key, presence);
  if (value == nullptr) return false;
  if (!value->is_array()) {
    WrongType(key, "an array of strings");
    return false;
  }
  std::vector<std::string> strings;
  strings.reserve(value->size());
  bool valid = true;
  std::string array_path = JoinPath(path_, key);
  for (std::size_t index = 0; index < value->size(); ++index) {
    const nlohmann::json& element = (*value)[index];
    if (!element.is_string()) {
      errors_.Add(IndexPath(array_path, index), "wrong_type", "must be a string");
      valid = false;
      continue;
    }
    strings.push_back(element.get<std::string>());
  }
  if (!valid) return false;
  out = std::move(strings);
  return true;
}

bool JsonReader::Read(std::string_view key, core::Date& out, Presence presence) {
  const nlohmann::json* value = Find(key, presence);
  if (value == nullptr) return false;
  if (!value->is_string()) {
    WrongType(key, "a date string (YYYY-MM-DD)");
    return false;
  }
  std::optional<core::Date> date = core::ParseDate(value->get_ref<const std::string&>());
  if (!date) {
    errors_.Add(JoinPath(path_, key), "invalid_date", "must be a real date in the form YYYY-MM-DD");
    return false;
  }
  out = *date;
  return true;
}

bool JsonReader::Read(std::string_view key, std::optional<core::Date>& out, Presence presence) {
  core::Date date{};
  if (!Read(key, date, presence)) return false;
  out = date;
  return true;
}

bool JsonReader::Read(std::string_view key, core::Timestamp& out, Presence presence) {
  const nlohmann::json* value = Find(key, presence);
  if (value == nullptr) return false;
  if (!value->is_string()) {
    WrongType(key, "a timestamp string (YYYY-MM-DDTHH:MM:SSZ)");
    return false;
  }
  std::optional<core::Timestamp> timestamp =
      core::ParseTimestamp(value->get_ref<const std::string&>());
  if (!timestamp) {
    errors_.Add(JoinPath(path_, key), "invalid_date",
                "must be a real date and time in the form YYYY-MM-DDTHH:MM:SSZ");
    return false;
  }
  out = *timestamp;
  return true;
}

bool JsonReader::Read(std::string_view key, std::optional<core::Timestamp>& out,
                      Presence presence) {
  core::Timestamp timestamp{};
  if (!Read(key, timestamp, presence)) return false;
  out = timestamp;
  return true;
}

const nlohmann::json* JsonReader::Object(std::string_view key, Presence presence) {
  const nlohmann::json* value = Find(key, presence);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    WrongType(key, "an object");
    return nullptr;
  }
  return value;
}

const nlohmann::json* JsonReader::Array(std::string_view key, Presence presence) {
  const nlohmann::json* value = Find(key, presence);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    WrongType(key, "an array");
    return nullptr;
  }
  return value;
}

void JsonReader::Skip(std::string_view key) { known_.emplace_back(key); }

void JsonReader::ServerOwned(std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) server_owned_.emplace_back(key);
}

void JsonReader::Finish() {
  if (object_ == nullptr) return;
  for (const auto& [key, value] : object_->items()) {
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    bool server_owned =
        std::find(server_owned_.begin(), server_owned_.end(), key) != server_owned_.end();
    errors_.Add(JoinPath(path_, key), "unknown_field",
                server_owned ? "is set by the server and cannot be sent" : "is not a known field");
  }
}

}  // namespace vigil::web::api
