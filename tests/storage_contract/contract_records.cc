#include "storage_contract/contract_records.h"

#include "core/time.h"
#include "testing/test_lookups.h"

namespace vigil::storage_contract {

core::Timestamp HoursAfterNow(int hours) { return testing::TestNow() + std::chrono::hours(hours); }

domain::Person FullPerson(const std::string& given, const std::string& family) {
  domain::Person person = testing::MakePerson(given, family);
  person.names.push_back({"Joanne", "Smith", true});
  person.date_of_birth = core::ParseDate("1988-11-23");
  person.phones = {"07700 900123", "+44 121 496 0000"};
  person.emails = {"jo.bloggs@example.org", "jb88@example.net"};
  person.handles = {{"instagram", "@jo_b"}};
  person.addresses = {{"1 High Street", "Flat 2", "Birmingham", "B1 1AA"},
                      {"14 Mill Lane", "", "Coventry", "CV1 2AB"}};
  person.vehicles = {{"AB12CDE", "Blue Ford Fiesta"}};
  person.created_at = HoursAfterNow(-48);
  person.updated_at = HoursAfterNow(-24);
  return person;
}

domain::Report FullReport(const std::string& force_reference) {
  domain::Report report = testing::MakeReport(force_reference, "harassment");
  report.included_classifications = {"stalking", "malicious_communications"};
  report.narrative = "Victim reports being followed and repeated unwanted messages.";
  domain::Occasion followed;
  followed.occurred_on = *core::ParseDate("2026-05-31");
  followed.occurred_at_minute = 17 * 60 + 45;
  followed.location = {"outside the victim's workplace", "B2 4QA"};
  followed.channel = "in_person";
  followed.behaviours = {"following", "loitering", "watching_or_spying"};
  followed.summary = "Waited outside work and followed her to the station.";
  report.occasions.push_back(followed);
  report.created_at = HoursAfterNow(-300);
  report.updated_at = HoursAfterNow(-299);
  return report;
}

domain::Case FullCase(const std::string& title) {
  domain::Case value;
  value.force = "west_midlands";
  value.title = title;
  value.owner = "dc.khan";
  value.supervisor = "ds.okafor";
  value.status = domain::CaseStatus::kUnderInvestigation;
  value.created_at = HoursAfterNow(-72);
  value.updated_at = HoursAfterNow(-2);
  return value;
}

domain::Task FullTask(domain::CaseId case_id, const std::string& text) {
  domain::Task task;
  task.case_id = case_id;
  task.text = text;
  task.owner_role = "investigator";
  task.owner = "dc.khan";
  task.due_at = HoursAfterNow(24);
  task.created_at = HoursAfterNow(-3);
  task.updated_at = HoursAfterNow(-1);
  return task;
}

domain::ScreeningRecord FullScreening(domain::ReportId report_id, int hours) {
  domain::ScreeningRecord record;
  record.report_id = report_id;
  record.force = "west_midlands";
  record.rules_version = "questionnaire@1;offences@1;risk@1;actions@1";
  record.facts_json = R"({"facts_version":1,"report_date":"2026-06-15","unwanted":true})";
  record.result_json = R"({"result_version":1,"stalking_indicated":true})";
  record.stalking_indicated = true;
  record.primary_offence = "harassment";
  record.risk_level = "high";
  record.item_bank_version = "vigil_stalking_risk@1";
  record.override_offence = "harassment";
  record.override_reason = "The victim confirms the contact was agreed through solicitors.";
  record.risk_override_rationale = "Threats to a new partner reported by a neighbour today.";
  record.screened_by = "dc.khan";
  record.screened_at = HoursAfterNow(hours);
  return record;
}

domain::Note FullNote(domain::CaseId case_id, const std::string& text) {
  domain::Note note;
  note.case_id = case_id;
  note.author = "dc.khan";
  note.text = text;
  note.created_at = HoursAfterNow(-5);
  return note;
}

domain::AuditEvent FullAuditEvent(const std::string& record_type, std::int64_t record_id,
                                  core::Timestamp at) {
  domain::AuditEvent event;
  event.at = at;
  event.user_id = "dc.khan";
  event.roles = "investigator,viewer";
  event.force = "west_midlands";
  event.agency = "victim_support";
  event.action = record_type + ".view";
  event.record_type = record_type;
  event.record_id = record_id;
  event.purpose = "investigation";
  event.outcome = "allowed";
  event.request_id = "req-" + std::to_string(record_id) + "-" + core::FormatTimestamp(at);
  event.reason = record_type + ".view allowed for dc.khan";
  return event;
}

}  // namespace vigil::storage_contract
