#include "linkage/phonetic.h"

#include <gtest/gtest.h>

namespace vigil::linkage {
namespace {

TEST(SoundexTest, MatchesTheStandardExamples) {
  EXPECT_EQ(Soundex("Robert"), "R163");
  EXPECT_EQ(Soundex("Rupert"), "R163");
  EXPECT_EQ(Soundex("Rubin"), "R150");
  EXPECT_EQ(Soundex("Ashcraft"), "A261");
  EXPECT_EQ(Soundex("Tymczak"), "T522");
  EXPECT_EQ(Soundex("Pfister"), "P236");
  EXPECT_EQ(Soundex("Lee"), "L000");
  EXPECT_EQ(Soundex(""), "");
  EXPECT_EQ(Soundex("123 -"), "");
}

TEST(MetaphoneTest, GivesVariantSpellingsOneCode) {
  EXPECT_EQ(Metaphone("smith"), Metaphone("smyth"));
  EXPECT_EQ(Metaphone("catherine"), Metaphone("kathryn"));
  EXPECT_EQ(Metaphone("philip"), Metaphone("phillip"));
  EXPECT_EQ(Metaphone("stephen"), Metaphone("steven"));
  EXPECT_EQ(Metaphone("macdonald"), Metaphone("mcdonald"));
  EXPECT_EQ(Metaphone("knight"), Metaphone("night"));
  EXPECT_NE(Metaphone("smith"), Metaphone("jones"));
}

TEST(MetaphoneTest, FollowsTheRules) {
  EXPECT_EQ(Metaphone("smith"), "SM0");
  EXPECT_EQ(Metaphone("knight"), "NT");
  EXPECT_EQ(Metaphone("wright"), "RT");
  EXPECT_EQ(Metaphone("xavier"), "SFR");
  EXPECT_EQ(Metaphone("church"), "XRX");
  EXPECT_EQ(Metaphone("science"), "SNS");
  EXPECT_EQ(Metaphone("dodge"), "TJ");
  EXPECT_EQ(Metaphone("thumb"), "0M");
  EXPECT_EQ(Metaphone("schmidt"), "SKMT");  // Adjacent equal codes count once.
  EXPECT_EQ(Metaphone("AUBREY"), "ABR");
  EXPECT_EQ(Metaphone("macdonald", 4), "MKTN");
  EXPECT_EQ(Metaphone(""), "");
  EXPECT_EQ(Metaphone("o'neill"), Metaphone("oneill"));
}

}  // namespace
}  // namespace vigil::linkage
