#include "domain/screening/fact_schema.h"

#include <algorithm>

namespace vigil::domain::screening {
namespace {

using rules::ValueType;

}  // namespace

rules::Schema FactsSchema(const FactVocabulary& vocabulary) {
  rules::Schema schema;
  schema.Add("facts_version", ValueType::kNumber);
  schema.Add("report_date", ValueType::kString);
  schema.Add("relationship", ValueType::kString, vocabulary.relationships);
  schema.Add("people_targeted", ValueType::kNumber);
  schema.Add("occasions", ValueType::kObjectList);
  schema.Add("occasions[].date", ValueType::kString);
  schema.Add("occasions[].behaviours", ValueType::kStringList, vocabulary.behaviours);
  schema.Add("occasions[].channel", ValueType::kString, vocabulary.channels);
  schema.Add("occasions[].victim_feared_violence", ValueType::kBool);
  schema.Add("occasions[].message", ValueType::kObject);
  for (const char* flag : {"indecent_or_grossly_offensive", "menacing",
                           "threat_of_death_or_serious_harm", "known_false", "public_network"}) {
    schema.Add(std::string("occasions[].message.") + flag, ValueType::kBool);
  }
  schema.Add("impact", ValueType::kObject);
  schema.Add("impact.alarm_or_distress", ValueType::kBool);
  schema.Add("impact.serious_alarm_or_distress", ValueType::kBool);
  schema.Add("impact.changed_usual_activities", ValueType::kBool);
  for (const char* fact : {"suspect_knew_or_ought_to_know", "fixated_or_obsessive", "unwanted",
                           "controlling_or_coercive_pattern", "purpose_to_cause_distress",
                           "intended_or_reckless_as_to_fear_of_threat", "intended_non_trivial_harm",
                           "lawful_excuse"}) {
    schema.Add(fact, ValueType::kBool);
  }
  schema.Add("hostility", ValueType::kStringList, HostilityKinds());
  schema.Add("risk_answers", ValueType::kObject);
  for (const std::string& item : vocabulary.risk_items) {
    schema.Add("risk_answers." + item, ValueType::kBool);
  }
  return schema;
}

rules::Schema RiskRuleSchema(const FactVocabulary& vocabulary) {
  rules::Schema schema = FactsSchema(vocabulary);
  schema.Add("derived.occasion_count", ValueType::kNumber);
  schema.Add("derived.occasions_last_28_days", ValueType::kNumber);
  schema.Add("derived.occasions_previous_28_days", ValueType::kNumber);
  schema.Add("derived.days_since_last_occasion", ValueType::kNumber);
  return schema;
}

rules::Schema ActionRuleSchema(const FactVocabulary& vocabulary,
                               const std::vector<std::string>& offence_ids) {
  rules::Schema schema = RiskRuleSchema(vocabulary);
  schema.Add("result.stalking_indicated", ValueType::kBool);
  schema.Add("result.stalking_possible", ValueType::kBool);
  schema.Add("result.primary", ValueType::kString, offence_ids);
  schema.Add("result.included", ValueType::kStringList, offence_ids);
  for (const std::string& offence : offence_ids) {
    schema.Add("result.candidates." + offence + ".status", ValueType::kString,
               {"met", "possible", "not_met"});
    schema.Add("result.candidates." + offence + ".aggravated", ValueType::kBool);
  }
  schema.Add("result.stalking_downgrade_requested", ValueType::kBool);
  schema.Add("result.override_requested", ValueType::kBool);
  std::vector<std::string> levels = {"standard", "medium", "high"};
  schema.Add("risk.level", ValueType::kString, levels);
  schema.Add("risk.calculated_level", ValueType::kString, levels);
  schema.Add("risk.yes_count", ValueType::kNumber);
  schema.Add("risk.escalation_factors", ValueType::kStringList);
  return schema;
}

nlohmann::json DerivedFacts(const Facts& facts) {
  nlohmann::json derived = nlohmann::json::object();
  if (facts.occasions) {
    const std::vector<FactOccasion>& occasions = *facts.occasions;
    int last_window = 0;
    int previous_window = 0;
    for (const FactOccasion& occasion : occasions) {
      auto days_before = (facts.report_date - occasion.date).count();
      if (days_before >= 0 && days_before < 28) ++last_window;
      if (days_before >= 28 && days_before < 56) ++previous_window;
    }
    derived["occasion_count"] = occasions.size();
    derived["occasions_last_28_days"] = last_window;
    derived["occasions_previous_28_days"] = previous_window;
    if (!occasions.empty()) {
      auto latest = std::max_element(
          occasions.begin(), occasions.end(),
          [](const FactOccasion& a, const FactOccasion& b) { return a.date < b.date; });
      derived["days_since_last_occasion"] = (facts.report_date - latest->date).count();
    }
  }
  return nlohmann::json{{"derived", std::move(derived)}};
}

}  // namespace vigil::domain::screening
