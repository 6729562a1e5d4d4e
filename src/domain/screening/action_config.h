#pragma once
// The action plan rules (config/screening/actions.yaml): what to suggest
// after a screening (investigative steps, safeguarding, safety planning,
// referrals, supervision), each with a trigger rule over the facts, the
// screening result and the risk assessment, a priority (1 = most urgent), a
// deadline in hours and the role that owns it. Actions become tasks on a
// case later (services). Immutable once parsed; share freely.

#include <string>
#include <vector>

#include "core/config_reader.h"
#include "rules/expression.h"
#include "rules/schema.h"

namespace vigil::domain::screening {

// The kinds of action, as written in the file.
const std::vector<std::string>& ActionKinds();  // investigative, safeguarding, ...

struct ActionDefinition {
  std::string id;
  std::string text;  // Plain British English, shown to the officer.
  std::string kind;  // One of ActionKinds().
  rules::Expression when;
  int priority = 1;          // 1 = most urgent.
  int due_within_hours = 0;  // From the screening.
  std::string owner_role;    // e.g. "investigating_officer".
  // True when the action issues or suggests a Police Information Notice
  // (harassment warning): flagged so in config, or (set by the parser) its
  // id or text names one. The planner never suggests such an action when
  // stalking is indicated or possible, whatever its trigger says. Code that
  // builds definitions by hand must set it (SuggestsPoliceInformationNotice).
  bool police_information_notice = false;
};

struct ActionConfig {
  int version = 0;
  std::vector<ActionDefinition> actions;  // In file order.
  // True when some trigger reads result.candidates.* (the planner builds
  // those facts only then: they cost more than the rest together).
  bool reads_candidates = false;
};

// Builds the action config. Every problem is recorded in `reader` with
// file, line and key: header, ids, empty text, an unknown kind, a trigger
// that does not parse over `schema` (with its column), a priority outside
// 1–9, due_within_hours outside 1–8760, an owner_role that is not an
// identifier, and unknown keys. An action whose wording names a Police
// Information Notice is marked police_information_notice whatever the file
// says.
ActionConfig ParseActionConfig(core::ConfigReader& reader, const rules::Schema& schema);

}  // namespace vigil::domain::screening
