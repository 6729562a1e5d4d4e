#include "services/services.h"

#include <gtest/gtest.h>

#include <thread>

#include "core/time.h"
#include "storage/sqlite/sqlite_store.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::services {
namespace {

using core::StatusCode;
using domain::CaseStatus;

domain::Actor Investigator(const std::string& force = "west_midlands") {
  return {"dc.patel", "DC Sam Patel", {"investigator"}, force, ""};
}

class ServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::sqlite::SqliteStore::Open(folder_.File("vigil.db"), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(store).value();
    services_ = std::make_unique<Services>(*store_, testing::TestLookups(), clock_);
  }

  Caller As(domain::Actor actor) { return Caller{std::move(actor), "test-request", ""}; }
  Caller Me() { return As(Investigator()); }

  domain::Person NewPerson(const std::string& given, const std::string& family) {
    auto person = services_->CreatePerson(Me(), testing::MakePerson(given, family));
    EXPECT_TRUE(person.ok()) << person.status();
    return person.ok() ? *person : domain::Person{};
  }

  domain::Report NewReport(const std::string& reference,
                           const std::string& principal = "harassment") {
    auto report = services_->CreateReport(Me(), testing::MakeReport(reference, principal));
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *report : domain::Report{};
  }

  domain::Case NewCase() {
    domain::Case value;
    value.title = "Course of conduct against R. Jones";
    auto opened = services_->OpenCase(Me(), value);
    EXPECT_TRUE(opened.ok()) << opened.status();
    return opened.ok() ? *opened : domain::Case{};
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

TEST_F(ServicesTest, CreatePersonNormalisesDefaultsForceAndAudits) {
  domain::Person input = testing::MakePerson("Rebecca", "Jones");
  input.force.clear();
  input.addresses[0].postcode = "b11aa";
  auto created = services_->CreatePerson(Me(), input);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->force, "west_midlands");
  EXPECT_EQ(created->addresses[0].postcode, "B1 1AA");
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->created_at, testing::TestNow());
  auto events = Audit(created->id.value, "person");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].action, "person.created");
  EXPECT_EQ(events[0].user_id, "dc.patel");
  EXPECT_EQ(events[0].request_id, "test-request");
}

TEST_F(ServicesTest, InvalidReportListsEveryProblemAndWritesNothing) {
  domain::Report report = testing::MakeReport("");
  report.principal_classification = "nonsense";
  report.occasions[0].channel = "pigeon";
  auto created = services_->CreateReport(Me(), report);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(created.status().field_errors().size(), 3u) << created.status();
  auto page = services_->SearchReports(Me(), {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);
}

TEST_F(ServicesTest, AnotherForceIsRefusedAndTheRefusalIsAudited) {
  domain::Report report = NewReport("WM-1");
  auto seen = services_->GetReport(As(Investigator("merseyside")), report.id);
  ASSERT_FALSE(seen.ok());
  EXPECT_EQ(seen.status().code(), StatusCode::kPermissionDenied);
  auto events = Audit(report.id.value, "report");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].outcome, "denied");
  EXPECT_EQ(events[0].force, "merseyside");
  auto mine = services_->GetReport(Me(), report.id);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(Audit(report.id.value, "report")[0].action, "report.view");
}

TEST_F(ServicesTest, SearchIsScopedToTheCallersForce) {
  NewReport("WM-1");
  auto theirs = services_->SearchReports(As(Investigator("merseyside")), {});
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ(theirs->total, 0);
  storage::ReportQuery other_force;
  other_force.force = "west_midlands";
  auto refused = services_->SearchReports(As(Investigator("merseyside")), other_force);
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
}

TEST_F(ServicesTest, IncludedClassificationIsSearchable) {
  domain::Report report = NewReport("WM-1", "harassment");
  NewReport("WM-2", "criminal_damage");
  auto classified =
      services_->ClassifyReport(Me(), report.id, report.version, "harassment", {"stalking"});
  ASSERT_TRUE(classified.ok()) << classified.status();
  EXPECT_EQ(classified->version, 2);
  storage::ReportQuery query;
  query.classification = "stalking";
  auto page = services_->SearchReports(Me(), query);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, report.id);
}

TEST_F(ServicesTest, StaleVersionConflictsAndChangesNothing) {
  domain::Report report = NewReport("WM-1");
  domain::Occasion occasion = report.occasions[0];
  occasion.occurred_on = *core::ParseDate("2026-06-01");
  auto added = services_->AddOccasion(Me(), report.id, report.version, occasion);
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_EQ(added->occasions.size(), 2u);
  EXPECT_TRUE(added->occasions[1].id.assigned());
  auto stale = services_->AddOccasion(Me(), report.id, report.version, occasion);
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  auto stored = services_->GetReport(Me(), report.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->occasions.size(), 2u);
}

TEST_F(ServicesTest, AddPersonToReportNeedsAnExistingPerson) {
  domain::Report report = NewReport("WM-1");
  domain::Person suspect = NewPerson("Rob", "Jones");
  auto missing = services_->AddPersonToReport(
      Me(), report.id, report.version, {domain::PersonId(9999), domain::PersonRole::kSuspect});
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto added = services_->AddPersonToReport(Me(), report.id, report.version,
                                            {suspect.id, domain::PersonRole::kSuspect});
  ASSERT_TRUE(added.ok()) << added.status();
  storage::ReportQuery query;
  query.person_id = suspect.id;
  query.role = domain::PersonRole::kSuspect;
  EXPECT_EQ(services_->SearchReports(Me(), query)->total, 1);
}

TEST_F(ServicesTest, CaseWorkflowWithTasksNotesAndReports) {
  domain::Case value = NewCase();
  EXPECT_EQ(value.status, CaseStatus::kOpen);
  domain::Report report = NewReport("WM-1");
  auto attached = services_->AttachReportToCase(Me(), report.id, report.version, value.id);
  ASSERT_TRUE(attached.ok()) << attached.status();
  auto skipped =
      services_->MoveCase(Me(), value.id, value.version, CaseStatus::kAwaitingReview, "");
  EXPECT_EQ(skipped.status().code(), StatusCode::kFailedPrecondition);
  auto moved =
      services_->MoveCase(Me(), value.id, value.version, CaseStatus::kUnderInvestigation, "");
  ASSERT_TRUE(moved.ok()) << moved.status();
  auto assigned = services_->AssignCase(Me(), value.id, moved->version, "dc.patel", "ds.oconnor");
  ASSERT_TRUE(assigned.ok()) << assigned.status();
  EXPECT_EQ(assigned->supervisor, "ds.oconnor");

  domain::Task task;
  task.case_id = value.id;
  task.text = "Preserve CCTV from the bus station";
  task.owner = "dc.patel";
  task.due_at = clock_.Now() + std::chrono::hours(24);
  auto added = services_->AddTask(Me(), task);
  ASSERT_TRUE(added.ok()) << added.status();
  auto done = services_->CompleteTask(Me(), added->id, added->version);
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->done_by, "dc.patel");
  EXPECT_EQ(*done->done_at, clock_.Now());
  auto again = services_->CompleteTask(Me(), added->id, done->version);
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);

  domain::Note note;
  note.case_id = value.id;
  note.text = "Victim spoken to; safety advice given.";
  ASSERT_TRUE(services_->AddNote(Me(), note).ok());

  auto detail = services_->GetCase(Me(), value.id);
  ASSERT_TRUE(detail.ok()) << detail.status();
  EXPECT_EQ(detail->reports.size(), 1u);
  EXPECT_EQ(detail->tasks.size(), 1u);
  ASSERT_EQ(detail->notes.size(), 1u);
  EXPECT_EQ(detail->notes[0].author, "dc.patel");

  auto closed = services_->MoveCase(Me(), value.id, assigned->version, CaseStatus::kClosed,
                                    "No further action: victim withdrew support");
  ASSERT_TRUE(closed.ok()) << closed.status();
  domain::Report late = NewReport("WM-2");
  auto refused = services_->AttachReportToCase(Me(), late.id, late.version, value.id);
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(ServicesTest, MyTasksAreMineAndOnlyInMyForce) {
  domain::Case value = NewCase();
  domain::Task mine;
  mine.case_id = value.id;
  mine.text = "Take victim statement";
  mine.owner = "dc.patel";
  ASSERT_TRUE(services_->AddTask(Me(), mine).ok());
  domain::Task theirs = mine;
  theirs.owner = "pc.hughes";
  ASSERT_TRUE(services_->AddTask(Me(), theirs).ok());
  auto tasks = services_->ListTasks(Me(), {});
  ASSERT_TRUE(tasks.ok()) << tasks.status();
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_EQ((*tasks)[0].owner, "dc.patel");
  domain::Actor elsewhere = Investigator("merseyside");
  auto none = services_->ListTasks(As(elsewhere), {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(ServicesTest, ConcurrentAssignmentsOneWinsOneConflicts) {
  domain::Case value = NewCase();
  std::atomic<int> succeeded = 0;
  std::atomic<int> conflicted = 0;
  auto assign = [&](const std::string& owner) {
    auto result = services_->AssignCase(Me(), value.id, value.version, owner, std::nullopt);
    if (result.ok()) {
      ++succeeded;
    } else if (result.status().code() == StatusCode::kConflict) {
      ++conflicted;
    }
  };
  std::thread first(assign, "dc.patel");
  std::thread second(assign, "dc.khan");
  first.join();
  second.join();
  EXPECT_EQ(succeeded.load(), 1);
  EXPECT_EQ(conflicted.load(), 1);
}

TEST_F(ServicesTest, ImportIsAllOrNothingAndReportsEveryBadRecord) {
  Caller system = As({"vigil-cli", "vigil", {"system"}, "", ""});
  ImportBatch batch;
  batch.persons.push_back({"P1", testing::MakePerson("Ann", "Lee"), "persons.jsonl line 1"});
  domain::Person bad = testing::MakePerson("Bob", "Ray");
  bad.emails = {"not-an-email"};
  batch.persons.push_back({"P2", bad, "persons.jsonl line 2"});
  ImportReport good{testing::MakeReport("WM-10"),
                    {{"P1", {}, domain::PersonRole::kVictim}},
                    "reports.jsonl line 1"};
  ImportReport dangling{testing::MakeReport("WM-11"),
                        {{"P9", {}, domain::PersonRole::kSuspect}},
                        "reports.jsonl line 2"};
  ImportReport duplicate{testing::MakeReport("WM-10"), {}, "reports.jsonl line 3"};
  batch.reports = {good, dangling, duplicate};
  auto result = services_->Import(system, batch);
  ASSERT_FALSE(result.ok());
  core::Status status = result.status();
  std::vector<std::string> fields;
  for (const auto& error : status.field_errors()) fields.push_back(error.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"persons.jsonl line 2.emails[0]",
                                              "reports.jsonl line 2.persons[0].ref",
                                              "reports.jsonl line 3.force_reference"}));
  EXPECT_EQ(services_->SearchReports(system, {})->total, 0);
  EXPECT_EQ(services_->SearchPersons(system, {})->total, 0);

  batch.persons.pop_back();
  batch.reports = {good};
  auto imported = services_->Import(system, batch);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(imported->persons, 1);
  EXPECT_EQ(imported->reports, 1);
  auto again = services_->Import(system, batch);  // Same reference again: refused whole.
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(services_->SearchPersons(system, {})->total, 1);
}

TEST_F(ServicesTest, ExportStreamsEveryRecordForTheSystemRole) {
  NewPerson("Ann", "Lee");
  NewReport("WM-1");
  NewReport("WM-2");
  int persons = 0;
  int reports = 0;
  Caller system = As({"vigil-cli", "vigil", {"system"}, "", ""});
  core::Status status = services_->Export(
      system, [&](const domain::Person&) { ++persons; }, [&](const domain::Report&) { ++reports; });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(persons, 1);
  EXPECT_EQ(reports, 2);
}

}  // namespace
}  // namespace vigil::services
