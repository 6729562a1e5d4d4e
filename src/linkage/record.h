#pragma once
// The generic record that linkage works on: an id plus named field values,
// never a domain Person (services adapt person records into these). Each
// field has a kind that decides how it is normalised and which comparators
// and blocking transforms apply to it. Plain values; safe to share.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::linkage {

// How a field's values are normalised (see normalizers.h).
enum class FieldKind {
  kName,        // A given name, surname or full name: folded to lower-case ASCII,
                // punctuation removed, titles dropped; nickname and phonetic codes kept.
  kText,        // Any other text: folded like a name, without titles or nicknames.
  kAddress,     // An address line: folded text, also split into tokens.
  kDate,        // A date, possibly partial ("1980", "1980-03"), in many formats.
  kPostcode,    // A UK postcode (outward/inward, sector, district, area); other
                // postcodes are kept as folded text.
  kPhone,       // A telephone number, normalised to E.164 (default region GB).
  kEmail,       // An email address: trimmed, lower-case, optionally without +tag.
  kHandle,      // An online handle: trimmed, lower-case, without a leading @.
  kSex,         // Sex or gender: "m"/"f"/other folded text.
  kIdentifier,  // A code or number: upper-case letters and digits only.
};

// Stable lower_snake_case name of a kind ("name", "postcode", ...), as used in
// model JSON and settings.
std::string_view FieldKindName(FieldKind kind);
// The kind named `name`; empty when there is none.
std::optional<FieldKind> ParseFieldKind(std::string_view name);

// One named field of a model: its name (as records name it) and kind.
struct FieldSpec {
  std::string name;
  FieldKind kind = FieldKind::kText;
  friend bool operator==(const FieldSpec&, const FieldSpec&) = default;
};

// One raw field value of a record. An empty value means "not known" (null).
struct FieldValue {
  std::string name;
  std::string value;
};

// One record to link: an id unique within its source, the source it came
// from (0 when deduplicating one source; 0 or 1 when linking two), and its
// raw (not yet normalised) field values. Fields a model does not name are
// ignored; fields it names but the record lacks are null.
struct LinkageRecord {
  std::string id;
  int source = 0;
  std::vector<FieldValue> fields;

  // The raw value of the field `name`, or "" when the record has none.
  std::string_view Get(std::string_view name) const;
};

// Whether a model deduplicates one source or links two sources (pairs are
// then only formed across sources, as Splink's "link_only").
enum class LinkType { kDeduplicate, kLink };

std::string_view LinkTypeName(LinkType type);
std::optional<LinkType> ParseLinkType(std::string_view name);

}  // namespace vigil::linkage
