#pragma once
// Actor: who is calling a use case. Every service call takes one, so every
// use case can be authorised and audited. Until accounts exist (access
// control), `vigil serve` acts as a configured demo actor.

#include <string>
#include <vector>

namespace vigil::domain {

struct Actor {
  std::string user_id;             // Stable account id, e.g. "pc.hughes".
  std::string display_name;        // As shown in the UI and audit views.
  std::vector<std::string> roles;  // Role ids from config/access, e.g. "investigator".
  std::string force;               // Force id (lookups/forces.yaml) the user belongs to, or empty.
  std::string agency;              // Partner agency id, or empty for police users.

  // True when the actor holds `role`.
  bool HasRole(const std::string& role) const;
};

}  // namespace vigil::domain
