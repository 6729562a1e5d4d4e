// Runs every court order scenario (tests/scenarios/orders/*.json, format in
// its README.md) through the real services over a real SQLite store with an
// injected clock: each step sets the clock, does one thing and checks its
// `expect` block. One test per file, named after it.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/time.h"
#include "services/services.h"
#include "storage/sqlite/sqlite_store.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"
#include "web/api/json_codec_order.h"

namespace vigil {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
namespace co = domain::court_order;

fs::path Folder() { return fs::path(VIGIL_SOURCE_DIR) / "tests/scenarios"; }

json ReadJson(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::vector<std::string> ScenarioFiles() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(Folder() / "orders", error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

json Date(const std::optional<core::Date>& date) {
  return date ? json(core::FormatDate(*date)) : json(nullptr);
}

class OrderScenarioTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto store = storage::sqlite::SqliteStore::Open(folder_.File("vigil.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(store).value();
    services_ = std::make_unique<services::Services>(*store_, testing::TestLookups(), clock_);
    caller_.actor = {"dc.patel", "DC Sam Patel", {"investigator"}, "west_midlands", ""};
    caller_.request_id = "scenario";
    auto respondent = services_->CreatePerson(caller_, testing::MakePerson("Rob", "Stone"));
    auto victim = services_->CreatePerson(caller_, testing::MakePerson("Ann", "Lee"));
    ASSERT_TRUE(respondent.ok() && victim.ok());
    respondent_ = respondent->id;
    victim_ = victim->id;
    domain::Case value;
    value.title = "Course of conduct against R. Stone";
    value.owner = "dc.patel";
    auto opened = services_->OpenCase(caller_, value);
    ASSERT_TRUE(opened.ok()) << opened.status();
    case_ = opened->id;
    report_ = NewReportInCase("WM/2026/7001");
  }

  domain::ReportId NewReportInCase(const std::string& reference) {
    auto report = services_->CreateReport(caller_, testing::MakeReport(reference, "stalking"));
    EXPECT_TRUE(report.ok()) << report.status();
    if (!report.ok()) return {};
    auto attached = services_->AttachReportToCase(caller_, report->id, report->version, case_);
    EXPECT_TRUE(attached.ok()) << attached.status();
    return report->id;
  }

  // Runs one step; failures name the step.
  void Run(const json& scenario, const json& step) {
    clock_.Set(core::Timestamp(*core::ParseDate(step.at("today").get<std::string>())) +
               std::chrono::hours(12));
    std::string what = step.at("do");
    const json& expect = step.value("expect", json::object());
    core::Status status;
    if (what == "screen") {
      services::ScreeningRequest request;
      request.facts = ReadJson(Folder() / scenario.at("screening").get<std::string>()).at("facts");
      request.report_id = report_;
      auto outcome = services_->Screen(caller_, request);
      ASSERT_TRUE(outcome.ok()) << outcome.status();
      if (expect.contains("stalking_indicated")) {
        EXPECT_EQ(outcome->result.stalking_indicated, expect["stalking_indicated"].get<bool>());
      }
    } else if (what == "create") {
      json body = step.at("particulars");
      body["case_id"] = case_.value;
      body["respondent"] = respondent_.value;
      body["protected_persons"] = {victim_.value};
      if (body.contains("main_order"))
        body["main_order"] = orders_.at(body["main_order"].get<std::string>()).value;
      body["event"] = step.at("event");
      auto request = web::api::DecodeNewOrder(body);
      ASSERT_TRUE(request.ok()) << request.status();
      auto created = services_->CreateOrder(caller_, request->order, request->first);
      status = created.status();
      if (created.ok()) orders_[step.at("order").get<std::string>()] = created->id;
    } else if (what == "event" || what == "breach") {
      co::OrderId id = orders_.at(step.at("order").get<std::string>());
      auto current = services_->GetOrder(caller_, id);
      ASSERT_TRUE(current.ok()) << current.status();
      co::OrderEvent event;
      if (what == "event") {
        auto decoded = web::api::DecodeOrderEvent(step.at("event"), false, nullptr);
        ASSERT_TRUE(decoded.ok()) << decoded.status();
        event = std::move(decoded).value();
      } else {
        event.kind = co::OrderEventKind::kBreachRecorded;
        event.on = *core::ParseDate(step.at("on").get<std::string>());
        auto report = services_->CreateReport(
            caller_, testing::MakeReport("WM/BREACH/" + std::to_string(++breaches_), "stalking"));
        ASSERT_TRUE(report.ok()) << report.status();
        event.report_id = report->id;
      }
      status = services_->RecordOrderEvent(caller_, id, current->order.version, event).status();
    } else if (what == "due") {
      auto due = services_->Due(caller_, std::nullopt);
      ASSERT_TRUE(due.ok()) << due.status();
      CheckDue(*due, expect);
    } else if (what == "returns") {
      auto rows =
          services_->OrderReturns(caller_, *core::ParseDate(step.at("from").get<std::string>()),
                                  *core::ParseDate(step.at("to").get<std::string>()), std::nullopt);
      ASSERT_TRUE(rows.ok()) << rows.status();
      json got = web::api::EncodeOrderReturns(*rows, {}, {})["rows"];
      EXPECT_EQ(got, expect.at("rows")) << got.dump(1);
    } else {
      ASSERT_EQ(what, "check") << "unknown step";
    }
    Check(step, expect, status);
  }

  // The names of the orders in `items` (by `order_of`).
  template <typename Items, typename OrderOf>
  json Names(const Items& items, OrderOf order_of) {
    json names = json::array();
    for (const auto& item : items) {
      for (const auto& [name, id] : orders_) {
        if (order_of(item).id == id) names.push_back(name);
      }
    }
    return names;
  }

  void CheckDue(const services::DueList& due, const json& expect) {
    if (expect.contains("expiring")) {
      EXPECT_EQ(
          Names(due.expiring, [](const auto& item) -> const co::Order& { return item.order; }),
          expect["expiring"]);
    }
    if (expect.contains("expiring_window")) {
      ASSERT_FALSE(due.expiring.empty());
      EXPECT_EQ(due.expiring[0].window, expect["expiring_window"].get<int>());
      EXPECT_EQ(due.expiring[0].days_left, expect["expiring_days_left"].get<int>());
    }
    if (expect.contains("interim_without_hearing")) {
      EXPECT_EQ(Names(due.interim_without_hearing,
                      [](const auto& item) -> const co::Order& { return item.order; }),
                expect["interim_without_hearing"]);
    }
    if (expect.contains("notifications_overdue")) {
      EXPECT_EQ(Names(due.notifications_overdue,
                      [](const auto& item) -> const co::Order& { return item.order; }),
                expect["notifications_overdue"]);
    }
    if (expect.contains("tasks_overdue")) {
      EXPECT_EQ(due.tasks_overdue.size(), expect["tasks_overdue"].get<std::size_t>());
    }
  }

  void Check(const json& step, const json& expect, const core::Status& status) {
    if (expect.contains("error")) {
      EXPECT_FALSE(status.ok());
      EXPECT_EQ(core::StatusCodeName(status.code()), expect["error"]["code"].get<std::string>())
          << status;
      bool has_field = false;
      for (const core::FieldError& error : status.field_errors()) {
        has_field = has_field || error.field == expect["error"]["field"].get<std::string>();
      }
      EXPECT_TRUE(has_field) << status;
    } else {
      EXPECT_TRUE(status.ok()) << status;
    }
    if (step.contains("order") && orders_.count(step["order"].get<std::string>())) {
      auto detail = services_->GetOrder(caller_, orders_.at(step["order"].get<std::string>()));
      ASSERT_TRUE(detail.ok()) << detail.status();
      const co::Order& order = detail->order;
      if (expect.contains("status")) {
        EXPECT_EQ(co::OrderStatusName(order.status), expect["status"].get<std::string>());
      }
      if (expect.contains("in_force")) EXPECT_EQ(detail->in_force, expect["in_force"].get<bool>());
      if (expect.contains("hearing_date"))
        EXPECT_EQ(Date(order.hearing_date), expect["hearing_date"]);
      if (expect.contains("starts_on")) EXPECT_EQ(Date(order.starts_on), expect["starts_on"]);
      if (expect.contains("expires_on")) EXPECT_EQ(Date(order.expires_on), expect["expires_on"]);
      if (expect.contains("notifications")) {
        const json& wanted = expect["notifications"];
        ASSERT_EQ(detail->notifications.size(), wanted.size());
        for (std::size_t i = 0; i < wanted.size(); ++i) {
          json got = web::api::EncodeNotificationDuty(detail->notifications[i]);
          for (const auto& [key, value] : wanted[i].items()) {
            EXPECT_EQ(got[key], value) << "notifications[" << i << "]." << key;
          }
        }
      }
    }
    if (expect.contains("task_actions_include") || expect.contains("case_notes_include")) {
      auto detail = services_->GetCase(caller_, case_);
      ASSERT_TRUE(detail.ok()) << detail.status();
      for (const json& action : expect.value("task_actions_include", json::array())) {
        bool found = std::any_of(
            detail->tasks.begin(), detail->tasks.end(),
            [&](const domain::Task& task) { return task.action_id == action.get<std::string>(); });
        EXPECT_TRUE(found) << "no task for action " << action;
      }
      if (expect.contains("case_notes_include")) {
        std::string text = expect["case_notes_include"];
        bool found = std::any_of(
            detail->notes.begin(), detail->notes.end(),
            [&](const domain::Note& note) { return note.text.find(text) != std::string::npos; });
        EXPECT_TRUE(found) << "no note with " << text;
      }
    }
  }

  vigil::testing::TempDir folder_;
  core::FakeClock clock_{testing::TestNow()};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<services::Services> services_;
  services::Caller caller_;
  domain::PersonId respondent_;
  domain::PersonId victim_;
  domain::CaseId case_;
  domain::ReportId report_;
  std::map<std::string, co::OrderId> orders_;
  int breaches_ = 0;
};

TEST_P(OrderScenarioTest, Walks) {
  json scenario = ReadJson(Folder() / "orders" / GetParam());
  const json& steps = scenario.at("steps");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    SCOPED_TRACE("step " + std::to_string(i) + " (" + steps[i].at("do").get<std::string>() +
                 " on " + steps[i].at("today").get<std::string>() + ")");
    Run(scenario, steps[i]);
    if (HasFatalFailure()) return;
  }
}

INSTANTIATE_TEST_SUITE_P(Orders, OrderScenarioTest, ::testing::ValuesIn(ScenarioFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.rfind('.'));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace vigil
