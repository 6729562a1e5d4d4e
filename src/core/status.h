#pragma once
// Status: the outcome of an operation that can fail in an expected way.
// A Status is a code, a human-readable message and, for validation failures,
// every field-level problem found (validation collects all problems rather
// than stopping at the first). Value type; safe to copy between threads.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::core {

// Domain-neutral failure codes. web/error_mapping.cc is the only place that
// turns them into HTTP statuses.
enum class StatusCode {
  kOk,
  kInvalidArgument,     // Input is well formed but breaks a rule (HTTP 422).
  kMalformed,           // Input could not be parsed at all (HTTP 400).
  kTooLarge,            // Input exceeds a size limit (HTTP 413).
  kNotFound,            // A referenced record does not exist (HTTP 404).
  kAlreadyExists,       // A record with the same unique key exists (HTTP 409).
  kConflict,            // Stale version: someone else changed the record (HTTP 409).
  kPermissionDenied,    // The actor may not do this (HTTP 403).
  kUnauthenticated,     // No valid identity (HTTP 401).
  kFailedPrecondition,  // The record is not in a state that allows this (HTTP 409).
  kUnavailable,         // The store is busy or down; retrying may work (HTTP 503).
  kDataLoss,            // Stored data is corrupt (HTTP 500).
  kInternal,            // A bug (HTTP 500).
};

// Stable lower_snake_case name of a code, used in API error bodies and logs.
std::string_view StatusCodeName(StatusCode code);

// One problem with one input field. `field` is a JSON-path-like location
// ("occasions[2].date") or, for files, "file:line: key"; `code` is a short
// machine-readable reason ("required", "invalid_date", "unknown_field", ...).
struct FieldError {
  std::string field;
  std::string code;
  std::string message;

  friend bool operator==(const FieldError&, const FieldError&) = default;
};

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message, std::vector<FieldError> field_errors = {});

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& field_errors() const { return field_errors_; }

  // "code: message" followed by one "field: message" line per field error.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<FieldError> field_errors_;
};

std::ostream& operator<<(std::ostream& out, const Status& status);

// Shorthands for the common codes.
Status InvalidArgument(std::string message, std::vector<FieldError> field_errors = {});
Status Malformed(std::string message, std::vector<FieldError> field_errors = {});
Status TooLarge(std::string message);
Status NotFound(std::string message);
Status AlreadyExists(std::string message);
Status Conflict(std::string message);
Status PermissionDenied(std::string message);
Status Unauthenticated(std::string message);
Status FailedPrecondition(std::string message);
Status Unavailable(std::string message);
Status DataLoss(std::string message);
Status Internal(std::string message);

// Collects field errors during validation and turns them into one Status.
// Use: `ErrorCollector errors; errors.Add("name", "required", "...");
// return errors.ToStatus("report is invalid");`
class ErrorCollector {
 public:
  void Add(std::string field, std::string code, std::string message);
  // Appends every field error of `status`, prefixing each field with `prefix`
  // ("persons[1]" + "." + "name"). An OK status adds nothing.
  void Merge(std::string_view prefix, const Status& status);
  bool empty() const { return errors_.empty(); }
  const std::vector<FieldError>& errors() const { return errors_; }
  // OK when nothing was added; otherwise `code` with `message` and every error.
  Status ToStatus(std::string message, StatusCode code = StatusCode::kInvalidArgument) const;

 private:
  std::vector<FieldError> errors_;
};

}  // namespace vigil::core

// Returns early from the enclosing function when `expr` is not OK.
#define VIGIL_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::vigil::core::Status vigil_status_ = (expr);  \
    if (!vigil_status_.ok()) return vigil_status_; \
  } while (false)
