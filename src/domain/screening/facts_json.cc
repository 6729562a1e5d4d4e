// FactsToJson: facts back into the contract-version-1 JSON shape.

#include <algorithm>
#include <string_view>

#include "core/time.h"
#include "domain/screening/facts.h"

namespace vigil::domain::screening {
namespace {

using nlohmann::json;

template <typename T>
void PutIfKnown(json& object, const char* key, const std::optional<T>& value) {
  if (value) object[key] = *value;
}

// Writes the top-level keys for which `wanted(key)` is true.
template <typename Wanted>
json FactsToJsonWhere(const Facts& facts, Wanted wanted) {
  json out = json::object();
  auto put = [&](const char* key, const auto& value) {
    if (wanted(key)) PutIfKnown(out, key, value);
  };
  if (wanted("facts_version")) out["facts_version"] = kFactsVersion;
  if (wanted("report_date")) out["report_date"] = core::FormatDate(facts.report_date);
  put("relationship", facts.relationship);
  put("people_targeted", facts.people_targeted);
  if (facts.occasions && wanted("occasions")) {
    json occasions = json::array();
    for (const FactOccasion& occasion : *facts.occasions) {
      json item = json::object();
      item["date"] = core::FormatDate(occasion.date);
      item["behaviours"] = occasion.behaviours;
      PutIfKnown(item, "channel", occasion.channel);
      PutIfKnown(item, "victim_feared_violence", occasion.victim_feared_violence);
      if (occasion.message) {
        json message = json::object();
        const Message& m = *occasion.message;
        PutIfKnown(message, "indecent_or_grossly_offensive", m.indecent_or_grossly_offensive);
        PutIfKnown(message, "menacing", m.menacing);
        PutIfKnown(message, "threat_of_death_or_serious_harm", m.threat_of_death_or_serious_harm);
        PutIfKnown(message, "known_false", m.known_false);
        PutIfKnown(message, "public_network", m.public_network);
        item["message"] = std::move(message);
      }
      occasions.push_back(std::move(item));
    }
    out["occasions"] = std::move(occasions);
  }
  if (wanted("impact")) {
    json impact = json::object();
    PutIfKnown(impact, "alarm_or_distress", facts.impact.alarm_or_distress);
    PutIfKnown(impact, "serious_alarm_or_distress", facts.impact.serious_alarm_or_distress);
    PutIfKnown(impact, "changed_usual_activities", facts.impact.changed_usual_activities);
    if (!impact.empty()) out["impact"] = std::move(impact);
  }
  put("suspect_knew_or_ought_to_know", facts.suspect_knew_or_ought_to_know);
  put("fixated_or_obsessive", facts.fixated_or_obsessive);
  put("unwanted", facts.unwanted);
  put("controlling_or_coercive_pattern", facts.controlling_or_coercive_pattern);
  put("purpose_to_cause_distress", facts.purpose_to_cause_distress);
  put("intended_or_reckless_as_to_fear_of_threat", facts.intended_or_reckless_as_to_fear_of_threat);
  put("intended_non_trivial_harm", facts.intended_non_trivial_harm);
  put("hostility", facts.hostility);
  put("lawful_excuse", facts.lawful_excuse);
  if (facts.risk_answers && wanted("risk_answers")) {
    json answers = json::object();
    for (const auto& [item, answer] : *facts.risk_answers) {
      answers[item] = answer ? json(*answer) : json(nullptr);
    }
    out["risk_answers"] = std::move(answers);
  }
  return out;
}

}  // namespace

json FactsToJson(const Facts& facts) {
  return FactsToJsonWhere(facts, [](std::string_view) { return true; });
}

json FactsToJson(const Facts& facts, const std::vector<std::string>& only_keys) {
  return FactsToJsonWhere(facts, [&only_keys](std::string_view key) {
    return std::find(only_keys.begin(), only_keys.end(), key) != only_keys.end();
  });
}

}  // namespace vigil::domain::screening
