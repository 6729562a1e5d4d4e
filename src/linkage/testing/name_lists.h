#pragma once
// Invented-data word lists for the synthetic people generator: common
// English-language surnames, syllables to build rarer ones, street names,
// email domains and UK postcode areas. Data only.

#include <span>
#include <string_view>

namespace vigil::linkage::testing {

std::span<const std::string_view> CommonSurnames();
std::span<const std::string_view> SurnameStarts();
std::span<const std::string_view> SurnameEnds();
std::span<const std::string_view> StreetNames();
std::span<const std::string_view> StreetKinds();
std::span<const std::string_view> EmailDomains();
std::span<const std::string_view> PostcodeAreas();

}  // namespace vigil::linkage::testing
