#include "web/api/query_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/time.h"

namespace vigil::web::api {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::SizeIs;

auto ErrorAt(const std::string& field, const std::string& code) {
  return ::testing::AllOf(Field(&core::FieldError::field, field),
                          Field(&core::FieldError::code, code));
}

TEST(QueryReaderTest, ReadsEachKindOfValue) {
  httplib::Params params = {{"name", "smi"},
                            {"limit", "20"},
                            {"open", "true"},
                            {"dob", "1990-04-01"},
                            {"from", "2026-06-01"},
                            {"to", "2026-06-01"},
                            {"at", "2026-06-01T10:00:00Z"},
                            {"role", "suspect"},
                            {"id", "9"}};
  QueryReader reader(params);
  EXPECT_EQ(reader.String("name"), "smi");
  EXPECT_EQ(reader.Integer("limit", 1, 500), 20);
  EXPECT_EQ(reader.Boolean("open"), true);
  EXPECT_EQ(reader.Date("dob"), core::ParseDate("1990-04-01"));
  EXPECT_EQ(reader.Moment("from", false), core::ParseTimestamp("2026-06-01T00:00:00Z"));
  EXPECT_EQ(reader.Moment("to", true), core::ParseTimestamp("2026-06-02T00:00:00Z"));
  EXPECT_EQ(reader.Moment("at", true), core::ParseTimestamp("2026-06-01T10:00:00Z"));
  EXPECT_EQ(reader.OneOf("role", {"victim", "suspect"}), "suspect");
  EXPECT_EQ(reader.Id<core::Id<struct TestTag>>("id"), core::Id<struct TestTag>(9));
  EXPECT_EQ(reader.String("absent"), std::nullopt);
  EXPECT_TRUE(reader.Finish().ok());
}

TEST(QueryReaderTest, EmptyValuesCountAsAbsent) {
  httplib::Params params = {{"name", ""}, {"limit", ""}};
  QueryReader reader(params);
  EXPECT_EQ(reader.String("name"), std::nullopt);
  EXPECT_EQ(reader.Integer("limit", 1, 500), std::nullopt);
  EXPECT_TRUE(reader.Finish().ok());
}

TEST(QueryReaderTest, CollectsEveryProblemByParameterName) {
  httplib::Params params = {
      {"limit", "ten"}, {"page", "2"},         {"dob", "1990-02-30"},
      {"open", "yes"},  {"role", "bystander"}, {"from", "yesterday"},
      {"offset", "0"},  {"id", "0"},           {"name", "a"},
      {"name", "b"},    {"size", "501"},       {"big", "99999999999999999999"}};
  QueryReader reader(params);
  (void)reader.Integer("limit", 1, 500);
  (void)reader.Date("dob");
  (void)reader.Boolean("open");
  (void)reader.OneOf("role", {"victim"});
  (void)reader.Moment("from", false);
  (void)reader.Id<core::Id<struct TestTag>>("id");
  (void)reader.String("name");
  (void)reader.Integer("size", 1, 500);
  (void)reader.Integer("big", 1, 500);
  core::Status status = reader.Finish();
  ASSERT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  const auto& errors = status.field_errors();
  EXPECT_THAT(errors, Contains(ErrorAt("limit", "wrong_type")));
  EXPECT_THAT(errors, Contains(ErrorAt("dob", "invalid_date")));
  EXPECT_THAT(errors, Contains(ErrorAt("open", "wrong_type")));
  EXPECT_THAT(errors, Contains(ErrorAt("role", "invalid_value")));
  EXPECT_THAT(errors, Contains(ErrorAt("from", "invalid_date")));
  EXPECT_THAT(errors, Contains(ErrorAt("id", "out_of_range")));
  EXPECT_THAT(errors, Contains(ErrorAt("name", "repeated")));
  EXPECT_THAT(errors, Contains(ErrorAt("size", "out_of_range")));
  EXPECT_THAT(errors, Contains(ErrorAt("big", "out_of_range")));
  EXPECT_THAT(errors, Contains(ErrorAt("page", "unknown_parameter")));
  EXPECT_THAT(errors, Contains(ErrorAt("offset", "unknown_parameter")));
  EXPECT_THAT(errors, SizeIs(11));
}

TEST(QueryReaderTest, RejectsIntegersWithTrailingText) {
  httplib::Params params = {{"limit", "10abc"}, {"other", "-5"}};
  QueryReader reader(params);
  EXPECT_EQ(reader.Integer("limit", 1, 500), std::nullopt);
  EXPECT_EQ(reader.Integer("other", 1, 500), std::nullopt);
  EXPECT_THAT(reader.Finish().field_errors(), SizeIs(2));
}

}  // namespace
}  // namespace vigil::web::api
