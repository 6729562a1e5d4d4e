#include "domain/screening/action_planner.h"

#include <algorithm>
#include <cctype>

namespace vigil::domain::screening {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// True when `word` appears in `text` as a whole word (letters and digits
// around it do not count).
bool HasWord(const std::string& text, std::string_view word) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool starts = at == 0 || !is_word(text[at - 1]);
    std::size_t end = at + word.size();
    bool ends = end >= text.size() || !is_word(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

bool SuggestsPoliceInformationNotice(const ActionDefinition& action) {
  if (action.police_information_notice) return true;
  std::string words = Lower(action.text) + " " + Lower(action.id);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words.find("information notice") != std::string::npos ||
         words.find("harassment warning") != std::string::npos || HasWord(words, "pin") ||
         HasWord(words, "pins");
}

nlohmann::json OutcomeFacts(const ScreeningResult& result) {
  nlohmann::json outcome = nlohmann::json::object();
  nlohmann::json& facts = outcome["result"];
  facts["stalking_indicated"] = result.stalking_indicated;
  facts["stalking_possible"] = result.stalking_possible;
  facts["primary"] = result.primary ? nlohmann::json(result.primary->offence) : nlohmann::json();
  facts["included"] = result.included;
  nlohmann::json& candidates = facts["candidates"];
  candidates = nlohmann::json::object();
  for (const Candidate& candidate : result.candidates) {
    candidates[candidate.offence] = {{"status", CandidateStatusName(candidate.status)},
                                     {"aggravated", candidate.aggravated}};
  }
  facts["override_requested"] = result.classification_override.has_value();
  facts["stalking_downgrade_requested"] =
      result.classification_override && result.classification_override->downgrade_from_stalking;
  if (result.risk) {
    outcome["risk"] = {{"level", result.risk->level},
                       {"calculated_level", result.risk->calculated_level},
                       {"yes_count", result.risk->yes_count},
                       {"escalation_factors", result.risk->escalation_factors}};
  }
  return outcome;
}

std::vector<PlannedAction> PlanActions(const ActionConfig& config, const rules::Context& context,
                                       const ScreeningResult& result,
                                       std::vector<Warning>& warnings) {
  bool stalking = result.stalking_indicated || result.stalking_possible;
  std::vector<PlannedAction> planned;
  for (const ActionDefinition& action : config.actions) {
    if (action.when.Evaluate(context) != rules::Truth::kTrue) continue;
    if (stalking && SuggestsPoliceInformationNotice(action)) {
      warnings.push_back(
          {"pin_not_suggested", "The action '" + action.id +
                                    "' was not suggested: Police Information Notices (harassment "
                                    "warnings) must never be used where stalking is indicated or "
                                    "possible."});
      continue;
    }
    planned.push_back({action.id, action.text, action.kind, action.priority,
                       action.due_within_hours, action.owner_role});
  }
  std::stable_sort(
      planned.begin(), planned.end(),
      [](const PlannedAction& a, const PlannedAction& b) { return a.priority < b.priority; });
  return planned;
}

}  // namespace vigil::domain::screening
