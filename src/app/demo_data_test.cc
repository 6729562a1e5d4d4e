#include "app/demo_data.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "app/app_test_fixture.h"
#include "app/demo_writer.h"
#include "app/jsonl_export.h"
#include "domain/person.h"
#include "domain/report.h"

namespace vigil::app {
namespace {

using test_support::StoreWithServices;

// Everything a generator produces, as text, for comparison.
std::string Describe(DemoOptions options, core::Timestamp now) {
  DemoDataGenerator generator(options, now);
  std::string text;
  while (std::optional<DemoBatch> batch = generator.NextBatch()) {
    text += "batch\n";
    for (const services::ImportPerson& person : batch->import.persons) {
      text += person.ref + " " + PersonLine(person.person) + "\n";
    }
    for (const services::ImportReport& report : batch->import.reports) {
      text += ReportLine(report.report) + "\n";
      for (const auto& person : report.persons) {
        text += " " + person.person_ref + " " + std::string(domain::PersonRoleName(person.role));
      }
      text += "\n";
    }
    for (const DemoCase& planned : batch->cases) {
      text += planned.value.title + " " + planned.value.owner + " " +
              std::string(domain::CaseStatusName(planned.status)) + "\n";
      for (const domain::Task& task : planned.tasks) text += " task " + task.text + "\n";
    }
  }
  return text;
}

std::vector<DemoBatch> Generate(DemoOptions options) {
  DemoDataGenerator generator(options, vigil::testing::TestNow());
  std::vector<DemoBatch> batches;
  while (std::optional<DemoBatch> batch = generator.NextBatch()) batches.push_back(*batch);
  return batches;
}

TEST(DemoDataTest, SameSeedAndDayGiveTheSameData) {
  DemoOptions options;
  options.reports = 400;
  options.seed = 7;
  core::Timestamp now = vigil::testing::TestNow();
  std::string first = Describe(options, now);
  EXPECT_EQ(Describe(options, now), first);
  // Only the day of `now` matters.
  EXPECT_EQ(Describe(options, now + std::chrono::hours(5)), first);
  options.seed = 8;
  EXPECT_NE(Describe(options, now), first);
}

TEST(DemoDataTest, BatchesHoldTheRequestedNumberOfReports) {
  DemoOptions options;
  options.reports = 250;
  options.batch_size = 100;
  std::vector<DemoBatch> batches = Generate(options);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[0].import.reports.size(), 100u);
  EXPECT_EQ(batches[1].import.reports.size(), 100u);
  EXPECT_EQ(batches[2].import.reports.size(), 50u);
}

TEST(DemoDataTest, EveryRecordIsValidAndRealistic) {
  DemoOptions options;
  options.reports = 1500;
  options.seed = 3;
  core::Timestamp now = vigil::testing::TestNow();
  core::Date today = std::chrono::floor<std::chrono::days>(now);
  const domain::Lookups& lookups = vigil::testing::TestLookups();
  std::set<std::string> references;
  int west_midlands = 0;
  int hidden_stalking = 0;
  int repeat_pairs = 0;
  int cases = 0;
  int overdue_tasks = 0;
  int demo_user_cases = 0;
  for (const DemoBatch& batch : Generate(options)) {
    std::set<std::string> refs;
    for (const services::ImportPerson& imported : batch.import.persons) {
      domain::Person person = imported.person;
      domain::NormalisePerson(person);
      core::Status valid = domain::ValidatePerson(person, lookups, today);
      ASSERT_TRUE(valid.ok()) << imported.ref << ": " << valid;
      EXPECT_TRUE(refs.insert(imported.ref).second) << imported.ref;
      for (const std::string& phone : person.phones) {
        EXPECT_TRUE(phone.starts_with("07700 900") || phone.find(" 496 0") != std::string::npos ||
                    phone.starts_with("020 7946 0"))
            << phone;
      }
      for (const std::string& email : person.emails) {
        EXPECT_TRUE(email.ends_with("@example.org") || email.ends_with("@example.com")) << email;
      }
    }
    std::set<std::string> pairs;
    for (const services::ImportReport& imported : batch.import.reports) {
      core::Status valid = domain::ValidateReport(imported.report, lookups, now);
      ASSERT_TRUE(valid.ok()) << imported.report.force_reference << ": " << valid;
      EXPECT_TRUE(
          references.insert(imported.report.force + imported.report.force_reference).second);
      EXPECT_GE(imported.report.received_at, now - std::chrono::days(560));
      west_midlands += imported.report.force == "west_midlands";
      hidden_stalking += imported.report.principal_classification != "stalking" &&
                         imported.report.HasClassification("stalking");
      std::string pair;
      for (const services::ImportReportPerson& person : imported.persons) {
        EXPECT_TRUE(refs.contains(person.person_ref)) << person.person_ref;
        pair += person.person_ref + "/";
      }
      repeat_pairs += !pairs.insert(pair).second;
    }
    for (const DemoCase& planned : batch.cases) {
      ++cases;
      EXPECT_FALSE(planned.value.owner.empty());
      EXPECT_FALSE(planned.value.supervisor.empty());
      EXPECT_GE(planned.force_references.size(), 2u);
      demo_user_cases += planned.value.owner == "demo.investigator";
      for (const domain::Task& task : planned.tasks) overdue_tasks += task.IsOverdue(now);
    }
  }
  EXPECT_EQ(references.size(), 1500u);
  EXPECT_GT(west_midlands, 1500 / 2);
  EXPECT_LT(west_midlands, 1500);
  EXPECT_GT(hidden_stalking, 100);
  EXPECT_GT(repeat_pairs, 200);
  EXPECT_GT(cases, 50);
  EXPECT_GT(demo_user_cases, 10);
  EXPECT_GT(overdue_tasks, 10);
}

TEST(DemoDataTest, WritesThroughServicesAndAppendsWithoutClashing) {
  vigil::testing::TempDir folder;
  StoreWithServices stored(folder.File("vigil.db"));
  DemoOptions options;
  options.reports = 150;
  options.batch_size = 40;
  auto first = WriteDemoData(stored.store(), stored.services(), OperatorCaller("test"), options);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->reports, 150);
  EXPECT_EQ(stored.CountReports(), 150);
  EXPECT_EQ(stored.CountPersons(), first->persons);
  EXPECT_GT(first->cases, 0);

  services::Caller demo_user{DemoActor(), "test", ""};
  storage::CaseQuery mine;
  mine.owner = "demo.investigator";
  auto cases = stored.services().ListCases(demo_user, mine);
  ASSERT_TRUE(cases.ok()) << cases.status();
  ASSERT_FALSE(cases->items.empty());
  auto detail = stored.services().GetCase(demo_user, cases->items[0].id);
  ASSERT_TRUE(detail.ok()) << detail.status();
  EXPECT_GE(detail->reports.size(), 2u);
  EXPECT_FALSE(detail->tasks.empty());
  EXPECT_FALSE(detail->notes.empty());

  // The same seed again, offset past the stored reports (as --append does).
  options.reference_offset = stored.CountReports();
  auto second = WriteDemoData(stored.store(), stored.services(), OperatorCaller("test"), options);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(stored.CountReports(), 300);
}

}  // namespace
}  // namespace vigil::app
