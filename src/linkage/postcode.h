#pragma once
// UK postcodes split into the parts linkage compares and blocks on: for
// "SW1A 1AA" the area is "SW", the district (outward code) "SW1A", the
// sector "SW1A 1" and the unit the whole postcode. Input is read without
// regard to case or spaces ("sw1a1aa"). Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace vigil::linkage {

struct UkPostcode {
  std::string outward;  // "SW1A": 2 to 4 characters.
  std::string inward;   // "1AA": a digit and two letters.

  std::string Unit() const { return outward + " " + inward; }
  std::string Sector() const { return outward + " " + inward.substr(0, 1); }
  std::string District() const { return outward; }
  // The leading letters of the outward code ("SW", "B").
  std::string Area() const;
};

// Parses a UK postcode in any case and spacing. Empty when `text` does not
// have the shape of one (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA,
// AA9A 9AA, or GIR 0AA).
std::optional<UkPostcode> ParseUkPostcode(std::string_view text);

}  // namespace vigil::linkage
