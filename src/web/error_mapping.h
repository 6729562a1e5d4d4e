#pragma once
// Error mapping: the one place where a core::Status becomes an HTTP
// response (ARCHITECTURE.md, error handling rule 5). Every error response has
// the same JSON shape:
//   {"errors": [{"code": "...", "message": "...", "field": "..."}]}
// with one entry per field error (or one for the status itself) and `field`
// left out when empty. kInternal and kDataLoss messages never reach the
// client: they are logged with the request id, and the response carries a
// generic message quoting that id. Thread-safe (pure apart from logging).

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace vigil::web {

// An error response ready to send: HTTP status, body and any extra headers
// (Retry-After for 503, Allow for 405).
struct HttpError {
  int status = 500;
  nlohmann::json body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Most field errors listed in one response; the rest are summarised in one
// final "too_many_errors" entry so a hostile body cannot blow up the reply.
inline constexpr std::size_t kMaxErrorEntries = 100;

// The HTTP status for `code`: kInvalidArgument 422, kMalformed 400,
// kTooLarge 413, kNotFound 404, kAlreadyExists/kConflict/kFailedPrecondition
// 409, kPermissionDenied 403, kUnauthenticated 401, kUnavailable 503,
// kDataLoss/kInternal 500. kOk gives 200.
int HttpStatusFor(core::StatusCode code);

// The response for a failed `status` (which must not be OK) of the request
// `request_id`.
HttpError MapStatus(const core::Status& status, std::string_view request_id);

// The response for a failure detected by the HTTP layer before any use case
// ran, for statuses that have no core::StatusCode: 405 (with Allow set to
// `allowed_methods`), 414, 415 and any other 4xx/5xx that cpp-httplib
// produces by itself. Statuses that do have a code (400, 404, 413, 500...)
// go through MapStatus, so their bodies match.
HttpError ProtocolError(int http_status, std::string_view request_id,
                        std::string_view allowed_methods = {});

}  // namespace vigil::web
