// /api/v1/cases and /api/v1/tasks: open, view, list, assign (including two
// concurrent assignments), move status, attach reports, tasks and notes.

#include <latch>
#include <thread>

#include "api/api_test_fixture.h"

namespace vigil::api_test {
namespace {

using CaseApiTest = ApiTest;

std::string CasePath(const nlohmann::json& value) { return "/api/v1/cases/" + value["id"].dump(); }

TEST_F(CaseApiTest, OpenReturns201WithLocation) {
  httplib::Result result = Post("/api/v1/cases", CaseBody("Course of conduct against R. Jones"));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  nlohmann::json value = BodyOf(result);
  EXPECT_EQ(result->get_header_value("Location"), CasePath(value));
  EXPECT_EQ(value["status"], "open");
  EXPECT_EQ(value["force"], "west_midlands");
  EXPECT_EQ(value["version"], 1);
}

TEST_F(CaseApiTest, StatusCannotBeSetWhenOpening) {
  nlohmann::json body = CaseBody();
  body["status"] = "closed";
  httplib::Result result = Post("/api/v1/cases", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  EXPECT_TRUE(HasError(BodyOf(result), "status", "unknown_field"));
}

TEST_F(CaseApiTest, ViewIncludesReportsTasksAndNotes) {
  nlohmann::json value = OpenCase(CaseBody());
  nlohmann::json report = CreateReport(ReportBody("WM/2026/0100"));
  httplib::Result attached =
      Post(CasePath(value) + "/reports", {{"report_id", report["id"]}, {"report_version", 1}});
  ASSERT_TRUE(attached);
  ASSERT_EQ(attached->status, 200) << attached->body;
  EXPECT_EQ(BodyOf(attached)["case_id"], value["id"]);
  httplib::Result task = Post(CasePath(value) + "/tasks", {{"text", "Preserve CCTV"},
                                                           {"owner_role", "investigator"},
                                                           {"due_at", "2026-06-20T17:00:00Z"}});
  ASSERT_TRUE(task);
  ASSERT_EQ(task->status, 201) << task->body;
  EXPECT_EQ(task->get_header_value("Location"), CasePath(value));
  EXPECT_EQ(BodyOf(task)["case_id"], value["id"]);
  httplib::Result note = Post(CasePath(value) + "/notes", {{"text", "Spoke to the victim."}});
  ASSERT_TRUE(note);
  ASSERT_EQ(note->status, 201) << note->body;
  EXPECT_EQ(BodyOf(note)["author"], "dc.patel");

  httplib::Result view = Get(CasePath(value));
  ASSERT_TRUE(view);
  ASSERT_EQ(view->status, 200) << view->body;
  nlohmann::json detail = BodyOf(view);
  EXPECT_EQ(detail["title"], value["title"]);
  ASSERT_EQ(detail["reports"].size(), 1u);
  EXPECT_EQ(detail["reports"][0]["id"], report["id"]);
  ASSERT_EQ(detail["tasks"].size(), 1u);
  EXPECT_EQ(detail["tasks"][0]["text"], "Preserve CCTV");
  ASSERT_EQ(detail["notes"].size(), 1u);
  EXPECT_EQ(detail["notes"][0]["text"], "Spoke to the victim.");
  EXPECT_EQ(Get("/api/v1/cases/31337")->status, 404);
}

TEST_F(CaseApiTest, TaskAndNoteBodiesAreChecked) {
  nlohmann::json value = OpenCase(CaseBody());
  httplib::Result task =
      Post(CasePath(value) + "/tasks",
           {{"text", "x"}, {"case_id", 999}, {"done", true}, {"due_at", "soon"}});
  ASSERT_TRUE(task);
  EXPECT_EQ(task->status, 422);
  nlohmann::json errors = BodyOf(task);
  EXPECT_TRUE(HasError(errors, "done", "unknown_field")) << errors;
  EXPECT_TRUE(HasError(errors, "due_at", "invalid_date")) << errors;
  httplib::Result mismatch = Post(CasePath(value) + "/tasks", {{"text", "x"}, {"case_id", 999}});
  ASSERT_TRUE(mismatch);
  EXPECT_EQ(mismatch->status, 422);
  EXPECT_TRUE(HasError(BodyOf(mismatch), "case_id", "invalid_value"));
  httplib::Result note = Post(CasePath(value) + "/notes", {{"text", "x"}, {"author", "someone"}});
  ASSERT_TRUE(note);
  EXPECT_EQ(note->status, 422);
  EXPECT_TRUE(HasError(BodyOf(note), "author", "unknown_field"));
  EXPECT_EQ(Post("/api/v1/cases/4040/notes", {{"text", "x"}})->status, 404);
}

TEST_F(CaseApiTest, AssignAndMoveAlongTheStatusTable) {
  nlohmann::json value = OpenCase(CaseBody());
  httplib::Result assigned =
      Put(CasePath(value) + "/assignment",
          {{"version", 1}, {"owner", "dc.patel"}, {"supervisor", "ds.khan"}});
  ASSERT_TRUE(assigned);
  ASSERT_EQ(assigned->status, 200) << assigned->body;
  EXPECT_EQ(BodyOf(assigned)["owner"], "dc.patel");
  EXPECT_EQ(BodyOf(assigned)["supervisor"], "ds.khan");
  // An absent supervisor is left as it is.
  httplib::Result owner_only =
      Put(CasePath(value) + "/assignment", {{"version", 2}, {"owner", "dc.lee"}});
  ASSERT_TRUE(owner_only);
  ASSERT_EQ(owner_only->status, 200) << owner_only->body;
  EXPECT_EQ(BodyOf(owner_only)["supervisor"], "ds.khan");
  httplib::Result moved =
      Put(CasePath(value) + "/status", {{"version", 3}, {"status", "under_investigation"}});
  ASSERT_TRUE(moved);
  ASSERT_EQ(moved->status, 200) << moved->body;
  EXPECT_EQ(BodyOf(moved)["status"], "under_investigation");
  httplib::Result illegal = Put(CasePath(value) + "/status", {{"version", 4}, {"status", "open"}});
  ASSERT_TRUE(illegal);
  EXPECT_EQ(illegal->status, 409);
  EXPECT_TRUE(HasError(BodyOf(illegal), "", "failed_precondition")) << illegal->body;
  httplib::Result closed = Put(CasePath(value) + "/status",
                               {{"version", 4}, {"status", "closed"}, {"closure_reason", "NFA"}});
  ASSERT_TRUE(closed);
  ASSERT_EQ(closed->status, 200) << closed->body;
  EXPECT_EQ(BodyOf(closed)["closure_reason"], "NFA");
  httplib::Result unknown = Put(CasePath(value) + "/status", {{"version", 5}, {"status", "done"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 422);
  EXPECT_TRUE(HasError(BodyOf(unknown), "status", "invalid_value"));
}

TEST_F(CaseApiTest, TwoConcurrentAssignmentsWithOneVersionGiveOne200AndOne409) {
  nlohmann::json value = OpenCase(CaseBody());
  const std::string path = CasePath(value) + "/assignment";
  std::latch start(2);
  int statuses[2] = {0, 0};
  std::vector<std::thread> threads;
  for (int index = 0; index < 2; ++index) {
    threads.emplace_back([&, index] {
      std::unique_ptr<httplib::Client> client = NewClient();
      nlohmann::json body = {{"version", 1}, {"owner", index == 0 ? "dc.one" : "dc.two"}};
      start.arrive_and_wait();
      httplib::Result result = client->Put(path, body.dump(), "application/json");
      statuses[index] = result ? result->status : -1;
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::vector<int> sorted = {statuses[0], statuses[1]};
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<int>{200, 409}));
  nlohmann::json after = BodyOf(Get(CasePath(value)));
  EXPECT_EQ(after["version"], 2);
  EXPECT_EQ(after["owner"], statuses[0] == 200 ? "dc.one" : "dc.two");
}

TEST_F(CaseApiTest, ListByOwnerAndStatusWithPaging) {
  for (int index = 0; index < 3; ++index) {
    nlohmann::json value = OpenCase(CaseBody("Case " + std::to_string(index)));
    ASSERT_EQ(Put(CasePath(value) + "/assignment", {{"version", 1}, {"owner", "dc.patel"}})->status,
              200);
  }
  OpenCase(CaseBody("Unassigned"));
  nlohmann::json first = BodyOf(Get("/api/v1/cases?owner=dc.patel&status=open&limit=2"));
  EXPECT_EQ(first["total"], 3);
  ASSERT_EQ(first["items"].size(), 2u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  nlohmann::json second =
      BodyOf(Get("/api/v1/cases?owner=dc.patel&status=open&limit=2&cursor=" +
                 httplib::detail::encode_query_param(first["next_cursor"].get<std::string>())));
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_TRUE(second["next_cursor"].is_null());
  EXPECT_EQ(BodyOf(Get("/api/v1/cases"))["total"], 4);
  httplib::Result bad = Get("/api/v1/cases?status=finished");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  EXPECT_TRUE(HasError(BodyOf(bad), "status", "invalid_value"));
}

TEST_F(CaseApiTest, ListAndCompleteTasks) {
  nlohmann::json value = OpenCase(CaseBody());
  nlohmann::json first =
      BodyOf(Post(CasePath(value) + "/tasks", {{"text", "First"}, {"owner", "dc.patel"}}));
  BodyOf(Post(CasePath(value) + "/tasks", {{"text", "Second"}, {"owner_role", "supervisor"}}));
  const std::string case_filter = "case_id=" + value["id"].dump();
  EXPECT_EQ(BodyOf(Get("/api/v1/tasks?" + case_filter))["items"].size(), 2u);
  const std::string completion = "/api/v1/tasks/" + first["id"].dump() + "/completion";
  httplib::Result done = Post(completion, {{"version", first["version"]}});
  ASSERT_TRUE(done);
  ASSERT_EQ(done->status, 200) << done->body;
  nlohmann::json task = BodyOf(done);
  EXPECT_EQ(task["done"], true);
  EXPECT_EQ(task["done_by"], "dc.patel");
  EXPECT_EQ(task["done_at"], "2026-06-15T12:00:00Z");
  EXPECT_EQ(Post(completion, {{"version", first["version"]}})->status, 409);
  nlohmann::json open = BodyOf(Get("/api/v1/tasks?" + case_filter + "&open=true"));
  ASSERT_EQ(open["items"].size(), 1u);
  EXPECT_EQ(open["items"][0]["text"], "Second");
  nlohmann::json by_role = BodyOf(Get("/api/v1/tasks?owner_role=supervisor"));
  ASSERT_EQ(by_role["items"].size(), 1u);
  EXPECT_EQ(Post("/api/v1/tasks/987654/completion", {{"version", 1}})->status, 404);
  httplib::Result bad = Get("/api/v1/tasks?open=maybe&limit=1001");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  EXPECT_TRUE(HasError(BodyOf(bad), "open", "wrong_type"));
  EXPECT_TRUE(HasError(BodyOf(bad), "limit", "out_of_range"));
}

TEST_F(CaseApiTest, AuditEventsCarryTheRequestId) {
  std::unique_ptr<httplib::Client> client = NewClient();
  httplib::Result result = client->Post("/api/v1/cases", {{"X-Request-Id", "audit-trace-1"}},
                                        CaseBody().dump(), "application/json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  std::int64_t id = BodyOf(result)["id"];
  auto transaction = store().Begin(storage::TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok()) << transaction.status();
  auto events = (*transaction)->ListAudit(id, "case", 10);
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_FALSE(events->empty());
  EXPECT_EQ(events->front().request_id, "audit-trace-1");
  EXPECT_EQ(events->front().user_id, "dc.patel");
}

}  // namespace
}  // namespace vigil::api_test
