#include "domain/lookups.h"

#include <algorithm>
#include <set>

namespace vigil::domain {
namespace {

template <typename T>
const T* FindById(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

bool IsIdentifier(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::vector<LookupItem> ParseItems(core::ConfigNode& parent, std::string_view key) {
  std::vector<LookupItem> items;
  std::set<std::string> seen;
  core::ConfigNode list = parent.Required(key);
  for (core::ConfigNode& node : list.Items()) {
    LookupItem item;
    item.id = node.Required("id").AsString();
    item.label = node.Required("label").AsString();
    node.CheckNoUnknownKeys();
    if (!IsIdentifier(item.id)) node.Error("id must be lower_snake_case letters and digits");
    if (!seen.insert(item.id).second) node.Error("id '" + item.id + "' appears twice");
    items.push_back(std::move(item));
  }
  if (list.IsDefined() && items.empty()) list.Error("must list at least one item");
  return items;
}

}  // namespace

const Classification* Lookups::FindClassification(std::string_view id) const {
  return FindById(classifications, id);
}
bool Lookups::HasBehaviour(std::string_view id) const { return FindById(behaviours, id); }
bool Lookups::HasChannel(std::string_view id) const { return FindById(channels, id); }
bool Lookups::HasRelationship(std::string_view id) const { return FindById(relationships, id); }
bool Lookups::HasForce(std::string_view id) const { return FindById(forces, id); }
std::string Lookups::ForceLabel(std::string_view id) const {
  const LookupItem* force = FindById(forces, id);
  return force ? force->label : std::string(id);
}

core::Result<Lookups> ParseLookups(core::ConfigReader& reader) {
  Lookups lookups;
  core::ConfigNode root = reader.root();
  if (root.Required("schema_version").AsInt() != 1) {
    root.Optional("schema_version").Error("must be 1");
  }
  lookups.version = static_cast<int>(root.Required("version").AsInt());
  std::set<std::string> seen;
  core::ConfigNode list = root.Required("classifications");
  for (core::ConfigNode& node : list.Items()) {
    Classification item;
    item.id = node.Required("id").AsString();
    item.label = node.Required("label").AsString();
    item.hocr_classification = node.Required("hocr_classification").AsString();
    item.offence_code = node.Optional("offence_code").AsString();
    item.codes_verified = node.Required("codes_verified").AsBool();
    node.CheckNoUnknownKeys();
    if (!IsIdentifier(item.id)) node.Error("id must be lower_snake_case letters and digits");
    if (!seen.insert(item.id).second) node.Error("id '" + item.id + "' appears twice");
    lookups.classifications.push_back(std::move(item));
  }
  lookups.behaviours = ParseItems(root, "behaviours");
  lookups.channels = ParseItems(root, "channels");
  lookups.relationships = ParseItems(root, "relationships");
  lookups.forces = ParseItems(root, "forces");
  root.CheckNoUnknownKeys();
  VIGIL_RETURN_IF_ERROR(reader.ToStatus());
  return lookups;
}

}  // namespace vigil::domain
