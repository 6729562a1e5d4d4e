#pragma once
// Records for the storage contract suite with every field set to a value
// other than its default (several list entries, optional fields present),
// so a round trip that drops or mixes up any field fails. Pure builders.

#include <string>

#include "core/clock.h"
#include "domain/audit_event.h"
#include "domain/case.h"
#include "domain/note.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/screening_record.h"
#include "domain/task.h"

namespace vigil::storage_contract {

// TestNow() plus `hours` hours.
core::Timestamp HoursAfterNow(int hours);

// A person with two names (one an alias), date of birth, two phones and
// emails, a handle, two addresses and a vehicle.
domain::Person FullPerson(const std::string& given = "Jo", const std::string& family = "Bloggs");

// A report with reference `force_reference`, principal `harassment`,
// included `stalking` and `malicious_communications`, two occasions (one
// with a time of day, several behaviours and a location) and no persons.
domain::Report FullReport(const std::string& force_reference);

// An open case in west_midlands with owner and supervisor.
domain::Case FullCase(const std::string& title = "Course of conduct against J. Bloggs");

// An open task on `case_id` owned by a person and a role, due in a day.
domain::Task FullTask(domain::CaseId case_id, const std::string& text = "Preserve CCTV");

// A screening of `report_id` with every column set (an override and a risk
// override with rationale included), screened `hours` hours after TestNow().
domain::ScreeningRecord FullScreening(domain::ReportId report_id, int hours = 0);

// A note on `case_id`.
domain::Note FullNote(domain::CaseId case_id, const std::string& text = "Spoke to the victim.");

// An audit event about record (`record_type`, `record_id`) at `at`.
domain::AuditEvent FullAuditEvent(const std::string& record_type, std::int64_t record_id,
                                  core::Timestamp at);

}  // namespace vigil::storage_contract
