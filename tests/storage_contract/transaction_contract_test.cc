// Contract: transactions — isolation, rollback, commit, snapshots and
// optimistic concurrency between concurrent writers.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"
#include "testing/record_expectations.h"

namespace vigil::storage_contract {
namespace {

using core::StatusCode;
using storage::TransactionMode;

class TransactionContractTest : public StorageContractTest {};

TEST_P(TransactionContractTest, UncommittedChangesAreInvisibleAndRolledBackOnDestruction) {
  domain::Case existing = StoreCase(FullCase("Existing"));
  domain::Case added = FullCase("Added");
  domain::Case changed = existing;
  changed.title = "Changed";
  {
    auto writer = Begin();
    ASSERT_NE(writer, nullptr);
    ASSERT_TRUE(writer->InsertCase(added).ok());
    ASSERT_TRUE(writer->UpdateCase(changed).ok());
    // The writer sees its own changes...
    EXPECT_EQ(writer->GetCase(existing.id)->title, "Changed");
    EXPECT_TRUE(writer->GetCase(added.id).ok());
    // ...no one else does.
    auto reader = Begin(TransactionMode::kRead);
    ASSERT_NE(reader, nullptr);
    EXPECT_EQ(reader->GetCase(added.id).status().code(), StatusCode::kNotFound);
    EXPECT_EQ(reader->GetCase(existing.id)->title, "Existing");
    EXPECT_EQ(reader->ListCases({})->total, 1);
  }  // Destroyed without Commit.
  EXPECT_EQ(ReadCase(added.id).status().code(), StatusCode::kNotFound);
  testing::ExpectSameCase(existing, *ReadCase(existing.id));

  // The rolled-back transaction released its locks: a new writer can commit.
  domain::Case again = StoreCase(FullCase("Again"));
  EXPECT_TRUE(ReadCase(again.id).ok());
}

TEST_P(TransactionContractTest, CommitMakesEveryChangeVisibleTogether) {
  auto writer = Begin();
  ASSERT_NE(writer, nullptr);
  domain::Case value = FullCase();
  ASSERT_TRUE(writer->InsertCase(value).ok());
  domain::Task task = FullTask(value.id);
  ASSERT_TRUE(writer->InsertTask(task).ok());
  domain::Note note = FullNote(value.id);
  ASSERT_TRUE(writer->InsertNote(note).ok());
  domain::Person person = FullPerson();
  ASSERT_TRUE(writer->InsertPerson(person).ok());
  domain::Report report = FullReport("20/1/26");
  report.case_id = value.id;
  report.persons = {{person.id, domain::PersonRole::kVictim}};
  ASSERT_TRUE(writer->InsertReport(report).ok());
  core::Status committed = writer->Commit();
  ASSERT_TRUE(committed.ok()) << committed;

  testing::ExpectSameCase(value, *ReadCase(value.id));
  testing::ExpectSameTask(task, *ReadTask(task.id));
  testing::ExpectSamePerson(person, *ReadPerson(person.id));
  testing::ExpectSameReport(report, *ReadReport(report.id));
  auto reader = Begin(TransactionMode::kRead);
  ASSERT_NE(reader, nullptr);
  core::Result<std::vector<domain::Note>> notes = reader->ListNotes(value.id);
  ASSERT_TRUE(notes.ok());
  ASSERT_EQ(notes->size(), 1u);
  testing::ExpectSameNote(note, notes->front());
}

TEST_P(TransactionContractTest, ReadTransactionSeesOneSnapshot) {
  domain::Case value = StoreCase(FullCase("Before"));
  auto reader = Begin(TransactionMode::kRead);
  ASSERT_NE(reader, nullptr);

  domain::Case changed = value;
  changed.title = "After";
  auto writer = Begin();
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(writer->UpdateCase(changed).ok());
  domain::Case added = FullCase("Added");
  ASSERT_TRUE(writer->InsertCase(added).ok());
  ASSERT_TRUE(writer->Commit().ok());

  EXPECT_EQ(reader->GetCase(value.id)->title, "Before");
  EXPECT_EQ(reader->GetCase(added.id).status().code(), StatusCode::kNotFound);
  reader.reset();
  EXPECT_EQ(ReadCase(value.id)->title, "After");
}

TEST_P(TransactionContractTest, WritersWithTheSameVersionConflictAfterReadingInParallel) {
  domain::Case value = StoreCase(FullCase());
  // Two users load the case...
  domain::Case first = *ReadCase(value.id);
  domain::Case second = *ReadCase(value.id);
  first.title = "First user's title";
  second.title = "Second user's title";
  // ...and save one after the other.
  auto writer = Begin();
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(writer->UpdateCase(first).ok());
  ASSERT_TRUE(writer->Commit().ok());
  writer = Begin();
  ASSERT_NE(writer, nullptr);
  EXPECT_EQ(writer->UpdateCase(second).code(), StatusCode::kConflict);
  writer.reset();
  EXPECT_EQ(ReadCase(value.id)->title, "First user's title");
  EXPECT_EQ(ReadCase(value.id)->version, 2);
}

TEST_P(TransactionContractTest, ConcurrentUpdatesOfOneCaseLetExactlyOneWin) {
  domain::Case value = StoreCase(FullCase());
  constexpr int kWriters = 4;
  std::atomic<int> committed{0};
  std::atomic<int> conflicts{0};
  std::atomic<int> other_failures{0};
  std::latch start(kWriters);
  std::vector<std::thread> writers;
  for (int writer_index = 0; writer_index < kWriters; ++writer_index) {
    writers.emplace_back([&, writer_index] {
      domain::Case mine = value;  // Everyone holds version 1.
      mine.title = "Writer " + std::to_string(writer_index);
      start.arrive_and_wait();
      core::Result<std::unique_ptr<storage::Transaction>> transaction =
          store_->Begin(TransactionMode::kWrite);
      if (!transaction.ok()) {
        ++other_failures;
        return;
      }
      core::Status status = (*transaction)->UpdateCase(mine);
      if (status.ok()) status = (*transaction)->Commit();
      if (status.ok()) {
        ++committed;
      } else if (status.code() == StatusCode::kConflict) {
        ++conflicts;
      } else {
        ++other_failures;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(committed.load(), 1);
  EXPECT_EQ(conflicts.load(), kWriters - 1);
  EXPECT_EQ(other_failures.load(), 0);
  core::Result<domain::Case> read = ReadCase(value.id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->version, 2);
  EXPECT_EQ(read->title.rfind("Writer ", 0), 0u);
}

TEST_P(TransactionContractTest, ConcurrentReadersAndWritersAllSucceed) {
  constexpr int kThreads = 6;
  constexpr int kRounds = 10;
  std::atomic<int> failures{0};
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int thread_index = 0; thread_index < kThreads; ++thread_index) {
    threads.emplace_back([&, thread_index] {
      start.arrive_and_wait();
      for (int round = 0; round < kRounds; ++round) {
        bool write = thread_index % 2 == 0;
        auto transaction = store_->Begin(write ? TransactionMode::kWrite : TransactionMode::kRead);
        if (!transaction.ok()) {
          ++failures;
          continue;
        }
        if (write) {
          domain::Case value = FullCase("Thread " + std::to_string(thread_index));
          if (!(*transaction)->InsertCase(value).ok() || !(*transaction)->Commit().ok()) {
            ++failures;
          }
        } else if (!(*transaction)->ListCases({}).ok()) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  auto reader = Begin(TransactionMode::kRead);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->ListCases({})->total, (kThreads / 2) * kRounds);
}

TEST_P(TransactionContractTest, TimeInStoreAccumulates) {
  double before = store_->SecondsInStore();
  EXPECT_GE(before, 0.0);
  StoreCase(FullCase());
  double after = store_->SecondsInStore();
  EXPECT_GT(after, before);
}

INSTANTIATE_TEST_SUITE_P(Backends, TransactionContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
