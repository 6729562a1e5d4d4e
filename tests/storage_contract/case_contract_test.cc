// Contract: cases, tasks and notes.

#include <gtest/gtest.h>

#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"
#include "testing/record_expectations.h"

namespace vigil::storage_contract {
namespace {

using core::StatusCode;
using domain::CaseStatus;
using storage::TransactionMode;

class CaseContractTest : public StorageContractTest {
 protected:
  core::Result<storage::CasePage> List(const storage::CaseQuery& query) {
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return core::Internal("no transaction");
    return transaction->ListCases(query);
  }

  core::Result<std::vector<domain::Task>> Tasks(const storage::TaskQuery& query) {
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return core::Internal("no transaction");
    return transaction->ListTasks(query);
  }

  std::vector<std::int64_t> TaskIds(const storage::TaskQuery& query) {
    core::Result<std::vector<domain::Task>> tasks = Tasks(query);
    EXPECT_TRUE(tasks.ok()) << tasks.status();
    std::vector<std::int64_t> ids;
    if (tasks.ok()) {
      for (const domain::Task& task : *tasks) ids.push_back(task.id.value);
    }
    return ids;
  }
};

TEST_P(CaseContractTest, CaseRoundTripsAndUpdateIncrementsVersion) {
  domain::Case stored = StoreCase(FullCase());
  EXPECT_TRUE(stored.id.assigned());
  EXPECT_EQ(stored.version, 1);
  core::Result<domain::Case> read = ReadCase(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameCase(stored, *read);

  domain::Case changed = stored;
  changed.force = "west_yorkshire";
  changed.title = "Renamed";
  changed.owner = "dc.jones";
  changed.supervisor = "";
  changed.status = CaseStatus::kClosed;
  changed.closure_reason = "Charged and convicted.";
  changed.updated_at = HoursAfterNow(3);
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  core::Status status = transaction->UpdateCase(changed);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(changed.version, 2);
  ASSERT_TRUE(transaction->Commit().ok());
  read = ReadCase(stored.id);
  ASSERT_TRUE(read.ok());
  testing::ExpectSameCase(changed, *read);
}

TEST_P(CaseContractTest, StaleOrUnknownCaseUpdateFails) {
  domain::Case stored = StoreCase(FullCase());
  domain::Case first = stored;
  first.title = "First";
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  ASSERT_TRUE(transaction->UpdateCase(first).ok());
  domain::Case stale = stored;
  stale.title = "Stale";
  EXPECT_EQ(transaction->UpdateCase(stale).code(), StatusCode::kConflict);
  domain::Case unknown = stored;
  unknown.id = domain::CaseId(stored.id.value + 100);
  EXPECT_EQ(transaction->UpdateCase(unknown).code(), StatusCode::kNotFound);
  EXPECT_EQ(transaction->GetCase(unknown.id).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(transaction->Commit().ok());
  testing::ExpectSameCase(first, *ReadCase(stored.id));
}

TEST_P(CaseContractTest, ListCasesNewestUpdatedFirstWithFiltersAndPages) {
  std::vector<domain::Case> cases;
  for (int index = 0; index < 5; ++index) {
    domain::Case value = FullCase("Case " + std::to_string(index));
    value.updated_at = HoursAfterNow(index % 2 == 0 ? -index : -1);  // Some equal times.
    value.owner = index < 3 ? "dc.khan" : "dc.jones";
    value.status = index == 4 ? CaseStatus::kClosed : CaseStatus::kOpen;
    if (index == 4) value.closure_reason = "No further action.";
    if (index == 2) value.force = "west_yorkshire";
    cases.push_back(StoreCase(value));
  }
  // updated_at hours: 0, -1, -2, -1, -4 → order 0, 3, 1, 2, 4 (id descending on ties).
  std::vector<std::int64_t> expected = {cases[0].id.value, cases[3].id.value, cases[1].id.value,
                                        cases[2].id.value, cases[4].id.value};
  storage::CaseQuery query;
  query.limit = 2;
  std::vector<std::int64_t> seen;
  for (int page_number = 0; page_number < 10; ++page_number) {
    core::Result<storage::CasePage> page = List(query);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total, 5);
    for (const domain::Case& value : page->items) seen.push_back(value.id.value);
    if (!page->next_cursor) break;
    query.cursor = page->next_cursor;
  }
  EXPECT_EQ(seen, expected);

  storage::CaseQuery filtered;
  filtered.owner = "dc.khan";
  filtered.force = "west_midlands";
  core::Result<storage::CasePage> page = List(filtered);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total, 2);
  ASSERT_EQ(page->items.size(), 2u);
  testing::ExpectSameCase(cases[0], page->items[0]);
  testing::ExpectSameCase(cases[1], page->items[1]);

  storage::CaseQuery closed;
  closed.status = CaseStatus::kClosed;
  page = List(closed);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, cases[4].id);

  for (int limit : {0, 501}) {
    storage::CaseQuery bad;
    bad.limit = limit;
    EXPECT_EQ(List(bad).status().code(), StatusCode::kInvalidArgument);
  }
  storage::CaseQuery bad_cursor;
  bad_cursor.cursor = "not-a-cursor";
  EXPECT_EQ(List(bad_cursor).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(CaseContractTest, TaskRoundTripsAndUpdateIncrementsVersion) {
  domain::Case value = StoreCase(FullCase());
  domain::Task stored = StoreTask(FullTask(value.id));
  EXPECT_TRUE(stored.id.assigned());
  EXPECT_EQ(stored.version, 1);
  core::Result<domain::Task> read = ReadTask(stored.id);
  ASSERT_TRUE(read.ok()) << read.status();
  testing::ExpectSameTask(stored, *read);

  domain::Task done = stored;
  done.text = "Preserve CCTV from the station";
  done.owner = "";
  done.owner_role = "supervisor";
  done.due_at.reset();
  done.done = true;
  done.done_at = HoursAfterNow(2);
  done.done_by = "ds.okafor";
  done.updated_at = HoursAfterNow(2);
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  ASSERT_TRUE(transaction->UpdateTask(done).ok());
  EXPECT_EQ(done.version, 2);
  domain::Task stale = stored;
  EXPECT_EQ(transaction->UpdateTask(stale).code(), StatusCode::kConflict);
  ASSERT_TRUE(transaction->Commit().ok());
  read = ReadTask(stored.id);
  ASSERT_TRUE(read.ok());
  testing::ExpectSameTask(done, *read);
}

TEST_P(CaseContractTest, TaskOfUnknownCaseOrUnknownTaskIsNotFound) {
  domain::Task orphan = FullTask(domain::CaseId(55));
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  core::Status status = transaction->InsertTask(orphan);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
  EXPECT_NE(status.message().find("case 55"), std::string::npos) << status;
  EXPECT_EQ(transaction->GetTask(domain::TaskId(9)).status().code(), StatusCode::kNotFound);
  orphan.id = domain::TaskId(9);
  orphan.version = 1;
  EXPECT_EQ(transaction->UpdateTask(orphan).code(), StatusCode::kNotFound);
}

TEST_P(CaseContractTest, ListTasksByDueDateNoDeadlineLastWithFilters) {
  domain::Case first_case = StoreCase(FullCase("First"));
  domain::Case second_case = StoreCase(FullCase("Second"));
  auto task = [&](domain::CaseId case_id, std::optional<int> due_hours, const std::string& owner,
                  const std::string& role, bool done) {
    domain::Task value = FullTask(case_id);
    value.due_at.reset();
    if (due_hours) value.due_at = HoursAfterNow(*due_hours);
    value.owner = owner;
    value.owner_role = role;
    value.done = done;
    if (done) {
      value.done_at = HoursAfterNow(0);
      value.done_by = "dc.khan";
    }
    return StoreTask(value).id.value;
  };
  std::int64_t no_deadline = task(first_case.id, std::nullopt, "dc.khan", "", false);
  std::int64_t later = task(first_case.id, 48, "dc.khan", "", false);
  std::int64_t sooner = task(first_case.id, 2, "", "supervisor", false);
  std::int64_t overdue_done = task(first_case.id, -5, "dc.khan", "", true);
  std::int64_t other_case = task(second_case.id, 1, "dc.jones", "supervisor", false);
  std::int64_t also_no_deadline = task(first_case.id, std::nullopt, "", "supervisor", false);

  storage::TaskQuery by_case;
  by_case.case_id = first_case.id;
  EXPECT_EQ(TaskIds(by_case), (std::vector<std::int64_t>{overdue_done, sooner, later, no_deadline,
                                                         also_no_deadline}));
  by_case.open_only = true;
  EXPECT_EQ(TaskIds(by_case),
            (std::vector<std::int64_t>{sooner, later, no_deadline, also_no_deadline}));

  storage::TaskQuery by_owner;
  by_owner.owner = "dc.khan";
  EXPECT_EQ(TaskIds(by_owner), (std::vector<std::int64_t>{overdue_done, later, no_deadline}));

  storage::TaskQuery by_role;
  by_role.owner_role = "supervisor";
  by_role.open_only = true;
  EXPECT_EQ(TaskIds(by_role), (std::vector<std::int64_t>{other_case, sooner, also_no_deadline}));

  storage::TaskQuery limited;
  limited.limit = 2;
  EXPECT_EQ(TaskIds(limited), (std::vector<std::int64_t>{overdue_done, other_case}));

  for (int limit : {0, 1001}) {
    storage::TaskQuery bad;
    bad.limit = limit;
    core::Result<std::vector<domain::Task>> tasks = Tasks(bad);
    ASSERT_EQ(tasks.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(tasks.status().field_errors().at(0).field, "limit");
  }
  storage::TaskQuery largest;
  largest.limit = 1000;
  EXPECT_EQ(TaskIds(largest).size(), 6u);
}

TEST_P(CaseContractTest, NotesRoundTripOldestFirst) {
  domain::Case value = StoreCase(FullCase());
  domain::Case other = StoreCase(FullCase("Other"));
  domain::Note late = FullNote(value.id, "Written last.");
  late.created_at = HoursAfterNow(-1);
  late = StoreNote(late);
  domain::Note early = FullNote(value.id, "Written first.");
  early.created_at = HoursAfterNow(-10);
  early = StoreNote(early);
  domain::Note same_time = FullNote(value.id, "Written at the same second as the last.");
  same_time.created_at = HoursAfterNow(-1);
  same_time = StoreNote(same_time);
  StoreNote(FullNote(other.id));
  EXPECT_TRUE(early.id.assigned());

  auto transaction = Begin(TransactionMode::kRead);
  ASSERT_NE(transaction, nullptr);
  core::Result<std::vector<domain::Note>> notes = transaction->ListNotes(value.id);
  ASSERT_TRUE(notes.ok()) << notes.status();
  ASSERT_EQ(notes->size(), 3u);
  testing::ExpectSameNote(early, (*notes)[0]);
  testing::ExpectSameNote(late, (*notes)[1]);
  testing::ExpectSameNote(same_time, (*notes)[2]);
  EXPECT_TRUE(transaction->ListNotes(domain::CaseId(999))->empty());
}

TEST_P(CaseContractTest, NoteOfUnknownCaseIsNotFound) {
  domain::Note note = FullNote(domain::CaseId(77));
  auto transaction = Begin();
  ASSERT_NE(transaction, nullptr);
  core::Status status = transaction->InsertNote(note);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status;
  EXPECT_NE(status.message().find("case 77"), std::string::npos) << status;
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
