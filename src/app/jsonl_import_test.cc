#include "app/jsonl_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/jsonl_export.h"
#include "core/time.h"
#include "testing/test_lookups.h"

namespace vigil::app {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(JsonLinesImportTest, ReadsPersonsAndReportsWithRefsAndStoredIds) {
  std::string text =
      "\xEF\xBB\xBF"
      R"({"type":"person","ref":"P1","force":"west_midlands","names":[{"given_name":"Jo","family_name":"Bloggs"}],"phones":["07700 900123"]})"
      "\r\n"
      R"({"type":"report","force":"west_midlands","force_reference":"WM-1","received_at":"2026-06-01T09:30:00Z","reporting_officer":"PC 1","principal_classification":"harassment","included_classifications":["stalking"],)"
      R"("occasions":[{"occurred_on":"2026-05-30","occurred_at":"23:15","channel":"text_message","behaviours":["contacting"]}],)"
      R"("persons":[{"ref":"P1","role":"victim"},{"person_id":12,"role":"suspect"}]})"
      "\n";
  ParsedImport parsed;
  ReadJsonLines(text, "in.jsonl", parsed);
  ASSERT_THAT(parsed.problems, IsEmpty());
  ASSERT_EQ(parsed.batch.persons.size(), 1u);
  EXPECT_EQ(parsed.batch.persons[0].ref, "P1");
  EXPECT_EQ(parsed.batch.persons[0].location, "in.jsonl:1");
  EXPECT_THAT(parsed.batch.persons[0].person.phones, ElementsAre("07700 900123"));
  ASSERT_EQ(parsed.batch.reports.size(), 1u);
  const services::ImportReport& report = parsed.batch.reports[0];
  EXPECT_EQ(report.location, "in.jsonl:2");
  EXPECT_EQ(report.report.occasions.at(0).occurred_at_minute, 23 * 60 + 15);
  ASSERT_EQ(report.persons.size(), 2u);
  EXPECT_EQ(report.persons[0].person_ref, "P1");
  EXPECT_EQ(report.persons[1].person_id, domain::PersonId(12));
  EXPECT_EQ(report.persons[1].role, domain::PersonRole::kSuspect);
  EXPECT_THAT(report.report.persons, IsEmpty());
}

TEST(JsonLinesImportTest, ExportedIdsBecomeRefsWithinTheImport) {
  domain::Person person = vigil::testing::MakePerson();
  person.id = domain::PersonId(7);
  person.version = 3;
  person.created_at = vigil::testing::TestNow();
  domain::Report report = vigil::testing::MakeReport("WM-7");
  report.id = domain::ReportId(40);
  report.version = 2;
  report.case_id = domain::CaseId(5);
  report.occasions[0].id = domain::OccasionId(99);
  report.persons = {{domain::PersonId(7), domain::PersonRole::kVictim},
                    {domain::PersonId(8), domain::PersonRole::kSuspect}};
  std::string text = PersonLine(person) + "\n" + ReportLine(report) + "\n";

  ParsedImport parsed;
  ReadJsonLines(text, "export.jsonl", parsed);
  ResolveExportedPersonIds(parsed);
  ASSERT_THAT(parsed.problems, IsEmpty());
  ASSERT_EQ(parsed.batch.persons.size(), 1u);
  EXPECT_EQ(parsed.batch.persons[0].ref, "7");
  EXPECT_FALSE(parsed.batch.persons[0].person.id.assigned());
  EXPECT_EQ(parsed.batch.persons[0].person.version, 0);
  const services::ImportReport& imported = parsed.batch.reports.at(0);
  EXPECT_FALSE(imported.report.id.assigned());
  EXPECT_FALSE(imported.report.case_id.has_value());
  EXPECT_FALSE(imported.report.occasions[0].id.assigned());
  ASSERT_EQ(imported.persons.size(), 2u);
  // Person 7 is in the import: named by its ref. Person 8 is not: stays an id.
  EXPECT_EQ(imported.persons[0].person_ref, "7");
  EXPECT_FALSE(imported.persons[0].person_id.assigned());
  EXPECT_EQ(imported.persons[1].person_ref, "");
  EXPECT_EQ(imported.persons[1].person_id, domain::PersonId(8));
}

TEST(JsonLinesImportTest, ReportsEveryBadLineWithItsPath) {
  std::string text =
      "not json\n"
      "[1,2]\n"
      R"({"names":[]})"
      "\n"
      R"({"type":"vehicle"})"
      "\n"
      R"({"type":"person","names":[{"given_name":"Jo"}]})"
      "\n"
      R"({"type":"person","ref":"P2","names":"Jo","shoe_size":9})"
      "\n"
      R"({"type":"report","force_reference":"R1","received_at":"yesterday","reporting_officer":"PC 1","principal_classification":"stalking","persons":[{"ref":"P2","role":"bystander","age":3},{"role":"victim"}]})"
      "\n"
      "{\"type\":\"person\",\"ref\":\"P3\",\"names\":[{\"given_name\":\"\xFF\"}]}\n";
  ParsedImport parsed;
  ReadJsonLines(text, "bad.jsonl", parsed);
  std::vector<std::string> lines;
  for (const ImportProblem& problem : parsed.problems) {
    lines.push_back(problem.location + " " + problem.field);
  }
  EXPECT_THAT(lines, ElementsAre("bad.jsonl:1 json", "bad.jsonl:2 json", "bad.jsonl:3 type",
                                 "bad.jsonl:4 type", "bad.jsonl:5 ref", "bad.jsonl:6 names",
                                 "bad.jsonl:6 shoe_size", "bad.jsonl:7 persons[0].age",
                                 "bad.jsonl:7 persons[0].role", "bad.jsonl:7 persons[1]",
                                 "bad.jsonl:7 received_at", "bad.jsonl:8 record"));
  EXPECT_THAT(parsed.batch.persons,
              ElementsAre(::testing::Field(&services::ImportPerson::ref, "")));
  EXPECT_THAT(parsed.batch.reports, IsEmpty());
  // Refs of persons that could not be read are still known.
  EXPECT_TRUE(parsed.person_refs.contains("P2"));
}

}  // namespace
}  // namespace vigil::app
