#include "linkage/nickname_table.h"

#include <algorithm>

#include "core/check.h"
#include "core/config_reader.h"
#include "linkage/embedded_config.h"

namespace vigil::linkage {
namespace {

bool IsFoldedName(std::string_view name) {
  if (name.empty() || name.front() == ' ' || name.back() == ' ') return false;
  return std::all_of(name.begin(), name.end(), [](char character) {
    return (character >= 'a' && character <= 'z') || character == ' ';
  });
}

void AddFormal(std::unordered_map<std::string, std::vector<std::string>>& formal_names,
               const std::string& name, const std::string& formal) {
  std::vector<std::string>& formals = formal_names[name];
  if (std::find(formals.begin(), formals.end(), formal) == formals.end()) formals.push_back(formal);
}

}  // namespace

core::Result<NicknameTable> NicknameTable::Parse(std::string_view file_name,
                                                 std::string_view text) {
  core::ConfigReader reader{std::string(file_name), text};
  core::ConfigNode root = reader.root();
  NicknameTable table;
  if (!reader.ToStatus().ok()) return reader.ToStatus();
  if (!root.IsMap()) {
    root.Error("must be a map with schema_version, version and names");
    return reader.ToStatus();
  }
  core::ConfigNode schema = root.Required("schema_version");
  if (schema.IsDefined() && schema.AsInt() != 1) schema.Error("must be 1");
  table.version_ = root.Required("version").AsInt();
  core::ConfigNode names = root.Required("names");
  for (const std::string& formal : names.Keys()) {
    core::ConfigNode entry = names.Required(formal);
    if (!IsFoldedName(formal)) {
      entry.Error("is not a lower-case ASCII name");
      continue;
    }
    AddFormal(table.formal_names_, formal, formal);
    for (core::ConfigNode& item : entry.Items()) {
      std::string nickname = item.AsString();
      if (!IsFoldedName(nickname)) {
        item.Error("is not a lower-case ASCII name");
        continue;
      }
      AddFormal(table.formal_names_, nickname, formal);
      ++table.pair_count_;
    }
  }
  root.CheckNoUnknownKeys();
  if (!reader.ToStatus().ok()) return reader.ToStatus();
  for (auto& [name, formals] : table.formal_names_) std::sort(formals.begin(), formals.end());
  return table;
}

const NicknameTable& NicknameTable::Default() {
  static const NicknameTable* table = [] {
    for (const core::EmbeddedFile& file : EmbeddedLinkageConfigFiles()) {
      if (file.name == "nicknames.yaml") {
        core::Result<NicknameTable> parsed = Parse("config/linkage/nicknames.yaml", file.content);
        VIGIL_CHECK(parsed.ok()) << parsed.status();
        return new NicknameTable(std::move(parsed).value());
      }
    }
    VIGIL_CHECK(false) << "nicknames.yaml is not embedded";
    return new NicknameTable();
  }();
  return *table;
}

std::span<const std::string> NicknameTable::FormalNamesOf(std::string_view folded_name) const {
  auto found = formal_names_.find(std::string(folded_name));
  if (found == formal_names_.end()) return {};
  return found->second;
}

std::vector<std::string> NicknameTable::Names() const {
  std::vector<std::string> names;
  names.reserve(formal_names_.size());
  for (const auto& [name, formals] : formal_names_) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

bool NicknameTable::AreEquivalent(std::string_view left, std::string_view right) const {
  std::span<const std::string> left_formals = FormalNamesOf(left);
  std::span<const std::string> right_formals = FormalNamesOf(right);
  for (const std::string& formal : left_formals) {
    if (std::binary_search(right_formals.begin(), right_formals.end(), formal)) return true;
  }
  return false;
}

}  // namespace vigil::linkage
