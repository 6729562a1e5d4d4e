#pragma once
// ScreeningRecord: one stored screening of a report — the facts the officer
// gave, the result the engine returned (output contract version 1, as
// JSON), the rules version that produced it, who screened and when.
// Append-only: a later screening (new facts, an override) is a new record,
// so the classification and the risk level are a history, never a field
// overwritten. The summary columns (stalking indicated, primary, risk
// level) are copies of what the result says, for listing and counting.

#include <string>

#include "core/clock.h"
#include "domain/ids.h"

namespace vigil::domain {

struct ScreeningRecord {
  ScreeningId id;             // Assigned on insert.
  ReportId report_id;         // The report screened.
  std::string force;          // The report's force (owner of the record).
  std::string rules_version;  // "questionnaire@1;offences@1;risk@1;actions@1".
  std::string facts_json;     // The facts document as screened (compact JSON).
  std::string result_json;    // The result (compact JSON, contract version 1).
  bool stalking_indicated = false;
  std::string primary_offence;          // Offence id; empty when none was met.
  std::string risk_level;               // "standard", "medium", "high"; empty without risk answers.
  std::string item_bank_version;        // Risk item bank version; empty without risk answers.
  std::string override_offence;         // The officer's chosen primary; empty without an override.
  std::string override_reason;          // Why (mandatory for a downgrade from stalking).
  std::string risk_override_rationale;  // Empty without a risk override.
  std::string screened_by;              // User id.
  core::Timestamp screened_at{};
};

}  // namespace vigil::domain
