#include "domain/case.h"

#include "domain/text.h"
#include "domain/validation.h"

namespace vigil::domain {

std::string_view CaseStatusName(CaseStatus status) {
  switch (status) {
    case CaseStatus::kOpen:
      return "open";
    case CaseStatus::kUnderInvestigation:
      return "under_investigation";
    case CaseStatus::kAwaitingReview:
      return "awaiting_review";
    case CaseStatus::kClosed:
      return "closed";
  }
  return "open";
}

std::optional<CaseStatus> ParseCaseStatus(std::string_view name) {
  for (CaseStatus status : {CaseStatus::kOpen, CaseStatus::kUnderInvestigation,
                            CaseStatus::kAwaitingReview, CaseStatus::kClosed}) {
    if (CaseStatusName(status) == name) return status;
  }
  return std::nullopt;
}

core::Status ValidateCase(const Case& value, const Lookups& lookups) {
  core::ErrorCollector errors;
  CheckRequiredText(errors, "force", value.force, 64);
  if (!value.force.empty() && !lookups.HasForce(value.force)) {
    errors.Add("force", "unknown_value", "is not a known force");
  }
  CheckRequiredText(errors, "title", value.title);
  CheckOptionalText(errors, "owner", value.owner, 100);
  CheckOptionalText(errors, "supervisor", value.supervisor, 100);
  CheckOptionalText(errors, "closure_reason", value.closure_reason, 2000);
  if (value.status == CaseStatus::kClosed && Trim(value.closure_reason).empty()) {
    errors.Add("closure_reason", "required", "is required to close a case");
  }
  return errors.ToStatus("case is invalid");
}

core::Status MoveCase(Case& value, CaseStatus to, std::string_view closure_reason) {
  if (!CanMove(value.status, to)) {
    return core::FailedPrecondition("a case cannot move from " +
                                    std::string(CaseStatusName(value.status)) + " to " +
                                    std::string(CaseStatusName(to)));
  }
  if (to == CaseStatus::kClosed && Trim(closure_reason).empty()) {
    return core::InvalidArgument("a reason is needed to close a case",
                                 {{"closure_reason", "required", "is required to close a case"}});
  }
  value.status = to;
  value.closure_reason = to == CaseStatus::kClosed ? std::string(closure_reason) : "";
  return core::Status::Ok();
}

}  // namespace vigil::domain
