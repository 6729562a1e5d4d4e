#include "app/csv_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/cell_values.h"
#include "core/time.h"

namespace vigil::app {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::string_view kPersonsHeader =
    "ref,given_name,family_name,aliases,date_of_birth,phones,emails,handles,postcodes,addresses,"
    "vehicles,force\n";
constexpr std::string_view kReportsHeader =
    "force,force_reference,received_at,reporting_officer,principal_classification,"
    "included_classifications,narrative,victim_refs,suspect_refs,occurred_on,channel,behaviours\n";

TEST(CellValuesTest, SplitsListsWithEscapes) {
  EXPECT_THAT(ListItems(" a ; b;;c; "), ElementsAre("a", "b", "c"));
  EXPECT_THAT(ListItems(R"(semi\;colon;back\\slash)"), ElementsAre("semi;colon", "back\\slash"));
  EXPECT_THAT(ListItems(""), IsEmpty());
  EXPECT_THAT(ItemParts(R"(1 High St|Flat 2\|B|Birmingham|B1 1AA)"),
              ElementsAre("1 High St", "Flat 2|B", "Birmingham", "B1 1AA"));
  EXPECT_THAT(SplitEscaped("a;b", ';'), ElementsAre("a", "b"));
  EXPECT_EQ(Unescape("trailing\\"), "trailing\\");
}

TEST(CsvImportTest, ReadsEveryPersonColumn) {
  std::string text(kPersonsHeader);
  text +=
      "P1,Jo,Bloggs,Joanne|Smith;Jo|Bloggs-Smith,1990-04-01,07700 900123;0121 496 0000,"
      "jo@example.org,instagram:@jo_b;x:@jb,B1 1AA,\"1 High Street|Flat 2|Birmingham|B2 4QA\","
      "AB12CDE|silver Ford Fiesta;XY99ZZZ,west_midlands\n";
  ParsedImport parsed;
  ReadPersonsCsv(text, "persons.csv", parsed);
  ASSERT_THAT(parsed.problems, IsEmpty());
  ASSERT_EQ(parsed.batch.persons.size(), 1u);
  const services::ImportPerson& imported = parsed.batch.persons[0];
  EXPECT_EQ(imported.ref, "P1");
  EXPECT_EQ(imported.location, "persons.csv:2");
  const domain::Person& person = imported.person;
  EXPECT_EQ(person.force, "west_midlands");
  EXPECT_THAT(person.names, ElementsAre(domain::PersonName{"Jo", "Bloggs", false},
                                        domain::PersonName{"Joanne", "Smith", true},
                                        domain::PersonName{"Jo", "Bloggs-Smith", true}));
  EXPECT_EQ(person.date_of_birth, core::ParseDate("1990-04-01"));
  EXPECT_THAT(person.phones, ElementsAre("07700 900123", "0121 496 0000"));
  EXPECT_THAT(person.emails, ElementsAre("jo@example.org"));
  EXPECT_THAT(person.handles, ElementsAre(domain::OnlineHandle{"instagram", "@jo_b"},
                                          domain::OnlineHandle{"x", "@jb"}));
  EXPECT_THAT(person.addresses,
              ElementsAre(domain::Address{"", "", "", "B1 1AA"},
                          domain::Address{"1 High Street", "Flat 2", "Birmingham", "B2 4QA"}));
  EXPECT_THAT(person.vehicles, ElementsAre(domain::Vehicle{"AB12CDE", "silver Ford Fiesta"},
                                           domain::Vehicle{"XY99ZZZ", ""}));
}

TEST(CsvImportTest, OptionalPersonColumnsMayBeLeftOut) {
  ParsedImport parsed;
  ReadPersonsCsv("force,ref,family_name,given_name\nwest_midlands,P9,Khan,Aisha\n", "p.csv",
                 parsed);
  ASSERT_THAT(parsed.problems, IsEmpty());
  ASSERT_EQ(parsed.batch.persons.size(), 1u);
  EXPECT_THAT(parsed.batch.persons[0].person.names,
              ElementsAre(domain::PersonName{"Aisha", "Khan", false}));
  EXPECT_THAT(parsed.person_refs, ElementsAre("P9"));
}

TEST(CsvImportTest, ReportsEveryBadCellWithItsLine) {
  std::string text(kPersonsHeader);
  text += "P1,Jo,Bloggs,Joanne,01/04/1990,,,instagram,,1 High Street,A|B|C,west_midlands\n";
  text += "P2,Sam,Hughes,,,,,,,,,west_midlands\n";
  ParsedImport parsed;
  ReadPersonsCsv(text, "persons.csv", parsed);
  EXPECT_THAT(
      parsed.problems,
      ElementsAre(
          ImportProblem{"persons.csv:2", "aliases",
                        "'Joanne' must be written given names|family name (one | between them)"},
          ImportProblem{"persons.csv:2", "date_of_birth",
                        "'01/04/1990' is not a date in the form YYYY-MM-DD"},
          ImportProblem{"persons.csv:2", "handles", "'instagram' must be written platform:handle"},
          ImportProblem{"persons.csv:2", "addresses",
                        "'1 High Street' must have four parts: line1|line2|town|postcode"},
          ImportProblem{"persons.csv:2", "vehicles",
                        "'A|B|C' must be written registration|description"}));
  // Both rows still become records, so their refs are known.
  EXPECT_EQ(parsed.batch.persons.size(), 2u);
}

TEST(CsvImportTest, RejectsUnknownRepeatedAndMissingColumns) {
  ParsedImport parsed;
  ReadPersonsCsv("ref,given_name,given_name,nickname,\nP1,Jo,Jo,JB,\n", "persons.csv", parsed);
  ASSERT_EQ(parsed.problems.size(), 5u);
  EXPECT_EQ(parsed.problems[0].location, "persons.csv:1");
  EXPECT_EQ(parsed.problems[0].field, "header");
  EXPECT_EQ(parsed.problems[0].message, "column 'given_name' appears twice");
  EXPECT_THAT(parsed.problems[1].message, ::testing::StartsWith("unknown column 'nickname'"));
  EXPECT_EQ(parsed.problems[2].message, "column 5 has no name");
  EXPECT_EQ(parsed.problems[3].message, "the required column 'family_name' is missing");
  EXPECT_EQ(parsed.problems[4].message, "the required column 'force' is missing");
  EXPECT_THAT(parsed.batch.persons, IsEmpty());
}

TEST(CsvImportTest, ReaderProblemsKeepTheirLines) {
  std::string text(kPersonsHeader);
  text += "P1,Jo\n";
  ParsedImport parsed;
  ReadPersonsCsv(text, "persons.csv", parsed);
  EXPECT_THAT(parsed.problems, ElementsAre(ImportProblem{"persons.csv:2", "record",
                                                         "has 2 fields but the header has 12"}));
}

TEST(CsvImportTest, ReadsReportsWithOneOccasionAndPersons) {
  std::string text(kReportsHeader);
  text +=
      "west_midlands,WM-20260412-00123,2026-04-12T09:30:00Z,PC 1234 Hughes,harassment,stalking,"
      "\"Victim reports messages, and visits.\",P1,P2;id:17,2026-04-10,text_message,"
      "contacting;turning_up\n";
  text += "west_midlands,WM-20260412-00124,2026-04-12T10:00:00+01:00,PC 1,stalking,,,,,,,\n";
  ParsedImport parsed;
  ReadReportsCsv(text, "reports.csv", parsed);
  ASSERT_THAT(parsed.problems, IsEmpty());
  ASSERT_EQ(parsed.batch.reports.size(), 2u);
  const services::ImportReport& first = parsed.batch.reports[0];
  EXPECT_EQ(first.location, "reports.csv:2");
  EXPECT_EQ(first.report.force_reference, "WM-20260412-00123");
  EXPECT_EQ(first.report.received_at, core::ParseTimestamp("2026-04-12T09:30:00Z"));
  EXPECT_EQ(first.report.principal_classification, "harassment");
  EXPECT_THAT(first.report.included_classifications, ElementsAre("stalking"));
  EXPECT_EQ(first.report.narrative, "Victim reports messages, and visits.");
  ASSERT_EQ(first.report.occasions.size(), 1u);
  EXPECT_EQ(first.report.occasions[0].occurred_on, core::ParseDate("2026-04-10"));
  EXPECT_EQ(first.report.occasions[0].channel, "text_message");
  EXPECT_THAT(first.report.occasions[0].behaviours, ElementsAre("contacting", "turning_up"));
  ASSERT_EQ(first.persons.size(), 3u);
  EXPECT_EQ(first.persons[0].person_ref, "P1");
  EXPECT_EQ(first.persons[0].role, domain::PersonRole::kVictim);
  EXPECT_EQ(first.persons[1].person_ref, "P2");
  EXPECT_EQ(first.persons[1].role, domain::PersonRole::kSuspect);
  EXPECT_EQ(first.persons[2].person_ref, "");
  EXPECT_EQ(first.persons[2].person_id, domain::PersonId(17));
  const services::ImportReport& second = parsed.batch.reports[1];
  EXPECT_EQ(second.report.received_at, core::ParseTimestamp("2026-04-12T09:00:00Z"));
  EXPECT_THAT(second.report.occasions, IsEmpty());
  EXPECT_THAT(second.persons, IsEmpty());
}

TEST(CsvImportTest, ReportsBadReportCells) {
  std::string text(kReportsHeader);
  text += "west_midlands,R1,12/04/2026,PC 1,stalking,,,,id:x,,in_person,\n";
  text += "west_midlands,R2,2026-04-12T09:30:00Z,PC 1,stalking,,,,,2026-02-30,,\n";
  ParsedImport parsed;
  ReadReportsCsv(text, "reports.csv", parsed);
  EXPECT_THAT(
      parsed.problems,
      ElementsAre(ImportProblem{"reports.csv:2", "received_at",
                                "'12/04/2026' is not a timestamp such as 2026-04-12T09:30:00Z"},
                  ImportProblem{"reports.csv:2", "suspect_refs",
                                "'id:x' is not a stored person id (write id:123)"},
                  ImportProblem{"reports.csv:2", "occurred_on",
                                "is required when channel or behaviours are given"},
                  ImportProblem{"reports.csv:3", "occurred_on",
                                "'2026-02-30' is not a date in the form YYYY-MM-DD"}));
}

TEST(CsvImportTest, GuessesTheKindFromTheHeader) {
  EXPECT_EQ(GuessCsvKind(kPersonsHeader), CsvKind::kPersons);
  EXPECT_EQ(GuessCsvKind(kReportsHeader), CsvKind::kReports);
  EXPECT_EQ(GuessCsvKind("a,b\n1,2\n"), std::nullopt);
  EXPECT_EQ(GuessCsvKind(""), std::nullopt);
}

}  // namespace
}  // namespace vigil::app
