// /api/v1/reports: create, read, add occasions, classify, add persons and
// search (classification principal or included, person and role, dates,
// pagination).

#include "api/api_test_fixture.h"

namespace vigil::api_test {
namespace {

using ReportApiTest = ApiTest;

std::string ReportPath(const nlohmann::json& report) {
  return "/api/v1/reports/" + report["id"].dump();
}

TEST_F(ReportApiTest, CreateReturns201WithLocation) {
  httplib::Result result = Post("/api/v1/reports", ReportBody("WM/2026/0001"));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  nlohmann::json report = BodyOf(result);
  EXPECT_EQ(result->get_header_value("Location"), ReportPath(report));
  EXPECT_EQ(report["version"], 1);
  EXPECT_EQ(report["received_at"], "2026-06-01T09:30:00Z");
  EXPECT_EQ(report["occasions"][0]["occurred_at"], "22:15");
  EXPECT_TRUE(report["occasions"][0]["id"].get<std::int64_t>() > 0);
  EXPECT_TRUE(report["case_id"].is_null());
}

TEST_F(ReportApiTest, GetReturnsWhatWasCreated) {
  nlohmann::json report = CreateReport(ReportBody("WM/2026/0002"));
  httplib::Result result = Get(ReportPath(report));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(BodyOf(result), report);
  EXPECT_EQ(Get("/api/v1/reports/77777")->status, 404);
  EXPECT_EQ(Get("/api/v1/reports/seven")->status, 404);
}

TEST_F(ReportApiTest, DuplicateForceReferenceIs409) {
  CreateReport(ReportBody("WM/2026/0003"));
  httplib::Result result = Post("/api/v1/reports", ReportBody("WM/2026/0003"));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 409);
  EXPECT_TRUE(HasError(BodyOf(result), "", "already_exists")) << result->body;
}

TEST_F(ReportApiTest, UnknownPersonIs404) {
  nlohmann::json body = ReportBody("WM/2026/0008");
  body["persons"] = {{{"person_id", 5555}, {"role", "victim"}}};
  httplib::Result result = Post("/api/v1/reports", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404) << result->body;
  EXPECT_TRUE(HasError(BodyOf(result), "", "not_found")) << result->body;
}

TEST_F(ReportApiTest, NestedProblemsAre422WithPaths) {
  nlohmann::json body = ReportBody("WM/2026/0004");
  body["received_at"] = "2026-06-31T09:30:00Z";
  body["occasions"].push_back({{"occurred_on", "30/05/2026"}, {"mood", "angry"}});
  body["persons"] = {{{"person_id", "one"}, {"role", "victim"}}};
  httplib::Result result = Post("/api/v1/reports", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  nlohmann::json errors = BodyOf(result);
  EXPECT_TRUE(HasError(errors, "received_at", "invalid_date")) << errors;
  EXPECT_TRUE(HasError(errors, "occasions[1].occurred_on", "invalid_date")) << errors;
  EXPECT_TRUE(HasError(errors, "occasions[1].mood", "unknown_field")) << errors;
  EXPECT_TRUE(HasError(errors, "persons[0].person_id", "wrong_type")) << errors;
}

TEST_F(ReportApiTest, AddOccasionNeedsTheCurrentVersion) {
  nlohmann::json report = CreateReport(ReportBody("WM/2026/0005"));
  nlohmann::json occasion = {
      {"occurred_on", "2026-06-02"},
      {"occurred_at", nullptr},
      {"location", {{"description", "outside work"}, {"postcode", "B1 1AA"}}},
      {"channel", "in_person"},
      {"behaviours", {"following", "loitering"}},
      {"summary", "Waited outside the office."}};
  httplib::Result result =
      Post(ReportPath(report) + "/occasions", {{"version", 1}, {"occasion", occasion}});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  EXPECT_EQ(result->get_header_value("Location"), ReportPath(report));
  nlohmann::json updated = BodyOf(result);
  EXPECT_EQ(updated["version"], 2);
  ASSERT_EQ(updated["occasions"].size(), 2u);
  httplib::Result stale =
      Post(ReportPath(report) + "/occasions", {{"version", 1}, {"occasion", occasion}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  httplib::Result invalid = Post(ReportPath(report) + "/occasions",
                                 {{"version", 2}, {"occasion", {{"occurred_on", "2026-02-30"}}}});
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 422);
  EXPECT_TRUE(HasError(BodyOf(invalid), "occasion.occurred_on", "invalid_date")) << invalid->body;
  httplib::Result missing = Post(ReportPath(report) + "/occasions", nlohmann::json::object());
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 422);
  EXPECT_TRUE(HasError(BodyOf(missing), "version", "required"));
  EXPECT_TRUE(HasError(BodyOf(missing), "occasion", "required"));
}

TEST_F(ReportApiTest, ClassifyReplacesTheClassifications) {
  nlohmann::json report = CreateReport(ReportBody("WM/2026/0006"));
  httplib::Result result =
      Put(ReportPath(report) + "/classifications",
          {{"version", 1},
           {"principal_classification", "harassment"},
           {"included_classifications", {"stalking", "malicious_communications"}}});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  nlohmann::json updated = BodyOf(result);
  EXPECT_EQ(updated["included_classifications"],
            nlohmann::json({"stalking", "malicious_communications"}));
  EXPECT_EQ(updated["version"], 2);
  httplib::Result wrong = Put(ReportPath(report) + "/classifications",
                              {{"version", "2"}, {"principal_classification", 5}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 422);
  EXPECT_TRUE(HasError(BodyOf(wrong), "version", "wrong_type"));
  EXPECT_TRUE(HasError(BodyOf(wrong), "principal_classification", "wrong_type"));
}

TEST_F(ReportApiTest, AddPersonInARole) {
  nlohmann::json report = CreateReport(ReportBody("WM/2026/0007"));
  nlohmann::json person = CreatePerson(PersonBody("Rob", "Jones"));
  httplib::Result result = Post(ReportPath(report) + "/persons",
                                {{"version", 1}, {"person_id", person["id"]}, {"role", "suspect"}});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(BodyOf(result)["persons"],
            nlohmann::json({{{"person_id", person["id"]}, {"role", "suspect"}}}));
  httplib::Result bad_role = Post(ReportPath(report) + "/persons",
                                  {{"version", 2}, {"person_id", person["id"]}, {"role", "boss"}});
  ASSERT_TRUE(bad_role);
  EXPECT_EQ(bad_role->status, 422);
  EXPECT_TRUE(HasError(BodyOf(bad_role), "role", "invalid_value"));
}

TEST_F(ReportApiTest, SearchForStalkingFindsItAsAnIncludedClassification) {
  nlohmann::json body = ReportBody("WM/2026/0010", "harassment");
  body["included_classifications"] = {"stalking"};
  nlohmann::json included = CreateReport(body);
  CreateReport(ReportBody("WM/2026/0011", "malicious_communications"));
  httplib::Result result = Get("/api/v1/reports?classification=stalking");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  nlohmann::json page = BodyOf(result);
  EXPECT_EQ(page["total"], 1);
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["id"], included["id"]);
  EXPECT_EQ(page["items"][0]["principal_classification"], "harassment");
  EXPECT_EQ(page["items"][0]["included_classifications"], nlohmann::json({"stalking"}));
  EXPECT_TRUE(page["next_cursor"].is_null());
}

TEST_F(ReportApiTest, SearchByPersonRoleAndDates) {
  nlohmann::json person = CreatePerson(PersonBody("Rob", "Jones"));
  nlohmann::json early = ReportBody("WM/2026/0020");
  early["received_at"] = "2026-05-01T10:00:00Z";
  early["persons"] = {{{"person_id", person["id"]}, {"role", "suspect"}}};
  nlohmann::json early_report = CreateReport(early);
  nlohmann::json late = ReportBody("WM/2026/0021");
  late["received_at"] = "2026-06-10T10:00:00Z";
  late["persons"] = {{{"person_id", person["id"]}, {"role", "witness"}}};
  CreateReport(late);
  const std::string id = person["id"].dump();
  EXPECT_EQ(BodyOf(Get("/api/v1/reports?person_id=" + id))["total"], 2);
  nlohmann::json suspects = BodyOf(Get("/api/v1/reports?person_id=" + id + "&role=suspect"));
  ASSERT_EQ(suspects["items"].size(), 1u);
  EXPECT_EQ(suspects["items"][0]["id"], early_report["id"]);
  // "to" as a date includes that whole day.
  EXPECT_EQ(BodyOf(Get("/api/v1/reports?from=2026-05-01&to=2026-05-01"))["total"], 1);
  EXPECT_EQ(BodyOf(Get("/api/v1/reports?from=2026-06-01T00:00:00Z"))["total"], 1);
  EXPECT_EQ(BodyOf(Get("/api/v1/reports?force_reference=WM/2026/0021"))["total"], 1);
}

TEST_F(ReportApiTest, SearchPagesNewestFirstWithACursor) {
  for (int index = 0; index < 5; ++index) {
    nlohmann::json body = ReportBody("WM/2026/01" + std::to_string(index));
    body["received_at"] = "2026-06-0" + std::to_string(index + 1) + "T08:00:00Z";
    CreateReport(body);
  }
  std::vector<std::string> references;
  std::string cursor;
  for (int page = 0; page < 5; ++page) {
    std::string path = "/api/v1/reports?limit=2";
    if (!cursor.empty()) path += "&cursor=" + httplib::detail::encode_query_param(cursor);
    nlohmann::json body = BodyOf(Get(path));
    EXPECT_EQ(body["total"], 5);
    for (const nlohmann::json& item : body["items"]) references.push_back(item["force_reference"]);
    if (body["next_cursor"].is_null()) break;
    cursor = body["next_cursor"];
  }
  EXPECT_EQ(references, (std::vector<std::string>{"WM/2026/014", "WM/2026/013", "WM/2026/012",
                                                  "WM/2026/011", "WM/2026/010"}));
}

TEST_F(ReportApiTest, BadSearchParametersAre422ByName) {
  httplib::Result result =
      Get("/api/v1/reports?role=boss&from=yesterday&person_id=x&case_id=0&limit=0&colour=red");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  nlohmann::json body = BodyOf(result);
  EXPECT_TRUE(HasError(body, "role", "invalid_value")) << body;
  EXPECT_TRUE(HasError(body, "from", "invalid_date")) << body;
  EXPECT_TRUE(HasError(body, "person_id", "wrong_type")) << body;
  EXPECT_TRUE(HasError(body, "case_id", "out_of_range")) << body;
  EXPECT_TRUE(HasError(body, "limit", "out_of_range")) << body;
  EXPECT_TRUE(HasError(body, "colour", "unknown_parameter")) << body;
  EXPECT_EQ(body["errors"].size(), 6u);
}

}  // namespace
}  // namespace vigil::api_test
