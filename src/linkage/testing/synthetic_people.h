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
#include <memory>
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

// Where fresh values come from: for a new person, and for an appearance
// after a move (postcode, then address) or a change of contact (phone,
// email). An empty function means the generator's own (random UK-shaped
// values: postcodes of any area, any 07 mobile, emails at example domains).
// Each gets the generator's Random, so a seed still fixes everything.
struct SyntheticValueSources {
  std::function<std::string(Random&)> postcode;
  // Gets the postcode just chosen (so the street can fit the town).
  std::function<std::string(const std::string& postcode, Random&)> address;
  std::function<std::string(Random&)> phone;
  std::function<std::string(const std::string& given_name, const std::string& surname, Random&)>
      email;
};

// Invents people one at a time and their further appearances, so a caller
// can stream any number of them (GenerateSyntheticPeople shuffles and so
// holds every record). Keeps references to `options` and `random`, which
// must outlive it. Not thread-safe.
class SyntheticPersonGenerator {
 public:
  SyntheticPersonGenerator(const SyntheticPeopleOptions& options, Random& random,
                           SyntheticValueSources sources = {});
  ~SyntheticPersonGenerator();
  SyntheticPersonGenerator(const SyntheticPersonGenerator&) = delete;
  SyntheticPersonGenerator& operator=(const SyntheticPersonGenerator&) = delete;

  // A new invented person's clean first appearance: id "p<person>-0",
  // `person` as the truth, every field filled, dob as YYYY-MM-DD.
  SyntheticRecord NewPerson(std::uint64_t person);

  // A further appearance of `original` (a record from NewPerson) with the
  // options' noise: typos, nicknames, a swapped day and month, missing
  // values, other date formats, a move, a new phone or email. The id and
  // person are copied from `original`; the caller renames the id.
  SyntheticRecord Appearance(const SyntheticRecord& original);

  // `person`'s first appearance and its further appearances (how many:
  // options.mean_extra_appearances), ids "p<person>-<n>".
  std::vector<SyntheticRecord> PersonWithAppearances(std::uint64_t person);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
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
