// Screening over HTTP: POST /api/v1/screenings (unstored, and stored
// against a report with its actions becoming tasks on the report's case),
// reading stored screenings and a report's history, the documented errors,
// and the rules endpoints (reload refused to anyone but an administrator).

#include <gtest/gtest.h>

#include <string>

#include "api/api_test_fixture.h"
#include "testing/screening_examples.h"
#include "testing/test_lookups.h"

namespace vigil::api_test {
namespace {

class ScreeningApiTest : public ApiTest {
 protected:
  // Worked example 1 of docs/reference/screening.md.
  static nlohmann::json Facts() { return nlohmann::json::parse(testing::kExPartnerFactsJson); }

  // A report attached to a new case; returns the report JSON.
  nlohmann::json ReportInCase(const std::string& reference) {
    nlohmann::json value = OpenCase(CaseBody());
    nlohmann::json report = CreateReport(ReportBody(reference));
    httplib::Result attached = Post("/api/v1/cases/" + value["id"].dump() + "/reports",
                                    {{"report_id", report["id"]}, {"report_version", 1}});
    EXPECT_TRUE(attached);
    EXPECT_EQ(attached->status, 200) << attached->body;
    return BodyOf(attached);
  }
};

TEST_F(ScreeningApiTest, ScreensWithoutStoringWhenNoReportIsGiven) {
  httplib::Result result = Post("/api/v1/screenings", Facts());
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  nlohmann::json body = BodyOf(result);
  EXPECT_EQ(body["stalking_indicated"], true);
  EXPECT_EQ(body["primary"]["offence"], "stalking");
  EXPECT_EQ(body["rules_version"], "questionnaire@1;offences@1;risk@1;actions@1");
  EXPECT_TRUE(body["screening_id"].is_null());
  EXPECT_TRUE(body["tasks_created"].empty());
  EXPECT_FALSE(body["actions"].empty());
}

TEST_F(ScreeningApiTest, StoresAgainstAReportAndTurnsActionsIntoTasksOnce) {
  nlohmann::json report = ReportInCase("WM/2026/0200");
  nlohmann::json request = Facts();
  request["report_id"] = report["id"];
  httplib::Result first = Post("/api/v1/screenings", request);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  nlohmann::json body = BodyOf(first);
  ASSERT_TRUE(body["screening_id"].is_number_integer());
  EXPECT_EQ(first->get_header_value("Location"),
            "/api/v1/screenings/" + body["screening_id"].dump());
  EXPECT_EQ(body["report_id"], report["id"]);
  ASSERT_EQ(body["tasks_created"].size(), body["actions"].size());
  const nlohmann::json& task = body["tasks_created"][0];
  EXPECT_EQ(task["case_id"], report["case_id"]);
  EXPECT_EQ(task["action_id"], body["actions"][0]["id"]);
  EXPECT_EQ(task["screening_id"], body["screening_id"]);
  EXPECT_FALSE(task["due_at"].is_null());

  httplib::Result tasks = Get("/api/v1/tasks?case_id=" + report["case_id"].dump());
  ASSERT_TRUE(tasks);
  EXPECT_EQ(BodyOf(tasks)["items"].size(), body["actions"].size());

  httplib::Result second = Post("/api/v1/screenings", request);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->status, 201) << second->body;
  nlohmann::json again = BodyOf(second);
  EXPECT_TRUE(again["tasks_created"].empty());
  EXPECT_EQ(again["actions_already_open"].size(), body["actions"].size());

  httplib::Result stored = Get("/api/v1/screenings/" + body["screening_id"].dump());
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->status, 200) << stored->body;
  nlohmann::json record = BodyOf(stored);
  EXPECT_EQ(record["rules_version"], "questionnaire@1;offences@1;risk@1;actions@1");
  EXPECT_EQ(record["screened_by"], "dc.patel");
  EXPECT_EQ(record["primary_offence"], "stalking");
  EXPECT_EQ(record["risk_level"], "medium");
  EXPECT_EQ(record["item_bank_version"], "vigil_stalking_risk@1");
  EXPECT_EQ(record["facts"]["relationship"], "ex_partner");
  EXPECT_EQ(record["result"]["primary"]["offence"], "stalking");

  httplib::Result history = Get("/api/v1/reports/" + report["id"].dump() + "/screenings");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->status, 200) << history->body;
  nlohmann::json items = BodyOf(history)["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["id"], again["screening_id"]);  // Newest first.
  EXPECT_FALSE(items[0].contains("facts"));
}

TEST_F(ScreeningApiTest, ARecordedDowngradeKeepsItsReason) {
  nlohmann::json report = ReportInCase("WM/2026/0201");
  nlohmann::json request = Facts();
  request["report_id"] = report["id"];
  request["override"] = {{"offence", "harassment"}};
  httplib::Result refused = Post("/api/v1/screenings", request);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_TRUE(HasError(BodyOf(refused), "override.reason", "required")) << refused->body;
  httplib::Result history = Get("/api/v1/reports/" + report["id"].dump() + "/screenings");
  EXPECT_TRUE(BodyOf(history)["items"].empty());

  std::string reason =
      "The victim confirms the suspect was returning her belongings as agreed through solicitors.";
  request["override"]["reason"] = reason;
  httplib::Result accepted = Post("/api/v1/screenings", request);
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->status, 201) << accepted->body;
  EXPECT_EQ(BodyOf(accepted)["primary"]["offence"], "harassment");
  httplib::Result stored = Get("/api/v1/screenings/" + BodyOf(accepted)["screening_id"].dump());
  EXPECT_EQ(BodyOf(stored)["override_offence"], "harassment");
  EXPECT_EQ(BodyOf(stored)["override_reason"], reason);
}

TEST_F(ScreeningApiTest, BadRequestsGetTheDocumentedErrors) {
  nlohmann::json facts = Facts();
  facts["relationship"] = "pen_friend";
  facts["occasions"][0]["date"] = "yesterday";
  facts["colour"] = "blue";
  facts["report_id"] = "twelve";
  httplib::Result invalid = Post("/api/v1/screenings", facts);
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 422);
  nlohmann::json errors = BodyOf(invalid);
  EXPECT_TRUE(HasError(errors, "report_id", "invalid_value")) << invalid->body;
  EXPECT_TRUE(HasError(errors, "colour", "unknown_field")) << invalid->body;
  EXPECT_GE(errors["errors"].size(), 4u) << invalid->body;

  httplib::Result malformed = PostRaw("/api/v1/screenings", "{\"facts_version\": 1,");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);

  nlohmann::json unknown = Facts();
  unknown["report_id"] = 987654;
  httplib::Result missing = Post("/api/v1/screenings", unknown);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404) << missing->body;

  httplib::Result no_screening = Get("/api/v1/screenings/987654");
  ASSERT_TRUE(no_screening);
  EXPECT_EQ(no_screening->status, 404);
  httplib::Result no_report = Get("/api/v1/reports/987654/screenings");
  ASSERT_TRUE(no_report);
  EXPECT_EQ(no_report->status, 404);
}

TEST_F(ScreeningApiTest, AnotherForcesReportIsForbidden) {
  domain::Report report = testing::MakeReport("WY/2026/0300");
  report.force = "west_yorkshire";
  {
    auto transaction = store().Begin(storage::TransactionMode::kWrite);
    ASSERT_TRUE(transaction.ok()) << transaction.status();
    ASSERT_TRUE((*transaction)->InsertReport(report).ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
  }
  domain::ScreeningRecord record;
  record.report_id = report.id;
  record.force = report.force;
  record.rules_version = "questionnaire@1;offences@1;risk@1;actions@1";
  record.facts_json = "{}";
  record.result_json = "{}";
  record.screened_by = "dc.shaw";
  record.screened_at = testing::TestNow();
  {
    auto transaction = store().Begin(storage::TransactionMode::kWrite);
    ASSERT_TRUE(transaction.ok()) << transaction.status();
    ASSERT_TRUE((*transaction)->InsertScreening(record).ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
  }
  httplib::Result stored = Get("/api/v1/screenings/" + record.id.ToString());
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, 403) << stored->body;
  nlohmann::json request = Facts();
  request["report_id"] = report.id.value;
  httplib::Result screened = Post("/api/v1/screenings", request);
  ASSERT_TRUE(screened);
  EXPECT_EQ(screened->status, 403) << screened->body;
  httplib::Result history = Get("/api/v1/reports/" + report.id.ToString() + "/screenings");
  ASSERT_TRUE(history);
  EXPECT_EQ(history->status, 403) << history->body;
}

TEST_F(ScreeningApiTest, RulesAreVisibleButOnlyAnAdministratorReloadsThem) {
  httplib::Result rules = Get("/api/v1/screening-rules");
  ASSERT_TRUE(rules);
  ASSERT_EQ(rules->status, 200);
  EXPECT_EQ(BodyOf(rules)["rules_version"], "questionnaire@1;offences@1;risk@1;actions@1");
  httplib::Result reload = Post("/api/v1/screening-rules/reload", nlohmann::json::object());
  ASSERT_TRUE(reload);
  EXPECT_EQ(reload->status, 403) << reload->body;
}

}  // namespace
}  // namespace vigil::api_test
