#include "linkage/normalizers.h"

#include <gtest/gtest.h>

namespace vigil::linkage {
namespace {

TEST(NormalisePhoneTest, GivesE164ForUkNumbers) {
  EXPECT_EQ(NormalisePhone("07700 900123"), "+447700900123");
  EXPECT_EQ(NormalisePhone("+44 (0)7700 900123"), "+447700900123");
  EXPECT_EQ(NormalisePhone("0044 7700 900123"), "+447700900123");
  EXPECT_EQ(NormalisePhone("(020) 7946-0018"), "+442079460018");
  EXPECT_EQ(NormalisePhone("447700900123"), "+447700900123");
  EXPECT_EQ(NormalisePhone("+44 7700 900123 ext 12"), "+447700900123");
}

TEST(NormalisePhoneTest, ReadsOtherCountriesAndRejectsNonsense) {
  EXPECT_EQ(NormalisePhone("+1 415 555 2671"), "+14155552671");
  EXPECT_EQ(NormalisePhone("415 555 2671", "US"), "+14155552671");
  EXPECT_EQ(NormalisePhone("not a number"), "");
  EXPECT_EQ(NormalisePhone("12345"), "");
  EXPECT_EQ(NormalisePhone(""), "");
  EXPECT_EQ(NormalisePhone(std::string(200, '7')), "");
}

TEST(NormalisePhoneTest, FastPathAgreesWithLibphonenumber) {
  // "+44 ..." with a letter goes the slow way; the same digits the fast way.
  for (const char* number : {"07700900123", "02079460018", "01632960123", "03069990000"}) {
    std::string fast = NormalisePhone(number);
    std::string slow = NormalisePhone(std::string("tel:") + number);
    EXPECT_EQ(fast, slow) << number;
  }
}

TEST(NormaliseEmailTest, TrimsLowerCasesAndStripsTags) {
  EXPECT_EQ(NormaliseEmail("  Jo.Bloggs@Example.COM "), "jo.bloggs@example.com");
  EXPECT_EQ(NormaliseEmail("jo+shop@example.com", true), "jo@example.com");
  EXPECT_EQ(NormaliseEmail("jo+shop@example.com", false), "jo+shop@example.com");
  EXPECT_EQ(NormaliseEmail("no at sign"), "");
  EXPECT_EQ(NormaliseEmail("@example.com"), "");
  EXPECT_EQ(NormaliseEmail("jo@"), "");
  EXPECT_EQ(NormaliseEmail("a@b@c"), "");
  EXPECT_EQ(NormaliseEmail("+tag@example.com", true), "");
}

TEST(NormaliseHandleTest, StripsAtSignsAndProfileUrls) {
  EXPECT_EQ(NormaliseHandle("@Jo_Bloggs"), "jo_bloggs");
  EXPECT_EQ(NormaliseHandle("https://x.com/@Jo_B/"), "jo_b");
  EXPECT_EQ(NormaliseHandle(" instagram.com/jo.b "), "jo.b");
  EXPECT_EQ(NormaliseHandle("@@"), "");
}

TEST(NormaliseIdentifierSexTest, FoldsCodesAndSexes) {
  EXPECT_EQ(NormaliseIdentifier("ab 12-34 c"), "AB1234C");
  EXPECT_EQ(NormaliseSex("Male"), "m");
  EXPECT_EQ(NormaliseSex(" F "), "f");
  EXPECT_EQ(NormaliseSex("woman"), "f");
  EXPECT_EQ(NormaliseSex("Unknown"), "");
  EXPECT_EQ(NormaliseSex("Non-binary"), "non binary");
}

TEST(NormalisePostcodeTest, CanonicalisesUkAndKeepsOthers) {
  EXPECT_EQ(NormalisePostcode("sw1a1aa"), "SW1A 1AA");
  EXPECT_EQ(NormalisePostcode(" b1 1bb "), "B1 1BB");
  EXPECT_EQ(NormalisePostcode("2257"), "2257");
  EXPECT_EQ(NormalisePostcode("90210-1234"), "902101234");
}

TEST(NormaliseTest, DispatchesOnKindAndTreatsPlaceholdersAsNull) {
  EXPECT_EQ(Normalise(FieldKind::kName, " Dr Zoë Smith "), "zoe smith");
  EXPECT_EQ(Normalise(FieldKind::kText, "N/A"), "");
  EXPECT_EQ(Normalise(FieldKind::kName, "unknown"), "");
  EXPECT_EQ(Normalise(FieldKind::kDate, "12/03/1980"), "19800312");
  EXPECT_EQ(Normalise(FieldKind::kPostcode, "sw1a 1aa"), "SW1A 1AA");
  EXPECT_EQ(Normalise(FieldKind::kPhone, "07700 900123"), "+447700900123");
  EXPECT_EQ(Normalise(FieldKind::kEmail, "A@B.C"), "a@b.c");
  EXPECT_EQ(Normalise(FieldKind::kHandle, "@X"), "x");
  EXPECT_EQ(Normalise(FieldKind::kSex, "M"), "m");
  EXPECT_EQ(Normalise(FieldKind::kIdentifier, "ab-1"), "AB1");
  EXPECT_EQ(Normalise(FieldKind::kAddress, "12, High St."), "12 high st");
  NormaliseOptions options;
  options.strip_email_tags = true;
  EXPECT_EQ(Normalise(FieldKind::kEmail, "a+b@c.d", options), "a@c.d");
}

}  // namespace
}  // namespace vigil::linkage
