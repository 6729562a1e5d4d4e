#include "domain/screening/action_config.h"

#include <algorithm>
#include <set>

#include "domain/screening/action_planner.h"
#include "domain/screening/config_support.h"

namespace vigil::domain::screening {

const std::vector<std::string>& ActionKinds() {
  static const std::vector<std::string> kinds = {"investigative", "safeguarding", "safety_plan",
                                                 "referral", "supervision"};
  return kinds;
}

ActionConfig ParseActionConfig(core::ConfigReader& reader, const rules::Schema& schema) {
  ActionConfig config;
  core::ConfigNode root = reader.root();
  config.version = internal::ReadVersionHeader(root);
  std::set<std::string> seen;
  core::ConfigNode list = root.Required("actions");
  std::vector<core::ConfigNode> nodes = list.Items();
  for (core::ConfigNode& node : nodes) {
    std::string id = internal::ReadId(node, seen);
    std::string text = internal::ReadText(node, "text");
    core::ConfigNode kind_node = node.Required("kind");
    std::string kind = kind_node.AsString();
    bool kind_ok =
        std::find(ActionKinds().begin(), ActionKinds().end(), kind) != ActionKinds().end();
    if (kind_node.IsDefined() && !kind_ok) {
      kind_node.Error("must be investigative, safeguarding, safety_plan, referral or supervision");
    }
    auto when = internal::ReadRule(node, "when", true, schema);
    core::ConfigNode priority_node = node.Required("priority");
    std::int64_t priority = priority_node.AsInt(1);
    if (priority_node.IsDefined() && (priority < 1 || priority > 9)) {
      priority_node.Error("must be a whole number from 1 (most urgent) to 9");
    }
    core::ConfigNode due_node = node.Required("due_within_hours");
    std::int64_t due = due_node.AsInt(1);
    if (due_node.IsDefined() && (due < 1 || due > 8760)) {
      due_node.Error("must be a whole number of hours from 1 to 8760");
    }
    core::ConfigNode owner_node = node.Required("owner_role");
    std::string owner = owner_node.AsString();
    if (owner_node.IsDefined() && !internal::IsIdentifier(owner)) {
      owner_node.Error("must be lower_snake_case letters and digits");
    }
    bool pin = node.Required("police_information_notice").AsBool();
    node.CheckNoUnknownKeys();
    if (!when) continue;
    ActionDefinition action{
        id, text, kind, *when, static_cast<int>(priority), static_cast<int>(due), owner, pin};
    // The wording decides too: a PIN by any other flag is still a PIN.
    action.police_information_notice = SuggestsPoliceInformationNotice(action);
    for (const std::string& path : action.when.root_paths()) {
      if (path.rfind("result.candidates", 0) == 0) config.reads_candidates = true;
    }
    config.actions.push_back(std::move(action));
  }
  if (list.IsSequence() && nodes.empty()) {
    list.Error("must list at least one action");
  }
  root.CheckNoUnknownKeys();
  return config;
}

}  // namespace vigil::domain::screening
