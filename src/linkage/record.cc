#include "linkage/record.h"

#include <array>
#include <utility>

namespace vigil::linkage {
namespace {

constexpr std::array<std::pair<FieldKind, std::string_view>, 10> kKindNames = {{
    {FieldKind::kName, "name"},
    {FieldKind::kText, "text"},
    {FieldKind::kAddress, "address"},
    {FieldKind::kDate, "date"},
    {FieldKind::kPostcode, "postcode"},
    {FieldKind::kPhone, "phone"},
    {FieldKind::kEmail, "email"},
    {FieldKind::kHandle, "handle"},
    {FieldKind::kSex, "sex"},
    {FieldKind::kIdentifier, "identifier"},
}};

}  // namespace

std::string_view FieldKindName(FieldKind kind) {
  for (const auto& [candidate, name] : kKindNames) {
    if (candidate == kind) return name;
  }
  return "text";
}

std::optional<FieldKind> ParseFieldKind(std::string_view name) {
  for (const auto& [kind, candidate] : kKindNames) {
    if (candidate == name) return kind;
  }
  return std::nullopt;
}

std::string_view LinkageRecord::Get(std::string_view name) const {
  for (const FieldValue& field : fields) {
    if (field.name == name) return field.value;
  }
  return {};
}

std::string_view LinkTypeName(LinkType type) {
  return type == LinkType::kLink ? "link_only" : "dedupe_only";
}

std::optional<LinkType> ParseLinkType(std::string_view name) {
  if (name == "dedupe_only") return LinkType::kDeduplicate;
  if (name == "link_only") return LinkType::kLink;
  return std::nullopt;
}

}  // namespace vigil::linkage
