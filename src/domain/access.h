#pragma once
// The authorisation decision: may this actor do this action to this record?
// One pure function, called by services before every use case (handlers
// never decide). This first version enforces identity and force scope; the
// role × resource permissions from config/access/roles.yaml extend it.

#include <string>
#include <string_view>

#include "domain/actor.h"

namespace vigil::domain {

// What is being touched: the kind of record and the force that owns it
// (empty for actions that create records or search across the actor's
// force).
struct ResourceScope {
  std::string_view record_type;  // "report", "person", "case", "task", "note".
  std::string_view force;        // Owning force, or empty.
};

struct Decision {
  bool allowed = false;
  std::string reason;  // Why, in plain English; recorded in the audit log.
};

// The role of the operator's own command-line tools (import, export,
// demo-data): not limited to one force. Never granted to a web user.
inline constexpr std::string_view kSystemRole = "system";

// Allowed when the actor is identified (user id and at least one role), and,
// for a record owned by a force, the actor belongs to that force or holds
// kSystemRole.
Decision Decide(const Actor& actor, std::string_view action, const ResourceScope& resource);

}  // namespace vigil::domain
