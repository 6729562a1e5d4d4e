#include "web/api/query_reader.h"

#include <algorithm>
#include <charconv>

#include "core/time.h"

namespace vigil::web::api {

QueryReader::QueryReader(const httplib::Params& parameters) : parameters_(parameters) {}

std::optional<std::string> QueryReader::Value(std::string_view name) {
  known_.emplace_back(name);
  std::string key(name);
  auto [first, last] = parameters_.equal_range(key);
  if (first == last) return std::nullopt;
  if (std::next(first) != last) {
    errors_.Add(key, "repeated", "must be given at most once");
    return std::nullopt;
  }
  if (first->second.empty()) return std::nullopt;
  return first->second;
}

std::optional<std::string> QueryReader::String(std::string_view name) { return Value(name); }

std::optional<std::int64_t> QueryReader::Integer(std::string_view name, std::int64_t minimum,
                                                 std::int64_t maximum) {
  std::optional<std::string> text = Value(name);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error == std::errc::result_out_of_range) {
    errors_.Add(std::string(name), "out_of_range",
                "must be between " + std::to_string(minimum) + " and " + std::to_string(maximum));
    return std::nullopt;
  }
  if (error != std::errc() || end != text->data() + text->size()) {
    errors_.Add(std::string(name), "wrong_type", "must be an integer");
    return std::nullopt;
  }
  if (value < minimum || value > maximum) {
    errors_.Add(std::string(name), "out_of_range",
                "must be between " + std::to_string(minimum) + " and " + std::to_string(maximum));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> QueryReader::Boolean(std::string_view name) {
  std::optional<std::string> text = Value(name);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  errors_.Add(std::string(name), "wrong_type", "must be true or false");
  return std::nullopt;
}

std::optional<core::Date> QueryReader::Date(std::string_view name) {
  std::optional<std::string> text = Value(name);
  if (!text) return std::nullopt;
  std::optional<core::Date> date = core::ParseDate(*text);
  if (!date) {
    errors_.Add(std::string(name), "invalid_date", "must be a real date in the form YYYY-MM-DD");
  }
  return date;
}

std::optional<core::Timestamp> QueryReader::Moment(std::string_view name,
                                                   bool date_means_next_day) {
  std::optional<std::string> text = Value(name);
  if (!text) return std::nullopt;
  if (std::optional<core::Date> date = core::ParseDate(*text)) {
    core::Date day = date_means_next_day ? *date + std::chrono::days(1) : *date;
    return core::Timestamp(day);
  }
  std::optional<core::Timestamp> timestamp = core::ParseTimestamp(*text);
  if (!timestamp) {
    errors_.Add(std::string(name), "invalid_date",
                "must be a date (YYYY-MM-DD) or a timestamp (YYYY-MM-DDTHH:MM:SSZ)");
  }
  return timestamp;
}

std::optional<std::string> QueryReader::OneOf(std::string_view name,
                                              const std::vector<std::string_view>& allowed) {
  std::optional<std::string> text = Value(name);
  if (!text) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *text) != allowed.end()) return text;
  std::string message = "must be one of ";
  for (std::size_t index = 0; index < allowed.size(); ++index) {
    if (index > 0) message += ", ";
    message += allowed[index];
  }
  errors_.Add(std::string(name), "invalid_value", std::move(message));
  return std::nullopt;
}

core::Status QueryReader::Finish(std::string message) {
  std::string previous;
  for (const auto& [key, value] : parameters_) {
    if (key == previous) continue;  // A multimap: report each name once.
    previous = key;
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
      errors_.Add(key, "unknown_parameter", "is not a parameter of this endpoint");
    }
  }
  return errors_.ToStatus(std::move(message));
}

}  // namespace vigil::web::api
