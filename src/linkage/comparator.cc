#include "linkage/comparator.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace vigil::linkage {
namespace {

enum class Parameter { kNone, kAtLeast, kMaxDistance, kMaxDays, kMaxYears, kLength, kChildren };

enum KindSet : unsigned {
  kAnyKind = 0xffff,
  kNameOnly = 1u << static_cast<unsigned>(FieldKind::kName),
  kWords = (1u << static_cast<unsigned>(FieldKind::kName)) |
           (1u << static_cast<unsigned>(FieldKind::kText)) |
           (1u << static_cast<unsigned>(FieldKind::kAddress)),
  kDateOnly = 1u << static_cast<unsigned>(FieldKind::kDate),
  kPostcodeOnly = 1u << static_cast<unsigned>(FieldKind::kPostcode),
};

struct ComparatorInfo {
  ComparatorKind kind;
  std::string_view name;
  bool needs_field;
  unsigned kinds;
  Parameter parameter;
};

constexpr std::array<ComparatorInfo, 23> kComparators = {{
    {ComparatorKind::kNull, "null", true, kAnyKind, Parameter::kNone},
    {ComparatorKind::kElse, "else", false, kAnyKind, Parameter::kNone},
    {ComparatorKind::kExact, "exact", true, kAnyKind, Parameter::kNone},
    {ComparatorKind::kExactSwapped, "exact_swapped", true, kNameOnly, Parameter::kNone},
    {ComparatorKind::kExactCrosswise, "exact_crosswise", true, kNameOnly, Parameter::kNone},
    {ComparatorKind::kJaroWinkler, "jaro_winkler", true, kAnyKind, Parameter::kAtLeast},
    {ComparatorKind::kJaro, "jaro", true, kAnyKind, Parameter::kAtLeast},
    {ComparatorKind::kLevenshtein, "levenshtein", true, kAnyKind, Parameter::kMaxDistance},
    {ComparatorKind::kDamerauLevenshtein, "damerau_levenshtein", true, kAnyKind,
     Parameter::kMaxDistance},
    {ComparatorKind::kMetaphone, "metaphone", true, kNameOnly, Parameter::kNone},
    {ComparatorKind::kSoundex, "soundex", true, kNameOnly, Parameter::kNone},
    {ComparatorKind::kNickname, "nickname", true, kNameOnly, Parameter::kNone},
    {ComparatorKind::kInitial, "initial", true, kNameOnly, Parameter::kNone},
    {ComparatorKind::kPrefix, "prefix", true, kAnyKind, Parameter::kLength},
    {ComparatorKind::kTokenJaccard, "token_jaccard", true, kWords, Parameter::kAtLeast},
    {ComparatorKind::kDateWithinDays, "date_within_days", true, kDateOnly, Parameter::kMaxDays},
    {ComparatorKind::kYearWithin, "year_within", true, kDateOnly, Parameter::kMaxYears},
    {ComparatorKind::kDayMonthSwap, "day_month_swap", true, kDateOnly, Parameter::kNone},
    {ComparatorKind::kPostcodeSector, "postcode_sector", true, kPostcodeOnly, Parameter::kNone},
    {ComparatorKind::kPostcodeDistrict, "postcode_district", true, kPostcodeOnly, Parameter::kNone},
    {ComparatorKind::kPostcodeArea, "postcode_area", true, kPostcodeOnly, Parameter::kNone},
    {ComparatorKind::kAllOf, "all_of", false, kAnyKind, Parameter::kChildren},
    {ComparatorKind::kAnyOf, "any_of", false, kAnyKind, Parameter::kChildren},
}};

bool IsCrosswise(ComparatorKind kind) {
  return kind == ComparatorKind::kExactSwapped || kind == ComparatorKind::kExactCrosswise;
}

const ComparatorInfo& InfoOf(ComparatorKind kind) {
  for (const ComparatorInfo& info : kComparators) {
    if (info.kind == kind) return info;
  }
  return kComparators[1];
}

const FieldSpec* FindField(std::span<const FieldSpec> fields, const std::string& name) {
  for (const FieldSpec& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

void CheckField(const ComparatorInfo& info, const std::string& name,
                std::span<const FieldSpec> fields, const std::string& path,
                core::ErrorCollector& errors) {
  if (name.empty()) {
    errors.Add(path, "required", std::string(info.name) + " needs a field");
    return;
  }
  const FieldSpec* field = FindField(fields, name);
  if (field == nullptr) {
    errors.Add(path, "unknown_field", "the model has no field \"" + name + "\"");
    return;
  }
  if ((info.kinds & (1u << static_cast<unsigned>(field->kind))) == 0) {
    errors.Add(path, "wrong_kind",
               std::string(info.name) + " does not work on a field of kind " +
                   std::string(FieldKindName(field->kind)));
  }
}

}  // namespace

std::string_view ComparatorName(ComparatorKind kind) { return InfoOf(kind).name; }

std::optional<ComparatorKind> ParseComparatorKind(std::string_view name) {
  for (const ComparatorInfo& info : kComparators) {
    if (info.name == name) return info.kind;
  }
  return std::nullopt;
}

std::vector<std::string> Predicate::Fields() const {
  std::vector<std::string> fields;
  auto add = [&fields](const std::string& name) {
    if (!name.empty() && std::find(fields.begin(), fields.end(), name) == fields.end()) {
      fields.push_back(name);
    }
  };
  add(field);
  if (IsCrosswise(comparator)) add(other_field);
  for (const Predicate& child : children) {
    for (const std::string& name : child.Fields()) add(name);
  }
  return fields;
}

std::string Predicate::Describe() const {
  std::ostringstream text;
  const ComparatorInfo& info = InfoOf(comparator);
  if (comparator == ComparatorKind::kAllOf || comparator == ComparatorKind::kAnyOf) {
    text << info.name << "(";
    for (std::size_t index = 0; index < children.size(); ++index) {
      text << (index > 0 ? ", " : "") << children[index].Describe();
    }
    text << ")";
    return text.str();
  }
  text << info.name;
  if (info.needs_field) {
    text << "(" << field;
    if (IsCrosswise(comparator)) text << ", " << other_field;
    text << ")";
  }
  switch (info.parameter) {
    case Parameter::kAtLeast:
      text << " >= " << at_least;
      break;
    case Parameter::kMaxDistance:
      text << " <= " << max_distance;
      break;
    case Parameter::kMaxDays:
      text << " <= " << max_days << " days";
      break;
    case Parameter::kMaxYears:
      text << " <= " << max_years << " years";
      break;
    case Parameter::kLength:
      text << " first " << length;
      break;
    default:
      break;
  }
  return text.str();
}

Predicate NullPredicate(std::string field) {
  Predicate predicate;
  predicate.comparator = ComparatorKind::kNull;
  predicate.field = std::move(field);
  return predicate;
}

Predicate ElsePredicate() { return Predicate{}; }

Predicate ExactPredicate(std::string field) {
  Predicate predicate;
  predicate.comparator = ComparatorKind::kExact;
  predicate.field = std::move(field);
  return predicate;
}

void ValidatePredicate(const Predicate& predicate, std::span<const FieldSpec> fields,
                       const std::string& path, core::ErrorCollector& errors) {
  const ComparatorInfo& info = InfoOf(predicate.comparator);
  if (info.needs_field) CheckField(info, predicate.field, fields, path + ".field", errors);
  if (IsCrosswise(predicate.comparator)) {
    CheckField(info, predicate.other_field, fields, path + ".other_field", errors);
  }
  switch (info.parameter) {
    case Parameter::kAtLeast:
      if (!(predicate.at_least > 0 && predicate.at_least <= 1)) {
        errors.Add(path + ".at_least", "out_of_range", "must be above 0 and at most 1");
      }
      break;
    case Parameter::kMaxDistance:
      if (predicate.max_distance < 1 || predicate.max_distance > 16) {
        errors.Add(path + ".max_distance", "out_of_range", "must be from 1 to 16");
      }
      break;
    case Parameter::kMaxDays:
      if (predicate.max_days < 0 || predicate.max_days > 366 * 200) {
        errors.Add(path + ".max_days", "out_of_range", "must be from 0 to 73200");
      }
      break;
    case Parameter::kMaxYears:
      if (predicate.max_years < 0 || predicate.max_years > 200) {
        errors.Add(path + ".max_years", "out_of_range", "must be from 0 to 200");
      }
      break;
    case Parameter::kLength:
      if (predicate.length < 1 || predicate.length > 64) {
        errors.Add(path + ".length", "out_of_range", "must be from 1 to 64");
      }
      break;
    case Parameter::kChildren:
      if (predicate.children.empty()) {
        errors.Add(path + ".children", "required", std::string(info.name) + " needs predicates");
      }
      for (std::size_t index = 0; index < predicate.children.size(); ++index) {
        ValidatePredicate(predicate.children[index], fields,
                          path + ".children[" + std::to_string(index) + "]", errors);
      }
      break;
    case Parameter::kNone:
      break;
  }
}

}  // namespace vigil::linkage
