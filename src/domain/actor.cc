#include "domain/actor.h"

#include <algorithm>

namespace vigil::domain {

bool Actor::HasRole(const std::string& role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace vigil::domain
