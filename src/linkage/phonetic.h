#pragma once
// Phonetic codes for names, so that "Smith" and "Smyth", or "Catherine" and
// "Kathryn", share a code: Metaphone (Lawrence Philips, 1990, with the
// common refinements) and American Soundex. Both read ASCII letters only
// (normalise names first), ignore everything else and are case-insensitive.
// Pure functions; thread-safe.

#include <string>
#include <string_view>

namespace vigil::linkage {

// The Metaphone code of `name`, at most `max_length` characters of
// "0BFHJKLMNPRSTWXY" ("0" is "th"). Empty when `name` has no letters.
std::string Metaphone(std::string_view name, std::size_t max_length = 6);

// The four-character American Soundex code ("R163" for Robert). Empty when
// `name` has no letters.
std::string Soundex(std::string_view name);

}  // namespace vigil::linkage
