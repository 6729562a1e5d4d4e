// ParseFacts: the strict reader of the facts contract (version 1).

#include <algorithm>
#include <set>

#include "core/time.h"
#include "domain/screening/facts.h"

namespace vigil::domain::screening {
namespace {

using nlohmann::json;

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string Join(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

// At most `limit` bytes of `text`, never cutting a UTF-8 sequence.
std::string Shorten(const std::string& text, std::size_t limit = 64) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "...";
}

std::string ListForMessage(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t index = 0; index < values.size() && index < 30; ++index) {
    out += (index == 0 ? "" : ", ") + values[index];
  }
  return out;
}

// Reads one JSON object, remembering the keys it read so that the rest can
// be reported as unknown.
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string path, core::ErrorCollector& errors)
      : object_(object), path_(std::move(path)), errors_(errors) {}

  // The value under `key`, or nullptr when absent or null.
  const json* Get(std::string_view key) {
    read_.insert(std::string(key));
    auto it = object_.find(std::string(key));
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  const json* Required(std::string_view key) {
    const json* value = Get(key);
    if (value == nullptr) errors_.Add(Join(path_, key), "required", "is required");
    return value;
  }
  std::optional<bool> Bool(std::string_view key) {
    const json* value = Get(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) {
      errors_.Add(Join(path_, key), "invalid_type", "must be true, false or null");
      return std::nullopt;
    }
    return value->get<bool>();
  }
  // Text that must be one of `allowed`.
  std::optional<std::string> Choice(std::string_view key, const std::vector<std::string>& allowed) {
    const json* value = Get(key);
    if (value == nullptr) return std::nullopt;
    return ChoiceValue(*value, Join(path_, key), allowed, errors_);
  }
  std::optional<core::Date> DateValue(const json* value, std::string_view key) {
    if (value == nullptr) return std::nullopt;
    std::optional<core::Date> date;
    if (value->is_string()) date = core::ParseDate(value->get_ref<const std::string&>());
    if (!date) errors_.Add(Join(path_, key), "invalid_date", "must be a date YYYY-MM-DD");
    return date;
  }
  void CheckNoUnknownKeys() {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (!read_.contains(it.key())) {
        errors_.Add(Join(path_, it.key()), "unknown_field", "is not a known fact");
      }
    }
  }
  const std::string& path() const { return path_; }

  static std::optional<std::string> ChoiceValue(const json& value, const std::string& path,
                                                const std::vector<std::string>& allowed,
                                                core::ErrorCollector& errors) {
    if (!value.is_string()) {
      errors.Add(path, "invalid_type", "must be text");
      return std::nullopt;
    }
    const std::string& text = value.get_ref<const std::string&>();
    if (!Contains(allowed, text)) {
      errors.Add(
          path, "invalid_value",
          std::string("'").append(Shorten(text)) + "' is not one of: " + ListForMessage(allowed));
      return std::nullopt;
    }
    return text;
  }

 private:
  const json& object_;
  std::string path_;
  core::ErrorCollector& errors_;
  std::set<std::string> read_;
};

// A list of distinct choices; nullopt when absent or null.
std::optional<std::vector<std::string>> ChoiceList(const json* value, const std::string& path,
                                                   const std::vector<std::string>& allowed,
                                                   std::size_t limit,
                                                   core::ErrorCollector& errors) {
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) {
    errors.Add(path, "invalid_type", "must be a list");
    return std::nullopt;
  }
  if (value->size() > limit) {
    errors.Add(path, "too_many", "must hold at most " + std::to_string(limit) + " items");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t index = 0; index < value->size(); ++index) {
    std::string item_path = path + "[" + std::to_string(index) + "]";
    auto item = ObjectReader::ChoiceValue((*value)[index], item_path, allowed, errors);
    if (!item) continue;
    if (Contains(out, *item)) {
      errors.Add(item_path, "duplicate", "'" + *item + "' appears twice");
      continue;
    }
    out.push_back(*item);
  }
  return out;
}

bool RequireObject(const json* value, const std::string& path, core::ErrorCollector& errors) {
  if (value == nullptr) return false;
  if (!value->is_object()) {
    errors.Add(path, "invalid_type", "must be an object");
    return false;
  }
  return true;
}

std::optional<Message> ReadMessage(const json* value, const std::string& path,
                                   core::ErrorCollector& errors) {
  if (!RequireObject(value, path, errors)) return std::nullopt;
  ObjectReader reader(*value, path, errors);
  Message message;
  message.indecent_or_grossly_offensive = reader.Bool("indecent_or_grossly_offensive");
  message.menacing = reader.Bool("menacing");
  message.threat_of_death_or_serious_harm = reader.Bool("threat_of_death_or_serious_harm");
  message.known_false = reader.Bool("known_false");
  message.public_network = reader.Bool("public_network");
  reader.CheckNoUnknownKeys();
  return message;
}

std::optional<FactOccasion> ReadOccasion(const json& value, const std::string& path,
                                         const FactVocabulary& vocabulary,
                                         std::optional<core::Date> report_date,
                                         core::ErrorCollector& errors) {
  if (!value.is_object()) {
    errors.Add(path, "invalid_type", "must be an object");
    return std::nullopt;
  }
  ObjectReader reader(value, path, errors);
  FactOccasion occasion;
  auto date = reader.DateValue(reader.Required("date"), "date");
  if (date) {
    occasion.date = *date;
    if (report_date && *date > *report_date) {
      errors.Add(path + ".date", "future_date", "is after report_date");
    }
  }
  auto behaviours = ChoiceList(reader.Get("behaviours"), path + ".behaviours",
                               vocabulary.behaviours, kMaxBehavioursPerOccasion, errors);
  if (behaviours) occasion.behaviours = std::move(*behaviours);
  occasion.channel = reader.Choice("channel", vocabulary.channels);
  occasion.victim_feared_violence = reader.Bool("victim_feared_violence");
  occasion.message = ReadMessage(reader.Get("message"), path + ".message", errors);
  reader.CheckNoUnknownKeys();
  return occasion;
}

void ReadOccasions(ObjectReader& reader, Facts& facts, const FactVocabulary& vocabulary,
                   std::optional<core::Date> report_date, core::ErrorCollector& errors) {
  const json* list = reader.Get("occasions");
  if (list == nullptr) return;
  if (!list->is_array()) {
    errors.Add("occasions", "invalid_type", "must be a list");
    return;
  }
  if (list->size() > kMaxOccasions) {
    errors.Add("occasions", "too_many",
               "must hold at most " + std::to_string(kMaxOccasions) + " occasions");
    return;
  }
  facts.occasions.emplace();
  for (std::size_t index = 0; index < list->size(); ++index) {
    auto occasion = ReadOccasion((*list)[index], "occasions[" + std::to_string(index) + "]",
                                 vocabulary, report_date, errors);
    if (occasion) facts.occasions->push_back(std::move(*occasion));
  }
}

void ReadRiskAnswers(ObjectReader& reader, Facts& facts, const FactVocabulary& vocabulary,
                     core::ErrorCollector& errors) {
  const json* answers = reader.Get("risk_answers");
  if (!RequireObject(answers, "risk_answers", errors)) return;
  facts.risk_answers.emplace();
  for (auto it = answers->begin(); it != answers->end(); ++it) {
    std::string path = "risk_answers." + it.key();
    if (!Contains(vocabulary.risk_items, it.key())) {
      errors.Add(path, "unknown_field", "is not an item of the risk item bank");
      continue;
    }
    if (!it->is_null() && !it->is_boolean()) {
      errors.Add(path, "invalid_type", "must be true, false or null");
      continue;
    }
    (*facts.risk_answers)[it.key()] =
        it->is_null() ? std::nullopt : std::optional<bool>(it->get<bool>());
  }
}

}  // namespace

const std::vector<std::string>& HostilityKinds() {
  static const std::vector<std::string> kinds = {"race", "religion", "disability",
                                                 "sexual_orientation", "transgender_identity"};
  return kinds;
}

core::Result<Facts> ParseFacts(const json& input, const FactVocabulary& vocabulary) {
  core::ErrorCollector errors;
  if (!input.is_object()) {
    errors.Add("", "invalid_type", "facts must be a JSON object");
    return errors.ToStatus("facts are invalid");
  }
  ObjectReader reader(input, "", errors);
  Facts facts;
  const json* version = reader.Required("facts_version");
  if (version != nullptr &&
      (!version->is_number_integer() || version->get<long long>() != kFactsVersion)) {
    errors.Add("facts_version", "unsupported_version", "must be " + std::to_string(kFactsVersion));
  }
  auto report_date = reader.DateValue(reader.Required("report_date"), "report_date");
  if (report_date) facts.report_date = *report_date;
  facts.relationship = reader.Choice("relationship", vocabulary.relationships);
  if (const json* people = reader.Get("people_targeted"); people != nullptr) {
    if (!people->is_number_integer()) {
      errors.Add("people_targeted", "invalid_type", "must be a whole number");
    } else if (people->get<long long>() < 1 || people->get<long long>() > kMaxPeopleTargeted) {
      errors.Add("people_targeted", "invalid_value",
                 "must be between 1 and " + std::to_string(kMaxPeopleTargeted));
    } else {
      facts.people_targeted = static_cast<int>(people->get<long long>());
    }
  }
  ReadOccasions(reader, facts, vocabulary, report_date, errors);
  if (const json* impact = reader.Get("impact"); RequireObject(impact, "impact", errors)) {
    ObjectReader impact_reader(*impact, "impact", errors);
    facts.impact.alarm_or_distress = impact_reader.Bool("alarm_or_distress");
    facts.impact.serious_alarm_or_distress = impact_reader.Bool("serious_alarm_or_distress");
    facts.impact.changed_usual_activities = impact_reader.Bool("changed_usual_activities");
    impact_reader.CheckNoUnknownKeys();
  }
  facts.suspect_knew_or_ought_to_know = reader.Bool("suspect_knew_or_ought_to_know");
  facts.fixated_or_obsessive = reader.Bool("fixated_or_obsessive");
  facts.unwanted = reader.Bool("unwanted");
  facts.controlling_or_coercive_pattern = reader.Bool("controlling_or_coercive_pattern");
  facts.purpose_to_cause_distress = reader.Bool("purpose_to_cause_distress");
  facts.intended_or_reckless_as_to_fear_of_threat =
      reader.Bool("intended_or_reckless_as_to_fear_of_threat");
  facts.intended_non_trivial_harm = reader.Bool("intended_non_trivial_harm");
  facts.hostility = ChoiceList(reader.Get("hostility"), "hostility", HostilityKinds(),
                               HostilityKinds().size(), errors);
  facts.lawful_excuse = reader.Bool("lawful_excuse");
  ReadRiskAnswers(reader, facts, vocabulary, errors);
  reader.CheckNoUnknownKeys();
  if (!errors.empty()) return errors.ToStatus("facts are invalid");
  return facts;
}

core::Result<Facts> ParseFactsText(std::string_view text, const FactVocabulary& vocabulary) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return core::Malformed("facts are not valid JSON");
  return ParseFacts(parsed, vocabulary);
}

}  // namespace vigil::domain::screening
