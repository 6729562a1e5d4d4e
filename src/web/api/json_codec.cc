#include "web/api/json_codec.h"

#include <cstdio>
#include <exception>
#include <unordered_set>
#include <vector>

namespace vigil::web::api {

core::Result<nlohmann::json> ParseJson(std::string_view text) {
  // One set of seen keys per open object, to reject repeated keys: the
  // parser would otherwise keep the last value silently.
  std::vector<std::unordered_set<std::string>> open_objects;
  std::optional<std::string> repeated_key;
  auto track_keys = [&](int /*depth*/, nlohmann::json::parse_event_t event,
                        nlohmann::json& parsed) {
    switch (event) {
      case nlohmann::json::parse_event_t::object_start:
        open_objects.emplace_back();
        break;
      case nlohmann::json::parse_event_t::object_end:
        if (!open_objects.empty()) open_objects.pop_back();
        break;
      case nlohmann::json::parse_event_t::key:
        if (!open_objects.empty() && parsed.is_string() &&
            !open_objects.back().insert(parsed.get<std::string>()).second && !repeated_key) {
          repeated_key = parsed.get<std::string>();
        }
        break;
      default:
        break;
    }
    return true;
  };
  try {
    nlohmann::json parsed = nlohmann::json::parse(text.begin(), text.end(), track_keys);
    if (repeated_key) {
      return core::Malformed("not valid JSON: the key \"" + *repeated_key +
                             "\" appears twice in one object");
    }
    return parsed;
  } catch (const nlohmann::json::parse_error& error) {
    return core::Malformed("not valid JSON: syntax error at byte " + std::to_string(error.byte));
  } catch (const std::exception& error) {
    return core::Malformed(std::string("not valid JSON: ") + error.what());
  }
}

std::string FormatTimeOfDay(int minute_of_day) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", (minute_of_day / 60) % 24, minute_of_day % 60);
  return buffer;
}

std::optional<int> ParseTimeOfDay(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t index : {0, 1, 3, 4}) {
    if (text[index] < '0' || text[index] > '9') return std::nullopt;
  }
  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

}  // namespace vigil::web::api
