#include "domain/screening/result_json.h"

#include "core/time.h"

namespace vigil::domain::screening {
namespace {

using nlohmann::json;

// The JSON is built member by member: nlohmann's initializer lists copy
// every value through temporaries, and a result holds ~50 element findings.
json ElementJson(const ElementFinding& element) {
  json out(json::value_t::object);
  out["element"] = ElementId(element.element);
  out["status"] = ElementStatusName(element.status);
  out["because"] = element.because;
  json& occasions = out["occasions"];
  occasions = json(json::value_t::array);
  for (int index : element.occasions) occasions.push_back(index);
  return out;
}

json CandidateJson(const ScreeningResult& result, const Candidate& candidate) {
  json out(json::value_t::object);
  out["offence"] = candidate.offence;
  out["label"] = candidate.label;
  out["statute"] = candidate.statute;
  out["status"] = CandidateStatusName(candidate.status);
  out["aggravated"] = candidate.aggravated;
  json& elements = out["elements"];
  elements = json(json::value_t::array);
  for (Element element : candidate.elements)
    elements.push_back(ElementJson(result.Finding(element)));
  out["max_penalty"] = candidate.max_penalty;
  out["mode_of_trial"] = candidate.mode_of_trial;
  out["hocr_classification"] = candidate.hocr_classification;
  out["offence_code"] = candidate.offence_code;
  out["codes_verified"] = candidate.codes_verified;
  if (candidate.proceedings_by) out["proceedings_by"] = core::FormatDate(*candidate.proceedings_by);
  return out;
}

json RiskJson(const RiskAssessment& risk) {
  json items = json::array();
  for (const RiskItemAnswer& item : risk.items) {
    items.push_back({{"id", item.id}, {"answer", item.answer ? json(*item.answer) : json()}});
  }
  json out = {{"level", risk.level},
              {"calculated_level", risk.calculated_level},
              {"yes_count", risk.yes_count},
              {"items", std::move(items)},
              {"escalation_factors", risk.escalation_factors},
              {"item_bank_version", risk.item_bank_version}};
  if (risk.override) {
    out["override"] = {{"level", risk.override->level}, {"rationale", risk.override->rationale}};
  }
  return out;
}

// Reads text fields of a small request object, collecting problems.
std::optional<std::string> Text(const json& object, const char* key, const std::string& prefix,
                                bool required, core::ErrorCollector& errors) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) errors.Add(prefix + "." + key, "required", "is required");
    return std::nullopt;
  }
  if (!it->is_string()) {
    errors.Add(prefix + "." + key, "invalid_type", "must be text");
    return std::nullopt;
  }
  return it->get<std::string>();
}

void CheckKeys(const json& object, std::initializer_list<const char*> keys,
               const std::string& prefix, core::ErrorCollector& errors) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* key : keys) known = known || it.key() == key;
    if (!known) errors.Add(prefix + "." + it.key(), "unknown_field", "is not a known field");
  }
}

}  // namespace

json ToJson(const ScreeningResult& result) {
  json out = json::object();
  out["result_version"] = kResultVersion;
  out["rules_version"] = result.rules_version;
  out["stalking_indicated"] = result.stalking_indicated;
  out["stalking_possible"] = result.stalking_possible;
  if (result.primary) {
    out["primary"] = {{"offence", result.primary->offence},
                      {"hocr_classification", result.primary->hocr_classification},
                      {"offence_code", result.primary->offence_code},
                      {"codes_verified", result.primary->codes_verified},
                      {"aggravated", result.primary->aggravated}};
  } else {
    out["primary"] = nullptr;
  }
  out["included"] = result.included;
  out["candidates"] = json::array();
  for (const Candidate& candidate : result.candidates) {
    out["candidates"].push_back(CandidateJson(result, candidate));
  }
  out["ask_next"] = json::array();
  for (const NextQuestion& question : result.ask_next) {
    out["ask_next"].push_back({{"fact", question.fact},
                               {"question_id", question.question_id},
                               {"question", question.question}});
  }
  out["warnings"] = json::array();
  for (const Warning& warning : result.warnings) {
    out["warnings"].push_back({{"code", warning.code}, {"message", warning.message}});
  }
  if (result.risk) out["risk"] = RiskJson(*result.risk);
  out["actions"] = json::array();
  for (const PlannedAction& action : result.actions) {
    out["actions"].push_back({{"id", action.id},
                              {"text", action.text},
                              {"kind", action.kind},
                              {"priority", action.priority},
                              {"due_within_hours", action.due_within_hours},
                              {"owner_role", action.owner_role}});
  }
  if (result.classification_override) {
    const OverrideRecord& record = *result.classification_override;
    out["override"] = {{"offence", record.offence},
                       {"reason", record.reason},
                       {"previous_primary",
                        record.previous_primary.empty() ? json() : json(record.previous_primary)},
                       {"downgrade_from_stalking", record.downgrade_from_stalking}};
  }
  return out;
}

core::Result<ClassificationOverride> ParseClassificationOverride(const json& input) {
  core::ErrorCollector errors;
  if (!input.is_object()) {
    errors.Add("override", "invalid_type", "must be an object");
    return errors.ToStatus("the override is invalid");
  }
  ClassificationOverride choice;
  auto offence = Text(input, "offence", "override", true, errors);
  auto reason = Text(input, "reason", "override", false, errors);
  CheckKeys(input, {"offence", "reason"}, "override", errors);
  if (!errors.empty()) return errors.ToStatus("the override is invalid");
  choice.offence = *offence;
  choice.reason = reason.value_or("");
  return choice;
}

core::Result<RiskOverride> ParseRiskOverride(const json& input) {
  core::ErrorCollector errors;
  if (!input.is_object()) {
    errors.Add("risk_override", "invalid_type", "must be an object");
    return errors.ToStatus("the risk override is invalid");
  }
  auto level = Text(input, "level", "risk_override", true, errors);
  auto rationale = Text(input, "rationale", "risk_override", true, errors);
  CheckKeys(input, {"level", "rationale"}, "risk_override", errors);
  if (!errors.empty()) return errors.ToStatus("the risk override is invalid");
  return RiskOverride{*level, *rationale};
}

}  // namespace vigil::domain::screening
