#pragma once
// Request ids: one per HTTP request, echoed in the X-Request-Id response
// header, written in the access log and the audit events, and quoted in 500
// responses, so one request can be followed from client to audit trail.
// Thread-safe.

#include <string>
#include <string_view>

namespace vigil::web {

// The response header carrying the id (and the request header a client or
// proxy may set).
inline constexpr std::string_view kRequestIdHeader = "X-Request-Id";

// True when a client-supplied id can be reused as is: 1 to 64 characters,
// each a letter, digit or one of "-._:". Anything else could inject text
// into logs, so it is replaced.
bool IsAcceptableRequestId(std::string_view value);

// A new id unique within this process and unlikely to repeat across
// processes: a random 16-hex-digit prefix fixed at start-up and a counter.
std::string NewRequestId();

// `client_value` when acceptable, otherwise a new id.
std::string RequestIdFor(std::string_view client_value);

}  // namespace vigil::web
