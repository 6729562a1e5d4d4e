#pragma once
// Field normalisers: turn a raw value as typed into the canonical form that
// comparisons and blocking use, by field kind. An empty result means null
// (nothing usable: "", "n/a", an email without "@", ...). Normalisers never
// fail as a whole; unusable input is null.
// Thread-safe (ICU and libphonenumber are used per thread or read-only).

#include <string>
#include <string_view>

#include "linkage/record.h"

namespace vigil::linkage {

// Options that change how values are normalised.
struct NormaliseOptions {
  std::string default_phone_region = "GB";  // ISO 3166 region for national numbers.
  bool strip_email_tags = false;            // "jo+shop@x.com" -> "jo@x.com".
  int two_digit_year_pivot = 30;            // See DateParseOptions.
  friend bool operator==(const NormaliseOptions&, const NormaliseOptions&) = default;
};

// A telephone number in E.164 ("+447700900123"), read with the default
// region for national numbers ("07700 900123", "+44 (0)7700 900123",
// "0044 7700 900123"). Empty when it is not a possible number.
std::string NormalisePhone(std::string_view text, std::string_view default_region = "GB");

// An email address trimmed and lower-cased (and without its "+tag" when
// asked). Empty unless it has one "@" with text on both sides.
std::string NormaliseEmail(std::string_view text, bool strip_tags = false);

// An online handle: trimmed, lower-case, without a leading "@" or a profile
// url's site part ("https://x.com/@Jo_B" -> "jo_b"). Keeps letters, digits,
// ".", "_" and "-".
std::string NormaliseHandle(std::string_view text);

// Upper-case ASCII letters and digits only ("ab 12-34 c" -> "AB1234C").
std::string NormaliseIdentifier(std::string_view text);

// "m" or "f" for the usual spellings (male, man, M, female, woman, F, ...);
// other values folded like text; empty for unknown ("u", "unknown", "n/k").
std::string NormaliseSex(std::string_view text);

// A UK postcode in its canonical form ("SW1A 1AA"); any other postcode
// folded, upper-case, without spaces ("2257").
std::string NormalisePostcode(std::string_view text);

// The date key (see ParsedDate::key); empty when no date can be read.
std::string NormaliseDate(std::string_view text, int two_digit_year_pivot = 30);

// The canonical form of `raw` for a field of `kind` (FoldName for names,
// FoldText for text and addresses, the functions above for the rest).
// Placeholder values ("n/a", "null", "none", "unknown", "-") are null.
std::string Normalise(FieldKind kind, std::string_view raw, const NormaliseOptions& options = {});

}  // namespace vigil::linkage
