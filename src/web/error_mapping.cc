#include "web/error_mapping.h"

#include "core/logging.h"

namespace vigil::web {
namespace {

nlohmann::json ErrorEntry(std::string_view code, std::string_view message, std::string_view field) {
  nlohmann::json entry = {{"code", code}, {"message", message}};
  if (!field.empty()) entry["field"] = field;
  return entry;
}

nlohmann::json ErrorBody(nlohmann::json entries) { return {{"errors", std::move(entries)}}; }

HttpError SingleError(int http_status, std::string_view code, std::string_view message) {
  HttpError error;
  error.status = http_status;
  error.body = ErrorBody(nlohmann::json::array({ErrorEntry(code, message, "")}));
  return error;
}

}  // namespace

int HttpStatusFor(core::StatusCode code) {
  switch (code) {
    case core::StatusCode::kOk:
      return 200;
    case core::StatusCode::kInvalidArgument:
      return 422;
    case core::StatusCode::kMalformed:
      return 400;
    case core::StatusCode::kTooLarge:
      return 413;
    case core::StatusCode::kNotFound:
      return 404;
    case core::StatusCode::kAlreadyExists:
      return 409;
    case core::StatusCode::kConflict:
      return 409;
    case core::StatusCode::kPermissionDenied:
      return 403;
    case core::StatusCode::kUnauthenticated:
      return 401;
    case core::StatusCode::kFailedPrecondition:
      return 409;
    case core::StatusCode::kUnavailable:
      return 503;
    case core::StatusCode::kDataLoss:
      return 500;
    case core::StatusCode::kInternal:
      return 500;
  }
  return 500;
}

HttpError MapStatus(const core::Status& status, std::string_view request_id) {
  const int http_status = HttpStatusFor(status.code());
  const std::string_view code_name = core::StatusCodeName(status.code());
  if (status.ok() || http_status == 500) {
    // Internal detail stays in the log (on one line); the client gets the
    // id to quote.
    std::string detail = status.ToString();
    for (char& c : detail) {
      if (c == '\n' || c == '\r') c = ';';
    }
    core::Log(core::LogLevel::kError, "internal_error",
              {{"request_id", std::string(request_id)},
               {"code", std::string(code_name)},
               {"detail", std::move(detail)}});
    return SingleError(500, status.ok() ? "internal" : code_name,
                       "Something went wrong on the server. Quote request id " +
                           std::string(request_id) + " when reporting it.");
  }
  HttpError error;
  error.status = http_status;
  nlohmann::json entries = nlohmann::json::array();
  const std::vector<core::FieldError>& field_errors = status.field_errors();
  if (field_errors.empty()) {
    entries.push_back(ErrorEntry(code_name, status.message(), ""));
  }
  for (std::size_t index = 0; index < field_errors.size(); ++index) {
    if (index == kMaxErrorEntries) {
      entries.push_back(ErrorEntry(
          "too_many_errors",
          std::to_string(field_errors.size() - kMaxErrorEntries) + " further errors not shown",
          ""));
      break;
    }
    const core::FieldError& field_error = field_errors[index];
    entries.push_back(ErrorEntry(field_error.code.empty() ? code_name : field_error.code,
                                 field_error.message, field_error.field));
  }
  error.body = ErrorBody(std::move(entries));
  if (http_status == 503) error.headers.emplace_back("Retry-After", "1");
  return error;
}

HttpError ProtocolError(int http_status, std::string_view request_id,
                        std::string_view allowed_methods) {
  switch (http_status) {
    case 400:
      return MapStatus(core::Malformed("The request could not be understood."), request_id);
    case 404:
      return MapStatus(core::NotFound("There is nothing at this address."), request_id);
    case 405: {
      HttpError error = SingleError(405, "method_not_allowed",
                                    "This address does not accept that method. Allowed: " +
                                        std::string(allowed_methods) + ".");
      error.headers.emplace_back("Allow", std::string(allowed_methods));
      return error;
    }
    case 413:
      return MapStatus(core::TooLarge("The request body is larger than the server accepts."),
                       request_id);
    case 414:
      return SingleError(414, "uri_too_long", "The request address is too long.");
    case 415:
      return SingleError(415, "unsupported_media_type",
                         "The request body must be JSON (Content-Type: application/json).");
    case 416:
      return SingleError(416, "range_not_satisfiable", "The requested range cannot be served.");
    case 503:
      return MapStatus(core::Unavailable("The server is busy; try again shortly."), request_id);
    default:
      break;
  }
  if (http_status >= 500) {
    return MapStatus(core::Internal("HTTP layer reported status " + std::to_string(http_status)),
                     request_id);
  }
  return SingleError(http_status, "http_error", "The request failed.");
}

}  // namespace vigil::web
