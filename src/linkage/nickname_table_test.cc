#include "linkage/nickname_table.h"

#include <gtest/gtest.h>

namespace vigil::linkage {
namespace {

TEST(NicknameTableTest, DefaultTableHasHundredsOfPairs) {
  const NicknameTable& table = NicknameTable::Default();
  EXPECT_GE(table.pair_count(), 300u);
  EXPECT_EQ(table.version(), 1);
  EXPECT_TRUE(table.AreEquivalent("bill", "william"));
  EXPECT_TRUE(table.AreEquivalent("peggy", "margaret"));
  EXPECT_TRUE(table.AreEquivalent("bob", "robert"));
  EXPECT_TRUE(table.AreEquivalent("liz", "elizabeth"));
  EXPECT_TRUE(table.AreEquivalent("bill", "will"));  // Both stand for William.
  EXPECT_FALSE(table.AreEquivalent("bill", "robert"));
  EXPECT_FALSE(table.AreEquivalent("zebedee", "zebedee"));  // Unknown names.
}

TEST(NicknameTableTest, ShortFormsMayStandForSeveralNames) {
  const NicknameTable& table = NicknameTable::Default();
  std::span<const std::string> formals = table.FormalNamesOf("alex");
  EXPECT_NE(std::find(formals.begin(), formals.end(), "alexander"), formals.end());
  EXPECT_NE(std::find(formals.begin(), formals.end(), "alexandra"), formals.end());
  EXPECT_TRUE(std::is_sorted(formals.begin(), formals.end()));
  EXPECT_TRUE(table.FormalNamesOf("nobody").empty());
}

TEST(NicknameTableTest, ParsesAFile) {
  core::Result<NicknameTable> table = NicknameTable::Parse(
      "test.yaml", "schema_version: 1\nversion: 3\nnames:\n  william: [bill, will]\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->pair_count(), 2u);
  EXPECT_EQ(table->version(), 3);
  EXPECT_TRUE(table->AreEquivalent("will", "bill"));
}

TEST(NicknameTableTest, ReportsEveryProblemWithFileAndLine) {
  core::Result<NicknameTable> table =
      NicknameTable::Parse("bad.yaml",
                           "schema_version: 2\nversion: 1\nnames:\n  William: [bill]\n  robert: "
                           "[Bob, bobby]\nextra: 1\n");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), core::StatusCode::kInvalidArgument);
  std::string text = table.status().ToString();
  EXPECT_NE(text.find("bad.yaml:1: schema_version"), std::string::npos) << text;
  EXPECT_NE(text.find("bad.yaml:4: names.William"), std::string::npos) << text;
  EXPECT_NE(text.find("bad.yaml:5: names.robert[0]"), std::string::npos) << text;
  EXPECT_NE(text.find("bad.yaml:6: extra"), std::string::npos) << text;
}

TEST(NicknameTableTest, RejectsSyntaxErrorsAndWrongShapes) {
  EXPECT_FALSE(NicknameTable::Parse("x.yaml", "names: [").ok());
  EXPECT_FALSE(NicknameTable::Parse("x.yaml", "- 1\n- 2\n").ok());
  EXPECT_FALSE(NicknameTable::Parse("x.yaml", "schema_version: 1\nversion: 1\nnames: 3\n").ok());
  EXPECT_FALSE(NicknameTable::Parse("x.yaml", "schema_version: 1\nversion: 1\n").ok());
}

}  // namespace
}  // namespace vigil::linkage
