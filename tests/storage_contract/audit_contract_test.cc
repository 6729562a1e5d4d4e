// Contract: the audit log — append and list.

#include <gtest/gtest.h>

#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"
#include "testing/record_expectations.h"

namespace vigil::storage_contract {
namespace {

using core::StatusCode;
using storage::TransactionMode;

class AuditContractTest : public StorageContractTest {
 protected:
  core::Result<std::vector<domain::AuditEvent>> List(std::int64_t record_id,
                                                     const std::string& record_type, int limit) {
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return core::Internal("no transaction");
    return transaction->ListAudit(record_id, record_type, limit);
  }
};

TEST_P(AuditContractTest, AppendAssignsIdsAndListReturnsEveryFieldNewestFirst) {
  domain::AuditEvent old_view = StoreAuditEvent(FullAuditEvent("case", 7, HoursAfterNow(-3)));
  domain::AuditEvent update = FullAuditEvent("case", 7, HoursAfterNow(-1));
  update.action = "case.update";
  update.outcome = "denied";
  update.agency = "";
  update = StoreAuditEvent(update);
  domain::AuditEvent same_second = StoreAuditEvent(FullAuditEvent("case", 7, HoursAfterNow(-1)));
  StoreAuditEvent(FullAuditEvent("case", 8, HoursAfterNow(0)));
  StoreAuditEvent(FullAuditEvent("report", 7, HoursAfterNow(0)));
  EXPECT_TRUE(old_view.id.assigned());
  EXPECT_NE(old_view.id, update.id);

  core::Result<std::vector<domain::AuditEvent>> events = List(7, "case", 100);
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->size(), 3u);
  testing::ExpectSameAuditEvent(same_second, (*events)[0]);
  testing::ExpectSameAuditEvent(update, (*events)[1]);
  testing::ExpectSameAuditEvent(old_view, (*events)[2]);

  events = List(7, "case", 2);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].id, update.id);

  events = List(9, "case", 10);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(events->empty());
}

TEST_P(AuditContractTest, SearchEventsWithoutARecordAreListedUnderRecordZero) {
  domain::AuditEvent search = FullAuditEvent("", 0, HoursAfterNow(0));
  search.action = "report.search";
  search = StoreAuditEvent(search);
  core::Result<std::vector<domain::AuditEvent>> events = List(0, "", 10);
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->size(), 1u);
  testing::ExpectSameAuditEvent(search, (*events)[0]);
}

TEST_P(AuditContractTest, ListRejectsABadLimit) {
  for (int limit : {0, -1, 1001}) {
    core::Result<std::vector<domain::AuditEvent>> events = List(1, "case", limit);
    ASSERT_EQ(events.status().code(), StatusCode::kInvalidArgument) << limit;
    EXPECT_EQ(events.status().field_errors().at(0).field, "limit");
  }
  EXPECT_TRUE(List(1, "case", 1000).ok());
}

TEST_P(AuditContractTest, UncommittedAuditEventsAreRolledBack) {
  {
    auto transaction = Begin();
    ASSERT_NE(transaction, nullptr);
    domain::AuditEvent event = FullAuditEvent("case", 3, HoursAfterNow(0));
    ASSERT_TRUE(transaction->AppendAudit(event).ok());
  }
  core::Result<std::vector<domain::AuditEvent>> events = List(3, "case", 10);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(events->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
