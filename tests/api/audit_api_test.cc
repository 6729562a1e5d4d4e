// GET /api/v1/audit: who did what to a record, newest first and paged; the
// look is itself audited; another force's record is refused (and the
// refusal audited); bad queries are 422 with every problem; and no route
// appends, changes or deletes audit entries.

#include <vector>

#include "api/api_test_fixture.h"
#include "domain/audit_chain.h"
#include "testing/test_lookups.h"

namespace vigil::api_test {
namespace {

class AuditApiTest : public ApiTest {
 protected:
  std::vector<domain::AuditEvent> WholeLog() {
    std::vector<domain::AuditEvent> events;
    auto transaction = store().Begin(storage::TransactionMode::kRead);
    EXPECT_TRUE(transaction.ok());
    if (!transaction.ok()) return events;
    EXPECT_TRUE((*transaction)
                    ->ScanAudit({},
                                [&](const domain::AuditEvent& event) {
                                  events.push_back(event);
                                  return core::Status::Ok();
                                })
                    .ok());
    return events;
  }

  std::string ReportAudit(std::int64_t id, const std::string& extra = "") {
    return "/api/v1/audit?record_type=report&record_id=" + std::to_string(id) + extra;
  }
};

TEST_F(AuditApiTest, ListsWhoDidWhatToARecordNewestFirstAndAuditsTheLook) {
  nlohmann::json report = CreateReport(ReportBody("WM-AUD-1"));
  std::int64_t id = report["id"];
  ASSERT_EQ(Get("/api/v1/reports/" + std::to_string(id))->status, 200);

  httplib::Result first = Get(ReportAudit(id));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  nlohmann::json body = BodyOf(first);
  ASSERT_GE(body["items"].size(), 2u) << body.dump();
  EXPECT_EQ(body["items"][0]["action"], "report.view");
  EXPECT_EQ(body["items"][0]["user_id"], TestActor().user_id);
  EXPECT_EQ(body["items"][0]["force"], "west_midlands");
  EXPECT_EQ(body["items"][0]["outcome"], "allowed");
  EXPECT_FALSE(body["items"][0]["reason"].get<std::string>().empty());
  EXPECT_TRUE(domain::IsAuditHash(body["items"][0]["hash"].get<std::string>()));
  for (const char* field :
       {"id", "at", "roles", "agency", "record_type", "record_id", "purpose", "request_id"}) {
    EXPECT_TRUE(body["items"][0].contains(field)) << field;
  }
  std::int64_t total = body["total"].get<std::int64_t>();

  // The look is in the audit now, newest first.
  httplib::Result second = Get(ReportAudit(id));
  ASSERT_TRUE(second);
  nlohmann::json again = BodyOf(second);
  EXPECT_EQ(again["total"], total + 1);
  EXPECT_EQ(again["items"][0]["action"], "audit.read");
  EXPECT_EQ(again["items"][0]["request_id"], first->get_header_value("X-Request-Id"));
}

TEST_F(AuditApiTest, PagesWithACursor) {
  nlohmann::json report = CreateReport(ReportBody("WM-AUD-2"));
  std::int64_t id = report["id"];
  for (int view = 0; view < 4; ++view) Get("/api/v1/reports/" + std::to_string(id));
  std::vector<std::int64_t> ids;
  std::string cursor;
  std::int64_t total = -1;
  for (int page = 0; page < 10; ++page) {
    httplib::Result result =
        Get(ReportAudit(id, "&limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor)));
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    nlohmann::json body = BodyOf(result);
    if (total < 0) total = body["total"].get<std::int64_t>();
    for (const nlohmann::json& item : body["items"]) ids.push_back(item["id"].get<std::int64_t>());
    if (body["next_cursor"].is_null()) break;
    cursor = body["next_cursor"].get<std::string>();
  }
  // Every entry once, newest first (the clock stands still: by id).
  EXPECT_EQ(static_cast<std::int64_t>(ids.size()), total);
  for (std::size_t index = 1; index < ids.size(); ++index) EXPECT_GT(ids[index - 1], ids[index]);
}

TEST_F(AuditApiTest, AnotherForcesRecordIsRefusedAndTheRefusalAudited) {
  domain::Report other = testing::MakeReport("DUR-1");
  other.force = "durham";
  {
    auto transaction = store().Begin(storage::TransactionMode::kWrite);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE((*transaction)->InsertReport(other).ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
  }
  httplib::Result result = Get(ReportAudit(other.id.value));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 403) << result->body;
  std::vector<domain::AuditEvent> log = WholeLog();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back().action, "audit.read");
  EXPECT_EQ(log.back().outcome, "denied");
  EXPECT_EQ(log.back().record_id, other.id.value);
  EXPECT_EQ(log.back().reason, "the record belongs to another force");
}

TEST_F(AuditApiTest, AnUnknownRecordIs404) {
  httplib::Result result = Get(ReportAudit(999));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404) << result->body;
}

TEST_F(AuditApiTest, BadQueriesAre422WithEveryProblem) {
  httplib::Result result = Get("/api/v1/audit");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 422);
  EXPECT_TRUE(HasError(BodyOf(result), "record_type", "required"));
  EXPECT_TRUE(HasError(BodyOf(result), "record_id", "required"));
  result = Get("/api/v1/audit?record_type=audit_event&record_id=0&limit=501&colour=red");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 422) << result->body;
  nlohmann::json body = BodyOf(result);
  EXPECT_TRUE(HasError(body, "record_type", "invalid_value")) << body.dump();
  EXPECT_TRUE(HasError(body, "record_id", "out_of_range")) << body.dump();
  EXPECT_TRUE(HasError(body, "limit", "out_of_range")) << body.dump();
  EXPECT_TRUE(HasError(body, "colour", "unknown_parameter")) << body.dump();
  std::int64_t id = CreateReport(ReportBody("WM-AUD-4"))["id"];
  result = Get(ReportAudit(id, "&cursor=bad"));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  EXPECT_TRUE(HasError(BodyOf(result), "cursor", "invalid")) << result->body;
}

TEST_F(AuditApiTest, NoRouteWritesOrDeletesTheAuditLog) {
  nlohmann::json report = CreateReport(ReportBody("WM-AUD-3"));
  std::vector<domain::AuditEvent> before = WholeLog();
  ASSERT_FALSE(before.empty());
  auto client = NewClient();
  const std::string entry = "/api/v1/audit/" + before.front().id.ToString();
  for (const std::string& path : {std::string("/api/v1/audit"), entry}) {
    auto expect_refused = [&](httplib::Result result, const std::string& method) {
      ASSERT_TRUE(result) << method << " " << path;
      EXPECT_TRUE(result->status == 404 || result->status == 405)
          << method << " " << path << ": " << result->status;
    };
    expect_refused(client->Post(path, R"({"action":"x"})", "application/json"), "POST");
    expect_refused(client->Put(path, R"({"outcome":"denied"})", "application/json"), "PUT");
    expect_refused(client->Patch(path, R"({"outcome":"denied"})", "application/json"), "PATCH");
    expect_refused(client->Delete(path), "DELETE");
  }
  std::vector<domain::AuditEvent> after = WholeLog();
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t index = 0; index < before.size(); ++index) {
    EXPECT_EQ(after[index].hash, before[index].hash);
  }
  domain::AuditChainVerifier verifier;
  for (const domain::AuditEvent& event : after) EXPECT_TRUE(verifier.Add(event));
  EXPECT_FALSE(verifier.Finish().problem);
}

}  // namespace
}  // namespace vigil::api_test
