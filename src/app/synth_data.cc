#include "app/synth_data.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

namespace vigil::app {
namespace {

using std::chrono::days;
using std::chrono::seconds;

constexpr int kWindowDays = 730;

// The scenarios a planted course's reports are drawn from, by name: mostly
// stalking recorded as something else.
constexpr std::string_view kCourseScenarios[] = {
    "hidden_stalking_harassment", "hidden_stalking_malicious_communications",
    "hidden_stalking_criminal_damage", "ex_partner_stalking", "breach_of_order"};

bool IsCourseScenario(std::string_view name) {
  return std::find(std::begin(kCourseScenarios), std::end(kCourseScenarios), name) !=
         std::end(kCourseScenarios);
}

bool RecordsStalking(const domain::Report& report) {
  if (report.principal_classification.starts_with("stalking")) return true;
  return std::any_of(report.included_classifications.begin(), report.included_classifications.end(),
                     [](const std::string& id) { return id.starts_with("stalking"); });
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

// An invented person: their details as they really are, where they live,
// and what only some reports record (a handle, a vehicle).
struct SynthGenerator::TruePerson {
  std::string id;
  const demo::ForceArea* home = nullptr;
  linkage::testing::SyntheticRecord canonical;
  std::optional<domain::OnlineHandle> handle;
  std::optional<domain::Vehicle> vehicle;
};

linkage::testing::SyntheticPeopleOptions SynthOptions::DefaultNoise() {
  linkage::testing::SyntheticPeopleOptions noise;
  noise.other_date_format_rate = 0;
  return noise;
}

SynthGenerator::SynthGenerator(SynthOptions options)
    : options_(std::move(options)), random_(options_.seed ^ 0x73796e7468766967ULL) {
  options_.noise.other_date_format_rate = 0;
  linkage::testing::SyntheticValueSources sources;
  sources.postcode = [this](linkage::Random&) {
    return demo::MakePostcode(current_area_->towns[Below(current_area_->towns.size())], Draw());
  };
  sources.address = [this](const std::string&, linkage::Random&) {
    return std::to_string(1 + Below(180)) + " " +
           std::string(demo::Streets()[Below(demo::Streets().size())]);
  };
  sources.phone = [this](linkage::Random&) {
    return Chance(0.85) ? demo::MakeMobileNumber(Draw())
                        : demo::MakeLandline(*current_area_, Draw());
  };
  sources.email = [this](const std::string& given, const std::string& surname, linkage::Random&) {
    std::string local = demo::AsciiLetters(given) + "." + demo::AsciiLetters(surname);
    if (local == ".") local = "person";
    return local + std::to_string(Below(100)) + (Chance(0.5) ? "@example.org" : "@example.com");
  };
  people_ = std::make_unique<linkage::testing::SyntheticPersonGenerator>(options_.noise, random_,
                                                                         std::move(sources));
}

SynthGenerator::~SynthGenerator() = default;

bool SynthGenerator::Chance(double probability) { return random_.UniformDouble() < probability; }

std::uint64_t SynthGenerator::Below(std::uint64_t bound) {
  return bound == 0 ? 0 : random_.Uniform(bound);
}

demo::Draw SynthGenerator::Draw() {
  return [this](std::uint64_t bound) { return Below(bound); };
}

const demo::ForceArea& SynthGenerator::PickArea() { return demo::PickForceArea(Draw()); }

const demo::Scenario& SynthGenerator::PickScenario(bool course) {
  // In a course, reports recorded as stalking are the exception.
  auto weight = [course](const demo::Scenario& scenario) {
    if (!course) return scenario.weight;
    if (!IsCourseScenario(scenario.name)) return 0;
    return scenario.name == "ex_partner_stalking" ? scenario.weight / 4 : scenario.weight;
  };
  int total = 0;
  for (const demo::Scenario& scenario : demo::Scenarios()) total += weight(scenario);
  auto roll = static_cast<int>(Below(static_cast<std::uint64_t>(total)));
  for (const demo::Scenario& scenario : demo::Scenarios()) {
    if (roll < weight(scenario)) return scenario;
    roll -= weight(scenario);
  }
  return demo::Scenarios().front();
}

SynthGenerator::TruePerson SynthGenerator::NewTruePerson(const demo::ForceArea& area,
                                                         bool suspect) {
  TruePerson person;
  std::uint64_t number = next_true_person_++;
  person.id = "T" + std::to_string(number);
  person.home = &area;
  current_area_ = &area;
  person.canonical = people_->NewPerson(number);
  if (Chance(suspect ? 0.45 : 0.2)) {
    std::string family = demo::AsciiLetters(person.canonical.surname).substr(0, 4);
    person.handle = domain::OnlineHandle{
        std::string(demo::HandlePlatforms()[Below(demo::HandlePlatforms().size())]),
        "@" + demo::AsciiLetters(person.canonical.given_name) + "_" + family +
            std::to_string(Below(1000))};
  }
  if (suspect && Chance(0.25)) {
    person.vehicle = domain::Vehicle{
        demo::MakeRegistration(area, Draw()),
        std::string(demo::VehicleDescriptions()[Below(demo::VehicleDescriptions().size())])};
  }
  return person;
}

std::string SynthGenerator::Record(SynthSeries& series, const TruePerson& person,
                                   const demo::ForceArea& area, const std::string& role,
                                   const std::string& force_reference) {
  current_area_ = person.home;
  linkage::testing::SyntheticRecord noisy = people_->Appearance(person.canonical);
  SynthPersonRecord out;
  out.true_person = person.id;
  out.role = role;
  out.force_reference = force_reference;
  out.record.ref = "P" + std::to_string(next_record_++);
  out.record.location = "synth person " + out.record.ref;
  domain::Person& record = out.record.person;
  record.force = std::string(area.force);
  if (noisy.given_name.empty() && noisy.surname.empty()) noisy.surname = person.canonical.surname;
  record.names.push_back({noisy.given_name, noisy.surname, false});
  if (!noisy.dob.empty()) record.date_of_birth = core::ParseDate(noisy.dob);
  if (!noisy.phone.empty()) {
    std::string phone = noisy.phone;
    if (Chance(0.2)) {
      phone.erase(std::remove(phone.begin(), phone.end(), ' '), phone.end());
    } else if (Chance(0.1)) {
      phone = "+44 " + phone.substr(1);
    }
    record.phones.push_back(phone);
  }
  if (!noisy.email.empty()) record.emails.push_back(Chance(0.1) ? Upper(noisy.email) : noisy.email);
  if (person.handle && Chance(0.6)) record.handles.push_back(*person.handle);
  if (!noisy.address.empty() || !noisy.postcode.empty()) {
    domain::Address address;
    address.line1 = noisy.address;
    const demo::Town* town = demo::TownOfPostcode(noisy.postcode);
    if (town != nullptr && Chance(0.8)) address.town = std::string(town->name);
    address.postcode = noisy.postcode;
    if (Chance(0.1)) address.postcode = Lower(address.postcode);
    if (Chance(0.1)) {
      address.postcode.erase(std::remove(address.postcode.begin(), address.postcode.end(), ' '),
                             address.postcode.end());
    }
    record.addresses.push_back(std::move(address));
  }
  if (person.vehicle && Chance(0.5)) record.vehicles.push_back(*person.vehicle);
  std::string ref = out.record.ref;
  series.persons.push_back(std::move(out));
  return ref;
}

std::string SynthGenerator::ForceReference(const demo::ForceArea& area, core::Date day) {
  std::int64_t& sequence = references_per_day_[{area.force, day.time_since_epoch().count()}];
  ++sequence;
  std::string date = core::FormatDate(day);
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  return std::string(area.reference_prefix) + "-" + date + "-" + demo::Padded(sequence, 5);
}

services::ImportReport SynthGenerator::NewReport(const demo::Scenario& scenario,
                                                 const demo::ForceArea& area, core::Date day,
                                                 bool drop_stalking) {
  services::ImportReport imported;
  domain::Report& report = imported.report;
  report.force = std::string(area.force);
  report.force_reference = ForceReference(area, day);
  imported.location = "synth report " + report.force_reference;
  report.received_at = day + seconds(static_cast<int>(Below(24 * 60 * 60)));
  report.reporting_officer = std::string(demo::OfficerRanks()[Below(demo::OfficerRanks().size())]) +
                             " " + std::to_string(1000 + Below(9000)) + " " +
                             std::string(demo::FamilyNames()[Below(demo::FamilyNames().size())]);
  report.principal_classification = std::string(scenario.principal_classification);
  for (std::string_view included : scenario.included_classifications) {
    if (drop_stalking && included == "stalking") continue;
    report.included_classifications.emplace_back(included);
  }
  auto pick = [this](std::span<const std::string_view> items) {
    return items[Below(items.size())];
  };
  report.narrative = demo::FillTemplate(
      pick(scenario.narratives), pick(scenario.relationships), 5 + static_cast<int>(Below(80)),
      pick(demo::PlaceDescriptions()), 2 + static_cast<int>(Below(20)));
  // One occasion: all that reports.csv can carry, so both formats hold the same data.
  domain::Occasion occasion;
  occasion.occurred_on = day - days(static_cast<int>(Below(15)));
  occasion.channel = std::string(pick(scenario.channels));
  int wanted = 1 + static_cast<int>(Below(3));
  for (int attempt = 0; attempt < wanted; ++attempt) {
    std::string behaviour(pick(scenario.behaviours));
    if (std::find(occasion.behaviours.begin(), occasion.behaviours.end(), behaviour) ==
        occasion.behaviours.end()) {
      occasion.behaviours.push_back(behaviour);
    }
  }
  report.occasions.push_back(std::move(occasion));
  return imported;
}

core::Date SynthGenerator::StartDay() {
  return options_.until - days(static_cast<int>(Below(kWindowDays)));
}

void SynthGenerator::AddSingle(SynthSeries& series) {
  const demo::ForceArea& area = PickArea();
  const demo::Scenario& scenario = PickScenario(false);
  services::ImportReport report = NewReport(scenario, area, StartDay(), false);
  const std::string& reference = report.report.force_reference;
  TruePerson victim = NewTruePerson(area, false);
  report.persons.push_back(
      {Record(series, victim, area, "victim", reference), {}, domain::PersonRole::kVictim});
  if (scenario.suspect_always_known || Chance(0.6)) {
    TruePerson suspect = NewTruePerson(area, true);
    report.persons.push_back(
        {Record(series, suspect, area, "suspect", reference), {}, domain::PersonRole::kSuspect});
  }
  series.reports.push_back(std::move(report));
}

void SynthGenerator::AddCourse(SynthSeries& series, int length) {
  const demo::ForceArea& home = PickArea();
  std::vector<const demo::ForceArea*> neighbours = demo::NeighbouringAreas(home.force);
  TruePerson victim = NewTruePerson(home, false);
  TruePerson suspect = NewTruePerson(home, true);
  SynthCourse course;
  course.id = "C" + std::to_string(next_course_++);
  course.kind = "course_of_conduct";
  course.suspect = suspect.id;
  course.victims.push_back(victim.id);
  core::Date day = StartDay();
  for (int index = 0; index < length; ++index) {
    if (index > 0) day = std::min(day + days(2 + static_cast<int>(Below(29))), options_.until);
    const demo::ForceArea* area = &home;
    if (index > 0 && !neighbours.empty() && Chance(options_.neighbour_rate)) {
      area = neighbours[Below(neighbours.size())];
    }
    const demo::Scenario& scenario = PickScenario(true);
    services::ImportReport report =
        NewReport(scenario, *area, day, Chance(options_.stalking_unrecorded_rate));
    const std::string& reference = report.report.force_reference;
    report.persons.push_back(
        {Record(series, victim, *area, "victim", reference), {}, domain::PersonRole::kVictim});
    report.persons.push_back(
        {Record(series, suspect, *area, "suspect", reference), {}, domain::PersonRole::kSuspect});
    course.force_references.push_back(reference);
    course.forces.emplace_back(area->force);
    course.classifications.push_back(report.report.principal_classification);
    course.stalking_recorded = course.stalking_recorded || RecordsStalking(report.report);
    series.reports.push_back(std::move(report));
  }
  series.courses.push_back(std::move(course));
}

void SynthGenerator::AddSerial(SynthSeries& series, int budget) {
  const demo::ForceArea& home = PickArea();
  std::vector<const demo::ForceArea*> neighbours = demo::NeighbouringAreas(home.force);
  TruePerson suspect = NewTruePerson(home, true);
  SynthCourse serial;
  serial.id = "C" + std::to_string(next_course_++);
  serial.kind = "serial_perpetrator";
  serial.suspect = suspect.id;
  int victims = std::min(2 + static_cast<int>(Below(3)), budget);
  core::Date day = StartDay();
  for (int victim_index = 0; victim_index < victims; ++victim_index) {
    int left_for_others = victims - victim_index - 1;
    int length = std::min(1 + static_cast<int>(Below(3)), budget - left_for_others);
    budget -= length;
    const demo::ForceArea* area = &home;
    if (!neighbours.empty() && Chance(options_.neighbour_rate)) {
      area = neighbours[Below(neighbours.size())];
    }
    TruePerson victim = NewTruePerson(*area, false);
    serial.victims.push_back(victim.id);
    SynthCourse course;
    course.kind = "course_of_conduct";
    course.suspect = suspect.id;
    course.victims.push_back(victim.id);
    for (int index = 0; index < length; ++index) {
      day = std::min(day + days(2 + static_cast<int>(Below(29))), options_.until);
      const demo::Scenario& scenario = PickScenario(true);
      services::ImportReport report =
          NewReport(scenario, *area, day, Chance(options_.stalking_unrecorded_rate));
      const std::string& reference = report.report.force_reference;
      report.persons.push_back(
          {Record(series, victim, *area, "victim", reference), {}, domain::PersonRole::kVictim});
      report.persons.push_back(
          {Record(series, suspect, *area, "suspect", reference), {}, domain::PersonRole::kSuspect});
      for (SynthCourse* target : {&serial, &course}) {
        target->force_references.push_back(reference);
        target->forces.emplace_back(area->force);
        target->classifications.push_back(report.report.principal_classification);
        target->stalking_recorded = target->stalking_recorded || RecordsStalking(report.report);
      }
      series.reports.push_back(std::move(report));
    }
    if (length >= 2) {
      course.id = "C" + std::to_string(next_course_++);
      series.courses.push_back(std::move(course));
    }
  }
  series.courses.insert(series.courses.begin(), std::move(serial));
}

std::optional<SynthSeries> SynthGenerator::Next() {
  std::int64_t remaining = options_.reports - produced_;
  if (remaining <= 0) return std::nullopt;
  SynthSeries series;
  int budget = static_cast<int>(std::min<std::int64_t>(remaining, 12));
  double roll = random_.UniformDouble();
  if (budget >= 2 && roll < options_.serial_rate) {
    AddSerial(series, budget);
  } else if (budget >= 2 && roll < options_.serial_rate + options_.course_rate) {
    AddCourse(series, std::min(2 + static_cast<int>(Below(5)), budget));
  } else {
    AddSingle(series);
  }
  produced_ += static_cast<std::int64_t>(series.reports.size());
  return series;
}

}  // namespace vigil::app
