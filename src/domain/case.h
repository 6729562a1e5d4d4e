#pragma once
// Case: one course of conduct under investigation, grouping the reports
// that belong to it, with an owner (the investigator), a supervisor and a
// status that moves only along the transitions in the table below.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "domain/ids.h"
#include "domain/lookups.h"

namespace vigil::domain {

enum class CaseStatus { kOpen, kUnderInvestigation, kAwaitingReview, kClosed };

// "open", "under_investigation", "awaiting_review", "closed".
std::string_view CaseStatusName(CaseStatus status);
std::optional<CaseStatus> ParseCaseStatus(std::string_view name);

// The legal moves of a case. Changing this table is a reviewed change:
//   open -> under_investigation | closed
//   under_investigation -> awaiting_review | closed
//   awaiting_review -> under_investigation (sent back) | closed
//   closed -> under_investigation (reopened, for example on new evidence)
struct CaseTransition {
  CaseStatus from;
  CaseStatus to;
};
inline constexpr std::array<CaseTransition, 7> kCaseTransitions = {{
    {CaseStatus::kOpen, CaseStatus::kUnderInvestigation},
    {CaseStatus::kOpen, CaseStatus::kClosed},
    {CaseStatus::kUnderInvestigation, CaseStatus::kAwaitingReview},
    {CaseStatus::kUnderInvestigation, CaseStatus::kClosed},
    {CaseStatus::kAwaitingReview, CaseStatus::kUnderInvestigation},
    {CaseStatus::kAwaitingReview, CaseStatus::kClosed},
    {CaseStatus::kClosed, CaseStatus::kUnderInvestigation},
}};

// True when the table allows moving from `from` to `to`.
constexpr bool CanMove(CaseStatus from, CaseStatus to) {
  for (const CaseTransition& transition : kCaseTransitions) {
    if (transition.from == from && transition.to == to) return true;
  }
  return false;
}

struct Case {
  CaseId id;
  std::int64_t version = 0;  // Optimistic-concurrency version; 0 before first save.
  std::string force;         // Owning force id.
  std::string title;         // Short description, e.g. "Course of conduct against J. Smith".
  std::string owner;         // User id of the investigator; may be empty until assigned.
  std::string supervisor;    // User id of the supervising officer; may be empty.
  CaseStatus status = CaseStatus::kOpen;
  std::string closure_reason;  // Required when closed.
  core::Timestamp created_at{};
  core::Timestamp updated_at{};
};

// Checks a case's invariants, collecting each broken one: known force, a
// title, user ids of sensible length, and a closure reason when closed.
core::Status ValidateCase(const Case& value, const Lookups& lookups);

// Moves `value` to `to`. kFailedPrecondition (naming both statuses) when the
// table does not allow it; kInvalidArgument when closing without a reason.
// On failure `value` is unchanged.
core::Status MoveCase(Case& value, CaseStatus to, std::string_view closure_reason);

}  // namespace vigil::domain
