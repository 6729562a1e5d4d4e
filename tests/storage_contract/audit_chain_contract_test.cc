// Contract: the audit log's hash chain — every append links to the one
// before under the write lock (also from many threads at once), scans run in
// chain order with time ranges, and record listings page newest first.

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>
#include <vector>

#include "domain/audit_chain.h"
#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"
#include "testing/record_expectations.h"

namespace vigil::storage_contract {
namespace {

using core::StatusCode;
using storage::TransactionMode;

class AuditChainContractTest : public StorageContractTest {
 protected:
  std::vector<domain::AuditEvent> Scan(const storage::AuditScan& scan = {}) {
    std::vector<domain::AuditEvent> events;
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return events;
    core::Status status = transaction->ScanAudit(scan, [&](const domain::AuditEvent& event) {
      events.push_back(event);
      return core::Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status;
    return events;
  }

  core::Result<storage::AuditPage> Search(const storage::AuditQuery& query) {
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return core::Internal("no transaction");
    return transaction->SearchAudit(query);
  }
};

TEST_P(AuditChainContractTest, AppendsFormAChainFromTheGenesisHash) {
  domain::AuditEvent first = FullAuditEvent("case", 1, HoursAfterNow(0));
  first.prev_hash = "caller values are replaced";
  first.hash = "caller values are replaced";
  first.id = domain::AuditEventId(99);
  first = StoreAuditEvent(first);
  domain::AuditEvent second = StoreAuditEvent(FullAuditEvent("report", 2, HoursAfterNow(1)));
  EXPECT_EQ(first.id.value, 1);
  EXPECT_EQ(second.id.value, 2);
  EXPECT_EQ(first.prev_hash, domain::kAuditGenesisHash);
  EXPECT_EQ(first.hash, domain::AuditEventHash(first));
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(second.hash, domain::AuditEventHash(second));

  std::vector<domain::AuditEvent> stored = Scan();
  ASSERT_EQ(stored.size(), 2u);
  testing::ExpectSameAuditEvent(first, stored[0]);
  testing::ExpectSameAuditEvent(second, stored[1]);
  domain::AuditChainVerifier verifier;
  for (const domain::AuditEvent& event : stored) EXPECT_TRUE(verifier.Add(event));
  domain::AuditChainReport report = verifier.Finish();
  EXPECT_FALSE(report.problem);
  EXPECT_EQ(report.head_id, second.id);
}

TEST_P(AuditChainContractTest, RolledBackAppendsLeaveNoGapInTheChain) {
  StoreAuditEvent(FullAuditEvent("case", 1, HoursAfterNow(0)));
  {
    auto transaction = Begin();
    ASSERT_NE(transaction, nullptr);
    domain::AuditEvent discarded = FullAuditEvent("case", 2, HoursAfterNow(0));
    ASSERT_TRUE(transaction->AppendAudit(discarded).ok());
  }
  domain::AuditEvent next = StoreAuditEvent(FullAuditEvent("case", 3, HoursAfterNow(0)));
  EXPECT_EQ(next.id.value, 2);
  domain::AuditChainVerifier verifier;
  for (const domain::AuditEvent& event : Scan()) EXPECT_TRUE(verifier.Add(event));
  EXPECT_FALSE(verifier.Finish().problem);
}

TEST_P(AuditChainContractTest, ConcurrentAppendsFormOneUnbrokenChain) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  std::atomic<int> failures{0};
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int thread_index = 0; thread_index < kThreads; ++thread_index) {
    threads.emplace_back([&, thread_index] {
      start.arrive_and_wait();
      for (int round = 0; round < kPerThread; ++round) {
        auto transaction = store_->Begin(TransactionMode::kWrite);
        if (!transaction.ok()) {
          ++failures;
          continue;
        }
        // Two events per transaction, as a use case with a decision and a
        // write appends.
        domain::AuditEvent a = FullAuditEvent("case", thread_index, HoursAfterNow(0));
        domain::AuditEvent b = FullAuditEvent("report", round, HoursAfterNow(0));
        if (!(*transaction)->AppendAudit(a).ok() || !(*transaction)->AppendAudit(b).ok() ||
            !(*transaction)->Commit().ok()) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  ASSERT_EQ(failures.load(), 0);
  std::vector<domain::AuditEvent> stored = Scan();
  ASSERT_EQ(stored.size(), static_cast<std::size_t>(2 * kThreads * kPerThread));
  domain::AuditChainVerifier verifier;
  for (std::size_t index = 0; index < stored.size(); ++index) {
    EXPECT_EQ(stored[index].id.value, static_cast<std::int64_t>(index + 1));
    ASSERT_TRUE(verifier.Add(stored[index])) << verifier.Finish().problem->what;
  }
  EXPECT_FALSE(verifier.Finish().problem);
}

TEST_P(AuditChainContractTest, ScanFollowsChainOrderWithinATimeRange) {
  for (int hour : {0, 1, 2, 3}) StoreAuditEvent(FullAuditEvent("case", hour, HoursAfterNow(hour)));
  std::vector<domain::AuditEvent> all = Scan();
  ASSERT_EQ(all.size(), 4u);
  std::vector<domain::AuditEvent> after = Scan({.after = all[1].id});
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].id, all[2].id);
  std::vector<domain::AuditEvent> range =
      Scan({.from = HoursAfterNow(1), .to = HoursAfterNow(3)});  // [1h, 3h)
  ASSERT_EQ(range.size(), 2u);
  EXPECT_EQ(range[0].record_id, 1);
  EXPECT_EQ(range[1].record_id, 2);
}

TEST_P(AuditChainContractTest, AScanStopsAtTheVisitorsFailure) {
  for (int index = 0; index < 3; ++index)
    StoreAuditEvent(FullAuditEvent("case", 1, HoursAfterNow(0)));
  auto transaction = Begin(TransactionMode::kRead);
  ASSERT_NE(transaction, nullptr);
  int visited = 0;
  core::Status status = transaction->ScanAudit({}, [&](const domain::AuditEvent&) {
    ++visited;
    return core::Unavailable("output closed");
  });
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_EQ(visited, 1);
}

TEST_P(AuditChainContractTest, SearchPagesARecordsEventsNewestFirst) {
  std::vector<domain::AuditEvent> stored;
  for (int hour : {0, 2, 1, 2, 3}) {
    stored.push_back(StoreAuditEvent(FullAuditEvent("case", 7, HoursAfterNow(hour))));
  }
  StoreAuditEvent(FullAuditEvent("case", 8, HoursAfterNow(5)));
  // Newest first: 3h (id 5), 2h (id 4), 2h (id 2), 1h (id 3), 0h (id 1).
  std::vector<std::int64_t> expected = {5, 4, 2, 3, 1};
  std::vector<std::int64_t> seen;
  storage::AuditQuery query{.record_type = "case", .record_id = 7, .limit = 2};
  for (int page_index = 0; page_index < 5; ++page_index) {
    core::Result<storage::AuditPage> page = Search(query);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total, 5);
    for (const domain::AuditEvent& event : page->items) seen.push_back(event.id.value);
    if (!page->next_cursor) break;
    query.cursor = page->next_cursor;
  }
  EXPECT_EQ(seen, expected);
  testing::ExpectSameAuditEvent(stored[4],
                                Search({.record_type = "case", .record_id = 7})->items[0]);
}

TEST_P(AuditChainContractTest, SearchRejectsABadLimitOrCursor) {
  for (int limit : {0, 501}) {
    core::Result<storage::AuditPage> page =
        Search({.record_type = "case", .record_id = 7, .limit = limit});
    ASSERT_EQ(page.status().code(), StatusCode::kInvalidArgument) << limit;
    EXPECT_EQ(page.status().field_errors().at(0).field, "limit");
  }
  core::Result<storage::AuditPage> page =
      Search({.record_type = "case", .record_id = 7, .cursor = "nonsense"});
  ASSERT_EQ(page.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(page.status().field_errors().at(0).field, "cursor");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChainContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
