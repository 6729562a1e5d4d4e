#include "domain/report.h"

#include <algorithm>
#include <set>

#include "domain/validation.h"

namespace vigil::domain {

std::string_view PersonRoleName(PersonRole role) {
  switch (role) {
    case PersonRole::kVictim:
      return "victim";
    case PersonRole::kSuspect:
      return "suspect";
    case PersonRole::kWitness:
      return "witness";
    case PersonRole::kThirdParty:
      return "third_party";
  }
  return "victim";
}

std::optional<PersonRole> ParsePersonRole(std::string_view name) {
  for (PersonRole role :
       {PersonRole::kVictim, PersonRole::kSuspect, PersonRole::kWitness, PersonRole::kThirdParty}) {
    if (PersonRoleName(role) == name) return role;
  }
  return std::nullopt;
}

bool Report::HasClassification(std::string_view classification) const {
  return principal_classification == classification ||
         std::find(included_classifications.begin(), included_classifications.end(),
                   classification) != included_classifications.end();
}

namespace {

void ValidateOccasion(core::ErrorCollector& errors, const std::string& field,
                      const Occasion& occasion, const Lookups& lookups, core::Timestamp now) {
  if (occasion.occurred_on == core::Date{}) {
    errors.Add(field + ".occurred_on", "required", "is required");
  } else if (occasion.occurred_on > std::chrono::floor<std::chrono::days>(now)) {
    errors.Add(field + ".occurred_on", "in_future", "must not be in the future");
  }
  if (occasion.occurred_at_minute &&
      (*occasion.occurred_at_minute < 0 || *occasion.occurred_at_minute >= 24 * 60)) {
    errors.Add(field + ".occurred_at", "invalid_time", "must be a time of day from 00:00 to 23:59");
  }
  if (!occasion.channel.empty() && !lookups.HasChannel(occasion.channel)) {
    errors.Add(field + ".channel", "unknown_value", "is not a known channel");
  }
  std::set<std::string> seen;
  for (std::size_t index = 0; index < occasion.behaviours.size(); ++index) {
    const std::string& behaviour = occasion.behaviours[index];
    std::string behaviour_field = Indexed(field + ".behaviours", index);
    if (!lookups.HasBehaviour(behaviour)) {
      errors.Add(behaviour_field, "unknown_value", "is not a known behaviour");
    } else if (!seen.insert(behaviour).second) {
      errors.Add(behaviour_field, "duplicate", "is listed more than once");
    }
  }
  CheckOptionalText(errors, field + ".location.description", occasion.location.description);
  CheckOptionalText(errors, field + ".location.postcode", occasion.location.postcode, 10);
  CheckOptionalText(errors, field + ".summary", occasion.summary, 10000);
}

}  // namespace

core::Status ValidateReport(const Report& report, const Lookups& lookups, core::Timestamp now) {
  core::ErrorCollector errors;
  CheckRequiredText(errors, "force", report.force, 64);
  if (!report.force.empty() && !lookups.HasForce(report.force)) {
    errors.Add("force", "unknown_value", "is not a known force");
  }
  CheckRequiredText(errors, "force_reference", report.force_reference, 64);
  CheckRequiredText(errors, "reporting_officer", report.reporting_officer);
  CheckOptionalText(errors, "narrative", report.narrative, kLongTextLimit);
  if (report.received_at == core::Timestamp{}) {
    errors.Add("received_at", "required", "is required");
  } else if (report.received_at > now) {
    errors.Add("received_at", "in_future", "must not be in the future");
  }
  if (report.principal_classification.empty()) {
    errors.Add("principal_classification", "required", "is required");
  } else if (!lookups.FindClassification(report.principal_classification)) {
    errors.Add("principal_classification", "unknown_value", "is not a known classification");
  }
  std::set<std::string> seen;
  for (std::size_t index = 0; index < report.included_classifications.size(); ++index) {
    const std::string& classification = report.included_classifications[index];
    std::string field = Indexed("included_classifications", index);
    if (!lookups.FindClassification(classification)) {
      errors.Add(field, "unknown_value", "is not a known classification");
    } else if (classification == report.principal_classification) {
      errors.Add(field, "duplicate", "is already the principal classification");
    } else if (!seen.insert(classification).second) {
      errors.Add(field, "duplicate", "is listed more than once");
    }
  }
  for (std::size_t index = 0; index < report.occasions.size(); ++index) {
    ValidateOccasion(errors, Indexed("occasions", index), report.occasions[index], lookups, now);
  }
  std::set<std::pair<std::int64_t, PersonRole>> roles;
  for (std::size_t index = 0; index < report.persons.size(); ++index) {
    const ReportPerson& person = report.persons[index];
    std::string field = Indexed("persons", index);
    if (!person.person_id.assigned()) {
      errors.Add(field + ".person_id", "required", "is required");
    } else if (!roles.insert({person.person_id.value, person.role}).second) {
      errors.Add(field, "duplicate", "lists the same person in the same role twice");
    }
  }
  return errors.ToStatus("report is invalid");
}

}  // namespace vigil::domain
