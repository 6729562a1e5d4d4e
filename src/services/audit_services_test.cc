// The audit use cases: who did what to a record (each record type resolved
// to its force; refusals audited with their reason), verifying the chain,
// and exporting a range — each itself audited.

#include <gtest/gtest.h>

#include <vector>

#include "services/services.h"
#include "storage/sqlite/sqlite_store.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::services {
namespace {

using core::StatusCode;

domain::Actor Supervisor(const std::string& force = "west_midlands") {
  return {"ds.okafor", "DS Ada Okafor", {"supervisor"}, force, ""};
}

class AuditServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::sqlite::SqliteStore::Open(folder_.File("vigil.db"), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(store).value();
    services_ = std::make_unique<Services>(*store_, testing::TestLookups(), clock_);
  }

  Caller As(domain::Actor actor) { return Caller{std::move(actor), "test-request", "review"}; }

  std::vector<domain::AuditEvent> WholeLog() {
    std::vector<domain::AuditEvent> events;
    EXPECT_TRUE(services_
                    ->ExportAudit(As(Supervisor()), {},
                                  [&](const domain::AuditEvent& event) {
                                    events.push_back(event);
                                    return core::Status::Ok();
                                  })
                    .ok());
    return events;
  }

  testing::TempDir folder_;
  core::FakeClock clock_{testing::TestNow()};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<Services> services_;
};

TEST_F(AuditServicesTest, ListsARecordsEventsAndRecordsTheLook) {
  auto report = services_->CreateReport(As(Supervisor()), testing::MakeReport("WM-1"));
  ASSERT_TRUE(report.ok()) << report.status();
  auto page = services_->ListRecordAudit(As(Supervisor()),
                                         {.record_type = "report", .record_id = report->id.value});
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].action, "report.created");
  page = services_->ListRecordAudit(As(Supervisor()),
                                    {.record_type = "report", .record_id = report->id.value});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].action, "audit.read");
  EXPECT_EQ(page->items[0].purpose, "review");
  EXPECT_EQ(page->items[0].roles, "supervisor");
  EXPECT_EQ(page->items[0].reason, "audit.read allowed for ds.okafor");
}

TEST_F(AuditServicesTest, ATaskIsScopedByItsCasesForce) {
  domain::Case value;
  value.title = "Course of conduct";
  auto opened = services_->OpenCase(As(Supervisor()), value);
  ASSERT_TRUE(opened.ok()) << opened.status();
  domain::Task task;
  task.case_id = opened->id;
  task.text = "Check CCTV";
  task.owner = "ds.okafor";
  auto added = services_->AddTask(As(Supervisor()), task);
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_TRUE(
      services_
          ->ListRecordAudit(As(Supervisor()), {.record_type = "task", .record_id = added->id.value})
          .ok());
  auto refused = services_->ListRecordAudit(As(Supervisor("durham")),
                                            {.record_type = "task", .record_id = added->id.value});
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  std::vector<domain::AuditEvent> log = WholeLog();
  ASSERT_GE(log.size(), 2u);
  domain::AuditEvent last = log[log.size() - 2];  // Before the export's own.
  EXPECT_EQ(last.action, "audit.read");
  EXPECT_EQ(last.outcome, "denied");
  EXPECT_EQ(last.force, "durham");
  EXPECT_EQ(last.reason, "the record belongs to another force");
}

TEST_F(AuditServicesTest, BadQueriesNameTheField) {
  auto page =
      services_->ListRecordAudit(As(Supervisor()), {.record_type = "audit_event", .record_id = 1});
  ASSERT_EQ(page.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(page.status().field_errors().at(0).field, "record_type");
  page = services_->ListRecordAudit(As(Supervisor()), {.record_type = "report", .record_id = 0});
  ASSERT_EQ(page.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(page.status().field_errors().at(0).field, "record_id");
  page = services_->ListRecordAudit(As(Supervisor()), {.record_type = "person", .record_id = 5});
  EXPECT_EQ(page.status().code(), StatusCode::kNotFound);
}

TEST_F(AuditServicesTest, VerifyAndExportAreAuditedAndTheChainHolds) {
  ASSERT_TRUE(services_->CreateReport(As(Supervisor()), testing::MakeReport("WM-2")).ok());
  auto report = services_->VerifyAudit(As(Supervisor()), {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_FALSE(report->problem);
  std::vector<domain::AuditEvent> log = WholeLog();
  EXPECT_EQ(report->entries, static_cast<std::int64_t>(log.size()) - 1);
  EXPECT_EQ(log.back().action, "audit.export");
  EXPECT_EQ(log[log.size() - 2].action, "audit.verify");

  domain::Actor nobody;
  EXPECT_EQ(services_->VerifyAudit(As(nobody), {}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services_
                ->ExportAudit(As(nobody), {},
                              [](const domain::AuditEvent&) { return core::Status::Ok(); })
                .code(),
            StatusCode::kPermissionDenied);
}

TEST_F(AuditServicesTest, ExportStreamsATimeRange) {
  ASSERT_TRUE(services_->CreateReport(As(Supervisor()), testing::MakeReport("WM-3")).ok());
  clock_.Advance(std::chrono::hours(48));
  ASSERT_TRUE(services_->CreateReport(As(Supervisor()), testing::MakeReport("WM-4")).ok());
  std::vector<domain::AuditEvent> early;
  ASSERT_TRUE(services_
                  ->ExportAudit(As(Supervisor()),
                                {.to = testing::TestNow() + std::chrono::hours(1)},
                                [&](const domain::AuditEvent& event) {
                                  early.push_back(event);
                                  return core::Status::Ok();
                                })
                  .ok());
  ASSERT_FALSE(early.empty());
  for (const domain::AuditEvent& event : early) EXPECT_LE(event.at, testing::TestNow());
}

}  // namespace
}  // namespace vigil::services
