// Contract: screenings (append-only, newest first per report) and the
// screening action a task came from.

#include <gtest/gtest.h>

#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"
#include "testing/record_expectations.h"

namespace vigil::storage_contract {
namespace {

using core::StatusCode;
using storage::TransactionMode;

class ScreeningContractTest : public StorageContractTest {
 protected:
  domain::ScreeningRecord StoreScreening(domain::ScreeningRecord record) {
    auto transaction = Begin();
    if (transaction == nullptr) return record;
    core::Status inserted = transaction->InsertScreening(record);
    EXPECT_TRUE(inserted.ok()) << inserted;
    core::Status committed = transaction->Commit();
    EXPECT_TRUE(committed.ok()) << committed;
    return record;
  }

  core::Result<domain::ScreeningRecord> ReadScreening(domain::ScreeningId id) {
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return core::Internal("no transaction");
    return transaction->GetScreening(id);
  }

  std::vector<std::int64_t> ScreeningIds(domain::ReportId report_id) {
    auto transaction = Begin(TransactionMode::kRead);
    std::vector<std::int64_t> ids;
    if (transaction == nullptr) return ids;
    core::Result<std::vector<domain::ScreeningRecord>> records =
        transaction->ListScreenings(report_id);
    EXPECT_TRUE(records.ok()) << records.status();
    if (records.ok()) {
      for (const domain::ScreeningRecord& record : *records) ids.push_back(record.id.value);
    }
    return ids;
  }

  std::vector<std::int64_t> TaskIds(const storage::TaskQuery& query) {
    auto transaction = Begin(TransactionMode::kRead);
    std::vector<std::int64_t> ids;
    if (transaction == nullptr) return ids;
    core::Result<std::vector<domain::Task>> tasks = transaction->ListTasks(query);
    EXPECT_TRUE(tasks.ok()) << tasks.status();
    if (tasks.ok()) {
      for (const domain::Task& task : *tasks) ids.push_back(task.id.value);
    }
    return ids;
  }
};

TEST_P(ScreeningContractTest, ScreeningRoundTripsEveryColumn) {
  domain::Report report = StoreReport(FullReport("WM-S-1"));
  domain::ScreeningRecord stored = StoreScreening(FullScreening(report.id));
  EXPECT_TRUE(stored.id.assigned());
  core::Result<domain::ScreeningRecord> read = ReadScreening(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameScreening(stored, *read);

  // Empty optional columns round-trip as empty.
  domain::ScreeningRecord plain = FullScreening(report.id, 1);
  plain.stalking_indicated = false;
  plain.primary_offence.clear();
  plain.risk_level.clear();
  plain.item_bank_version.clear();
  plain.override_offence.clear();
  plain.override_reason.clear();
  plain.risk_override_rationale.clear();
  plain = StoreScreening(plain);
  read = ReadScreening(plain.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameScreening(plain, *read);
}

TEST_P(ScreeningContractTest, ListIsNewestScreenedFirstThenIdDescendingPerReport) {
  domain::Report first = StoreReport(FullReport("WM-S-1"));
  domain::Report second = StoreReport(FullReport("WM-S-2"));
  domain::ScreeningRecord older = StoreScreening(FullScreening(first.id, -5));
  domain::ScreeningRecord tie_a = StoreScreening(FullScreening(first.id, 2));
  domain::ScreeningRecord other = StoreScreening(FullScreening(second.id, 3));
  domain::ScreeningRecord tie_b = StoreScreening(FullScreening(first.id, 2));
  domain::ScreeningRecord newest = StoreScreening(FullScreening(first.id, 4));
  EXPECT_EQ(ScreeningIds(first.id), (std::vector<std::int64_t>{newest.id.value, tie_b.id.value,
                                                               tie_a.id.value, older.id.value}));
  EXPECT_EQ(ScreeningIds(second.id), (std::vector<std::int64_t>{other.id.value}));
  EXPECT_TRUE(ScreeningIds(domain::ReportId(second.id.value + 100)).empty());
}

TEST_P(ScreeningContractTest, MissingReportOrScreeningIsNotFound) {
  domain::Report report = StoreReport(FullReport("WM-S-1"));
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  domain::ScreeningRecord orphan = FullScreening(domain::ReportId(report.id.value + 100));
  core::Status inserted = transaction->InsertScreening(orphan);
  EXPECT_EQ(inserted.code(), StatusCode::kNotFound);
  EXPECT_NE(inserted.message().find("report " + std::to_string(report.id.value + 100)),
            std::string::npos)
      << inserted;
  EXPECT_FALSE(orphan.id.assigned());
  EXPECT_EQ(transaction->GetScreening(domain::ScreeningId(999)).status().code(),
            StatusCode::kNotFound);
  // The failed insert left the transaction usable.
  domain::ScreeningRecord good = FullScreening(report.id);
  ASSERT_TRUE(transaction->InsertScreening(good).ok());
  ASSERT_TRUE(transaction->Commit().ok());
  EXPECT_EQ(ScreeningIds(report.id), (std::vector<std::int64_t>{good.id.value}));
}

TEST_P(ScreeningContractTest, ScreeningsAreAppendedNeverReplaced) {
  domain::Report report = StoreReport(FullReport("WM-S-1"));
  domain::ScreeningRecord first = StoreScreening(FullScreening(report.id, 0));
  domain::ScreeningRecord again = FullScreening(report.id, 1);
  again.primary_offence = "stalking";
  again.override_offence.clear();
  again.override_reason.clear();
  again = StoreScreening(again);
  EXPECT_NE(again.id, first.id);
  core::Result<domain::ScreeningRecord> read = ReadScreening(first.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameScreening(first, *read);
  EXPECT_EQ(ScreeningIds(report.id), (std::vector<std::int64_t>{again.id.value, first.id.value}));
}

TEST_P(ScreeningContractTest, ReadTransactionCannotInsertScreenings) {
  domain::Report report = StoreReport(FullReport("WM-S-1"));
  auto reader = Begin(TransactionMode::kRead);
  ASSERT_NE(reader, nullptr);
  domain::ScreeningRecord record = FullScreening(report.id);
  EXPECT_EQ(reader->InsertScreening(record).code(), StatusCode::kFailedPrecondition);
}

TEST_P(ScreeningContractTest, TaskActionAndScreeningRoundTrip) {
  domain::Report report = StoreReport(FullReport("WM-S-1"));
  domain::Case value = StoreCase(FullCase());
  domain::ScreeningRecord screening = StoreScreening(FullScreening(report.id));

  domain::Task by_hand = StoreTask(FullTask(value.id, "Call the victim back"));
  core::Result<domain::Task> read = ReadTask(by_hand.id);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->action_id, "");
  EXPECT_FALSE(read->screening_id.has_value());

  domain::Task suggested = FullTask(value.id, "Consider arresting the suspect now.");
  suggested.action_id = "consider_arrest";
  suggested.screening_id = screening.id;
  suggested = StoreTask(suggested);
  read = ReadTask(suggested.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameTask(suggested, *read);

  // Update keeps (and can change) both.
  domain::Task done = *read;
  done.done = true;
  done.done_at = HoursAfterNow(1);
  done.done_by = "dc.khan";
  done.action_id = "secure_cctv_and_anpr";
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  ASSERT_TRUE(transaction->UpdateTask(done).ok());
  ASSERT_TRUE(transaction->Commit().ok());
  read = ReadTask(suggested.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameTask(done, *read);
}

TEST_P(ScreeningContractTest, TaskNamingAMissingScreeningIsNotFound) {
  domain::Case value = StoreCase(FullCase());
  domain::Task task = FullTask(value.id);
  task.action_id = "safety_advice";
  task.screening_id = domain::ScreeningId(4242);
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  core::Status inserted = transaction->InsertTask(task);
  EXPECT_EQ(inserted.code(), StatusCode::kNotFound);
  EXPECT_NE(inserted.message().find("screening 4242"), std::string::npos) << inserted;
}

TEST_P(ScreeningContractTest, TasksFilterByActionOnACase) {
  domain::Report report = StoreReport(FullReport("WM-S-1"));
  domain::Case value = StoreCase(FullCase());
  domain::Case other_case = StoreCase(FullCase("Another case"));
  domain::ScreeningRecord screening = StoreScreening(FullScreening(report.id));
  auto suggested = [&](domain::CaseId case_id, const std::string& action_id, bool done) {
    domain::Task task = FullTask(case_id, "Task for " + action_id);
    task.action_id = action_id;
    task.screening_id = screening.id;
    if (done) {
      task.done = true;
      task.done_at = HoursAfterNow(-1);
      task.done_by = "dc.khan";
    }
    return StoreTask(task);
  };
  domain::Task done_advice = suggested(value.id, "safety_advice", true);
  domain::Task open_advice = suggested(value.id, "safety_advice", false);
  suggested(value.id, "consider_arrest", false);
  suggested(other_case.id, "safety_advice", false);

  storage::TaskQuery query;
  query.case_id = value.id;
  query.action_id = "safety_advice";
  EXPECT_EQ(TaskIds(query),
            (std::vector<std::int64_t>{done_advice.id.value, open_advice.id.value}));
  query.open_only = true;
  EXPECT_EQ(TaskIds(query), (std::vector<std::int64_t>{open_advice.id.value}));
  query.action_id = "refer_marac";
  EXPECT_TRUE(TaskIds(query).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ScreeningContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
