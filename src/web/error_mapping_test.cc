#include "web/error_mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vigil::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

struct Mapping {
  core::StatusCode code;
  int http_status;
};

TEST(ErrorMappingTest, MapsEveryCodeToItsHttpStatus) {
  const Mapping mappings[] = {
      {core::StatusCode::kInvalidArgument, 422},    {core::StatusCode::kMalformed, 400},
      {core::StatusCode::kTooLarge, 413},           {core::StatusCode::kNotFound, 404},
      {core::StatusCode::kAlreadyExists, 409},      {core::StatusCode::kConflict, 409},
      {core::StatusCode::kPermissionDenied, 403},   {core::StatusCode::kUnauthenticated, 401},
      {core::StatusCode::kFailedPrecondition, 409}, {core::StatusCode::kUnavailable, 503},
      {core::StatusCode::kDataLoss, 500},           {core::StatusCode::kInternal, 500},
  };
  for (const Mapping& mapping : mappings) {
    EXPECT_EQ(HttpStatusFor(mapping.code), mapping.http_status)
        << core::StatusCodeName(mapping.code);
    HttpError error = MapStatus(core::Status(mapping.code, "message"), "request-1");
    EXPECT_EQ(error.status, mapping.http_status) << core::StatusCodeName(mapping.code);
    ASSERT_TRUE(error.body["errors"].is_array());
    ASSERT_EQ(error.body["errors"].size(), 1u);
    EXPECT_EQ(error.body["errors"][0]["code"], core::StatusCodeName(mapping.code));
  }
}

TEST(ErrorMappingTest, StatusWithoutFieldErrorsGivesOneEntryWithoutAField) {
  HttpError error = MapStatus(core::Conflict("The case was changed by someone else."), "r");
  EXPECT_EQ(error.body, nlohmann::json::parse(R"({"errors": [
      {"code": "conflict", "message": "The case was changed by someone else."}]})"));
}

TEST(ErrorMappingTest, GivesOneEntryPerFieldError) {
  HttpError error = MapStatus(
      core::InvalidArgument("The report is not valid.",
                            {{"occasions[1].occurred_on", "invalid_date", "must be a real date"},
                             {"force", "required", "is required"},
                             {"", "wrong_type", "must be an object"}}),
      "r");
  EXPECT_EQ(error.status, 422);
  EXPECT_EQ(error.body, nlohmann::json::parse(R"({"errors": [
      {"code": "invalid_date", "message": "must be a real date", "field": "occasions[1].occurred_on"},
      {"code": "required", "message": "is required", "field": "force"},
      {"code": "wrong_type", "message": "must be an object"}]})"));
}

TEST(ErrorMappingTest, HidesInternalMessagesAndQuotesTheRequestId) {
  for (core::StatusCode code : {core::StatusCode::kInternal, core::StatusCode::kDataLoss}) {
    HttpError error = MapStatus(core::Status(code, "sqlite: disk I/O error at page 42"), "abc-123");
    EXPECT_EQ(error.status, 500);
    std::string message = error.body["errors"][0]["message"];
    EXPECT_THAT(message, HasSubstr("abc-123"));
    EXPECT_THAT(message, Not(HasSubstr("sqlite")));
    EXPECT_THAT(error.body.dump(), Not(HasSubstr("page 42")));
  }
}

TEST(ErrorMappingTest, HidesFieldErrorsOfInternalFailuresToo) {
  HttpError error = MapStatus(
      core::Status(core::StatusCode::kInternal, "x", {{"secret_field", "c", "secret detail"}}),
      "id-9");
  EXPECT_EQ(error.body["errors"].size(), 1u);
  EXPECT_THAT(error.body.dump(), Not(HasSubstr("secret")));
}

TEST(ErrorMappingTest, AsksClientsToRetryWhenUnavailable) {
  HttpError error = MapStatus(core::Unavailable("The database is busy."), "r");
  EXPECT_EQ(error.status, 503);
  EXPECT_THAT(error.headers, ::testing::Contains(Pair("Retry-After", "1")));
}

TEST(ErrorMappingTest, CapsTheNumberOfEntries) {
  std::vector<core::FieldError> many;
  for (int index = 0; index < 250; ++index) {
    many.push_back({"field" + std::to_string(index), "unknown_field", "is not a known field"});
  }
  HttpError error = MapStatus(core::InvalidArgument("bad", many), "r");
  ASSERT_EQ(error.body["errors"].size(), kMaxErrorEntries + 1);
  EXPECT_EQ(error.body["errors"][kMaxErrorEntries]["code"], "too_many_errors");
  EXPECT_THAT(error.body["errors"][kMaxErrorEntries]["message"].get<std::string>(),
              HasSubstr("150"));
}

TEST(ProtocolErrorTest, MethodNotAllowedListsTheAllowedMethods) {
  HttpError error = ProtocolError(405, "r", "GET, PUT");
  EXPECT_EQ(error.status, 405);
  EXPECT_EQ(error.body["errors"][0]["code"], "method_not_allowed");
  EXPECT_THAT(error.headers, ::testing::Contains(Pair("Allow", "GET, PUT")));
}

TEST(ProtocolErrorTest, StatusesWithACodeMatchMapStatus) {
  EXPECT_EQ(ProtocolError(404, "r").body["errors"][0]["code"], "not_found");
  EXPECT_EQ(ProtocolError(413, "r").body["errors"][0]["code"], "too_large");
  EXPECT_EQ(ProtocolError(413, "r").status, 413);
  EXPECT_EQ(ProtocolError(400, "r").body["errors"][0]["code"], "malformed");
  EXPECT_EQ(ProtocolError(415, "r").status, 415);
  EXPECT_EQ(ProtocolError(414, "r").body["errors"][0]["code"], "uri_too_long");
  HttpError other = ProtocolError(418, "r");
  EXPECT_EQ(other.status, 418);
  EXPECT_EQ(other.body["errors"].size(), 1u);
  EXPECT_EQ(ProtocolError(502, "id-7").status, 500);
}

}  // namespace
}  // namespace vigil::web
