#pragma once
// ISO 8601 dates and timestamps as vigil stores and exchanges them:
// dates "2024-09-27"; timestamps "2024-09-27T14:05:00Z" (UTC; an explicit
// offset such as "+01:00" is accepted on input and converted to UTC).
// Parsing is strict: invalid calendar dates (2023-02-29) are rejected.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace vigil::core {

// Parses "YYYY-MM-DD". Empty optional when malformed or not a real date.
std::optional<Date> ParseDate(std::string_view text);
// "YYYY-MM-DD".
std::string FormatDate(Date date);

// Parses "YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)". Empty optional when
// malformed or out of range. Fractions of a second are dropped.
std::optional<Timestamp> ParseTimestamp(std::string_view text);
// "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatTimestamp(Timestamp timestamp);

// Date as shown to people in the UI: "27 September 2024".
std::string FormatDateLong(Date date);

}  // namespace vigil::core
