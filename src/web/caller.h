#pragma once
// Caller resolution: the one step that turns an HTTP request into the
// services::Caller every use case is authorised and audited as. The JSON API
// and the HTML pages both call it, so who a request acts as cannot differ
// between them. Today every request acts as the configured actor (the demo
// actor of `vigil serve`); sign-in sessions and API tokens plug in here.
// Thread-safe (reads only its arguments).

#include <httplib.h>

#include <string>

#include "core/result.h"
#include "domain/actor.h"
#include "services/services.h"

namespace vigil::web {

// What CallerFor may draw on to identify the caller.
struct CallerSettings {
  // The actor every request acts as until accounts exist.
  domain::Actor actor;
};

// The caller `request` acts as, carrying `request_id` into the audit trail.
// kUnauthenticated when the request cannot be tied to anyone (never today:
// the configured actor is used).
core::Result<services::Caller> CallerFor(const httplib::Request& request,
                                         const CallerSettings& settings, std::string request_id);

}  // namespace vigil::web
