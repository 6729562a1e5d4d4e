#include "linkage/blocking_rule.h"

#include <algorithm>
#include <array>
#include <utility>

namespace vigil::linkage {
namespace {

constexpr std::array<std::pair<KeyTransform, std::string_view>, 10> kTransformNames = {{
    {KeyTransform::kExact, "exact"},
    {KeyTransform::kPrefix, "prefix"},
    {KeyTransform::kMetaphone, "metaphone"},
    {KeyTransform::kSoundex, "soundex"},
    {KeyTransform::kNickname, "nickname"},
    {KeyTransform::kYear, "year"},
    {KeyTransform::kYearMonth, "year_month"},
    {KeyTransform::kPostcodeSector, "postcode_sector"},
    {KeyTransform::kPostcodeDistrict, "postcode_district"},
    {KeyTransform::kPostcodeArea, "postcode_area"},
}};

std::optional<FieldKind> RequiredKind(KeyTransform transform) {
  switch (transform) {
    case KeyTransform::kMetaphone:
    case KeyTransform::kSoundex:
    case KeyTransform::kNickname:
      return FieldKind::kName;
    case KeyTransform::kYear:
    case KeyTransform::kYearMonth:
      return FieldKind::kDate;
    case KeyTransform::kPostcodeSector:
    case KeyTransform::kPostcodeDistrict:
    case KeyTransform::kPostcodeArea:
      return FieldKind::kPostcode;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string_view KeyTransformName(KeyTransform transform) {
  for (const auto& [candidate, name] : kTransformNames) {
    if (candidate == transform) return name;
  }
  return "exact";
}

std::optional<KeyTransform> ParseKeyTransform(std::string_view name) {
  for (const auto& [transform, candidate] : kTransformNames) {
    if (candidate == name) return transform;
  }
  return std::nullopt;
}

std::string BlockingRule::Describe() const {
  std::string text;
  for (const BlockingKey& key : keys) {
    if (!text.empty()) text += " & ";
    if (key.transform == KeyTransform::kExact) {
      text += key.field;
    } else if (key.transform == KeyTransform::kPrefix) {
      text += "prefix(" + key.field + ", " + std::to_string(key.length) + ")";
    } else {
      text += std::string(KeyTransformName(key.transform)) + "(" + key.field + ")";
    }
  }
  return text;
}

std::vector<std::string> BlockingRule::Fields() const {
  std::vector<std::string> fields;
  for (const BlockingKey& key : keys) {
    if (std::find(fields.begin(), fields.end(), key.field) == fields.end()) {
      fields.push_back(key.field);
    }
  }
  return fields;
}

BlockingRule BlockOn(std::initializer_list<std::string_view> fields) {
  BlockingRule rule;
  for (std::string_view field : fields) rule.keys.push_back({std::string(field)});
  return rule;
}

void ValidateBlockingRule(const BlockingRule& rule, std::span<const FieldSpec> fields,
                          const std::string& path, core::ErrorCollector& errors) {
  if (rule.keys.empty()) errors.Add(path + ".keys", "required", "needs at least one key");
  if (rule.keys.size() > 8) errors.Add(path + ".keys", "out_of_range", "at most 8 keys");
  if (rule.max_block_size < 0) {
    errors.Add(path + ".max_block_size", "out_of_range", "must be 0 (no limit) or more");
  }
  for (std::size_t index = 0; index < rule.keys.size(); ++index) {
    const BlockingKey& key = rule.keys[index];
    std::string key_path = path + ".keys[" + std::to_string(index) + "]";
    auto field = std::find_if(fields.begin(), fields.end(),
                              [&](const FieldSpec& spec) { return spec.name == key.field; });
    if (field == fields.end()) {
      errors.Add(key_path + ".field", "unknown_field",
                 "the model has no field \"" + key.field + "\"");
      continue;
    }
    std::optional<FieldKind> required = RequiredKind(key.transform);
    if (required && field->kind != *required) {
      errors.Add(key_path + ".transform", "wrong_kind",
                 std::string(KeyTransformName(key.transform)) + " needs a field of kind " +
                     std::string(FieldKindName(*required)));
    }
    if (key.transform == KeyTransform::kPrefix && (key.length < 1 || key.length > 64)) {
      errors.Add(key_path + ".length", "out_of_range", "must be from 1 to 64");
    }
  }
}

}  // namespace vigil::linkage
