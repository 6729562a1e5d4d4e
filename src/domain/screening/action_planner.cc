#include "domain/screening/action_planner.h"

#include <algorithm>

namespace vigil::domain::screening {
namespace {

// ASCII lower case, with '_' read as a space (ids and text alike).
char Fold(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c == '_' ? ' ' : c;
}

bool IsWordCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// True when `phrase` (lower case) appears in `text`, ignoring case; with
// `whole_word`, not inside a longer word. No allocation: this runs for every
// suggested action of every screening.
bool ContainsPhrase(std::string_view text, std::string_view phrase, bool whole_word) {
  if (phrase.size() > text.size()) return false;
  for (std::size_t at = 0; at + phrase.size() <= text.size(); ++at) {
    std::size_t matched = 0;
    while (matched < phrase.size() && Fold(text[at + matched]) == phrase[matched]) ++matched;
    if (matched != phrase.size()) continue;
    if (!whole_word) return true;
    std::size_t end = at + phrase.size();
    bool starts = at == 0 || !IsWordCharacter(text[at - 1]);
    bool ends = end >= text.size() || !IsWordCharacter(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

bool SuggestsPoliceInformationNotice(const ActionDefinition& action) {
  if (action.police_information_notice) return true;
  for (std::string_view words : {std::string_view(action.text), std::string_view(action.id)}) {
    if (ContainsPhrase(words, "information notice", false) ||
        ContainsPhrase(words, "harassment warning", false) || ContainsPhrase(words, "pin", true) ||
        ContainsPhrase(words, "pins", true)) {
      return true;
    }
  }
  return false;
}

nlohmann::json OutcomeFacts(const ScreeningResult& result, bool with_candidates) {
  // Built member by member: nlohmann's initializer lists copy every value
  // through temporaries, and this runs on every screening.
  using Json = nlohmann::json;
  Json outcome(Json::value_t::object);
  Json& facts = outcome["result"];
  facts = Json(Json::value_t::object);
  facts["stalking_indicated"] = result.stalking_indicated;
  facts["stalking_possible"] = result.stalking_possible;
  facts["primary"] = result.primary ? Json(result.primary->offence) : Json();
  Json& included = facts["included"];
  included = Json(Json::value_t::array);
  for (const std::string& offence : result.included) included.push_back(offence);
  Json& candidates = facts["candidates"];
  candidates = Json(Json::value_t::object);
  for (const Candidate& candidate : result.candidates) {
    if (!with_candidates) break;
    Json& entry = candidates[candidate.offence];
    entry["status"] = CandidateStatusName(candidate.status);
    entry["aggravated"] = candidate.aggravated;
  }
  facts["override_requested"] = result.classification_override.has_value();
  facts["stalking_downgrade_requested"] =
      result.classification_override && result.classification_override->downgrade_from_stalking;
  if (result.risk) {
    Json& risk = outcome["risk"];
    risk["level"] = result.risk->level;
    risk["calculated_level"] = result.risk->calculated_level;
    risk["yes_count"] = result.risk->yes_count;
    Json& factors = risk["escalation_factors"];
    factors = Json(Json::value_t::array);
    for (const std::string& factor : result.risk->escalation_factors) factors.push_back(factor);
  }
  return outcome;
}

std::vector<PlannedAction> PlanActions(const ActionConfig& config, const rules::Document& facts,
                                       const ScreeningResult& result,
                                       std::vector<Warning>& warnings) {
  bool stalking = result.stalking_indicated || result.stalking_possible;
  // The chosen rules are ordered first and copied once, in order (sorting
  // the copies would move every string several times).
  std::vector<const ActionDefinition*> chosen;
  chosen.reserve(config.actions.size());
  for (const ActionDefinition& action : config.actions) {
    if (action.when.Evaluate(facts) != rules::Truth::kTrue) continue;
    if (stalking && action.police_information_notice) {
      warnings.push_back(
          {"pin_not_suggested", "The action '" + action.id +
                                    "' was not suggested: Police Information Notices (harassment "
                                    "warnings) must never be used where stalking is indicated or "
                                    "possible."});
      continue;
    }
    chosen.push_back(&action);
  }
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const ActionDefinition* a, const ActionDefinition* b) {
                     return a->priority < b->priority;
                   });
  std::vector<PlannedAction> planned;
  planned.reserve(chosen.size());
  for (const ActionDefinition* action : chosen) {
    planned.push_back({action->id, action->text, action->kind, action->priority,
                       action->due_within_hours, action->owner_role});
  }
  return planned;
}

}  // namespace vigil::domain::screening
