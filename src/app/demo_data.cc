#include "app/demo_data.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/time.h"

namespace vigil::app {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr int kHistoryDays = 548;  // About 18 months.

using demo::AsciiLetters;
using demo::Padded;

}  // namespace

DemoDataGenerator::DemoDataGenerator(DemoOptions options, core::Timestamp now)
    : options_(options),
      today_(std::chrono::floor<days>(now)),
      engine_(options.seed ^ 0x76696769'6c646d6fULL) {
  if (options_.batch_size < 1) options_.batch_size = 1;
}

std::uint64_t DemoDataGenerator::Below(std::uint64_t bound) {
  // Modulo keeps the sequence identical across standard libraries (the
  // std:: distributions are not specified bit for bit); the bias is
  // negligible for the small bounds used here.
  return bound == 0 ? 0 : engine_() % bound;
}

bool DemoDataGenerator::Chance(double probability) {
  return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < probability;
}

const demo::ForceArea& DemoDataGenerator::PickArea() { return demo::PickForceArea(Draw()); }

const demo::Scenario& DemoDataGenerator::PickScenario() {
  int total = 0;
  for (const demo::Scenario& scenario : demo::Scenarios()) total += scenario.weight;
  auto roll = static_cast<int>(Below(static_cast<std::uint64_t>(total)));
  for (const demo::Scenario& scenario : demo::Scenarios()) {
    if (roll < scenario.weight) return scenario;
    roll -= scenario.weight;
  }
  return demo::Scenarios().front();
}

std::string DemoDataGenerator::Postcode(const demo::Town& town) {
  return demo::MakePostcode(town, Draw());
}

std::string DemoDataGenerator::MobileNumber() { return demo::MakeMobileNumber(Draw()); }

std::string DemoDataGenerator::Registration(const demo::ForceArea& area) {
  return demo::MakeRegistration(area, Draw());
}

demo::Draw DemoDataGenerator::Draw() {
  return [this](std::uint64_t bound) { return Below(bound); };
}

std::string DemoDataGenerator::NewRef() { return "P" + std::to_string(next_person_++); }

services::ImportPerson DemoDataGenerator::NewPerson(const demo::ForceArea& area, bool suspect) {
  services::ImportPerson imported;
  imported.ref = NewRef();
  imported.location = "demo-data person " + imported.ref;
  domain::Person& person = imported.person;
  person.force = std::string(area.force);
  std::string given(Pick(demo::GivenNames()));
  std::string family(Pick(demo::FamilyNames()));
  person.names.push_back({given, family, false});
  if (Chance(0.08)) {
    std::string_view short_form = demo::ShortForm(given);
    person.names.push_back({short_form.empty() ? given : std::string(short_form),
                            std::string(Pick(demo::FamilyNames())), true});
  }
  if (Chance(0.9)) {
    int age = static_cast<int>(suspect ? 18 + Below(50) : 16 + Below(60));
    person.date_of_birth = today_ - days(age * 365 + static_cast<int>(Below(365)));
  }
  if (Chance(0.85)) person.phones.push_back(MobileNumber());
  if (Chance(0.1)) {
    person.phones.push_back(demo::MakeLandline(area, Draw()));
  }
  if (Chance(0.45)) {
    person.emails.push_back(AsciiLetters(given) + "." + AsciiLetters(family) +
                            std::to_string(Below(100)) +
                            (Chance(0.5) ? "@example.org" : "@example.com"));
  }
  if (Chance(suspect ? 0.45 : 0.2)) {
    std::string family_letters = AsciiLetters(family).substr(0, 4);
    person.handles.push_back(
        {std::string(Pick(demo::HandlePlatforms())),
         "@" + AsciiLetters(given) + "_" + family_letters + std::to_string(Below(1000))});
  }
  if (Chance(0.85)) {
    const demo::Town& town = Pick(area.towns);
    person.addresses.push_back(
        {std::to_string(1 + Below(180)) + " " + std::string(Pick(demo::Streets())), "",
         std::string(town.name), Postcode(town)});
  }
  if (suspect && Chance(0.25)) {
    person.vehicles.push_back({Registration(area), std::string(Pick(demo::VehicleDescriptions()))});
  }
  return imported;
}

services::ImportPerson DemoDataGenerator::VariantOf(const services::ImportPerson& original) {
  // The same suspect recorded again by another officer: a short form of the
  // name, the same phone, no date of birth. Linkage should find the pair.
  services::ImportPerson copy = original;
  copy.ref = NewRef();
  copy.location = "demo-data person " + copy.ref;
  domain::PersonName& name = copy.person.names.front();
  std::string_view short_form = demo::ShortForm(name.given_name);
  if (!short_form.empty()) name.given_name = std::string(short_form);
  copy.person.names.resize(1);
  copy.person.date_of_birth.reset();
  copy.person.emails.clear();
  copy.person.vehicles.clear();
  return copy;
}

std::string DemoDataGenerator::ForceReference(const demo::ForceArea& area, core::Date day) {
  std::int64_t& sequence =
      references_per_day_[{std::string(area.force), day.time_since_epoch().count()}];
  ++sequence;
  std::string date = core::FormatDate(day);
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  return std::string(area.reference_prefix) + "-" + date + "-" +
         Padded(sequence + options_.reference_offset, 5);
}

domain::Occasion DemoDataGenerator::NewOccasion(const demo::Scenario& scenario,
                                                const demo::ForceArea& area,
                                                const domain::Person& victim,
                                                core::Date received_on) {
  domain::Occasion occasion;
  occasion.occurred_on = received_on - days(static_cast<int>(Below(15)));
  if (Chance(0.7)) occasion.occurred_at_minute = static_cast<int>(Below(24 * 60));
  std::string_view place = Pick(demo::PlaceDescriptions());
  occasion.location.description = std::string(place);
  if (place == "outside the victim's home" && !victim.addresses.empty()) {
    occasion.location.postcode = victim.addresses.front().postcode;
  } else if (Chance(0.5)) {
    occasion.location.postcode = Postcode(Pick(area.towns));
  }
  occasion.channel = std::string(Pick(scenario.channels));
  int wanted = 1 + static_cast<int>(Below(3));
  for (int attempt = 0; attempt < wanted; ++attempt) {
    std::string behaviour(Pick(scenario.behaviours));
    if (std::find(occasion.behaviours.begin(), occasion.behaviours.end(), behaviour) ==
        occasion.behaviours.end()) {
      occasion.behaviours.push_back(behaviour);
    }
  }
  occasion.summary = std::string(demo::OccasionSummary(occasion.behaviours.front(), Below(4)));
  return occasion;
}

domain::Report DemoDataGenerator::NewReport(const demo::Scenario& scenario,
                                            const demo::ForceArea& area,
                                            const domain::Person& victim, core::Date day) {
  domain::Report report;
  report.force = std::string(area.force);
  report.force_reference = ForceReference(area, day);
  report.received_at = day + seconds(static_cast<int>(Below(24 * 60 * 60)));
  report.reporting_officer = std::string(Pick(demo::OfficerRanks())) + " " +
                             std::to_string(1000 + Below(9000)) + " " +
                             std::string(Pick(demo::FamilyNames()));
  report.principal_classification = std::string(scenario.principal_classification);
  for (std::string_view included : scenario.included_classifications) {
    report.included_classifications.emplace_back(included);
  }
  report.narrative = demo::FillTemplate(
      Pick(scenario.narratives), Pick(scenario.relationships), 5 + static_cast<int>(Below(80)),
      Pick(demo::PlaceDescriptions()), 2 + static_cast<int>(Below(20)));
  int occasions = 1 + static_cast<int>(Below(3));
  for (int index = 0; index < occasions; ++index) {
    report.occasions.push_back(NewOccasion(scenario, area, victim, day));
  }
  std::sort(report.occasions.begin(), report.occasions.end(),
            [](const domain::Occasion& left, const domain::Occasion& right) {
              return left.occurred_on < right.occurred_on;
            });
  return report;
}

DemoCase DemoDataGenerator::NewCase(const demo::ForceArea& area, const domain::Person& victim,
                                    std::vector<std::string> force_references) {
  DemoCase planned;
  const domain::PersonName& name = victim.names.front();
  planned.value.force = std::string(area.force);
  planned.value.title =
      "Course of conduct against " + name.given_name.substr(0, 1) + ". " + name.family_name;
  bool demo_user = area.force == "west_midlands" && Chance(0.45);
  planned.value.owner = std::string(demo_user ? area.officers.front() : Pick(area.officers));
  planned.value.supervisor = std::string(Pick(area.supervisors));
  planned.force_references = std::move(force_references);
  std::uint64_t roll = Below(100);
  planned.status = roll < 25   ? domain::CaseStatus::kOpen
                   : roll < 65 ? domain::CaseStatus::kUnderInvestigation
                   : roll < 80 ? domain::CaseStatus::kAwaitingReview
                               : domain::CaseStatus::kClosed;
  if (planned.status == domain::CaseStatus::kClosed) {
    planned.closure_reason = std::string(Pick(demo::ClosureReasons()));
  }
  std::vector<demo::TaskTemplate> templates(demo::TaskTemplates().begin(),
                                            demo::TaskTemplates().end());
  int task_count = 2 + static_cast<int>(Below(3));
  for (int index = 0; index < task_count && !templates.empty(); ++index) {
    std::size_t chosen = Below(templates.size());
    domain::Task task;
    task.text = std::string(templates[chosen].text);
    if (templates[chosen].for_supervisor) {
      task.owner_role = "supervisor";
    } else {
      task.owner = planned.value.owner;
    }
    task.due_at = core::Timestamp(today_) + days(static_cast<int>(Below(50)) - 21) + hours(17);
    task.done = planned.status == domain::CaseStatus::kClosed || Chance(0.3);
    templates.erase(templates.begin() + static_cast<std::ptrdiff_t>(chosen));
    planned.tasks.push_back(std::move(task));
  }
  int note_count = 1 + static_cast<int>(Below(3));
  for (int index = 0; index < note_count; ++index) {
    domain::Note note;
    note.author =
        index == note_count - 1 && Chance(0.5) ? planned.value.supervisor : planned.value.owner;
    note.text = std::string(Pick(demo::NoteTexts()));
    planned.notes.push_back(std::move(note));
  }
  return planned;
}

void DemoDataGenerator::AddSeries(DemoBatch& batch, int length) {
  const demo::ForceArea& area = PickArea();
  const demo::Scenario& scenario = PickScenario();
  services::ImportPerson victim = NewPerson(area, false);
  std::optional<services::ImportPerson> suspect;
  if (scenario.suspect_always_known || length > 1 || Chance(0.6)) {
    suspect = NewPerson(area, true);
  }
  std::string victim_ref = victim.ref;
  domain::Person victim_person = victim.person;
  batch.import.persons.push_back(std::move(victim));
  if (suspect) batch.import.persons.push_back(*suspect);

  core::Date day = today_ - days(1 + static_cast<int>(Below(kHistoryDays)));
  // A serial stalker: half way through, the same suspect targets someone else.
  int new_victim_at = suspect && length >= 3 && Chance(0.1) ? length / 2 : length;
  std::vector<std::string> references;
  for (int index = 0; index < length; ++index) {
    if (index > 0) day = std::min(day + days(2 + static_cast<int>(Below(20))), today_ - days(1));
    if (index == new_victim_at) {
      services::ImportPerson next_victim = NewPerson(area, false);
      victim_ref = next_victim.ref;
      batch.import.persons.push_back(std::move(next_victim));
    }
    services::ImportReport imported;
    imported.report = NewReport(scenario, area, victim_person, day);
    imported.location = "demo-data report " + imported.report.force_reference;
    imported.persons.push_back({victim_ref, {}, domain::PersonRole::kVictim});
    if (suspect) {
      std::string suspect_ref = suspect->ref;
      if (index > 0 && Chance(0.15)) {
        services::ImportPerson variant = VariantOf(*suspect);
        suspect_ref = variant.ref;
        batch.import.persons.push_back(std::move(variant));
      }
      imported.persons.push_back({suspect_ref, {}, domain::PersonRole::kSuspect});
    }
    if (Chance(0.1)) {
      services::ImportPerson witness = NewPerson(area, false);
      imported.persons.push_back({witness.ref, {}, domain::PersonRole::kWitness});
      batch.import.persons.push_back(std::move(witness));
    }
    references.push_back(imported.report.force_reference);
    batch.import.reports.push_back(std::move(imported));
  }
  // Cases stay in the low thousands however many reports are asked for:
  // enough for every officer's list, without hours of case work at 100,000.
  double scale = std::min(1.0, 15'000.0 / static_cast<double>(options_.reports));
  double case_chance = (area.force == "west_midlands" ? 0.5 : 0.3) * scale;
  if (length >= 2 && Chance(case_chance)) {
    DemoCase planned = NewCase(area, victim_person, std::move(references));
    if (new_victim_at < length) {
      const domain::PersonName& name = suspect->person.names.front();
      planned.value.title = "Suspected serial stalking by " + name.given_name.substr(0, 1) + ". " +
                            name.family_name + " (two victims)";
    }
    batch.cases.push_back(std::move(planned));
  }
}

std::optional<DemoBatch> DemoDataGenerator::NextBatch() {
  if (produced_ >= options_.reports) return std::nullopt;
  DemoBatch batch;
  std::int64_t remaining =
      std::min<std::int64_t>(options_.batch_size, options_.reports - produced_);
  while (remaining > 0) {
    int length = Chance(0.35) ? 2 + static_cast<int>(Below(5)) : 1;
    length = static_cast<int>(std::min<std::int64_t>(length, remaining));
    AddSeries(batch, length);
    remaining -= length;
    produced_ += length;
  }
  return batch;
}

}  // namespace vigil::app
