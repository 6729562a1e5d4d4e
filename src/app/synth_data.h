#pragma once
// Synthetic police-shaped data for `vigil synth`, with its ground truth.
// Invented people (the synthetic people generator of linkage/testing, with
// the force areas, drama-range phone numbers and example.org emails of the
// demo catalogue) appear as victims and suspects in reports across several
// forces. Forces record a person afresh for each report, so one true person
// becomes a different person record in every report, each with the noise
// real records have: typos, nicknames, a transposed day and month, missing
// fields, format noise, a moved address, a new phone.
//
// Reports come in series: most series are one report; planted courses of
// conduct are the same suspect and victim over 2 to 6 reports recorded under
// varying classifications (often none of them stalking, sometimes in a
// neighbouring force); planted serial perpetrators are one suspect against
// 2 to 4 victims. Each series comes with its truth (which true person each
// record is; which reports each planted course holds).
//
// Deterministic: the same options give the same series, whatever the day
// (dates are relative to options.until, not to the clock). Memory does not
// grow with the number of reports: a series is handed over and forgotten.
// Pure (no I/O). Not thread-safe; one generator per thread.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/demo_catalogue.h"
#include "app/demo_scenarios.h"
#include "core/time.h"
#include "linkage/random.h"
#include "linkage/testing/synthetic_people.h"
#include "services/services.h"

namespace vigil::app {

struct SynthOptions {
  std::int64_t reports = 1000;  // Reports to generate in all (at least 1).
  std::uint64_t seed = 1;
  // Reports are received over the two years (730 days) up to this day.
  core::Date until = core::Date(std::chrono::year(2026) / 6 / 30);
  double course_rate = 0.12;     // Share of series that are courses of conduct.
  double serial_rate = 0.02;     // Share of series that are serial perpetrators.
  double neighbour_rate = 0.15;  // A course's later report in a neighbouring force.
  // A course's report recorded without stalking among its classifications.
  double stalking_unrecorded_rate = 0.8;
  // The noise of each person record (linkage::testing's model; other date
  // formats are off, since vigil import reads only YYYY-MM-DD).
  linkage::testing::SyntheticPeopleOptions noise = DefaultNoise();

  static linkage::testing::SyntheticPeopleOptions DefaultNoise();
};

// One person record (a person as one report records them) and the truth.
struct SynthPersonRecord {
  services::ImportPerson record;  // record.ref is "P<n>".
  std::string true_person;        // "T<n>": equal for the same invented person.
  std::string role;               // "victim" or "suspect".
  std::string force_reference;    // The report that records the person.
};

// A planted course of conduct or serial perpetrator.
struct SynthCourse {
  std::string id;                             // "C<n>".
  std::string kind;                           // "course_of_conduct" or "serial_perpetrator".
  std::string suspect;                        // True person id.
  std::vector<std::string> victims;           // True person ids.
  std::vector<std::string> force_references;  // Its reports, oldest first.
  std::vector<std::string> forces;            // Each report's force.
  std::vector<std::string> classifications;   // Each report's principal classification.
  bool stalking_recorded = false;  // Whether any report has stalking among its classifications.
};

// Reports that belong together, with their person records and truth.
struct SynthSeries {
  std::vector<SynthPersonRecord> persons;
  std::vector<services::ImportReport> reports;  // Persons named by ref.
  std::vector<SynthCourse> courses;
};

class SynthGenerator {
 public:
  explicit SynthGenerator(SynthOptions options);
  ~SynthGenerator();
  SynthGenerator(const SynthGenerator&) = delete;
  SynthGenerator& operator=(const SynthGenerator&) = delete;

  // The next series (1 or more reports, never beyond options.reports in
  // all), or nothing once every report has been produced.
  std::optional<SynthSeries> Next();

 private:
  struct TruePerson;
  bool Chance(double probability);
  std::uint64_t Below(std::uint64_t bound);
  demo::Draw Draw();
  const demo::ForceArea& PickArea();
  const demo::Scenario& PickScenario(bool course);
  TruePerson NewTruePerson(const demo::ForceArea& area, bool suspect);
  std::string Record(SynthSeries& series, const TruePerson& person, const demo::ForceArea& area,
                     const std::string& role, const std::string& force_reference);
  services::ImportReport NewReport(const demo::Scenario& scenario, const demo::ForceArea& area,
                                   core::Date day, bool drop_stalking);
  std::string ForceReference(const demo::ForceArea& area, core::Date day);
  core::Date StartDay();
  void AddSingle(SynthSeries& series);
  void AddCourse(SynthSeries& series, int length);
  void AddSerial(SynthSeries& series, int budget);

  SynthOptions options_;
  linkage::Random random_;
  const demo::ForceArea* current_area_ = nullptr;  // Where new postcodes are drawn.
  std::unique_ptr<linkage::testing::SyntheticPersonGenerator> people_;
  std::int64_t produced_ = 0;
  std::uint64_t next_true_person_ = 1;
  std::uint64_t next_record_ = 1;
  std::uint64_t next_course_ = 1;
  std::map<std::pair<std::string_view, std::int64_t>, std::int64_t> references_per_day_;
};

}  // namespace vigil::app
