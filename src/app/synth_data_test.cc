#include "app/synth_data.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/app_test_fixture.h"
#include "app/import_runner.h"
#include "app/synth_writer.h"

namespace vigil::app {
namespace {

using test_support::StoreWithServices;
using ::testing::IsEmpty;

// Reports received up to a day before the tests' clock (TestNow, 15 June 2026).
SynthOptions Options(std::int64_t reports, std::uint64_t seed) {
  SynthOptions options;
  options.reports = reports;
  options.seed = seed;
  options.until = core::Date(std::chrono::year(2026) / 6 / 14);
  return options;
}

std::vector<SynthSeries> Generate(const SynthOptions& options) {
  SynthGenerator generator(options);
  std::vector<SynthSeries> all;
  while (std::optional<SynthSeries> series = generator.Next()) all.push_back(*series);
  return all;
}

// Every row a writer would write, as text.
std::string Describe(const SynthOptions& options) {
  std::string text;
  for (const SynthSeries& series : Generate(options)) {
    for (const SynthPersonRecord& person : series.persons) {
      text += PersonCsvRow(person.record) + " " + person.true_person + "\n";
    }
    for (const services::ImportReport& report : series.reports) {
      text += ReportCsvRow(report) + "\n";
    }
    for (const SynthCourse& course : series.courses) {
      text += course.id + " " + course.kind + " " + course.suspect + "\n";
    }
  }
  return text;
}

TEST(SynthDataTest, SameSeedGivesTheSameData) {
  std::string first = Describe(Options(300, 5));
  EXPECT_EQ(Describe(Options(300, 5)), first);
  EXPECT_NE(Describe(Options(300, 6)), first);
}

TEST(SynthDataTest, GivesExactlyTheReportsAskedForEachWithItsPersons) {
  for (std::int64_t wanted : {1, 2, 7, 500}) {
    std::int64_t reports = 0;
    for (const SynthSeries& series : Generate(Options(wanted, 1))) {
      std::set<std::string> refs;
      for (const SynthPersonRecord& person : series.persons) refs.insert(person.record.ref);
      for (const services::ImportReport& report : series.reports) {
        ++reports;
        ASSERT_FALSE(report.persons.empty());
        for (const services::ImportReportPerson& person : report.persons) {
          EXPECT_TRUE(refs.count(person.person_ref)) << person.person_ref;
        }
      }
    }
    EXPECT_EQ(reports, wanted);
  }
}

TEST(SynthDataTest, PlantsCoursesAndSerialPerpetratorsWithTheirTruth) {
  std::map<std::string, std::string> true_person_of;                    // ref -> true person.
  std::map<std::string, std::vector<std::string>> persons_of_report;    // ref -> true persons.
  std::map<std::string, std::set<std::string>> records_of_true_person;  // true -> refs.
  std::vector<SynthCourse> courses;
  for (const SynthSeries& series : Generate(Options(3000, 2))) {
    for (const SynthPersonRecord& person : series.persons) {
      true_person_of[person.record.ref] = person.true_person;
      persons_of_report[person.force_reference].push_back(person.true_person);
      records_of_true_person[person.true_person].insert(
          PersonCsvRow(person.record)
              .substr(PersonCsvRow(person.record).find(',')));  // Without the ref.
    }
    courses.insert(courses.end(), series.courses.begin(), series.courses.end());
  }
  int serials = 0;
  int hidden = 0;
  int across_forces = 0;
  for (const SynthCourse& course : courses) {
    ASSERT_GE(course.force_references.size(), 2u) << course.id;
    if (course.kind == "serial_perpetrator") {
      ++serials;
      EXPECT_GE(course.victims.size(), 2u);
    } else {
      EXPECT_EQ(course.kind, "course_of_conduct");
      EXPECT_EQ(course.victims.size(), 1u);
    }
    if (!course.stalking_recorded) ++hidden;
    if (std::set<std::string>(course.forces.begin(), course.forces.end()).size() > 1) {
      ++across_forces;
    }
    for (const std::string& reference : course.force_references) {
      const std::vector<std::string>& present = persons_of_report[reference];
      EXPECT_THAT(present, ::testing::Contains(course.suspect)) << reference;
    }
  }
  EXPECT_GT(courses.size(), 100u);
  EXPECT_GT(serials, 10);
  EXPECT_GT(hidden, 10);
  EXPECT_GT(across_forces, 10);
  // A true person recorded several times is recorded differently (noise).
  int varied = 0;
  for (const auto& [person, rows] : records_of_true_person) {
    if (rows.size() > 1) ++varied;
  }
  EXPECT_GT(varied, 300);
}

class SynthRoundTripTest : public ::testing::TestWithParam<SynthFormat> {
 protected:
  vigil::testing::TempDir folder_;
  StoreWithServices stored_{folder_.File("vigil.db")};
};

TEST_P(SynthRoundTripTest, WrittenFilesImportThroughTheImportCode) {
  std::string out = folder_.File("synth");
  SynthWriter writer(out, GetParam());
  ASSERT_TRUE(writer.Open().ok());
  SynthGenerator generator(Options(400, 9));
  std::int64_t persons = 0;
  std::int64_t reports = 0;
  while (std::optional<SynthSeries> series = generator.Next()) {
    writer.Write(*series);
    persons += static_cast<std::int64_t>(series->persons.size());
    reports += static_cast<std::int64_t>(series->reports.size());
  }
  core::Status committed = writer.Commit();
  ASSERT_TRUE(committed.ok()) << committed;

  std::vector<std::string> names = SynthFileNames(GetParam());
  std::vector<ImportSource> sources;
  for (std::size_t index = 0; index < 2; ++index) {
    sources.push_back({names[index], test_support::ReadFile(out + "/" + names[index])});
  }
  ImportOutcome outcome = ImportParsed(stored_.services(), OperatorCaller("test"),
                                       ReadSources(sources, std::nullopt, std::nullopt));
  ASSERT_THAT(outcome.problems, IsEmpty())
      << outcome.problems.front().ToString() << " (and " << outcome.problems.size() - 1 << " more)";
  ASSERT_TRUE(outcome.failure.ok()) << outcome.failure;
  EXPECT_EQ(stored_.CountPersons(), persons);
  EXPECT_EQ(stored_.CountReports(), reports);

  std::string truth = test_support::ReadFile(out + "/truth_persons.csv");
  EXPECT_EQ(std::count(truth.begin(), truth.end(), '\n'), persons + 1);
  EXPECT_TRUE(truth.starts_with("ref,person,role,force_reference\n"));
}

INSTANTIATE_TEST_SUITE_P(Formats, SynthRoundTripTest,
                         ::testing::Values(SynthFormat::kCsv, SynthFormat::kJsonLines));

}  // namespace
}  // namespace vigil::app
