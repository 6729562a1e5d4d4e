#include "app/link_csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace vigil::app {
namespace {

struct Read {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  std::vector<std::string> problems;  // "LINE: message".
};

Read ReadAll(const std::string& text, LinkCsvLimits limits = {}) {
  std::istringstream in(text);
  LinkCsvReader reader(in, "in.csv", limits);
  Read read;
  if (reader.ReadHeader()) {
    read.header = reader.header();
    std::vector<std::string_view> fields;
    while (reader.Next(fields)) {
      read.rows.emplace_back(fields.begin(), fields.end());
      read.lines.push_back(reader.line());
    }
  }
  for (const LinkCsvProblem& problem : reader.problems()) {
    read.problems.push_back(std::to_string(problem.line) + ": " + problem.message);
  }
  return read;
}

TEST(LinkCsvReaderTest, ReadsQuotedFieldsAndTrimsFebrlSpaces) {
  Read read = ReadAll(
      "\xEF\xBB\xBFrec_id, given_name, surname\r\n"
      "rec-1-org, michaela, neumann\r\n"
      "\r\n"
      "rec-2, \"o'\"\"brien, jr\", \"a\nb\"\n"
      "rec-3,,\t x \n"
      "rec-4,last,line");
  EXPECT_TRUE(read.problems.empty()) << read.problems.front();
  EXPECT_EQ(read.header, (std::vector<std::string>{"rec_id", "given_name", "surname"}));
  ASSERT_EQ(read.rows.size(), 4u);
  EXPECT_EQ(read.rows[0], (std::vector<std::string>{"rec-1-org", "michaela", "neumann"}));
  EXPECT_EQ(read.rows[1], (std::vector<std::string>{"rec-2", "o'\"brien, jr", "a\nb"}));
  EXPECT_EQ(read.rows[2], (std::vector<std::string>{"rec-3", "", "x"}));
  EXPECT_EQ(read.lines, (std::vector<int>{2, 4, 6, 7}));
}

TEST(LinkCsvReaderTest, ReportsBadRecordsWithLinesAndCarriesOn) {
  Read read = ReadAll(
      "a,b\n"
      "1,2,3\n"
      "x\"y,2\n"
      "\"x\" y,2\n"
      "ok,\xff\n"
      "good,row\n");
  ASSERT_EQ(read.rows.size(), 1u);
  EXPECT_EQ(read.rows[0][0], "good");
  ASSERT_EQ(read.problems.size(), 4u);
  EXPECT_EQ(read.problems[0], "2: has 3 fields but the header has 2");
  EXPECT_NE(read.problems[1].find("3: has a quote"), std::string::npos);
  EXPECT_NE(read.problems[2].find("4: has text after the closing quote"), std::string::npos);
  EXPECT_EQ(read.problems[3], "5: is not valid UTF-8 (save the file as UTF-8)");
}

TEST(LinkCsvReaderTest, StopsAtAnUnclosedQuote) {
  Read read = ReadAll("a,b\n1,2\n3,\"never\nclosed\n");
  EXPECT_EQ(read.rows.size(), 1u);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_NE(read.problems[0].find("3: has a quoted field that is never closed"), std::string::npos);
}

TEST(LinkCsvReaderTest, ReportsEmptyFilesAndHugeFields) {
  EXPECT_EQ(
      ReadAll("").problems,
      (std::vector<std::string>{"1: the file is empty; the first line must be the header row"}));
  EXPECT_EQ(ReadAll("\n\n").problems.size(), 1u);
  LinkCsvLimits limits;
  limits.max_field_bytes = 8;
  Read read = ReadAll("a,b\n12345678,x\n123456789,y\n", limits);
  ASSERT_EQ(read.rows.size(), 1u);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0], "3: has a field longer than 8 bytes");
  limits.max_fields = 3;
  Read wide = ReadAll("a,b\n1,2,3,4,5\n", limits);
  EXPECT_NE(wide.problems[0].find("more than 3 fields"), std::string::npos);
}

TEST(LinkCsvReaderTest, ReadsAcrossChunkBoundaries) {
  std::string text = "id,name\n";
  for (int row = 0; row < 100000; ++row)
    text += std::to_string(row) + ",\"name, " + std::to_string(row) + "\"\n";
  Read read = ReadAll(text);
  ASSERT_EQ(read.rows.size(), 100000u);
  EXPECT_EQ(read.rows[99999][1], "name, 99999");
  EXPECT_EQ(read.lines[99999], 100001);
}

TEST(IsValidUtf8TextTest, AcceptsUtf8AndRejectsTheRest) {
  EXPECT_TRUE(IsValidUtf8Text("plain"));
  EXPECT_TRUE(IsValidUtf8Text("Zo\xc3\xab \xe2\x80\x99 \xf0\x9f\x98\x80"));
  EXPECT_FALSE(IsValidUtf8Text("\xc3"));              // Cut short.
  EXPECT_FALSE(IsValidUtf8Text("\xc0\xaf"));          // Overlong.
  EXPECT_FALSE(IsValidUtf8Text("\xed\xa0\x80"));      // Surrogate.
  EXPECT_FALSE(IsValidUtf8Text("\xf4\x90\x80\x80"));  // Above U+10FFFF.
  EXPECT_FALSE(IsValidUtf8Text("\xe2\x28\xa1"));      // Bad continuation.
}

}  // namespace
}  // namespace vigil::app
