// A store written before the audit hash chain existed keeps working: opening
// it applies 0005_audit_chain, whose step appends the "audit.chain_start"
// entry over the earlier entries, in the same transaction; new entries chain
// on from it, and the whole log verifies.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "domain/audit_chain.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/migration_runner.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_store.h"
#include "testing/temp_dir.h"

namespace vigil::storage::sqlite {
namespace {

class AuditChainStartTest : public ::testing::Test {
 protected:
  // Makes a database with the migrations before the chain and `legacy`
  // audit entries written as vigil wrote them then.
  void MakePreChainStore(int legacy) {
    auto connection = Connection::Open(path_, std::chrono::milliseconds(1000), 16);
    ASSERT_TRUE(connection.ok()) << connection.status();
    std::vector<core::EmbeddedFile> before;
    for (const core::EmbeddedFile& file : SqliteMigrations()) {
      if (MigrationTopic(file.name) == "audit_chain") break;
      before.push_back(file);
    }
    ASSERT_TRUE(ApplyPendingMigrations(**connection, before).ok());
    for (int index = 1; index <= legacy; ++index) {
      ASSERT_TRUE((*connection)
                      ->Execute("INSERT INTO audit_events (at, user_id, roles, force, agency,"
                                " action, record_type, record_id, purpose, outcome, request_id)"
                                " VALUES (1727395200, 'dc.khan', 'investigator', 'west_midlands',"
                                " '', 'report.view', 'report', " +
                                std::to_string(index) + ", '', 'allowed', 'req')")
                      .ok());
    }
  }

  std::vector<domain::AuditEvent> Log(SqliteStore& store) {
    std::vector<domain::AuditEvent> events;
    auto transaction = store.Begin(TransactionMode::kRead);
    EXPECT_TRUE(transaction.ok());
    if (!transaction.ok()) return events;
    EXPECT_TRUE((*transaction)
                    ->ScanAudit({},
                                [&](const domain::AuditEvent& event) {
                                  events.push_back(event);
                                  return core::Status::Ok();
                                })
                    .ok());
    return events;
  }

  domain::AuditChainReport Verify(const std::vector<domain::AuditEvent>& events) {
    domain::AuditChainVerifier verifier;
    for (const domain::AuditEvent& event : events) verifier.Add(event);
    return verifier.Finish();
  }

  void Append(SqliteStore& store) {
    auto transaction = store.Begin(TransactionMode::kWrite);
    ASSERT_TRUE(transaction.ok());
    domain::AuditEvent event;
    event.user_id = "dc.khan";
    event.action = "case.view";
    event.outcome = "allowed";
    ASSERT_TRUE((*transaction)->AppendAudit(event).ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
  }

  testing::TempDir directory_;
  std::string path_ = directory_.File("vigil.db");
};

TEST_F(AuditChainStartTest, EntriesBeforeTheChainAreCoveredByTheStartEntry) {
  MakePreChainStore(3);
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status();
  Append(**store);
  std::vector<domain::AuditEvent> log = Log(**store);
  ASSERT_EQ(log.size(), 5u);
  for (int index = 0; index < 3; ++index) EXPECT_TRUE(log[index].hash.empty());
  EXPECT_EQ(log[3].action, domain::kAuditChainStartAction);
  EXPECT_EQ(log[3].record_id, 3);
  EXPECT_EQ(log[4].prev_hash, log[3].hash);
  domain::AuditChainReport report = Verify(log);
  EXPECT_FALSE(report.problem) << report.problem->what;
  EXPECT_EQ(report.legacy_entries, 3);
  EXPECT_EQ(report.head_id.value, 5);
}

TEST_F(AuditChainStartTest, TheChainIsStartedOnceOnly) {
  MakePreChainStore(2);
  { ASSERT_TRUE(SqliteStore::Open(path_).ok()); }
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<domain::AuditEvent> log = Log(**store);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_FALSE(Verify(log).problem);
}

TEST_F(AuditChainStartTest, AnEmptyLogStartsFromTheGenesisHash) {
  MakePreChainStore(0);
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE(Log(**store).empty());
  Append(**store);
  std::vector<domain::AuditEvent> log = Log(**store);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].prev_hash, domain::kAuditGenesisHash);
}

}  // namespace
}  // namespace vigil::storage::sqlite
