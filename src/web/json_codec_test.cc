#include "web/api/json_codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/time.h"
#include "testing/test_lookups.h"

namespace vigil::web::api {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::SizeIs;

nlohmann::json Json(std::string_view text) {
  core::Result<nlohmann::json> parsed = ParseJson(text);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? parsed.value() : nlohmann::json();
}

// Matches a FieldError with this field and code.
auto ErrorAt(const std::string& field, const std::string& code) {
  return ::testing::AllOf(Field(&core::FieldError::field, field),
                          Field(&core::FieldError::code, code));
}

domain::Person FullPerson() {
  domain::Person person = testing::MakePerson("Jo", "Bloggs");
  person.id = domain::PersonId(7);
  person.version = 3;
  person.names.push_back({"Joanne", "Smith", true});
  person.handles.push_back({"instagram", "@jo_b"});
  person.vehicles.push_back({"AB12CDE", "Blue Ford Fiesta"});
  person.created_at = *core::ParseTimestamp("2026-01-02T03:04:05Z");
  person.updated_at = *core::ParseTimestamp("2026-02-03T04:05:06Z");
  return person;
}

TEST(ParseJsonTest, ParsesAnObject) {
  core::Result<nlohmann::json> parsed = ParseJson(R"({"a": [1, {"b": null}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->at("a").at(0), 1);
}

TEST(ParseJsonTest, RejectsTextThatIsNotJsonWithTheByteOffset) {
  core::Result<nlohmann::json> parsed = ParseJson(R"({"a": tru})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), core::StatusCode::kMalformed);
  EXPECT_THAT(parsed.status().message(), ::testing::HasSubstr("byte"));
  EXPECT_EQ(ParseJson("").status().code(), core::StatusCode::kMalformed);
  EXPECT_EQ(ParseJson("{\"a\": 1} trailing").status().code(), core::StatusCode::kMalformed);
}

TEST(ParseJsonTest, RejectsARepeatedKeyAtAnyDepth) {
  EXPECT_EQ(ParseJson(R"({"a": 1, "a": 2})").status().code(), core::StatusCode::kMalformed);
  EXPECT_EQ(ParseJson(R"({"x": [{"a": 1, "b": 2, "a": 3}]})").status().code(),
            core::StatusCode::kMalformed);
  // The same key in sibling objects is fine.
  EXPECT_TRUE(ParseJson(R"([{"a": 1}, {"a": 2}, {"b": {"a": 3}}])").ok());
}

TEST(PersonCodecTest, EncodesEveryField) {
  nlohmann::json json = EncodePerson(FullPerson());
  EXPECT_EQ(json["id"], 7);
  EXPECT_EQ(json["version"], 3);
  EXPECT_EQ(json["force"], "west_midlands");
  EXPECT_EQ(json["names"][1],
            nlohmann::json({{"given_name", "Joanne"}, {"family_name", "Smith"}, {"alias", true}}));
  EXPECT_EQ(json["date_of_birth"], "1990-04-01");
  EXPECT_EQ(json["phones"], nlohmann::json({"07700 900123"}));
  EXPECT_EQ(json["emails"], nlohmann::json({"jo.bloggs@example.org"}));
  EXPECT_EQ(json["handles"][0], nlohmann::json({{"platform", "instagram"}, {"handle", "@jo_b"}}));
  EXPECT_EQ(json["addresses"][0], nlohmann::json({{"line1", "1 High Street"},
                                                  {"line2", ""},
                                                  {"town", "Birmingham"},
                                                  {"postcode", "B1 1AA"}}));
  EXPECT_EQ(json["vehicles"][0],
            nlohmann::json({{"registration", "AB12CDE"}, {"description", "Blue Ford Fiesta"}}));
  EXPECT_EQ(json["created_at"], "2026-01-02T03:04:05Z");
  EXPECT_EQ(json["updated_at"], "2026-02-03T04:05:06Z");
  EXPECT_EQ(json.size(), 12u);
}

TEST(PersonCodecTest, RoundTripsWithServerFieldsAllowed) {
  domain::Person original = FullPerson();
  core::Result<domain::Person> decoded = DecodePerson(EncodePerson(original), true);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(EncodePerson(*decoded), EncodePerson(original));
  EXPECT_EQ(decoded->names, original.names);
  EXPECT_EQ(decoded->date_of_birth, original.date_of_birth);
}

TEST(PersonCodecTest, AbsentDateOfBirthIsNullBothWays) {
  domain::Person person = FullPerson();
  person.date_of_birth.reset();
  nlohmann::json json = EncodePerson(person);
  EXPECT_TRUE(json["date_of_birth"].is_null());
  core::Result<domain::Person> decoded = DecodePerson(json, true);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_FALSE(decoded->date_of_birth.has_value());
}

TEST(PersonCodecTest, RejectsServerFieldsFromClients) {
  core::Result<domain::Person> decoded = DecodePerson(EncodePerson(FullPerson()));
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_THAT(decoded.status().field_errors(), Contains(ErrorAt("id", "unknown_field")));
  EXPECT_THAT(decoded.status().field_errors(), Contains(ErrorAt("version", "unknown_field")));
  EXPECT_THAT(decoded.status().field_errors(), Contains(ErrorAt("created_at", "unknown_field")));
  EXPECT_THAT(decoded.status().field_errors(), Contains(ErrorAt("updated_at", "unknown_field")));
  EXPECT_THAT(decoded.status().field_errors(), SizeIs(4));
}

TEST(PersonCodecTest, CollectsEveryProblemWithItsPath) {
  nlohmann::json json = Json(R"({
    "names": [{"given_name": "Jo", "nickname": "J"}, {"family_name": 5}, "Smith"],
    "date_of_birth": "2023-02-29",
    "phones": ["07700 900123", 7700900124],
    "emails": "jo@example.org",
    "handles": [{"handle": "@jo"}],
    "vehicles": [{"registration": "AB12CDE", "colour": "blue"}],
    "addresses": [{"postcode": null}],
    "favourite_colour": "green"
  })");
  core::Result<domain::Person> decoded = DecodePerson(json);
  ASSERT_FALSE(decoded.ok());
  const core::Status status = decoded.status();
  const auto& errors = status.field_errors();
  EXPECT_THAT(errors, Contains(ErrorAt("names[0].nickname", "unknown_field")));
  EXPECT_THAT(errors, Contains(ErrorAt("names[1].family_name", "wrong_type")));
  EXPECT_THAT(errors, Contains(ErrorAt("names[2]", "wrong_type")));
  EXPECT_THAT(errors, Contains(ErrorAt("date_of_birth", "invalid_date")));
  EXPECT_THAT(errors, Contains(ErrorAt("phones[1]", "wrong_type")));
  EXPECT_THAT(errors, Contains(ErrorAt("emails", "wrong_type")));
  EXPECT_THAT(errors, Contains(ErrorAt("handles[0].platform", "required")));
  EXPECT_THAT(errors, Contains(ErrorAt("vehicles[0].colour", "unknown_field")));
  EXPECT_THAT(errors, Contains(ErrorAt("favourite_colour", "unknown_field")));
  EXPECT_THAT(errors, SizeIs(9));
}

TEST(PersonCodecTest, WrongTypeNamesTheExpectedType) {
  core::Result<domain::Person> decoded = DecodePerson(Json(R"({"names": [], "force": 3})"));
  ASSERT_FALSE(decoded.ok());
  ASSERT_THAT(decoded.status().field_errors(), SizeIs(1));
  EXPECT_EQ(decoded.status().field_errors()[0].code, "wrong_type");
  EXPECT_EQ(decoded.status().field_errors()[0].message, "must be a string");
}

TEST(PersonCodecTest, RequiresNamesAndAnObject) {
  core::Result<domain::Person> missing = DecodePerson(Json(R"({"force": "west_midlands"})"));
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().field_errors(), Contains(ErrorAt("names", "required")));
  core::Result<domain::Person> null_names = DecodePerson(Json(R"({"names": null})"));
  ASSERT_FALSE(null_names.ok());
  EXPECT_THAT(null_names.status().field_errors(), Contains(ErrorAt("names", "required")));
  core::Result<domain::Person> array = DecodePerson(Json("[1, 2]"));
  ASSERT_FALSE(array.ok());
  EXPECT_THAT(array.status().field_errors(), Contains(ErrorAt("", "wrong_type")));
}

TEST(PersonCodecTest, MinimalPersonLeavesForceForTheServices) {
  core::Result<domain::Person> decoded = DecodePerson(Json(R"({"names": [{"family_name": "X"}]})"));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->force, "");
  EXPECT_EQ(decoded->names, (std::vector<domain::PersonName>{{"", "X", false}}));
}

}  // namespace
}  // namespace vigil::web::api
