#pragma once
// The stalking risk item bank (config/screening/risk.yaml): versioned yes /
// no items (our own paraphrase of the topics of the 2009 S-DASH; licensed
// instruments such as SASH and SRP are referenced, never reproduced), the
// thresholds on "yes" answers that give medium and high, and escalation
// factors: rules over facts and answers that raise the level whatever the
// count. Immutable once parsed; share freely.

#include <optional>
#include <string>
#include <vector>

#include "core/config_reader.h"
#include "rules/expression.h"
#include "rules/schema.h"

namespace vigil::domain::screening {

// "standard" < "medium" < "high".
enum class RiskLevel { kStandard, kMedium, kHigh };

// "standard", "medium", "high".
std::string_view RiskLevelName(RiskLevel level);
std::optional<RiskLevel> ParseRiskLevel(std::string_view name);

struct RiskItem {
  std::string id;
  std::string text;  // The question, in plain British English.
  std::string help;
  bool scored = true;  // Counts towards the thresholds (otherwise it feeds escalation only).
};

struct EscalationFactor {
  std::string id;
  std::string label;
  rules::Expression when;  // Over facts, derived facts and risk answers.
  RiskLevel raises_to = RiskLevel::kHigh;
};

struct RiskConfig {
  int version = 0;
  std::string item_bank;  // Name of the bank, e.g. "vigil_stalking_risk".
  int medium_from = 0;    // "Yes" answers to scored items giving medium.
  int high_from = 0;      // ... giving high.
  std::vector<RiskItem> items;
  std::vector<EscalationFactor> escalation_factors;

  // "<item_bank>@<version>", recorded with every assessment.
  std::string ItemBankVersion() const;
};

// Reads only the item ids of risk.yaml (the facts schema needs them before
// the rules in the same file can be checked). Errors are left to
// ParseRiskConfig.
std::vector<std::string> ReadRiskItemIds(core::ConfigReader& reader);

// Builds the risk config. Every problem is recorded in `reader` with file,
// line and key: header, ids, empty text, thresholds that are not whole
// numbers with 1 <= medium_from < high_from <= number of scored items,
// escalation rules that do not parse over `schema` (with their column), a
// raises_to other than medium / high, and unknown keys.
RiskConfig ParseRiskConfig(core::ConfigReader& reader, const rules::Schema& schema);

}  // namespace vigil::domain::screening
