#include "linkage/text_folding.h"

#include <gtest/gtest.h>

namespace vigil::linkage {
namespace {

TEST(FoldTextTest, LowerCasesAndFoldsPunctuation) {
  EXPECT_EQ(FoldText("  Mary-Jane   SMITH. "), "mary jane smith");
  EXPECT_EQ(FoldText("O'Brien"), "obrien");
  EXPECT_EQ(FoldText("Flat 3, 12 High St."), "flat 3 12 high st");
  EXPECT_EQ(FoldText(""), "");
  EXPECT_EQ(FoldText("--"), "");
}

TEST(FoldTextTest, TransliteratesWithIcu) {
  EXPECT_EQ(FoldText("Zoë"), "zoe");
  EXPECT_EQ(FoldText("Łukasz Ólafsdóttir"), "lukasz olafsdottir");
  EXPECT_EQ(FoldText("Дмитрий"), "dmitrij");
  EXPECT_EQ(FoldText("O\u2019Brien"), "obrien");  // A typographic apostrophe.
  EXPECT_EQ(FoldText("Søren Kierkegaard"), "soren kierkegaard");
}

TEST(FoldTextTest, ToleratesInvalidUtf8) {
  EXPECT_EQ(FoldText("\xff\xfe abc"), "abc");
  EXPECT_EQ(FoldText("ab\xc3"), "ab");
}

TEST(FoldNameTest, DropsTitlesAndSuffixesOnlyWhenOtherWordsRemain) {
  EXPECT_EQ(FoldName("Dr John Smith Jr"), "john smith");
  EXPECT_EQ(FoldName("Mrs. Jones"), "jones");
  EXPECT_EQ(FoldName("Miss"), "miss");
  EXPECT_EQ(FoldName("Junior"), "junior");
}

TEST(IsAsciiTest, DetectsHighBytesAnywhere) {
  EXPECT_TRUE(IsAscii("plain ascii text, longer than eight bytes"));
  EXPECT_FALSE(IsAscii("plain ascii text\xc3\xa9 longer"));
  EXPECT_FALSE(IsAscii("\xe9"));
}

}  // namespace
}  // namespace vigil::linkage
