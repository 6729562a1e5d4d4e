#include "domain/screening/risk_config.h"

#include <set>

#include "domain/screening/config_support.h"

namespace vigil::domain::screening {

std::string_view RiskLevelName(RiskLevel level) {
  switch (level) {
    case RiskLevel::kStandard:
      return "standard";
    case RiskLevel::kMedium:
      return "medium";
    case RiskLevel::kHigh:
      return "high";
  }
  return "standard";
}

std::optional<RiskLevel> ParseRiskLevel(std::string_view name) {
  if (name == "standard") return RiskLevel::kStandard;
  if (name == "medium") return RiskLevel::kMedium;
  if (name == "high") return RiskLevel::kHigh;
  return std::nullopt;
}

std::string RiskConfig::ItemBankVersion() const {
  return item_bank + "@" + std::to_string(version);
}

std::vector<std::string> ReadRiskItemIds(core::ConfigReader& reader) {
  // Only Optional() and checked reads: this pass records no errors, so
  // ParseRiskConfig reports each problem once.
  std::vector<std::string> ids;
  core::ConfigNode root = reader.root();
  core::ConfigNode items = root.Optional("items");
  if (!items.IsSequence()) return ids;
  for (core::ConfigNode& item : items.Items()) {
    core::ConfigNode id = item.Optional("id");
    if (!id.IsDefined() || id.IsMap() || id.IsSequence()) continue;
    std::string value = id.AsString();
    if (internal::IsIdentifier(value)) ids.push_back(value);
  }
  return ids;
}

RiskConfig ParseRiskConfig(core::ConfigReader& reader, const rules::Schema& schema) {
  RiskConfig config;
  core::ConfigNode root = reader.root();
  config.version = internal::ReadVersionHeader(root);
  core::ConfigNode bank = root.Required("item_bank");
  config.item_bank = bank.AsString();
  if (bank.IsDefined() && !internal::IsIdentifier(config.item_bank)) {
    bank.Error("must be lower_snake_case letters and digits");
  }
  core::ConfigNode thresholds = root.Required("thresholds");
  core::ConfigNode medium = thresholds.Required("medium_from");
  core::ConfigNode high = thresholds.Required("high_from");
  config.medium_from = static_cast<int>(medium.AsInt(0));
  config.high_from = static_cast<int>(high.AsInt(0));
  thresholds.CheckNoUnknownKeys();

  std::set<std::string> seen;
  int scored = 0;
  core::ConfigNode items = root.Required("items");
  for (core::ConfigNode& node : items.Items()) {
    RiskItem item;
    item.id = internal::ReadId(node, seen);
    item.text = internal::ReadText(node, "text");
    item.help = internal::ReadText(node, "help");
    item.scored = node.Required("scored").AsBool(true);
    if (item.scored) ++scored;
    node.CheckNoUnknownKeys();
    config.items.push_back(std::move(item));
  }
  if (items.IsDefined() && config.items.empty()) items.Error("must list at least one item");
  if (thresholds.IsMap() && medium.IsDefined() && high.IsDefined() &&
      !(config.medium_from >= 1 && config.medium_from < config.high_from &&
        config.high_from <= scored)) {
    thresholds.Error("need 1 <= medium_from < high_from <= the number of scored items (" +
                     std::to_string(scored) + ")");
  }

  std::set<std::string> factor_ids;
  core::ConfigNode factors = root.Required("escalation_factors");
  for (core::ConfigNode& node : factors.Items()) {
    std::string id = internal::ReadId(node, factor_ids);
    std::string label = internal::ReadText(node, "label");
    auto when = internal::ReadRule(node, "when", true, schema);
    core::ConfigNode raises = node.Required("raises_to");
    auto level = ParseRiskLevel(raises.AsString());
    if (raises.IsDefined() && (!level || *level == RiskLevel::kStandard)) {
      raises.Error("must be medium or high");
    }
    node.CheckNoUnknownKeys();
    if (when && level) {
      config.escalation_factors.push_back(EscalationFactor{id, label, *when, *level});
    }
  }
  root.CheckNoUnknownKeys();
  return config;
}

}  // namespace vigil::domain::screening
