#pragma once
// The closed library of comparators that comparison levels are built from.
// A model names them in JSON ({"comparator": "jaro_winkler", "field":
// "surname", "at_least": 0.92}); there are no SQL strings, so behaviour is
// the same everywhere and the model can be fuzzed. A Predicate is one use of
// a comparator on a pair of records (or all_of / any_of over several).
// Plain values; safe to share.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "linkage/record.h"

namespace vigil::linkage {

enum class ComparatorKind {
  kNull,                // Either record lacks the field (the null level).
  kElse,                // Always true (the last level).
  kExact,               // Equal normalised values.
  kExactSwapped,        // field/other_field equal crosswise (given name and surname swapped).
  kExactCrosswise,      // One side's field equals the other side's other_field.
  kJaroWinkler,         // Jaro-Winkler similarity >= at_least.
  kJaro,                // Jaro similarity >= at_least.
  kLevenshtein,         // Levenshtein distance <= max_distance.
  kDamerauLevenshtein,  // Damerau-Levenshtein (OSA) distance <= max_distance.
  kMetaphone,           // Equal Metaphone codes (names).
  kSoundex,             // Equal Soundex codes (names).
  kNickname,            // Names that share a formal name in the nickname table.
  kInitial,             // One value is a single letter equal to the other's first letter.
  kPrefix,              // Equal first `length` characters (shorter values whole).
  kTokenJaccard,        // Jaccard similarity of the word sets >= at_least.
  kDateWithinDays,      // Complete dates at most max_days apart.
  kYearWithin,          // Years at most max_years apart.
  kDayMonthSwap,        // Same year, day and month swapped.
  kPostcodeSector,      // Same UK postcode sector ("SW1A 1").
  kPostcodeDistrict,    // Same UK postcode district ("SW1A").
  kPostcodeArea,        // Same UK postcode area ("SW").
  kAllOf,               // Every child predicate holds.
  kAnyOf,               // At least one child predicate holds.
};

// The JSON name of a comparator ("jaro_winkler").
std::string_view ComparatorName(ComparatorKind kind);
// The comparator named `name`; empty when the library has none.
std::optional<ComparatorKind> ParseComparatorKind(std::string_view name);

// One test on a pair of records. Only the parameters of its comparator are
// used: `field` (every comparator but else, all_of and any_of),
// `other_field` (exact_swapped, exact_crosswise), `at_least` (a similarity in [0, 1]),
// `max_distance` (edits), `max_days`, `max_years`, `length` (characters),
// `children` (all_of, any_of).
struct Predicate {
  ComparatorKind comparator = ComparatorKind::kElse;
  std::string field;
  std::string other_field;
  double at_least = 0;
  int max_distance = 0;
  int max_days = 0;
  int max_years = 0;
  int length = 0;
  std::vector<Predicate> children;

  // Every field the predicate reads (its own and its children's), each once.
  std::vector<std::string> Fields() const;
  // A short human description ("jaro_winkler(surname) >= 0.92").
  std::string Describe() const;
  friend bool operator==(const Predicate&, const Predicate&) = default;
};

// Builders for the common predicates.
Predicate NullPredicate(std::string field);
Predicate ElsePredicate();
Predicate ExactPredicate(std::string field);

// Checks `predicate` against the model's fields: known comparator, fields
// that exist and have a kind the comparator works on, parameters in range,
// children present for all_of/any_of. Adds one error per problem to
// `errors`, each under `path` ("comparisons[0].levels[2].predicate").
void ValidatePredicate(const Predicate& predicate, std::span<const FieldSpec> fields,
                       const std::string& path, core::ErrorCollector& errors);

}  // namespace vigil::linkage
