#pragma once
// Person: one person as recorded by a force (the P of POLE), with every
// identifier the linkage engine can use: names and aliases, date of birth,
// phones, emails, online handles, addresses and vehicles. A person takes a
// role (victim, suspect, ...) in a report through ReportPerson.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "domain/ids.h"
#include "domain/lookups.h"

namespace vigil::domain {

struct PersonName {
  std::string given_name;   // Forenames as given; may be empty when unknown.
  std::string family_name;  // Surname; may be empty when unknown.
  bool alias = false;       // True for an alias or previous name.
  friend bool operator==(const PersonName&, const PersonName&) = default;
};

struct Address {
  std::string line1;
  std::string line2;
  std::string town;
  std::string postcode;  // UK postcode, stored normalised ("SW1A 1AA").
  friend bool operator==(const Address&, const Address&) = default;
};

struct OnlineHandle {
  std::string platform;  // e.g. "instagram", "x", "snapchat", "other".
  std::string handle;    // As shown on the platform, e.g. "@jo_b".
  friend bool operator==(const OnlineHandle&, const OnlineHandle&) = default;
};

struct Vehicle {
  std::string registration;  // Normalised: upper case, no spaces.
  std::string description;   // Make, model, colour as known.
  friend bool operator==(const Vehicle&, const Vehicle&) = default;
};

struct Person {
  PersonId id;
  std::int64_t version = 0;  // Optimistic-concurrency version; 0 before first save.
  std::string force;         // Force that recorded the person.
  std::vector<PersonName> names;
  std::optional<core::Date> date_of_birth;
  std::vector<std::string> phones;  // As given; the linkage engine normalises.
  std::vector<std::string> emails;
  std::vector<OnlineHandle> handles;
  std::vector<Address> addresses;
  std::vector<Vehicle> vehicles;
  core::Timestamp created_at{};
  core::Timestamp updated_at{};
};

// Checks every invariant and returns kInvalidArgument listing each broken one
// by field: at least one name with a given or family name; a known force; date
// of birth not after `today` nor before 1900; phones of 7–15 digits (a leading
// + allowed); emails of the form local@domain; UK postcodes; handles with a
// platform; vehicle registrations present. Text fields are length-limited.
core::Status ValidatePerson(const Person& person, const Lookups& lookups, core::Date today);

// Puts identifiers in their stored form: trims text, upper-cases and spaces
// postcodes ("sw1a1aa" -> "SW1A 1AA"), lower-cases emails and platforms,
// upper-cases and strips spaces from vehicle registrations.
void NormalisePerson(Person& person);

// True when `postcode` (already normalised) has the shape of a UK postcode.
bool IsUkPostcode(const std::string& postcode);
// "sw1a1aa" -> "SW1A 1AA"; text that is not a postcode is returned trimmed
// and upper-cased.
std::string NormalisePostcode(const std::string& postcode);

// The first non-alias name as "Given Family" (or the first name at all).
std::string DisplayName(const Person& person);

}  // namespace vigil::domain
