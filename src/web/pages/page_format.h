#pragma once
// How pages show values: dates as "27 September 2024" and times as
// "27 September 2024 at 3:05pm" in UK time (GMT, or BST from the last
// Sunday of March to the last Sunday of October), plus the plain-English
// labels of enumerations. Pure functions; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "domain/case.h"
#include "domain/report.h"

namespace vigil::web::pages {

// "27 September 2024".
std::string FormatDate(core::Date date);
// "27 September 2024 at 3:05pm", in UK time.
std::string FormatTime(core::Timestamp time);
// "27 September 2024", the UK calendar day of `time`.
std::string FormatDay(core::Timestamp time);
// The UK wall-clock time of `time` as a UTC-based timestamp (adds an hour in BST).
core::Timestamp UkLocal(core::Timestamp time);
// The UTC instant at which the UK calendar day `date` starts.
core::Timestamp StartOfUkDay(core::Date date);
// The day `year`-`month`-`day`, or empty when it does not exist.
std::optional<core::Date> MakeDate(int year, int month, int day);
// "2024-09-27" (ISO 8601).
std::string IsoDate(core::Date date);

// "Open", "Under investigation", "Awaiting review", "Closed".
std::string CaseStatusLabel(domain::CaseStatus status);
// The GOV.UK tag colour class for a case status ("govuk-tag--blue", ...).
std::string CaseStatusTagClass(domain::CaseStatus status);
// "Victim", "Suspect", "Witness", "Third party".
std::string PersonRoleLabel(domain::PersonRole role);
// "Case 12", "Report 7": how a record is named on screen.
std::string CaseName(std::int64_t id);

}  // namespace vigil::web::pages
