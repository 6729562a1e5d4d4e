#pragma once
// Small text helpers shared by the domain validators.

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil::domain {

// `text` without leading and trailing ASCII white space.
std::string Trim(std::string_view text);
std::string ToLower(std::string_view text);
std::string ToUpper(std::string_view text);
// True when `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);
// Number of Unicode code points in valid UTF-8 `text`.
std::size_t Utf8Length(std::string_view text);

}  // namespace vigil::domain
