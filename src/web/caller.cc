#include "web/caller.h"

#include <utility>

namespace vigil::web {

core::Result<services::Caller> CallerFor(const httplib::Request& /*request*/,
                                         const CallerSettings& settings, std::string request_id) {
  return services::Caller{settings.actor, std::move(request_id), ""};
}

}  // namespace vigil::web
