#pragma once
// Facts: what a first responder has established about a report, in the
// shape the screening engine reads (facts contract version 1; see
// docs/reference/screening.md). Every fact except report_date may be
// unknown (omitted or null in JSON; std::nullopt here): the engine then says
// which elements of which offences are unknown and what to ask next.
// Parsing is strict: unknown keys, wrong types, values outside the lookups
// and occasions after the report date are errors, each with its JSON path.
// Plain values; safe to share between threads.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace vigil::domain::screening {

// The facts contract version this code reads and writes.
inline constexpr int kFactsVersion = 1;
// Bounds on one facts document.
inline constexpr std::size_t kMaxOccasions = 500;
inline constexpr std::size_t kMaxBehavioursPerOccasion = 50;
inline constexpr int kMaxPeopleTargeted = 1000;

// What a message sent on an occasion conveyed.
struct Message {
  std::optional<bool> indecent_or_grossly_offensive;
  std::optional<bool> menacing;
  std::optional<bool> threat_of_death_or_serious_harm;
  std::optional<bool> known_false;
  std::optional<bool> public_network;  // Sent over a public electronic communications network.
  friend bool operator==(const Message&, const Message&) = default;
};

// One occasion of conduct towards the victim.
struct FactOccasion {
  core::Date date{};
  std::vector<std::string> behaviours;  // Behaviour ids from the lookups.
  std::optional<std::string> channel;   // Channel id from the lookups.
  std::optional<bool> victim_feared_violence;
  std::optional<Message> message;  // Present when a message was sent on this occasion.
  friend bool operator==(const FactOccasion&, const FactOccasion&) = default;
};

// The effect on the victim.
struct Impact {
  std::optional<bool> alarm_or_distress;
  std::optional<bool> serious_alarm_or_distress;
  std::optional<bool> changed_usual_activities;  // "Have you changed anything you do?"
  friend bool operator==(const Impact&, const Impact&) = default;
};

struct Facts {
  core::Date report_date{};
  std::optional<std::string> relationship;  // Relationship id; "unknown" counts as unknown.
  std::optional<int> people_targeted;       // People the conduct targeted; 1 when unknown.
  std::optional<std::vector<FactOccasion>> occasions;  // Unknown until the occasions are listed.
  Impact impact;
  std::optional<bool> suspect_knew_or_ought_to_know;
  std::optional<bool> fixated_or_obsessive;
  std::optional<bool> unwanted;
  std::optional<bool> controlling_or_coercive_pattern;
  std::optional<bool> purpose_to_cause_distress;
  std::optional<bool> intended_or_reckless_as_to_fear_of_threat;
  std::optional<bool> intended_non_trivial_harm;
  std::optional<std::vector<std::string>> hostility;  // "race", "religion", ...
  std::optional<bool> lawful_excuse;
  // Risk item answers keyed by item id; present when a risk assessment was done.
  std::optional<std::map<std::string, std::optional<bool>>> risk_answers;
  friend bool operator==(const Facts&, const Facts&) = default;
};

// The closed lists facts are checked against (from the lookups and the
// risk item bank).
struct FactVocabulary {
  std::vector<std::string> relationships;
  std::vector<std::string> channels;
  std::vector<std::string> behaviours;
  std::vector<std::string> risk_items;
};

// The hostility kinds facts may record. "race" and "religion" make the
// harassment and stalking offences racially or religiously aggravated (Crime
// and Disorder Act 1998 s.32); the others raise the sentence (Sentencing Act
// 2020 s.66).
const std::vector<std::string>& HostilityKinds();

// Parses and checks a facts document. kInvalidArgument listing every
// problem as a field error whose field is the JSON path ("occasions[1].date")
// and whose code is one of required, invalid_type, invalid_value,
// invalid_date, future_date, duplicate, too_many, unknown_field,
// unsupported_version.
core::Result<Facts> ParseFacts(const nlohmann::json& json, const FactVocabulary& vocabulary);

// As ParseFacts, from JSON text; kMalformed when the text is not JSON.
core::Result<Facts> ParseFactsText(std::string_view text, const FactVocabulary& vocabulary);

// The facts as a contract-version-1 JSON document (unknown facts omitted).
// ParseFacts(FactsToJson(facts)) gives back `facts`.
nlohmann::json FactsToJson(const Facts& facts);

// As FactsToJson, with only the top-level keys in `only_keys` (for example
// ScreeningConfig::fact_keys_read, the facts the rules read).
nlohmann::json FactsToJson(const Facts& facts, const std::vector<std::string>& only_keys);

}  // namespace vigil::domain::screening
