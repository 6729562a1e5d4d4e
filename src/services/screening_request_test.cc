#include "services/screening_request.h"

#include <gtest/gtest.h>

#include "testing/screening_examples.h"

namespace vigil::services {
namespace {

using json = nlohmann::json;

const domain::screening::ScreeningEngine& Engine() {
  static const auto engine = domain::screening::ScreeningEngine::Default();
  return *engine;
}

bool HasField(const core::Status& status, const std::string& field) {
  for (const core::FieldError& error : status.field_errors()) {
    if (error.field == field) return true;
  }
  return false;
}

TEST(ScreeningRequestTest, SplitsFactsFromReportAndOverrides) {
  json body = json::parse(testing::kExPartnerFactsJson);
  body["report_id"] = 12;
  body["override"] = {{"offence", "harassment"}, {"reason", "The reason given by the officer."}};
  body["risk_override"] = nullptr;
  auto request = ParseScreeningRequest(body, Engine());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->report_id, domain::ReportId(12));
  ASSERT_TRUE(request->classification_override);
  EXPECT_EQ(request->classification_override->offence, "harassment");
  EXPECT_FALSE(request->risk_override);
  EXPECT_EQ(request->facts, json::parse(testing::kExPartnerFactsJson));
}

TEST(ScreeningRequestTest, ListsEveryProblemAtOnce) {
  json body = json::parse(testing::kExPartnerFactsJson);
  body["report_id"] = -3;
  body["override"] = {{"offence", 7}};
  body["risk_override"] = {{"level", "high"}};
  body["relationship"] = "pen_friend";
  auto request = ParseScreeningRequest(body, Engine());
  ASSERT_EQ(request.status().code(), core::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(request.status(), "report_id"));
  EXPECT_TRUE(HasField(request.status(), "override.offence"));
  EXPECT_TRUE(HasField(request.status(), "risk_override.rationale"));
  EXPECT_TRUE(HasField(request.status(), "relationship"));
}

TEST(ScreeningRequestTest, RefusesAReportIdWhereNothingIsStored) {
  json body = json::parse(testing::kExPartnerFactsJson);
  body["report_id"] = 12;
  auto request = ParseScreeningRequest(body, Engine(), ReportIdUse::kRefused);
  ASSERT_FALSE(request.ok());
  EXPECT_TRUE(HasField(request.status(), "report_id"));
  EXPECT_EQ(ParseScreeningRequest(json::array(), Engine()).status().code(),
            core::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace vigil::services
