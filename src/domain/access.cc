#include "domain/access.h"

namespace vigil::domain {

Decision Decide(const Actor& actor, std::string_view action, const ResourceScope& resource) {
  if (actor.user_id.empty()) return {false, "no signed-in user"};
  if (actor.roles.empty()) return {false, "user " + actor.user_id + " has no role"};
  bool system = actor.HasRole(std::string(kSystemRole));
  if (!resource.force.empty() && resource.force != actor.force && !system) {
    return {false, "the record belongs to another force"};
  }
  return {true, std::string(action) + " allowed for " + actor.user_id};
}

}  // namespace vigil::domain
