#include "app/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vigil::app {

void PrintTo(const CsvProblem& problem, std::ostream* out) {
  *out << "line " << problem.line << ": " << problem.message;
}

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::vector<std::string>> Fields(const CsvTable& table) {
  std::vector<std::vector<std::string>> fields;
  for (const CsvRow& row : table.rows) fields.push_back(row.fields);
  return fields;
}

std::vector<int> Lines(const CsvTable& table) {
  std::vector<int> lines;
  for (const CsvRow& row : table.rows) lines.push_back(row.line);
  return lines;
}

TEST(CsvReaderTest, ReadsHeaderAndRowsWithTheirLines) {
  CsvTable table = ParseCsv("a,b,c\n1,2,3\n4,5,6\n");
  EXPECT_THAT(table.problems, IsEmpty());
  EXPECT_THAT(table.header, ElementsAre("a", "b", "c"));
  EXPECT_EQ(table.header_line, 1);
  EXPECT_THAT(Fields(table), ElementsAre(ElementsAre("1", "2", "3"), ElementsAre("4", "5", "6")));
  EXPECT_THAT(Lines(table), ElementsAre(2, 3));
}

TEST(CsvReaderTest, LastRecordNeedsNoLineEnd) {
  CsvTable table = ParseCsv("a,b\n1,2");
  EXPECT_THAT(table.problems, IsEmpty());
  EXPECT_THAT(Fields(table), ElementsAre(ElementsAre("1", "2")));
}

TEST(CsvReaderTest, QuotedFieldsHoldCommasLineEndsAndDoubledQuotes) {
  CsvTable table = ParseCsv(
      "name,narrative,n\n"
      "\"Smith, Jo\",\"He said \"\"stop\"\"\nthen left\",1\n"
      "\"\",plain,2\n");
  EXPECT_THAT(table.problems, IsEmpty());
  EXPECT_THAT(Fields(table),
              ElementsAre(ElementsAre("Smith, Jo", "He said \"stop\"\nthen left", "1"),
                          ElementsAre("", "plain", "2")));
  // The second record starts on line 4: the first spans lines 2 and 3.
  EXPECT_THAT(Lines(table), ElementsAre(2, 4));
}

TEST(CsvReaderTest, AcceptsCrlfAndReadsCrlfInsideQuotesAsLf) {
  CsvTable table = ParseCsv("a,b\r\n1,\"x\r\ny\"\r\n3,4\r\n");
  EXPECT_THAT(table.problems, IsEmpty());
  EXPECT_THAT(table.header, ElementsAre("a", "b"));
  EXPECT_THAT(Fields(table), ElementsAre(ElementsAre("1", "x\ny"), ElementsAre("3", "4")));
  EXPECT_THAT(Lines(table), ElementsAre(2, 4));
}

TEST(CsvReaderTest, LoneCarriageReturnEndsALine) {
  CsvTable table = ParseCsv("a,b\r1,2\r");
  EXPECT_THAT(table.problems, IsEmpty());
  EXPECT_THAT(Fields(table), ElementsAre(ElementsAre("1", "2")));
  EXPECT_THAT(Lines(table), ElementsAre(2));
}

TEST(CsvReaderTest, SkipsByteOrderMarkAndBlankLines) {
  CsvTable table = ParseCsv("\xEF\xBB\xBFref,name\n\nP1,Jo\n\n\nP2,Sam\n");
  EXPECT_THAT(table.problems, IsEmpty());
  EXPECT_THAT(table.header, ElementsAre("ref", "name"));
  EXPECT_THAT(Lines(table), ElementsAre(3, 6));
}

TEST(CsvReaderTest, TrimsSpacesAroundHeaderNamesButNotValues) {
  CsvTable table = ParseCsv(" ref ,\tname\n P1 , Jo \n");
  EXPECT_THAT(table.header, ElementsAre("ref", "name"));
  EXPECT_THAT(Fields(table), ElementsAre(ElementsAre(" P1 ", " Jo ")));
}

TEST(CsvReaderTest, ReportsEveryRaggedRowWithItsLine) {
  CsvTable table = ParseCsv("a,b,c\n1,2,3\n1,2\n1,2,3,4\n7,8,9\n5\n");
  EXPECT_THAT(table.problems, ElementsAre(CsvProblem{3, "has 2 fields but the header has 3"},
                                          CsvProblem{4, "has 4 fields but the header has 3"},
                                          CsvProblem{6, "has 1 field but the header has 3"}));
  EXPECT_THAT(Lines(table), ElementsAre(2, 5));
}

TEST(CsvReaderTest, ReportsAnUnterminatedQuoteAtTheLineItOpened) {
  CsvTable table = ParseCsv("a,b\n1,2\n3,\"never closed\n4,5\n");
  EXPECT_THAT(table.problems, ElementsAre(CsvProblem{
                                  3, "has a quoted field that is never closed (a \" is missing)"}));
  EXPECT_THAT(Lines(table), ElementsAre(2));
}

TEST(CsvReaderTest, ReportsStrayQuotesAndKeepsGoing) {
  CsvTable table = ParseCsv("a,b\nab\"c,1\n\"ok\"x,2\n3,4\n");
  ASSERT_EQ(table.problems.size(), 2u);
  EXPECT_EQ(table.problems[0].line, 2);
  EXPECT_EQ(table.problems[0].message,
            "has a quote inside unquoted field 1 (quote the whole field and double the quote)");
  EXPECT_EQ(table.problems[1].line, 3);
  EXPECT_EQ(table.problems[1].message, "has text after the closing quote of field 1");
  EXPECT_THAT(Fields(table), ElementsAre(ElementsAre("3", "4")));
}

TEST(CsvReaderTest, ReportsInvalidUtf8ByLine) {
  CsvTable table = ParseCsv("a,b\n1,caf\xC3\xA9\n2,\xFF\xFE\n3,\"multi\nline \xC0\"\n4,ok\n");
  EXPECT_THAT(table.problems,
              ElementsAre(CsvProblem{3, "is not valid UTF-8 (save the file as UTF-8)"},
                          CsvProblem{5, "is not valid UTF-8 (save the file as UTF-8)"}));
  EXPECT_THAT(Fields(table), ElementsAre(ElementsAre("1", "caf\xC3\xA9"), ElementsAre("4", "ok")));
}

TEST(CsvReaderTest, EmptyFileHasNoHeader) {
  for (std::string_view text : {"", "\xEF\xBB\xBF", "\n\n", "\r\n"}) {
    CsvTable table = ParseCsv(text);
    EXPECT_EQ(table.header_line, 0) << text;
    EXPECT_THAT(table.problems, ElementsAre(CsvProblem{
                                    1, "the file is empty; the first line must be the header row"}))
        << text;
  }
}

TEST(CsvReaderTest, HeaderOnlyFileHasNoRows) {
  CsvTable table = ParseCsv("a,b\n");
  EXPECT_THAT(table.problems, IsEmpty());
  EXPECT_THAT(table.rows, IsEmpty());
  EXPECT_EQ(table.header_line, 1);
}

TEST(CsvReaderTest, EmptyFieldsAtEitherEnd) {
  CsvTable table = ParseCsv("a,b,c\n,,\n,x,\n");
  EXPECT_THAT(table.problems, IsEmpty());
  EXPECT_THAT(Fields(table), ElementsAre(ElementsAre("", "", ""), ElementsAre("", "x", "")));
}

}  // namespace
}  // namespace vigil::app
