// Fuzzes the rule language: the lexer, the recursive-descent parser and
// type checker, and evaluation over a fixed facts document (both as a
// whole-document rule and as a per-occasion rule). Any input must give a
// Result, never a crash, a hang or an escaping exception.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "rules/expression.h"
#include "rules/schema.h"

namespace {

using vigil::rules::Schema;
using vigil::rules::ValueType;

const Schema& FactsSchema() {
  static const Schema schema = [] {
    Schema built;
    built.Add("relationship", ValueType::kString, {"ex_partner", "stranger", "neighbour"});
    built.Add("people_targeted", ValueType::kNumber);
    built.Add("unwanted", ValueType::kBool);
    built.Add("fixated_or_obsessive", ValueType::kBool);
    built.Add("impact.alarm_or_distress", ValueType::kBool);
    built.Add("impact.changed_usual_activities", ValueType::kBool);
    built.Add("hostility", ValueType::kStringList, {"race", "religion"});
    built.Add("occasions", ValueType::kObjectList);
    built.Add("occasions[].date", ValueType::kString);
    built.Add("occasions[].channel", ValueType::kString, {"in_person", "text_message", "email"});
    built.Add("occasions[].behaviours", ValueType::kStringList, {"following", "loitering"});
    built.Add("occasions[].victim_feared_violence", ValueType::kBool);
    built.Add("occasions[].message.menacing", ValueType::kBool);
    built.Add("risk.level", ValueType::kString, {"standard", "medium", "high"});
    return built;
  }();
  return schema;
}

const nlohmann::json& Facts() {
  static const nlohmann::json facts = nlohmann::json::parse(R"({
    "relationship": "ex_partner", "people_targeted": 1, "unwanted": true,
    "fixated_or_obsessive": null, "impact": {"alarm_or_distress": true},
    "hostility": ["race"],
    "occasions": [
      {"date": "2025-03-01", "channel": "in_person", "behaviours": ["following"],
       "victim_feared_violence": true},
      {"date": "2025-03-08", "channel": "text_message", "behaviours": [],
       "victim_feared_violence": null, "message": {"menacing": true}}
    ],
    "risk": {"level": "high"}
  })");
  return facts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const Schema& schema = FactsSchema();
  const nlohmann::json& facts = Facts();
  vigil::rules::Context context{&facts};
  if (auto rule = vigil::rules::Expression::Parse(text, schema); rule.ok()) {
    (void)rule->Evaluate(context);
  }
  const Schema& occasion = schema.Resolve("occasions[]")->members;
  if (auto rule = vigil::rules::Expression::Parse(text, schema, &occasion); rule.ok()) {
    for (const nlohmann::json& element : facts["occasions"])
      (void)rule->Evaluate(context, &element);
    (void)rule->Evaluate(context);
  }
  return 0;
}
