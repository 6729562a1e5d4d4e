#include "domain/screening/config_support.h"

#include <algorithm>

namespace vigil::domain::screening::internal {

int ReadVersionHeader(core::ConfigNode& root) {
  core::ConfigNode schema_version = root.Required("schema_version");
  if (schema_version.IsDefined() && schema_version.AsInt(-1) != 1)
    schema_version.Error("must be 1");
  core::ConfigNode version = root.Required("version");
  if (!version.IsDefined()) return 0;
  std::int64_t value = version.AsInt(0);
  if (value < 1 || value > 1000000) {
    version.Error("must be a whole number from 1");
    return 0;
  }
  return static_cast<int>(value);
}

bool IsIdentifier(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string ReadId(core::ConfigNode& node, std::set<std::string>& seen) {
  core::ConfigNode id_node = node.Required("id");
  std::string id = id_node.AsString();
  if (!id_node.IsDefined()) return id;
  if (!IsIdentifier(id)) {
    id_node.Error("must be lower_snake_case letters and digits");
  } else if (!seen.insert(id).second) {
    id_node.Error("'" + id + "' appears twice");
  }
  return id;
}

std::string ReadText(core::ConfigNode& node, std::string_view key) {
  core::ConfigNode child = node.Required(key);
  std::string text = child.AsString();
  if (child.IsDefined() && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    child.Error("must not be empty");
  }
  return text;
}

std::optional<rules::Expression> ReadRule(core::ConfigNode& node, std::string_view key,
                                          bool required, const rules::Schema& schema,
                                          const rules::Schema* element) {
  core::ConfigNode rule = required ? node.Required(key) : node.Optional(key);
  if (!rule.IsDefined()) return std::nullopt;
  if (rule.IsMap() || rule.IsSequence()) {
    rule.Error("must be a rule written as text, e.g. 'relationship == \"ex_partner\"'");
    return std::nullopt;
  }
  std::string text = rule.AsString();
  auto parsed = rules::Expression::Parse(text, schema, element);
  if (!parsed.ok()) {
    rule.Error(parsed.status().message());
    return std::nullopt;
  }
  return std::move(parsed).value();
}

}  // namespace vigil::domain::screening::internal
