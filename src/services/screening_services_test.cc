// Screening use cases against a real SQLite store: stored and unstored
// screenings, actions made into tasks on the report's case (never twice
// while open), authorisation and audit, bad facts and overrides, and
// reloading the rules.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "domain/screening/screening_config.h"
#include "services/screening_rules.h"
#include "services/services.h"
#include "storage/sqlite/sqlite_store.h"
#include "testing/screening_examples.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::services {
namespace {

using core::StatusCode;
using nlohmann::json;

constexpr char kRulesVersion[] = "questionnaire@1;offences@1;risk@1;actions@1";

domain::Actor Investigator(const std::string& force = "west_midlands") {
  return {"dc.patel", "DC Sam Patel", {"investigator"}, force, ""};
}

domain::Actor Administrator() {
  return {"admin.lee", "Alex Lee", {"administrator"}, "west_midlands", ""};
}

// docs/reference/screening.md, worked example 1. Stalking indicated; risk
// medium.
json StalkingFacts() { return json::parse(testing::kExPartnerFactsJson); }

std::vector<std::string> ActionIds(const domain::screening::ScreeningResult& result) {
  std::vector<std::string> ids;
  for (const auto& action : result.actions) ids.push_back(action.id);
  return ids;
}

std::vector<std::string> TaskActionIds(const std::vector<domain::Task>& tasks) {
  std::vector<std::string> ids;
  for (const domain::Task& task : tasks) ids.push_back(task.action_id);
  return ids;
}

std::vector<std::string> Fields(const core::Status& status) {
  std::vector<std::string> fields;
  for (const core::FieldError& error : status.field_errors()) fields.push_back(error.field);
  return fields;
}

// The embedded screening files with actions.yaml at `actions_version`.
core::Result<domain::screening::ScreeningEngine> EngineWithActionsVersion(int actions_version) {
  std::map<std::string, std::string> files;
  for (const core::EmbeddedFile& file : domain::screening::EmbeddedScreeningConfigFiles()) {
    files[std::string(file.name)] = std::string(file.content);
  }
  std::string& actions = files["actions.yaml"];
  std::size_t at = actions.find("\nversion: 1\n");
  if (at == std::string::npos) return core::Internal("actions.yaml has no 'version: 1' line");
  actions.replace(at, 12, "\nversion: " + std::to_string(actions_version) + "\n");
  return domain::screening::ScreeningEngine::FromFiles(files, testing::TestLookups());
}

class ScreeningServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::sqlite::SqliteStore::Open(folder_.File("vigil.db"), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(store).value();
    services_ = std::make_unique<Services>(*store_, testing::TestLookups(), clock_);
  }

  Caller As(domain::Actor actor) { return Caller{std::move(actor), "test-request", ""}; }
  Caller Me() { return As(Investigator()); }

  domain::Case NewCase() {
    domain::Case value;
    value.title = "Course of conduct against R. Jones";
    auto opened = services_->OpenCase(Me(), value);
    EXPECT_TRUE(opened.ok()) << opened.status();
    return opened.ok() ? *opened : domain::Case{};
  }

  domain::Report NewReport(const std::string& reference,
                           std::optional<domain::CaseId> case_id = std::nullopt) {
    domain::Report report = testing::MakeReport(reference);
    report.case_id = case_id;
    auto created = services_->CreateReport(Me(), report);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : domain::Report{};
  }

  core::Result<ScreeningOutcome> ScreenReport(domain::ReportId report_id,
                                              json facts = StalkingFacts()) {
    ScreeningRequest request;
    request.facts = std::move(facts);
    request.report_id = report_id;
    return services_->Screen(Me(), std::move(request));
  }

  std::vector<domain::Task> OpenTasks(domain::CaseId case_id) {
    storage::TaskQuery query;
    query.case_id = case_id;
    query.open_only = true;
    auto tasks = services_->ListTasks(Me(), query);
    EXPECT_TRUE(tasks.ok()) << tasks.status();
    return tasks.ok() ? *tasks : std::vector<domain::Task>{};
  }

  std::vector<domain::AuditEvent> Audit(std::int64_t record_id, const std::string& type) {
    auto transaction = store_->Begin(storage::TransactionMode::kRead);
    EXPECT_TRUE(transaction.ok());
    auto events = (*transaction)->ListAudit(record_id, type, 100);
    EXPECT_TRUE(events.ok()) << events.status();
    return events.ok() ? *events : std::vector<domain::AuditEvent>{};
  }

  testing::TempDir folder_;
  core::FakeClock clock_{testing::TestNow()};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<Services> services_;
};

TEST_F(ScreeningServicesTest, ScreeningWithoutAReportStoresNothingButIsAudited) {
  ScreeningRequest request;
  request.facts = StalkingFacts();
  auto outcome = services_->Screen(Me(), request);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_TRUE(outcome->result.stalking_indicated);
  ASSERT_TRUE(outcome->result.primary.has_value());
  EXPECT_EQ(outcome->result.primary->offence, "stalking");
  EXPECT_EQ(outcome->result.rules_version, kRulesVersion);
  EXPECT_FALSE(outcome->record.has_value());
  EXPECT_TRUE(outcome->tasks_created.empty());
  EXPECT_TRUE(outcome->actions_already_open.empty());
  auto events = Audit(0, "screening");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "screen");
  EXPECT_EQ(events[0].outcome, "allowed");
  EXPECT_EQ(events[0].user_id, "dc.patel");
}

TEST_F(ScreeningServicesTest, UnidentifiedCallerCannotScreen) {
  ScreeningRequest request;
  request.facts = StalkingFacts();
  auto outcome = services_->Screen(As({"", "", {}, "west_midlands", ""}), request);
  EXPECT_EQ(outcome.status().code(), StatusCode::kPermissionDenied);
  auto events = Audit(0, "screening");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].outcome, "denied");
}

TEST_F(ScreeningServicesTest, StoredScreeningKeepsFactsResultRulesVersionAndSummary) {
  domain::Report report = NewReport("WM-1");
  clock_.Advance(std::chrono::minutes(5));
  auto outcome = ScreenReport(report.id);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_TRUE(outcome->record.has_value());
  const domain::ScreeningRecord& record = *outcome->record;
  EXPECT_TRUE(record.id.assigned());
  EXPECT_EQ(record.report_id, report.id);
  EXPECT_EQ(record.force, "west_midlands");
  EXPECT_EQ(record.rules_version, kRulesVersion);
  EXPECT_TRUE(record.stalking_indicated);
  EXPECT_EQ(record.primary_offence, "stalking");
  EXPECT_EQ(record.risk_level, "medium");
  EXPECT_EQ(record.item_bank_version, "vigil_stalking_risk@1");
  EXPECT_EQ(record.override_offence, "");
  EXPECT_EQ(record.override_reason, "");
  EXPECT_EQ(record.risk_override_rationale, "");
  EXPECT_EQ(record.screened_by, "dc.patel");
  EXPECT_EQ(record.screened_at, testing::TestNow() + std::chrono::minutes(5));
  EXPECT_EQ(json::parse(record.facts_json), StalkingFacts());
  json result = json::parse(record.result_json);
  EXPECT_EQ(result["result_version"], 1);
  EXPECT_EQ(result["rules_version"], kRulesVersion);
  EXPECT_EQ(result["primary"]["offence"], "stalking");
  // No case: no tasks.
  EXPECT_TRUE(outcome->tasks_created.empty());
  EXPECT_TRUE(outcome->actions_already_open.empty());

  auto events = Audit(record.id.value, "screening");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].action, "screening.created");
  auto decided = Audit(report.id.value, "report");
  ASSERT_FALSE(decided.empty());
  EXPECT_EQ(decided[0].action, "screen");
  EXPECT_EQ(decided[0].outcome, "allowed");

  auto read = services_->GetScreening(Me(), record.id);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->result_json, record.result_json);
  EXPECT_EQ(read->screened_at, record.screened_at);
  EXPECT_EQ(Audit(record.id.value, "screening")[0].action, "screening.view");
}

TEST_F(ScreeningServicesTest, OverridesAreStoredInTheSummary) {
  domain::Report report = NewReport("WM-1");
  ScreeningRequest request;
  request.facts = StalkingFacts();
  request.report_id = report.id;
  request.classification_override = domain::screening::ClassificationOverride{
      "harassment",
      "The victim confirms the suspect was returning her belongings as agreed through "
      "solicitors."};
  request.risk_override = domain::screening::RiskOverride{
      "high", "The suspect has threatened the victim's new partner, reported today."};
  auto outcome = services_->Screen(Me(), request);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_TRUE(outcome->record.has_value());
  EXPECT_EQ(outcome->record->primary_offence, "harassment");
  EXPECT_EQ(outcome->record->override_offence, "harassment");
  EXPECT_EQ(outcome->record->override_reason, request.classification_override->reason);
  EXPECT_EQ(outcome->record->risk_level, "high");
  EXPECT_EQ(outcome->record->risk_override_rationale, request.risk_override->rationale);
}

TEST_F(ScreeningServicesTest, ActionsBecomeTasksOnTheCaseWithOwnerRolesAndDueTimes) {
  domain::Case value = NewCase();
  domain::Report report = NewReport("WM-1", value.id);
  auto outcome = ScreenReport(report.id);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  ASSERT_TRUE(outcome->record.has_value());
  ASSERT_FALSE(outcome->result.actions.empty());
  EXPECT_EQ(TaskActionIds(outcome->tasks_created), ActionIds(outcome->result));
  EXPECT_TRUE(outcome->actions_already_open.empty());
  for (std::size_t index = 0; index < outcome->tasks_created.size(); ++index) {
    const domain::Task& task = outcome->tasks_created[index];
    const domain::screening::PlannedAction& action = outcome->result.actions[index];
    EXPECT_TRUE(task.id.assigned());
    EXPECT_EQ(task.version, 1);
    EXPECT_EQ(task.case_id, value.id);
    EXPECT_EQ(task.text, action.text);
    EXPECT_EQ(task.owner_role, action.owner_role);
    EXPECT_EQ(task.owner, "");
    EXPECT_EQ(task.screening_id, outcome->record->id);
    EXPECT_FALSE(task.done);
    ASSERT_TRUE(task.due_at.has_value());
    EXPECT_EQ(*task.due_at, testing::TestNow() + std::chrono::hours(action.due_within_hours));
    EXPECT_EQ(Audit(task.id.value, "task")[0].action, "task.created");
  }
  // Spot checks against config/screening/actions.yaml.
  const domain::Task& arrest = outcome->tasks_created.front();
  EXPECT_EQ(arrest.action_id, "consider_arrest");
  EXPECT_EQ(arrest.owner_role, "investigating_officer");
  EXPECT_EQ(*arrest.due_at, testing::TestNow() + std::chrono::hours(4));
  auto advice =
      std::find_if(outcome->tasks_created.begin(), outcome->tasks_created.end(),
                   [](const domain::Task& task) { return task.action_id == "safety_advice"; });
  ASSERT_NE(advice, outcome->tasks_created.end());
  EXPECT_EQ(advice->owner_role, "first_responder");

  // As stored.
  std::vector<domain::Task> stored = OpenTasks(value.id);
  EXPECT_EQ(stored.size(), outcome->tasks_created.size());
  for (const domain::Task& task : stored) EXPECT_EQ(task.screening_id, outcome->record->id);
}

TEST_F(ScreeningServicesTest, OpenTasksAreNotRepeatedButCompletedOnesAreSuggestedAgain) {
  domain::Case value = NewCase();
  domain::Report report = NewReport("WM-1", value.id);
  auto first = ScreenReport(report.id);
  ASSERT_TRUE(first.ok()) << first.status();
  std::size_t task_count = first->tasks_created.size();
  ASSERT_GT(task_count, 1u);

  clock_.Advance(std::chrono::hours(1));
  auto second = ScreenReport(report.id);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->tasks_created.empty());
  EXPECT_EQ(second->actions_already_open, ActionIds(second->result));
  EXPECT_EQ(OpenTasks(value.id).size(), task_count);

  const domain::Task& arrest = first->tasks_created.front();
  ASSERT_EQ(arrest.action_id, "consider_arrest");
  auto done = services_->CompleteTask(Me(), arrest.id, arrest.version);
  ASSERT_TRUE(done.ok()) << done.status();

  clock_.Advance(std::chrono::hours(1));
  auto third = ScreenReport(report.id);
  ASSERT_TRUE(third.ok()) << third.status();
  ASSERT_EQ(third->tasks_created.size(), 1u);
  EXPECT_EQ(third->tasks_created[0].action_id, "consider_arrest");
  EXPECT_EQ(third->tasks_created[0].screening_id, third->record->id);
  EXPECT_EQ(*third->tasks_created[0].due_at,
            testing::TestNow() + std::chrono::hours(2) + std::chrono::hours(4));
  EXPECT_EQ(third->actions_already_open.size(), task_count - 1);
  EXPECT_EQ(std::count(third->actions_already_open.begin(), third->actions_already_open.end(),
                       "consider_arrest"),
            0);
  EXPECT_EQ(OpenTasks(value.id).size(), task_count);

  // Every screening is kept, newest first.
  auto history = services_->ListScreenings(Me(), report.id);
  ASSERT_TRUE(history.ok()) << history.status();
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].id, third->record->id);
  EXPECT_EQ((*history)[1].id, second->record->id);
  EXPECT_EQ((*history)[2].id, first->record->id);
  EXPECT_EQ(Audit(report.id.value, "report")[0].action, "screening.search");
}

TEST_F(ScreeningServicesTest, UnknownReportIsNotFoundAtReportId) {
  auto outcome = ScreenReport(domain::ReportId(999));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Fields(outcome.status()), (std::vector<std::string>{"report_id"}));
  EXPECT_EQ(services_->ListScreenings(Me(), domain::ReportId(999)).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(services_->GetScreening(Me(), domain::ScreeningId(999)).status().code(),
            StatusCode::kNotFound);
}

TEST_F(ScreeningServicesTest, AnotherForceIsRefusedAndTheRefusalIsAudited) {
  domain::Case value = NewCase();
  domain::Report report = NewReport("WM-1", value.id);
  ScreeningRequest request;
  request.facts = StalkingFacts();
  request.report_id = report.id;
  auto outcome = services_->Screen(As(Investigator("merseyside")), request);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kPermissionDenied);
  auto events = Audit(report.id.value, "report");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].action, "screen");
  EXPECT_EQ(events[0].outcome, "denied");
  EXPECT_EQ(events[0].force, "merseyside");
  // Nothing was written.
  auto history = services_->ListScreenings(Me(), report.id);
  ASSERT_TRUE(history.ok()) << history.status();
  EXPECT_TRUE(history->empty());
  EXPECT_TRUE(OpenTasks(value.id).empty());

  auto stored = ScreenReport(report.id);
  ASSERT_TRUE(stored.ok()) << stored.status();
  auto seen = services_->GetScreening(As(Investigator("merseyside")), stored->record->id);
  EXPECT_EQ(seen.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Audit(stored->record->id.value, "screening")[0].outcome, "denied");
  auto listed = services_->ListScreenings(As(Investigator("merseyside")), report.id);
  EXPECT_EQ(listed.status().code(), StatusCode::kPermissionDenied);
}

TEST_F(ScreeningServicesTest, InvalidFactsAreRefusedWithEveryPathAndNothingStored) {
  domain::Report report = NewReport("WM-1");
  json facts = json::parse(R"({
    "facts_version": 1, "report_date": "2026-06-15", "relationship": "boss",
    "occasions": [{"date": "2026-07-01", "channel": "fax",
                   "behaviours": ["following", "following"]}],
    "unwanted": "yes", "colour": "red"})");
  auto outcome = ScreenReport(report.id, facts);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kInvalidArgument);
  std::vector<std::string> fields = Fields(outcome.status());
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"colour", "occasions[0].behaviours[1]",
                                              "occasions[0].channel", "occasions[0].date",
                                              "relationship", "unwanted"}));
  auto history = services_->ListScreenings(Me(), report.id);
  ASSERT_TRUE(history.ok());
  EXPECT_TRUE(history->empty());
}

TEST_F(ScreeningServicesTest, DowngradeWithoutAReasonIsRefused) {
  domain::Report report = NewReport("WM-1");
  ScreeningRequest request;
  request.facts = StalkingFacts();
  request.report_id = report.id;
  request.classification_override =
      domain::screening::ClassificationOverride{"harassment", "harassment only"};
  auto outcome = services_->Screen(Me(), request);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(outcome.status()), (std::vector<std::string>{"override.reason"}));
  auto history = services_->ListScreenings(Me(), report.id);
  ASSERT_TRUE(history.ok());
  EXPECT_TRUE(history->empty());
}

TEST_F(ScreeningServicesTest, ReloadSwapsInRulesThatLoadAndKeepsTheOldOnesOtherwise) {
  int loads = 0;
  bool fail = false;
  ScreeningRules rules(ScreeningRules::Embedded()->Current(),
                       [&]() -> core::Result<domain::screening::ScreeningEngine> {
                         ++loads;
                         if (fail) {
                           return core::InvalidArgument(
                               "the screening config is invalid",
                               {{"actions.yaml:3: version", "invalid_value", "must be a number"}});
                         }
                         return EngineWithActionsVersion(2);
                       });
  Services services(*store_, testing::TestLookups(), clock_, rules);
  EXPECT_EQ(services.screening_engine()->rules_version(), kRulesVersion);

  auto reloaded = services.ReloadScreeningRules(As(Administrator()));
  ASSERT_TRUE(reloaded.ok()) << reloaded.status();
  constexpr char kNewVersion[] = "questionnaire@1;offences@1;risk@1;actions@2";
  EXPECT_EQ(*reloaded, kNewVersion);
  EXPECT_EQ(services.screening_engine()->rules_version(), kNewVersion);
  auto events = Audit(0, "screening_rules");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].outcome, std::string("done: ") + kNewVersion);
  EXPECT_EQ(events[1].outcome, "allowed");

  // Screenings now use (and record) the new rules.
  ScreeningRequest request;
  request.facts = StalkingFacts();
  auto outcome = services.Screen(As(Investigator()), request);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->result.rules_version, kNewVersion);

  fail = true;
  auto failed = services.ReloadScreeningRules(As(Administrator()));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(failed.status()), (std::vector<std::string>{"actions.yaml:3: version"}));
  EXPECT_EQ(services.screening_engine()->rules_version(), kNewVersion);
  EXPECT_EQ(Audit(0, "screening_rules")[0].outcome, "failed");
  EXPECT_EQ(loads, 2);
}

TEST_F(ScreeningServicesTest, OnlyAnAdministratorOrTheSystemMayReload) {
  int loads = 0;
  ScreeningRules rules(ScreeningRules::Embedded()->Current(),
                       [&]() -> core::Result<domain::screening::ScreeningEngine> {
                         ++loads;
                         return EngineWithActionsVersion(3);
                       });
  Services services(*store_, testing::TestLookups(), clock_, rules);
  auto refused = services.ReloadScreeningRules(Me());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(loads, 0);
  EXPECT_EQ(services.screening_engine()->rules_version(), kRulesVersion);
  auto events = Audit(0, "screening_rules");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].outcome, "denied");
  EXPECT_EQ(events[0].user_id, "dc.patel");

  auto by_system = services.ReloadScreeningRules(As({"vigil", "vigil", {"system"}, "", ""}));
  ASSERT_TRUE(by_system.ok()) << by_system.status();
  EXPECT_EQ(loads, 1);
}

TEST_F(ScreeningServicesTest, EmbeddedRulesCannotBeReloaded) {
  EXPECT_EQ(services_->screening_engine()->rules_version(), kRulesVersion);
  auto reloaded = services_->ReloadScreeningRules(As(Administrator()));
  EXPECT_EQ(reloaded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Audit(0, "screening_rules")[0].outcome, "failed");
}

}  // namespace
}  // namespace vigil::services
