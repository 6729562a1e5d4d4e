#include "core/status.h"

#include <utility>

namespace vigil::core {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kMalformed:
      return "malformed";
    case StatusCode::kTooLarge:
      return "too_large";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kAlreadyExists:
      return "already_exists";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kPermissionDenied:
      return "permission_denied";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kFailedPrecondition:
      return "failed_precondition";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kDataLoss:
      return "data_loss";
    case StatusCode::kInternal:
      return "internal";
  }
  return "unknown";
}

Status::Status(StatusCode code, std::string message, std::vector<FieldError> field_errors)
    : code_(code), message_(std::move(message)), field_errors_(std::move(field_errors)) {}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string text(StatusCodeName(code_));
  text += ": ";
  text += message_;
  for (const FieldError& error : field_errors_) {
    text += "\n  ";
    text += error.field.empty() ? std::string("(input)") : error.field;
    text += ": ";
    text += error.message;
  }
  return text;
}

std::ostream& operator<<(std::ostream& out, const Status& status) {
  return out << status.ToString();
}

Status InvalidArgument(std::string message, std::vector<FieldError> field_errors) {
  return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field_errors));
}
Status Malformed(std::string message, std::vector<FieldError> field_errors) {
  return Status(StatusCode::kMalformed, std::move(message), std::move(field_errors));
}
Status TooLarge(std::string message) { return Status(StatusCode::kTooLarge, std::move(message)); }
Status NotFound(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
Status AlreadyExists(std::string message) {
  return Status(StatusCode::kAlreadyExists, std::move(message));
}
Status Conflict(std::string message) { return Status(StatusCode::kConflict, std::move(message)); }
Status PermissionDenied(std::string message) {
  return Status(StatusCode::kPermissionDenied, std::move(message));
}
Status Unauthenticated(std::string message) {
  return Status(StatusCode::kUnauthenticated, std::move(message));
}
Status FailedPrecondition(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}
Status Unavailable(std::string message) {
  return Status(StatusCode::kUnavailable, std::move(message));
}
Status DataLoss(std::string message) { return Status(StatusCode::kDataLoss, std::move(message)); }
Status Internal(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }

void ErrorCollector::Add(std::string field, std::string code, std::string message) {
  errors_.push_back({std::move(field), std::move(code), std::move(message)});
}

void ErrorCollector::Merge(std::string_view prefix, const Status& status) {
  if (status.ok()) return;
  if (status.field_errors().empty()) {
    Add(std::string(prefix), std::string(StatusCodeName(status.code())), status.message());
    return;
  }
  for (const FieldError& error : status.field_errors()) {
    std::string field(prefix);
    if (!field.empty() && !error.field.empty() && error.field.front() != '[') field += '.';
    field += error.field;
    Add(std::move(field), error.code, error.message);
  }
}

Status ErrorCollector::ToStatus(std::string message, StatusCode code) const {
  if (errors_.empty()) return Status::Ok();
  return Status(code, std::move(message), errors_);
}

}  // namespace vigil::core
