#include "core/status.h"

#include <gtest/gtest.h>

#include "core/result.h"

namespace vigil::core {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.ToString(), "ok");
}

TEST(StatusTest, CarriesCodeMessageAndFieldErrors) {
  Status status = InvalidArgument("report is invalid", {{"force", "required", "is required"}});
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(status.field_errors().size(), 1u);
  EXPECT_EQ(status.field_errors()[0].field, "force");
  EXPECT_EQ(status.ToString(), "invalid_argument: report is invalid\n  force: is required");
}

TEST(StatusTest, EveryCodeHasAName) {
  for (StatusCode code : {StatusCode::kOk, StatusCode::kInvalidArgument, StatusCode::kMalformed,
                          StatusCode::kTooLarge, StatusCode::kNotFound, StatusCode::kAlreadyExists,
                          StatusCode::kConflict, StatusCode::kPermissionDenied,
                          StatusCode::kUnauthenticated, StatusCode::kFailedPrecondition,
                          StatusCode::kUnavailable, StatusCode::kDataLoss, StatusCode::kInternal}) {
    EXPECT_NE(StatusCodeName(code), "unknown");
  }
  EXPECT_EQ(StatusCodeName(StatusCode::kConflict), "conflict");
}

TEST(ErrorCollectorTest, CollectsEveryErrorAndPrefixesMergedOnes) {
  ErrorCollector errors;
  EXPECT_TRUE(errors.ToStatus("x").ok());
  errors.Add("a", "required", "is required");
  errors.Merge("persons[1]", InvalidArgument("bad", {{"names[0]", "required", "needs a name"}}));
  errors.Merge("occasions", InvalidArgument("bad", {{"[2].date", "invalid_date", "bad date"}}));
  errors.Merge("line 4", NotFound("person 9 does not exist"));
  errors.Merge("ignored", Status::Ok());
  Status status = errors.ToStatus("record is invalid");
  ASSERT_EQ(status.field_errors().size(), 4u);
  EXPECT_EQ(status.field_errors()[1].field, "persons[1].names[0]");
  EXPECT_EQ(status.field_errors()[2].field, "occasions[2].date");
  EXPECT_EQ(status.field_errors()[3].field, "line 4");
  EXPECT_EQ(status.field_errors()[3].code, "not_found");
}

Result<int> Half(int value) {
  if (value % 2 != 0) return InvalidArgument("odd");
  return value / 2;
}

Result<int> Quarter(int value) {
  VIGIL_ASSIGN_OR_RETURN(int half, Half(value));
  VIGIL_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(ResultTest, HoldsValueOrStatusAndPropagates) {
  Result<int> good = Quarter(8);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 2);
  Result<int> bad = Quarter(6);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST(ResultDeathTest, ValueOfFailureAborts) {
  Result<int> bad = Half(3);
  EXPECT_DEATH((void)bad.value(), "value\\(\\) of failed Result");
}

}  // namespace
}  // namespace vigil::core
