// The JSON form of a report and its occasions.

#include "core/time.h"
#include "web/api/json_codec.h"
#include "web/api/json_codec_internal.h"
#include "web/api/json_reader.h"

namespace vigil::web::api {
namespace internal {

void DecodeOccasionFields(JsonReader& reader, domain::Occasion& occasion,
                          bool allow_server_fields) {
  if (allow_server_fields) {
    reader.Read("id", occasion.id);
  } else {
    reader.ServerOwned({"id"});
  }
  reader.Read("occurred_on", occasion.occurred_on, Presence::kRequired);
  std::string time_of_day;
  if (reader.Read("occurred_at", time_of_day)) {
    occasion.occurred_at_minute = ParseTimeOfDay(time_of_day);
    if (!occasion.occurred_at_minute) {
      reader.errors().Add(JoinPath(reader.path(), "occurred_at"), "invalid_time",
                          "must be a time of day in the form HH:MM (00:00 to 23:59)");
    }
  }
  if (const nlohmann::json* location = reader.Object("location")) {
    JsonReader location_reader(*location, JoinPath(reader.path(), "location"), reader.errors());
    location_reader.Read("description", occasion.location.description);
    location_reader.Read("postcode", occasion.location.postcode);
    location_reader.Finish();
  }
  reader.Read("channel", occasion.channel);
  reader.Read("behaviours", occasion.behaviours);
  reader.Read("summary", occasion.summary);
}

}  // namespace internal

namespace {

void DecodeReportPerson(JsonReader& reader, domain::ReportPerson& person) {
  reader.Read("person_id", person.person_id, Presence::kRequired);
  std::string role;
  if (reader.Read("role", role, Presence::kRequired)) {
    std::optional<domain::PersonRole> parsed = domain::ParsePersonRole(role);
    if (parsed) {
      person.role = *parsed;
    } else {
      reader.errors().Add(JoinPath(reader.path(), "role"), "invalid_value",
                          "must be one of victim, suspect, witness, third_party");
    }
  }
}

}  // namespace

nlohmann::json EncodeOccasion(const domain::Occasion& occasion) {
  return {
      {"id", occasion.id.value},
      {"occurred_on", core::FormatDate(occasion.occurred_on)},
      {"occurred_at", occasion.occurred_at_minute
                          ? nlohmann::json(FormatTimeOfDay(*occasion.occurred_at_minute))
                          : nlohmann::json(nullptr)},
      {"location",
       {{"description", occasion.location.description}, {"postcode", occasion.location.postcode}}},
      {"channel", occasion.channel},
      {"behaviours", occasion.behaviours},
      {"summary", occasion.summary},
  };
}

nlohmann::json EncodeReport(const domain::Report& report) {
  nlohmann::json occasions = nlohmann::json::array();
  for (const domain::Occasion& occasion : report.occasions) {
    occasions.push_back(EncodeOccasion(occasion));
  }
  nlohmann::json persons = nlohmann::json::array();
  for (const domain::ReportPerson& person : report.persons) {
    persons.push_back(
        {{"person_id", person.person_id.value}, {"role", domain::PersonRoleName(person.role)}});
  }
  return {
      {"id", report.id.value},
      {"version", report.version},
      {"force", report.force},
      {"force_reference", report.force_reference},
      {"received_at", core::FormatTimestamp(report.received_at)},
      {"reporting_officer", report.reporting_officer},
      {"narrative", report.narrative},
      {"principal_classification", report.principal_classification},
      {"included_classifications", report.included_classifications},
      {"occasions", std::move(occasions)},
      {"persons", std::move(persons)},
      {"case_id", internal::EncodeOptionalId(report.case_id)},
      {"created_at", core::FormatTimestamp(report.created_at)},
      {"updated_at", core::FormatTimestamp(report.updated_at)},
  };
}

core::Result<domain::Occasion> DecodeOccasion(const nlohmann::json& json,
                                              bool allow_server_fields) {
  core::ErrorCollector errors;
  domain::Occasion occasion;
  JsonReader reader(json, "", errors);
  internal::DecodeOccasionFields(reader, occasion, allow_server_fields);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The occasion is not valid."));
  return occasion;
}

core::Result<domain::Report> DecodeReport(const nlohmann::json& json, bool allow_server_fields) {
  core::ErrorCollector errors;
  domain::Report report;
  JsonReader reader(json, "", errors);
  internal::ReadServerFields(reader, allow_server_fields, report.id, report.version,
                             report.created_at, report.updated_at);
  if (allow_server_fields) {
    reader.Read("case_id", report.case_id);
  } else {
    reader.ServerOwned({"case_id"});
  }
  reader.Read("force", report.force);
  reader.Read("force_reference", report.force_reference, Presence::kRequired);
  reader.Read("received_at", report.received_at, Presence::kRequired);
  reader.Read("reporting_officer", report.reporting_officer, Presence::kRequired);
  reader.Read("narrative", report.narrative);
  reader.Read("principal_classification", report.principal_classification, Presence::kRequired);
  reader.Read("included_classifications", report.included_classifications);
  internal::ReadObjectArray(reader, "occasions", report.occasions,
                            [allow_server_fields](JsonReader& element, domain::Occasion& value) {
                              internal::DecodeOccasionFields(element, value, allow_server_fields);
                            });
  internal::ReadObjectArray(reader, "persons", report.persons, DecodeReportPerson);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The report is not valid."));
  return report;
}

}  // namespace vigil::web::api
