// /api/v1/orders: court orders through their lifecycle over real HTTP.

#include <gtest/gtest.h>

#include "api/api_test_fixture.h"
#include "core/time.h"
#include "testing/test_lookups.h"

namespace vigil::api_test {
namespace {

class OrderApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    respondent_ = CreatePerson(PersonBody("Rob", "Stone"))["id"];
    victim_ = CreatePerson(PersonBody("Ann", "Lee"))["id"];
    case_id_ = OpenCase(CaseBody())["id"];
  }

  nlohmann::json NewSpo(const std::string& stage = "full",
                        const nlohmann::json& main_order = nullptr) {
    return {{"case_id", case_id_},
            {"order_type", "spo"},
            {"stage", stage},
            {"main_order", main_order},
            {"respondent", respondent_},
            {"protected_persons", {victim_}},
            {"event",
             {{"kind", "applied"},
              {"on", "2026-06-01"},
              {"applicant", "Chief Constable of West Midlands Police"},
              {"court", "Birmingham Magistrates' Court"}}}};
  }

  // Posts `event` with the order's version; returns the response.
  httplib::Result Record(const nlohmann::json& order, nlohmann::json event) {
    event["version"] = order["version"];
    return Post("/api/v1/orders/" + std::to_string(order["id"].get<std::int64_t>()) + "/events",
                event);
  }

  nlohmann::json MustRecord(const nlohmann::json& order, const nlohmann::json& event) {
    httplib::Result result = Record(order, event);
    EXPECT_TRUE(result);
    if (!result) return nullptr;
    EXPECT_EQ(result->status, 201) << result->body;
    return BodyOf(result);
  }

  static nlohmann::json Made(const std::string& on, const nlohmann::json& expires_on) {
    return {{"kind", "made"},
            {"on", on},
            {"court", "Birmingham Magistrates' Court"},
            {"expires_on", expires_on},
            {"terms",
             {{{"term_id", "no_contact"}},
              {{"term_id", "exclusion_zone"}, {"area", "Elm Road, Birmingham"}},
              {{"term_id", "no_approach"}, {"distance_metres", 100}}}}};
  }

  nlohmann::json respondent_;
  nlohmann::json victim_;
  nlohmann::json case_id_;
};

TEST_F(OrderApiTest, AnSpoIsAppliedForMadeServedAndItsNotificationFallsOverdue) {
  httplib::Result created = Post("/api/v1/orders", NewSpo());
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  nlohmann::json order = BodyOf(created);
  EXPECT_EQ(order["status"], "applied");
  EXPECT_EQ(order["force"], "west_midlands");
  EXPECT_EQ(order["history"].size(), 1u);
  EXPECT_EQ(order["history"][0]["recorded_by"], "dc.patel");
  EXPECT_EQ(order["history"][0]["config_version"], "order_types@1;terms@1");

  order = MustRecord(
      order, {{"kind", "hearing_listed"}, {"on", "2026-06-02"}, {"hearing_date", "2026-06-05"}});
  order = MustRecord(order, Made("2026-06-05", "2028-06-04"));
  order = MustRecord(order, {{"kind", "served"}, {"on", "2026-06-10"}});
  EXPECT_EQ(order["status"], "served");
  EXPECT_EQ(order["terms"].size(), 3u);
  EXPECT_EQ(order["terms"][2]["distance_metres"], 100);

  httplib::Result got = Get("/api/v1/orders/" + std::to_string(order["id"].get<std::int64_t>()));
  ASSERT_TRUE(got);
  ASSERT_EQ(got->status, 200) << got->body;
  nlohmann::json detail = BodyOf(got);
  EXPECT_EQ(detail["in_force"], true);
  ASSERT_EQ(detail["notifications"].size(), 1u);
  EXPECT_EQ(detail["notifications"][0]["kind"], "initial");
  EXPECT_EQ(detail["notifications"][0]["due_by"], "2026-06-13");
  EXPECT_EQ(detail["notifications"][0]["overdue"], true);  // Today is 15 June 2026.
  ASSERT_EQ(detail["history"].size(), 4u);
  EXPECT_EQ(detail["history"][3]["kind"], "served");

  // A stale version is refused, and nothing changes.
  nlohmann::json stale = order;
  stale["version"] = 1;
  httplib::Result conflict = Record(
      stale, {{"kind", "discharged"}, {"on", "2026-06-12"}, {"reasons", "Victim moved abroad"}});
  ASSERT_TRUE(conflict);
  EXPECT_EQ(conflict->status, 409) << conflict->body;
  got = Get("/api/v1/orders/" + std::to_string(order["id"].get<std::int64_t>()));
  EXPECT_EQ(BodyOf(got)["status"], "served");

  httplib::Result listed =
      Get("/api/v1/cases/" + std::to_string(case_id_.get<std::int64_t>()) + "/orders");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->status, 200) << listed->body;
  EXPECT_EQ(BodyOf(listed)["items"].size(), 1u);
}

TEST_F(OrderApiTest, InvalidTransitionsAreRejectedWithTheFieldAndNothingChanges) {
  nlohmann::json order = BodyOf(Post("/api/v1/orders", NewSpo()));
  httplib::Result short_order = Record(order, Made("2026-06-05", "2027-06-05"));
  ASSERT_TRUE(short_order);
  EXPECT_EQ(short_order->status, 422) << short_order->body;
  EXPECT_TRUE(HasError(BodyOf(short_order), "expires_on", "too_short")) << short_order->body;
  httplib::Result backwards = Record(order, Made("2026-06-05", "2026-06-01"));
  EXPECT_TRUE(HasError(BodyOf(backwards), "expires_on", "before_start")) << backwards->body;

  order = MustRecord(order, {{"kind", "refused"},
                             {"on", "2026-06-05"},
                             {"reasons", "The court was not satisfied of the risk"}});
  httplib::Result served = Record(order, {{"kind", "served"}, {"on", "2026-06-06"}});
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 409) << served->body;
  EXPECT_TRUE(HasError(BodyOf(served), "kind", "invalid_transition")) << served->body;
  httplib::Result got = Get("/api/v1/orders/" + std::to_string(order["id"].get<std::int64_t>()));
  EXPECT_EQ(BodyOf(got)["status"], "refused");
  EXPECT_EQ(BodyOf(got)["history"].size(), 2u);

  httplib::Result unknown = Record(
      order,
      {{"kind", "served"}, {"on", "2026-06-06"}, {"colour", "red"}, {"recorded_by", "someone"}});
  EXPECT_EQ(unknown->status, 422);
  EXPECT_TRUE(HasError(BodyOf(unknown), "colour", "unknown_field")) << unknown->body;
  EXPECT_TRUE(HasError(BodyOf(unknown), "recorded_by", "unknown_field")) << unknown->body;
  httplib::Result bad_kind = Record(order, {{"kind", "lost"}, {"on", "2026-06-06"}});
  EXPECT_TRUE(HasError(BodyOf(bad_kind), "kind", "invalid_value")) << bad_kind->body;
  httplib::Result not_json = PostRaw("/api/v1/orders", "{\"case_id\": ");
  EXPECT_EQ(not_json->status, 400);
}

TEST_F(OrderApiTest, AnInterimOrderNeedsAPendingMainApplicationAndEndsWithIt) {
  nlohmann::json main = BodyOf(Post("/api/v1/orders", NewSpo()));
  httplib::Result created = Post("/api/v1/orders", NewSpo("interim", main["id"]));
  ASSERT_EQ(created->status, 201) << created->body;
  nlohmann::json interim = BodyOf(created);
  interim = MustRecord(interim, Made("2026-06-02", nullptr));
  interim = MustRecord(interim, {{"kind", "served"}, {"on", "2026-06-02"}});
  main = MustRecord(main, Made("2026-06-12", "2028-06-11"));
  httplib::Result got = Get("/api/v1/orders/" + std::to_string(interim["id"].get<std::int64_t>()));
  EXPECT_EQ(BodyOf(got)["status"], "superseded") << got->body;
  httplib::Result detail = Get("/api/v1/orders/" + std::to_string(main["id"].get<std::int64_t>()));
  EXPECT_EQ(BodyOf(detail)["interim_orders"], nlohmann::json::array({interim["id"]}));
  // The main application is decided: no further interim order.
  httplib::Result late = Post("/api/v1/orders", NewSpo("interim", main["id"]));
  EXPECT_EQ(late->status, 422);
  EXPECT_TRUE(HasError(BodyOf(late), "main_order", "not_pending")) << late->body;
  nlohmann::json restraining = NewSpo("interim", main["id"]);
  restraining["order_type"] = "restraining_order_conviction";
  EXPECT_TRUE(HasError(BodyOf(Post("/api/v1/orders", restraining)), "stage", "not_allowed"));
}

TEST_F(OrderApiTest, ReturnsCountApplicationsGrantsAndRefusalsByMonthAsJsonAndCsv) {
  nlohmann::json granted = BodyOf(Post("/api/v1/orders", NewSpo()));
  MustRecord(granted, Made("2026-06-05", "2028-06-04"));
  nlohmann::json refused = BodyOf(Post("/api/v1/orders", NewSpo()));
  MustRecord(refused, {{"kind", "refused"}, {"on", "2026-06-06"}, {"reasons", "Not necessary"}});
  httplib::Result json = Get("/api/v1/reports/orders?from=2026-06-01&to=2026-07-01");
  ASSERT_TRUE(json);
  ASSERT_EQ(json->status, 200) << json->body;
  nlohmann::json rows = BodyOf(json)["rows"];
  ASSERT_EQ(rows.size(), 3u) << rows.dump();
  EXPECT_EQ(rows[0]["measure"], "applications");
  EXPECT_EQ(rows[0]["count"], 2);
  EXPECT_EQ(rows[1]["measure"], "grants");
  EXPECT_EQ(rows[2]["measure"], "refusals");
  EXPECT_EQ(rows[2]["period"], "2026-06");
  httplib::Result csv = Get("/api/v1/reports/orders?from=2026-06-01&to=2026-07-01&format=csv");
  ASSERT_EQ(csv->status, 200) << csv->body;
  EXPECT_EQ(csv->body,
            "period,force,order_type,stage,measure,count\r\n"
            "2026-06,west_midlands,spo,full,applications,2\r\n"
            "2026-06,west_midlands,spo,full,grants,1\r\n"
            "2026-06,west_midlands,spo,full,refusals,1\r\n");
  httplib::Result empty = Get("/api/v1/reports/orders?from=2026-07-01&to=2026-08-01");
  EXPECT_EQ(BodyOf(empty)["rows"].size(), 0u);
  httplib::Result bad = Get("/api/v1/reports/orders?from=2026-13-01&colour=red");
  EXPECT_EQ(bad->status, 422) << bad->body;
  httplib::Result backwards = Get("/api/v1/reports/orders?from=2026-07-01&to=2026-06-01");
  EXPECT_EQ(backwards->status, 422) << backwards->body;
  EXPECT_TRUE(HasError(BodyOf(backwards), "to", "before_from")) << backwards->body;
  // Another force's returns are not the caller's to see.
  httplib::Result elsewhere =
      Get("/api/v1/reports/orders?from=2026-06-01&to=2026-07-01&force=west_yorkshire");
  EXPECT_EQ(elsewhere->status, 403) << elsewhere->body;
}

TEST_F(OrderApiTest, AnotherForcesOrderIsForbidden) {
  domain::Person respondent = testing::MakePerson("Kit", "Marsh");
  respondent.force = "west_yorkshire";
  domain::Person victim = testing::MakePerson("Lou", "Hart");
  victim.force = "west_yorkshire";
  domain::Case value;
  value.force = "west_yorkshire";
  value.title = "Course of conduct against K. Marsh";
  value.created_at = value.updated_at = testing::TestNow();
  domain::court_order::Order order;
  {
    auto transaction = store().Begin(storage::TransactionMode::kWrite);
    ASSERT_TRUE(transaction.ok()) << transaction.status();
    ASSERT_TRUE((*transaction)->InsertPerson(respondent).ok());
    ASSERT_TRUE((*transaction)->InsertPerson(victim).ok());
    ASSERT_TRUE((*transaction)->InsertCase(value).ok());
    order.force = "west_yorkshire";
    order.case_id = value.id;
    order.order_type = "spo";
    order.respondent = respondent.id;
    order.protected_persons = {victim.id};
    order.status = domain::court_order::OrderStatus::kApplied;
    domain::court_order::OrderEvent applied;
    applied.sequence = 1;
    applied.kind = domain::court_order::OrderEventKind::kApplied;
    applied.on = *core::ParseDate("2026-06-01");
    applied.recorded_by = "dc.shaw";
    applied.applicant = "Chief Constable of West Yorkshire Police";
    order.history.push_back(applied);
    ASSERT_TRUE((*transaction)->InsertOrder(order).ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
  }
  std::string path = "/api/v1/orders/" + order.id.ToString();
  httplib::Result got = Get(path);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 403) << got->body;
  httplib::Result event = Post(path + "/events", {{"version", 1},
                                                  {"kind", "withdrawn"},
                                                  {"on", "2026-06-02"},
                                                  {"reasons", "No longer needed"}});
  EXPECT_EQ(event->status, 403) << event->body;
  httplib::Result listed = Get("/api/v1/cases/" + value.id.ToString() + "/orders");
  EXPECT_EQ(listed->status, 403) << listed->body;
  nlohmann::json elsewhere = NewSpo();
  elsewhere["force"] = "west_yorkshire";
  elsewhere["case_id"] = value.id.value;
  httplib::Result created = Post("/api/v1/orders", elsewhere);
  EXPECT_EQ(created->status, 403) << created->body;
  // In the caller's own force, another force's case is not the order's case.
  elsewhere.erase("force");
  httplib::Result mismatched = Post("/api/v1/orders", elsewhere);
  EXPECT_EQ(mismatched->status, 422) << mismatched->body;
  EXPECT_TRUE(HasError(BodyOf(mismatched), "case_id", "other_force")) << mismatched->body;
  EXPECT_EQ(Get("/api/v1/orders/999")->status, 404);
}

}  // namespace
}  // namespace vigil::api_test
