#pragma once
// Demo data for `vigil demo-data`: realistic, invented police data across a
// few force areas (mostly West Midlands, where the demo user works):
// persons with British names, dates of birth, drama-range phone numbers,
// example.org emails, handles, local postcodes and vehicles; reports with
// force-style crime numbers, classifications (including stalking hidden
// under harassment, malicious communications and criminal damage),
// occasions, victims and suspects; repeat victim–suspect pairs across
// reports (courses of conduct), some grouped into cases with owners,
// supervisors, statuses, tasks (some overdue) and notes.
//
// Deterministic: the same options (seed, number of reports, batch size) and
// the same day of `now` give the same data (std::mt19937_64 seeded from the
// seed, never random_device; all dates are relative to the start of the day
// of `now`). Pure: the generator does no I/O. Not thread-safe; use one
// generator per thread.

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "app/demo_catalogue.h"
#include "app/demo_scenarios.h"
#include "core/clock.h"
#include "domain/case.h"
#include "domain/note.h"
#include "domain/task.h"
#include "services/services.h"

namespace vigil::app {

struct DemoOptions {
  std::int64_t reports = 300;  // How many reports to generate in all.
  std::uint64_t seed = 1;
  int batch_size = 2000;  // Reports per batch; each batch is one import transaction.
  // Added to the per-day sequence in force references, so a second run
  // (`--append`) does not reuse the crime numbers of the first.
  std::int64_t reference_offset = 0;
};

// A case planned over reports of one course of conduct. The writer opens it
// (status open), attaches its reports, moves it to `status`, then adds its
// tasks and notes.
struct DemoCase {
  domain::Case value;                         // Force, title, owner, supervisor.
  std::vector<std::string> force_references;  // Its reports, all in value.force, oldest first.
  domain::CaseStatus status = domain::CaseStatus::kOpen;
  std::string closure_reason;       // Set when status is closed.
  std::vector<domain::Task> tasks;  // case_id unset; tasks with `done` set are then completed.
  std::vector<domain::Note> notes;  // case_id unset.
};

// One import batch and the cases over its reports (a course of conduct never
// spans two batches, so each batch can be written on its own).
struct DemoBatch {
  services::ImportBatch import;
  std::vector<DemoCase> cases;
};

class DemoDataGenerator {
 public:
  // `now` fixes the time frame: reports are received over the ~18 months
  // before the start of its day.
  DemoDataGenerator(DemoOptions options, core::Timestamp now);

  // The next batch of at most options.batch_size reports (with their persons
  // and cases), or nothing once options.reports have been produced.
  std::optional<DemoBatch> NextBatch();

 private:
  std::uint64_t Below(std::uint64_t bound);
  bool Chance(double probability);
  demo::Draw Draw();  // Below() as a demo::Draw.
  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  const demo::ForceArea& PickArea();
  const demo::Scenario& PickScenario();
  std::string Postcode(const demo::Town& town);
  std::string MobileNumber();
  std::string Registration(const demo::ForceArea& area);
  std::string NewRef();
  services::ImportPerson NewPerson(const demo::ForceArea& area, bool suspect);
  services::ImportPerson VariantOf(const services::ImportPerson& original);
  std::string ForceReference(const demo::ForceArea& area, core::Date day);
  domain::Occasion NewOccasion(const demo::Scenario& scenario, const demo::ForceArea& area,
                               const domain::Person& victim, core::Date received_on);
  domain::Report NewReport(const demo::Scenario& scenario, const demo::ForceArea& area,
                           const domain::Person& victim, core::Date day);
  DemoCase NewCase(const demo::ForceArea& area, const domain::Person& victim,
                   std::vector<std::string> force_references);
  void AddSeries(DemoBatch& batch, int length);

  DemoOptions options_;
  core::Date today_;
  std::mt19937_64 engine_;
  std::int64_t produced_ = 0;
  std::int64_t next_person_ = 1;
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> references_per_day_;
};

}  // namespace vigil::app
