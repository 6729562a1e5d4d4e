#pragma once
// Report: one report of crime or incident as a force recorded it (the E of
// POLE), with its occasions (each time something happened), the persons
// involved and their roles, and its classifications: one principal plus any
// number of included classifications, all searchable (HMICFRS stalking
// super-complaint recommendation 7). A report may belong to one case.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "domain/ids.h"
#include "domain/lookups.h"

namespace vigil::domain {

enum class PersonRole { kVictim, kSuspect, kWitness, kThirdParty };

// "victim", "suspect", "witness", "third_party".
std::string_view PersonRoleName(PersonRole role);
std::optional<PersonRole> ParsePersonRole(std::string_view name);

// One person's part in one report.
struct ReportPerson {
  PersonId person_id;
  PersonRole role = PersonRole::kVictim;
  friend bool operator==(const ReportPerson&, const ReportPerson&) = default;
};

// Where an occasion happened.
struct Location {
  std::string description;  // e.g. "outside the victim's workplace".
  std::string postcode;     // UK postcode when known.
  friend bool operator==(const Location&, const Location&) = default;
};

// One occasion of conduct within a report (a course of conduct needs at
// least two). Time of day is optional: victims often recall only the date.
struct Occasion {
  OccasionId id;
  core::Date occurred_on{};
  std::optional<int> occurred_at_minute;  // Minutes after midnight, 0–1439.
  Location location;
  std::string channel;                  // Lookup id, e.g. "text_message"; empty if unknown.
  std::vector<std::string> behaviours;  // Lookup ids, e.g. "following".
  std::string summary;                  // What happened, in the officer's words.
  friend bool operator==(const Occasion&, const Occasion&) = default;
};

struct Report {
  ReportId id;
  std::int64_t version = 0;     // Optimistic-concurrency version; 0 before first save.
  std::string force;            // Force id (lookups), e.g. "west_midlands".
  std::string force_reference;  // The force's own crime or incident number; unique per force.
  core::Timestamp received_at{};
  std::string reporting_officer;  // Name or collar number.
  std::string narrative;
  std::string principal_classification;               // Classification id.
  std::vector<std::string> included_classifications;  // Further classification ids.
  std::vector<Occasion> occasions;
  std::vector<ReportPerson> persons;
  std::optional<CaseId> case_id;
  core::Timestamp created_at{};
  core::Timestamp updated_at{};

  // True when `classification` is the principal or an included one.
  bool HasClassification(std::string_view classification) const;
};

// Checks every invariant, collecting each broken one by field: force,
// reference, officer and principal classification present and known;
// received_at not after `now`; included classifications known, distinct and
// not the principal; each occasion dated no later than `now` with a known
// channel and behaviours; each person listed once per role.
core::Status ValidateReport(const Report& report, const Lookups& lookups, core::Timestamp now);

}  // namespace vigil::domain
