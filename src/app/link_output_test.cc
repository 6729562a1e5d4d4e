#include "app/link_output.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/link_progress.h"
#include "testing/temp_dir.h"

namespace vigil::app {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

TEST(CsvFieldTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(AtomicFileTest, AppearsOnlyWhenCommitted) {
  testing::TempDir directory;
  std::string path = directory.File("out.csv");
  {
    AtomicFile file(path);
    ASSERT_TRUE(file.Open().ok());
    file.stream() << "half";
  }  // Destroyed uncommitted.
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::is_empty(directory.path()));
  AtomicFile file(path);
  ASSERT_TRUE(file.Open().ok());
  file.stream() << "whole\n";
  ASSERT_TRUE(file.Commit().ok());
  EXPECT_EQ(ReadFile(path), "whole\n");
  AtomicFile nowhere(directory.File("missing/folder/out.csv"));
  core::Status status = nowhere.Open();
  EXPECT_EQ(status.code(), core::StatusCode::kUnavailable);
}

TEST(LinkProgressTest, WritesOnlyWhenEnabled) {
  std::ostringstream quiet;
  LinkProgress silent(quiet, false);
  silent.Stage("reading");
  silent.Update("10 rows");
  silent.Finish();
  EXPECT_EQ(quiet.str(), "");
  std::ostringstream terminal;
  LinkProgress shown(terminal, true);
  shown.Stage("reading");
  shown.Stage("training");
  shown.Finish();
  EXPECT_EQ(terminal.str(), "vigil link: reading...\nvigil link: training...\n");
}

TEST(WithThousandsTest, GroupsDigits) {
  EXPECT_EQ(WithThousands(0), "0");
  EXPECT_EQ(WithThousands(999), "999");
  EXPECT_EQ(WithThousands(1000), "1,000");
  EXPECT_EQ(WithThousands(1234567), "1,234,567");
}

}  // namespace
}  // namespace vigil::app
