#pragma once
// Seeded synthetic people for linkage tests and benchmarks: each invented
// person appears once or several times, and every further appearance may
// carry the mistakes real records have (typos, nicknames, a swapped day and
// month, missing values, other date formats, a new postcode, phone or
// email). The truth (which records are the same person) comes with each
// record. Invented data only; never real people. Deterministic for a seed;
// not thread-safe (one generator per thread).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "linkage/random.h"

namespace vigil::linkage::testing {

struct SyntheticRecord {
  std::string id;            // "p<person>-<appearance>".
  std::uint64_t person = 0;  // The truth: equal for the same person.
  std::string given_name;
  std::string surname;
  std::string dob;       // Mostly YYYY-MM-DD; some DD/MM/YYYY or YYYYMMDD.
  std::string sex;       // "M" or "F".
  std::string postcode;  // UK shape ("B12 3XY").
  std::string address;   // "12 Ashworth Road".
  std::string phone;     // UK mobile, various spacings.
  std::string email;
};

struct SyntheticPeopleOptions {
  // Appearances per person: 1 + a geometric number with this mean (capped
  // at max_appearances).
  double mean_extra_appearances = 1.0;
  int max_appearances = 6;
  // Chance per field of a further appearance.
  double typo_rate = 0.12;
  double missing_rate = 0.08;
  double nickname_rate = 0.08;
  double day_month_swap_rate = 0.03;
  double other_date_format_rate = 0.2;
  double moved_rate = 0.15;       // New postcode and address.
  double new_contact_rate = 0.2;  // New phone or email.
};

// The column names of SyntheticRecord in CSV order (id first, person last).
std::vector<std::string> SyntheticColumns();
// One record's values in SyntheticColumns() order (person as decimal).
std::vector<std::string> SyntheticValues(const SyntheticRecord& record);

// Generates at least `record_count` records (stopping after the person
// that reaches it, then trimming to exactly record_count), calling `emit`
// for each in order. Uses only `random` for chance.
void GenerateSyntheticPeople(std::uint64_t record_count, const SyntheticPeopleOptions& options,
                             Random& random,
                             const std::function<void(const SyntheticRecord&)>& emit);

}  // namespace vigil::linkage::testing
