#pragma once
// QueryReader: strict reading of URL query parameters, in the spirit of
// JsonReader. Every problem is collected with the parameter's name as its
// field: a value of the wrong form ("wrong_type", "invalid_date",
// "invalid_value", "out_of_range"), a parameter given twice ("repeated") or
// one the endpoint does not know ("unknown_parameter"). An empty value
// ("?name=") counts as absent. Not thread-safe; one per request.

#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/status.h"

namespace vigil::web::api {

class QueryReader {
 public:
  // `parameters` must outlive the reader.
  explicit QueryReader(const httplib::Params& parameters);

  // The value of `name`, when present and not empty.
  std::optional<std::string> String(std::string_view name);
  // A decimal integer within [minimum, maximum].
  std::optional<std::int64_t> Integer(std::string_view name, std::int64_t minimum,
                                      std::int64_t maximum);
  // A record id (a positive integer).
  template <typename IdType>
  std::optional<IdType> Id(std::string_view name) {
    std::optional<std::int64_t> value = Integer(name, 1, INT64_MAX);
    if (!value) return std::nullopt;
    return IdType(*value);
  }
  // "true" or "false".
  std::optional<bool> Boolean(std::string_view name);
  // "YYYY-MM-DD".
  std::optional<core::Date> Date(std::string_view name);
  // A timestamp ("2024-09-27T14:05:00Z"), or a date standing for the start
  // of that day, or with `date_means_next_day` for the start of the next
  // day (so an exclusive upper bound given as a date includes that day).
  std::optional<core::Timestamp> Moment(std::string_view name, bool date_means_next_day);
  // A value that must be one of `allowed` (for enumerations such as role).
  std::optional<std::string> OneOf(std::string_view name,
                                   const std::vector<std::string_view>& allowed);

  // OK, or kInvalidArgument listing every problem, including each unknown
  // parameter. Call once, after reading every parameter the endpoint takes.
  core::Status Finish(std::string message = "The query parameters are not valid.");

 private:
  std::optional<std::string> Value(std::string_view name);

  const httplib::Params& parameters_;
  std::vector<std::string> known_;
  core::ErrorCollector errors_;
};

}  // namespace vigil::web::api
