#pragma once
// Shared checks used by the domain validators: required and length-limited
// text, valid UTF-8. Each adds its problem to an ErrorCollector.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace vigil::domain {

// Limits on free text, in Unicode code points.
inline constexpr std::size_t kShortTextLimit = 200;
inline constexpr std::size_t kLongTextLimit = 100000;

// Adds "required" when `value` is empty or only white space, "too_long" when
// over `limit` code points, "invalid_text" when not valid UTF-8.
void CheckRequiredText(core::ErrorCollector& errors, const std::string& field,
                       std::string_view value, std::size_t limit = kShortTextLimit);
// The same without "required".
void CheckOptionalText(core::ErrorCollector& errors, const std::string& field,
                       std::string_view value, std::size_t limit = kShortTextLimit);

// "field[index]".
std::string Indexed(std::string_view field, std::size_t index);

}  // namespace vigil::domain
