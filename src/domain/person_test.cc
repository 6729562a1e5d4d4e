#include "domain/person.h"

#include <gtest/gtest.h>

#include "core/time.h"
#include "testing/test_lookups.h"

namespace vigil::domain {
namespace {

core::Date Today() { return *core::ParseDate("2026-06-15"); }

std::vector<std::string> Fields(const core::Status& status) {
  std::vector<std::string> fields;
  for (const auto& error : status.field_errors()) fields.push_back(error.field);
  return fields;
}

TEST(PersonTest, ValidPersonPasses) {
  Person person = testing::MakePerson();
  EXPECT_TRUE(ValidatePerson(person, testing::TestLookups(), Today()).ok());
}

TEST(PersonTest, CollectsEveryProblem) {
  Person person;
  person.force = "atlantis";
  person.names.push_back({"", " ", false});
  person.date_of_birth = core::ParseDate("2030-01-01");
  person.phones = {"12", "07700 900123", "call me"};
  person.emails = {"no-at-sign", "a@b.co"};
  person.handles.push_back({"", "@x"});
  person.addresses.push_back({"", "", "", ""});
  person.addresses.push_back({"1 Road", "", "", "NOT A CODE"});
  person.vehicles.push_back({"", "blue Ford"});
  core::Status status = ValidatePerson(person, testing::TestLookups(), Today());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(status), (std::vector<std::string>{
                                "force", "names[0]", "date_of_birth", "phones[0]", "phones[2]",
                                "emails[0]", "handles[0].platform", "addresses[0]",
                                "addresses[1].postcode", "vehicles[0].registration"}));
}

TEST(PersonTest, NeedsANameAndForce) {
  Person person;
  core::Status status = ValidatePerson(person, testing::TestLookups(), Today());
  EXPECT_EQ(Fields(status), (std::vector<std::string>{"force", "names"}));
}

TEST(PersonTest, RejectsVeryOldBirthDatesAndInvalidText) {
  Person person = testing::MakePerson();
  person.date_of_birth = core::ParseDate("1899-12-31");
  person.names[0].given_name = std::string("\xff\xfe", 2);
  core::Status status = ValidatePerson(person, testing::TestLookups(), Today());
  EXPECT_EQ(Fields(status), (std::vector<std::string>{"names[0].given_name", "date_of_birth"}));
}

TEST(PersonTest, NormalisesIdentifiers) {
  Person person = testing::MakePerson();
  person.emails = {"  Jo.Bloggs@Example.ORG "};
  person.addresses[0].postcode = " sw1a1aa ";
  person.vehicles.push_back({"ab12 cde", " silver Fiesta "});
  person.handles.push_back({" Instagram ", " @jo_b "});
  NormalisePerson(person);
  EXPECT_EQ(person.emails[0], "jo.bloggs@example.org");
  EXPECT_EQ(person.addresses[0].postcode, "SW1A 1AA");
  EXPECT_EQ(person.vehicles[0].registration, "AB12CDE");
  EXPECT_EQ(person.vehicles[0].description, "silver Fiesta");
  EXPECT_EQ(person.handles[0].platform, "instagram");
  EXPECT_EQ(person.handles[0].handle, "@jo_b");
}

TEST(PersonTest, RecognisesUkPostcodes) {
  for (const char* good :
       {"SW1A 1AA", "B1 1AA", "M60 1NW", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX"}) {
    EXPECT_TRUE(IsUkPostcode(good)) << good;
  }
  for (const char* bad : {"SW1A1AA", "1AA 1AA", "B1 AAA", "ABCDE 1AA", "", "B 1AA"}) {
    EXPECT_FALSE(IsUkPostcode(bad)) << bad;
  }
  EXPECT_EQ(NormalisePostcode("b11aa"), "B1 1AA");
  EXPECT_EQ(NormalisePostcode("ec1a1bb"), "EC1A 1BB");
}

TEST(PersonTest, DisplayNamePrefersNonAlias) {
  Person person;
  person.names.push_back({"Bex", "", true});
  person.names.push_back({"Rebecca", "Jones", false});
  EXPECT_EQ(DisplayName(person), "Rebecca Jones");
}

}  // namespace
}  // namespace vigil::domain
