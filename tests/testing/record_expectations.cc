#include "testing/record_expectations.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace vigil::testing {
namespace {

std::string DescribeDate(const std::optional<core::Date>& date) {
  return date ? core::FormatDate(*date) : "(none)";
}

}  // namespace

std::string DescribeTime(const std::optional<core::Timestamp>& timestamp) {
  return timestamp ? core::FormatTimestamp(*timestamp) : "(none)";
}

void ExpectSamePerson(const domain::Person& expected, const domain::Person& actual,
                      const std::string& what) {
  EXPECT_EQ(expected.id, actual.id) << what << ": id";
  EXPECT_EQ(expected.version, actual.version) << what << ": version";
  EXPECT_EQ(expected.force, actual.force) << what << ": force";
  EXPECT_EQ(expected.names, actual.names) << what << ": names";
  EXPECT_EQ(DescribeDate(expected.date_of_birth), DescribeDate(actual.date_of_birth))
      << what << ": date_of_birth";
  EXPECT_EQ(expected.phones, actual.phones) << what << ": phones";
  EXPECT_EQ(expected.emails, actual.emails) << what << ": emails";
  EXPECT_EQ(expected.handles, actual.handles) << what << ": handles";
  EXPECT_EQ(expected.addresses, actual.addresses) << what << ": addresses";
  EXPECT_EQ(expected.vehicles, actual.vehicles) << what << ": vehicles";
  EXPECT_EQ(DescribeTime(expected.created_at), DescribeTime(actual.created_at))
      << what << ": created_at";
  EXPECT_EQ(DescribeTime(expected.updated_at), DescribeTime(actual.updated_at))
      << what << ": updated_at";
}

void ExpectSameReport(const domain::Report& expected, const domain::Report& actual,
                      const std::string& what) {
  EXPECT_EQ(expected.id, actual.id) << what << ": id";
  EXPECT_EQ(expected.version, actual.version) << what << ": version";
  EXPECT_EQ(expected.force, actual.force) << what << ": force";
  EXPECT_EQ(expected.force_reference, actual.force_reference) << what << ": force_reference";
  EXPECT_EQ(DescribeTime(expected.received_at), DescribeTime(actual.received_at))
      << what << ": received_at";
  EXPECT_EQ(expected.reporting_officer, actual.reporting_officer) << what << ": reporting_officer";
  EXPECT_EQ(expected.narrative, actual.narrative) << what << ": narrative";
  EXPECT_EQ(expected.principal_classification, actual.principal_classification)
      << what << ": principal_classification";
  EXPECT_EQ(expected.included_classifications, actual.included_classifications)
      << what << ": included_classifications";
  EXPECT_EQ(expected.occasions, actual.occasions) << what << ": occasions";
  EXPECT_EQ(expected.persons, actual.persons) << what << ": persons";
  EXPECT_EQ(expected.case_id, actual.case_id) << what << ": case_id";
  EXPECT_EQ(DescribeTime(expected.created_at), DescribeTime(actual.created_at))
      << what << ": created_at";
  EXPECT_EQ(DescribeTime(expected.updated_at), DescribeTime(actual.updated_at))
      << what << ": updated_at";
}

void ExpectSameCase(const domain::Case& expected, const domain::Case& actual,
                    const std::string& what) {
  EXPECT_EQ(expected.id, actual.id) << what << ": id";
  EXPECT_EQ(expected.version, actual.version) << what << ": version";
  EXPECT_EQ(expected.force, actual.force) << what << ": force";
  EXPECT_EQ(expected.title, actual.title) << what << ": title";
  EXPECT_EQ(expected.owner, actual.owner) << what << ": owner";
  EXPECT_EQ(expected.supervisor, actual.supervisor) << what << ": supervisor";
  EXPECT_EQ(domain::CaseStatusName(expected.status), domain::CaseStatusName(actual.status))
      << what << ": status";
  EXPECT_EQ(expected.closure_reason, actual.closure_reason) << what << ": closure_reason";
  EXPECT_EQ(DescribeTime(expected.created_at), DescribeTime(actual.created_at))
      << what << ": created_at";
  EXPECT_EQ(DescribeTime(expected.updated_at), DescribeTime(actual.updated_at))
      << what << ": updated_at";
}

void ExpectSameTask(const domain::Task& expected, const domain::Task& actual,
                    const std::string& what) {
  EXPECT_EQ(expected.id, actual.id) << what << ": id";
  EXPECT_EQ(expected.version, actual.version) << what << ": version";
  EXPECT_EQ(expected.case_id, actual.case_id) << what << ": case_id";
  EXPECT_EQ(expected.text, actual.text) << what << ": text";
  EXPECT_EQ(expected.owner_role, actual.owner_role) << what << ": owner_role";
  EXPECT_EQ(expected.owner, actual.owner) << what << ": owner";
  EXPECT_EQ(DescribeTime(expected.due_at), DescribeTime(actual.due_at)) << what << ": due_at";
  EXPECT_EQ(expected.done, actual.done) << what << ": done";
  EXPECT_EQ(DescribeTime(expected.done_at), DescribeTime(actual.done_at)) << what << ": done_at";
  EXPECT_EQ(expected.done_by, actual.done_by) << what << ": done_by";
  EXPECT_EQ(expected.action_id, actual.action_id) << what << ": action_id";
  EXPECT_EQ(expected.screening_id, actual.screening_id) << what << ": screening_id";
  EXPECT_EQ(DescribeTime(expected.created_at), DescribeTime(actual.created_at))
      << what << ": created_at";
  EXPECT_EQ(DescribeTime(expected.updated_at), DescribeTime(actual.updated_at))
      << what << ": updated_at";
}

void ExpectSameNote(const domain::Note& expected, const domain::Note& actual,
                    const std::string& what) {
  EXPECT_EQ(expected.id, actual.id) << what << ": id";
  EXPECT_EQ(expected.case_id, actual.case_id) << what << ": case_id";
  EXPECT_EQ(expected.author, actual.author) << what << ": author";
  EXPECT_EQ(expected.text, actual.text) << what << ": text";
  EXPECT_EQ(DescribeTime(expected.created_at), DescribeTime(actual.created_at))
      << what << ": created_at";
}

void ExpectSameAuditEvent(const domain::AuditEvent& expected, const domain::AuditEvent& actual,
                          const std::string& what) {
  EXPECT_EQ(expected.id, actual.id) << what << ": id";
  EXPECT_EQ(DescribeTime(expected.at), DescribeTime(actual.at)) << what << ": at";
  EXPECT_EQ(expected.user_id, actual.user_id) << what << ": user_id";
  EXPECT_EQ(expected.roles, actual.roles) << what << ": roles";
  EXPECT_EQ(expected.force, actual.force) << what << ": force";
  EXPECT_EQ(expected.agency, actual.agency) << what << ": agency";
  EXPECT_EQ(expected.action, actual.action) << what << ": action";
  EXPECT_EQ(expected.record_type, actual.record_type) << what << ": record_type";
  EXPECT_EQ(expected.record_id, actual.record_id) << what << ": record_id";
  EXPECT_EQ(expected.purpose, actual.purpose) << what << ": purpose";
  EXPECT_EQ(expected.outcome, actual.outcome) << what << ": outcome";
  EXPECT_EQ(expected.request_id, actual.request_id) << what << ": request_id";
  EXPECT_EQ(expected.reason, actual.reason) << what << ": reason";
  EXPECT_EQ(expected.prev_hash, actual.prev_hash) << what << ": prev_hash";
  EXPECT_EQ(expected.hash, actual.hash) << what << ": hash";
}

void ExpectSameScreening(const domain::ScreeningRecord& expected,
                         const domain::ScreeningRecord& actual, const std::string& what) {
  EXPECT_EQ(expected.id, actual.id) << what << ": id";
  EXPECT_EQ(expected.report_id, actual.report_id) << what << ": report_id";
  EXPECT_EQ(expected.force, actual.force) << what << ": force";
  EXPECT_EQ(expected.rules_version, actual.rules_version) << what << ": rules_version";
  EXPECT_EQ(expected.facts_json, actual.facts_json) << what << ": facts_json";
  EXPECT_EQ(expected.result_json, actual.result_json) << what << ": result_json";
  EXPECT_EQ(expected.stalking_indicated, actual.stalking_indicated)
      << what << ": stalking_indicated";
  EXPECT_EQ(expected.primary_offence, actual.primary_offence) << what << ": primary_offence";
  EXPECT_EQ(expected.risk_level, actual.risk_level) << what << ": risk_level";
  EXPECT_EQ(expected.item_bank_version, actual.item_bank_version) << what << ": item_bank_version";
  EXPECT_EQ(expected.override_offence, actual.override_offence) << what << ": override_offence";
  EXPECT_EQ(expected.override_reason, actual.override_reason) << what << ": override_reason";
  EXPECT_EQ(expected.risk_override_rationale, actual.risk_override_rationale)
      << what << ": risk_override_rationale";
  EXPECT_EQ(expected.screened_by, actual.screened_by) << what << ": screened_by";
  EXPECT_EQ(DescribeTime(expected.screened_at), DescribeTime(actual.screened_at))
      << what << ": screened_at";
}

}  // namespace vigil::testing

namespace vigil::domain {

void PrintTo(const PersonName& name, std::ostream* out) {
  *out << "{given_name: \"" << name.given_name << "\", family_name: \"" << name.family_name
       << "\", alias: " << (name.alias ? "true" : "false") << "}";
}

void PrintTo(const Address& address, std::ostream* out) {
  *out << "{line1: \"" << address.line1 << "\", line2: \"" << address.line2 << "\", town: \""
       << address.town << "\", postcode: \"" << address.postcode << "\"}";
}

void PrintTo(const OnlineHandle& handle, std::ostream* out) {
  *out << "{platform: \"" << handle.platform << "\", handle: \"" << handle.handle << "\"}";
}

void PrintTo(const Vehicle& vehicle, std::ostream* out) {
  *out << "{registration: \"" << vehicle.registration << "\", description: \""
       << vehicle.description << "\"}";
}

void PrintTo(const ReportPerson& person, std::ostream* out) {
  *out << "{person_id: " << person.person_id.value << ", role: " << PersonRoleName(person.role)
       << "}";
}

void PrintTo(const Occasion& occasion, std::ostream* out) {
  *out << "{id: " << occasion.id.value
       << ", occurred_on: " << core::FormatDate(occasion.occurred_on) << ", occurred_at_minute: "
       << (occasion.occurred_at_minute ? std::to_string(*occasion.occurred_at_minute) : "(none)")
       << ", location: {\"" << occasion.location.description << "\", \""
       << occasion.location.postcode << "\"}, channel: \"" << occasion.channel
       << "\", behaviours: [";
  for (std::size_t index = 0; index < occasion.behaviours.size(); ++index) {
    *out << (index > 0 ? ", " : "") << occasion.behaviours[index];
  }
  *out << "], summary: \"" << occasion.summary << "\"}";
}

}  // namespace vigil::domain
