#include "app/import_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace vigil::app {
namespace {

using test_support::StoreWithServices;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::string_view kPersonsCsv =
    "ref,given_name,family_name,aliases,date_of_birth,phones,emails,handles,postcodes,addresses,"
    "vehicles,force\n"
    "V1,Aisha,Khan,,1991-03-02,07700 900111,aisha.khan@example.org,,,"
    "\"14 Soho Road||Birmingham|B21 9AB\",,west_midlands\n"
    "S1,Liam,O'Brien,Li|Brien,1988-11-20,07700 900222,,instagram:@liam_ob,B20 3DE,,"
    "FY19KXM|silver Ford Fiesta,west_midlands\n";

constexpr std::string_view kReportsHeader =
    "force,force_reference,received_at,reporting_officer,principal_classification,"
    "included_classifications,narrative,victim_refs,suspect_refs,occurred_on,channel,behaviours\n";

std::string ReportsCsv(std::string_view rows) {
  return std::string(kReportsHeader) + std::string(rows);
}

constexpr std::string_view kGoodReportRows =
    "west_midlands,WM-20260601-00001,2026-06-01T09:30:00Z,PC 1234 Hughes,harassment,stalking,"
    "\"Victim reports messages, and the suspect waiting outside work.\",V1,S1,2026-05-30,"
    "text_message,contacting\n"
    "west_midlands,WM-20260605-00002,2026-06-05T18:00:00Z,PC 1234 Hughes,stalking,,"
    "Suspect followed the victim home.,V1,S1,2026-06-04,in_person,following;turning_up\n";

class ImportRunnerTest : public ::testing::Test {
 protected:
  ImportOutcome Import(const std::vector<ImportSource>& sources) {
    return ImportParsed(stored_.services(), OperatorCaller("test"),
                        ReadSources(sources, std::nullopt, std::nullopt));
  }

  vigil::testing::TempDir folder_;
  StoreWithServices stored_{folder_.File("vigil.db")};
};

TEST_F(ImportRunnerTest, ImportsGoodCsvFilesTogether) {
  ImportOutcome outcome = Import(
      {{"persons.csv", std::string(kPersonsCsv)}, {"reports.csv", ReportsCsv(kGoodReportRows)}});
  ASSERT_THAT(outcome.problems, IsEmpty());
  ASSERT_TRUE(outcome.failure.ok()) << outcome.failure;
  EXPECT_EQ(outcome.summary.persons, 2);
  EXPECT_EQ(outcome.summary.reports, 2);
  EXPECT_EQ(stored_.CountPersons(), 2);
  EXPECT_EQ(stored_.CountReports(), 2);

  storage::ReportQuery query;
  query.force_reference = "WM-20260601-00001";
  auto page = stored_.services().SearchReports(OperatorCaller("test"), query);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items.size(), 1u);
  const domain::Report& report = page->items[0];
  EXPECT_THAT(report.included_classifications, ElementsAre("stalking"));
  ASSERT_EQ(report.persons.size(), 2u);
  auto suspect = stored_.services().GetPerson(OperatorCaller("test"), report.persons[1].person_id);
  ASSERT_TRUE(suspect.ok()) << suspect.status();
  EXPECT_EQ(report.persons[1].role, domain::PersonRole::kSuspect);
  EXPECT_EQ(suspect->names[0].family_name, "O'Brien");
  EXPECT_EQ(suspect->vehicles[0].registration, "FY19KXM");
}

TEST_F(ImportRunnerTest, ImportsGoodJsonLines) {
  std::string text =
      R"({"type":"person","ref":"P1","force":"west_midlands","names":[{"given_name":"Jo","family_name":"Bloggs"}]})"
      "\n\n"
      R"({"type":"report","force":"west_midlands","force_reference":"WM-1","received_at":"2026-06-01T09:30:00Z",)"
      R"("reporting_officer":"PC 1","principal_classification":"stalking","persons":[{"ref":"P1","role":"victim"}]})"
      "\n";
  ImportOutcome outcome = Import({{"records.jsonl", text}});
  ASSERT_THAT(outcome.problems, IsEmpty());
  ASSERT_TRUE(outcome.failure.ok()) << outcome.failure;
  EXPECT_EQ(stored_.CountPersons(), 1);
  EXPECT_EQ(stored_.CountReports(), 1);
}

TEST_F(ImportRunnerTest, OneBadRowAmongGoodOnesLeavesTheStoreUntouched) {
  std::string earlier =
      R"({"type":"person","ref":"E1","force":"west_midlands","names":[{"given_name":"Ola","family_name":"Nowak"}]})"
      "\n";
  ASSERT_THAT(Import({{"earlier.jsonl", earlier}}).problems, IsEmpty());
  std::int64_t persons_before = stored_.CountPersons();
  std::int64_t reports_before = stored_.CountReports();
  std::string export_before = stored_.Export();
  ASSERT_EQ(persons_before, 1);

  // Rows 2, 3 and 5 are good; row 4 has an unknown classification and row
  // 6 names a person who is not in the import. Only the rules can tell.
  std::string rows(kGoodReportRows);
  rows += "west_midlands,WM-20260602-00003,2026-06-02T10:00:00Z,PC 9,burglary,,,V1,,,,\n";
  rows += "west_midlands,WM-20260603-00004,2026-06-03T10:00:00Z,PC 9,stalking,,,V1,,,,\n";
  rows += "west_midlands,WM-20260604-00005,2026-06-04T10:00:00Z,PC 9,stalking,,,NOBODY,,,,\n";
  ImportOutcome outcome =
      Import({{"persons.csv", std::string(kPersonsCsv)}, {"reports.csv", ReportsCsv(rows)}});
  EXPECT_TRUE(outcome.failure.ok()) << outcome.failure;
  std::vector<std::string> lines;
  for (const ImportProblem& problem : outcome.problems) lines.push_back(problem.ToString());
  EXPECT_THAT(
      lines, ElementsAre("reports.csv:4: principal_classification: is not a known classification",
                         "reports.csv:6: persons[0].ref: 'NOBODY' is not a person in this import"));
  EXPECT_EQ(outcome.summary.persons, 0);
  EXPECT_EQ(stored_.CountPersons(), persons_before);
  EXPECT_EQ(stored_.CountReports(), reports_before);
  EXPECT_EQ(stored_.Export(), export_before);
}

TEST_F(ImportRunnerTest, SyntaxAndRuleProblemsAreListedTogetherAndNothingIsWritten) {
  std::string persons = std::string(kPersonsCsv) +
                        "S2,Kim,Lee,,not-a-date,,,,,,,west_midlands\n"
                        "S3,Ann,Ray,,,12,,,,,,atlantis\n";
  std::string reports =
      ReportsCsv(std::string(kGoodReportRows) +
                 "west_midlands,WM-20260606-00009,2026-06-06T10:00:00Z,PC 9,stalking,,,V1,S1,\n");
  ImportOutcome outcome = Import({{"persons.csv", persons}, {"reports.csv", reports}});
  std::vector<std::string> lines;
  for (const ImportProblem& problem : outcome.problems) lines.push_back(problem.ToString());
  EXPECT_THAT(lines,
              ElementsAre("persons.csv:4: date_of_birth: 'not-a-date' is not a date in the form "
                          "YYYY-MM-DD",
                          "persons.csv:5: force: is not a known force",
                          "persons.csv:5: phones[0]: must be a phone number of 7 to 15 digits",
                          "reports.csv:4: record: has 10 fields but the header has 12"));
  EXPECT_EQ(stored_.CountPersons(), 0);
  EXPECT_EQ(stored_.CountReports(), 0);
}

TEST_F(ImportRunnerTest, ReferenceAlreadyStoredIsAProblemAtItsLine) {
  ASSERT_THAT(Import({{"persons.csv", std::string(kPersonsCsv)},
                      {"reports.csv", ReportsCsv(kGoodReportRows)}})
                  .problems,
              IsEmpty());
  std::string again =
      R"({"type":"report","force":"west_midlands","force_reference":"WM-NEW","received_at":"2026-06-01T09:30:00Z","reporting_officer":"PC 1","principal_classification":"stalking"})"
      "\n"
      R"({"type":"report","force":"west_midlands","force_reference":"WM-20260601-00001","received_at":"2026-06-01T09:30:00Z","reporting_officer":"PC 1","principal_classification":"stalking"})"
      "\n";
  ImportOutcome outcome = Import({{"more.jsonl", again}});
  ASSERT_EQ(outcome.problems.size(), 1u);
  EXPECT_EQ(outcome.problems[0].location, "more.jsonl:2");
  EXPECT_EQ(stored_.CountReports(), 2);
}

TEST_F(ImportRunnerTest, AFileOfUnknownFormatOrKindIsAProblem) {
  ImportOutcome outcome = Import({{"records.txt", "x"}, {"odd.csv", "a,b\n1,2\n"}});
  ASSERT_EQ(outcome.problems.size(), 2u);
  EXPECT_EQ(outcome.problems[0].ToString(),
            "records.txt: format: cannot tell the format from the file name; use --format csv "
            "or --format jsonl");
  EXPECT_EQ(outcome.problems[1].field, "kind");
}

TEST(ImportFormatTest, GuessesFromTheExtension) {
  EXPECT_EQ(GuessFormat("a/persons.CSV"), ImportFormat::kCsv);
  EXPECT_EQ(GuessFormat("export.jsonl"), ImportFormat::kJsonLines);
  EXPECT_EQ(GuessFormat("export.ndjson"), ImportFormat::kJsonLines);
  EXPECT_EQ(GuessFormat("-"), std::nullopt);
  EXPECT_EQ(GuessFormat("csv"), std::nullopt);
}

TEST(ImportProblemTest, SplitsServiceFieldsIntoLocationAndField) {
  core::Status status = core::InvalidArgument(
      "bad", {{"reports.csv:12.occasions[0].channel", "unknown_value", "is not a known channel"},
              {"data.v2.jsonl:3", "already_exists", "taken"},
              {"unplaced", "x", "odd"}});
  std::vector<ImportProblem> problems = ProblemsFromStatus(status);
  EXPECT_THAT(problems, ElementsAre(ImportProblem{"reports.csv:12", "occasions[0].channel",
                                                  "is not a known channel"},
                                    ImportProblem{"data.v2.jsonl:3", "record", "taken"},
                                    ImportProblem{"", "unplaced", "odd"}));
  EXPECT_EQ(problems[2].ToString(), "unplaced: odd");
}

}  // namespace
}  // namespace vigil::app
