#pragma once
// Action planning: which configured actions a screening suggests, in
// priority order. Each action's trigger rule is evaluated over the facts,
// the derived facts and the outcome (result.*, risk.*); only a definite
// "true" suggests it. One safety invariant lives here in code, whatever the
// config says: no action that issues or suggests a Police Information
// Notice (harassment warning) is ever suggested when stalking is indicated
// or possible (NPCC policy; NPCC–CPS protocol). Pure.

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/screening/action_config.h"
#include "domain/screening/screening_result.h"
#include "rules/expression.h"

namespace vigil::domain::screening {

// True when `action` issues or suggests a Police Information Notice: it is
// flagged so, or its id or text names one ("police information notice",
// "harassment warning", "PIN"). ParseActionConfig records the answer in
// ActionDefinition::police_information_notice, which the planner checks.
bool SuggestsPoliceInformationNotice(const ActionDefinition& action);

// {"result": {...}, "risk": {...}} for the action rules (risk omitted when
// no assessment was made; result.candidates only when `with_candidates`).
nlohmann::json OutcomeFacts(const ScreeningResult& result, bool with_candidates = true);

// The suggested actions, sorted by priority (then config order), for the
// triggers evaluated over `facts` (FactsDocument with the outcome set, or
// a rules::Context over the JSON documents). A Police
// Information Notice action whose trigger holds while stalking is indicated
// or possible is dropped and the warning pin_not_suggested added.
std::vector<PlannedAction> PlanActions(const ActionConfig& config, const rules::Document& facts,
                                       const ScreeningResult& result,
                                       std::vector<Warning>& warnings);

}  // namespace vigil::domain::screening
