// The audit hash chain: the documented encoding (a hash computed
// independently from docs/reference/audit.md), and the verifier finding the
// first bad entry after each kind of tampering.

#include "domain/audit_chain.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace vigil::domain {
namespace {

AuditEvent Event(std::int64_t record_id) {
  AuditEvent event;
  event.at = core::Timestamp(std::chrono::seconds(1727395200));  // 27 September 2024.
  event.user_id = "dc.khan";
  event.roles = "investigator,stalking_lead";
  event.force = "west_midlands";
  event.action = "report.view";
  event.record_type = "report";
  event.record_id = record_id;
  event.purpose = "investigation";
  event.outcome = "allowed";
  event.request_id = "req-" + std::to_string(record_id);
  event.reason = "report.view allowed for dc.khan";
  return event;
}

// A chain of `count` events as the store appends them.
std::vector<AuditEvent> Chain(int count) {
  std::vector<AuditEvent> chain;
  std::string prev(kAuditGenesisHash);
  for (int index = 1; index <= count; ++index) {
    AuditEvent event = Event(40 + index);
    event.id = AuditEventId(index);
    event.prev_hash = prev;
    event.hash = AuditEventHash(event);
    prev = event.hash;
    chain.push_back(std::move(event));
  }
  return chain;
}

AuditChainReport Verify(const std::vector<AuditEvent>& events,
                        std::vector<AuditCheckpoint> checkpoints = {}) {
  AuditChainVerifier verifier(std::move(checkpoints));
  for (const AuditEvent& event : events) {
    if (!verifier.Add(event)) break;
  }
  return verifier.Finish();
}

TEST(AuditChainTest, HashMatchesTheDocumentedEncoding) {
  AuditEvent event = Event(42);
  event.id = AuditEventId(1);
  event.request_id = "req-1";
  event.prev_hash = std::string(kAuditGenesisHash);
  // sha256 of the length-prefixed fields, computed outside vigil.
  EXPECT_EQ(AuditEventHash(event),
            "cf3abaca622ef409d2b13f519330103e44fd35d54b67160af81ef7f890ce9f15");
  std::string encoding = AuditEventEncoding(event);
  EXPECT_EQ(encoding.substr(0, 8), std::string("\0\0\0\0\0\0\0\x14", 8));
  EXPECT_EQ(encoding.substr(8, 20), "vigil.audit_event.v1");
}

TEST(AuditChainTest, EncodingIsUnambiguousAcrossFieldBoundaries) {
  AuditEvent a = Event(1);
  AuditEvent b = Event(1);
  a.user_id = "dc.khan";
  a.roles = "investigator";
  b.user_id = "dc.khaninvestigator";
  b.roles = "";
  EXPECT_NE(AuditEventEncoding(a), AuditEventEncoding(b));
  EXPECT_NE(AuditEventHash(a), AuditEventHash(b));
  for (auto change : std::vector<void (*)(AuditEvent&)>{
           [](AuditEvent& e) { e.id = AuditEventId(2); },
           [](AuditEvent& e) { e.at += std::chrono::seconds(1); },
           [](AuditEvent& e) { e.agency = "x"; }, [](AuditEvent& e) { e.record_id = 2; },
           [](AuditEvent& e) { e.purpose = ""; }, [](AuditEvent& e) { e.outcome = "denied"; },
           [](AuditEvent& e) { e.reason += "."; }, [](AuditEvent& e) { e.prev_hash = "0"; }}) {
    AuditEvent changed = Event(1);
    change(changed);
    EXPECT_NE(AuditEventHash(changed), AuditEventHash(Event(1)));
  }
}

TEST(AuditChainTest, AnIntactChainPasses) {
  std::vector<AuditEvent> chain = Chain(5);
  AuditChainReport report = Verify(chain, {{AuditEventId(3), chain[2].hash}});
  EXPECT_FALSE(report.problem) << report.problem->what;
  EXPECT_EQ(report.entries, 5);
  EXPECT_EQ(report.head_id.value, 5);
  EXPECT_EQ(report.head_hash, chain[4].hash);
  EXPECT_FALSE(Verify({}).problem);
}

TEST(AuditChainTest, AnEditedEntryIsTheFirstBadOne) {
  std::vector<AuditEvent> chain = Chain(5);
  chain[2].outcome = "denied";
  AuditChainReport report = Verify(chain);
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 3);
  EXPECT_NE(report.problem->what.find("does not match its hash"), std::string::npos);
  EXPECT_EQ(report.entries, 2);
}

TEST(AuditChainTest, AnEditWithARecomputedHashBreaksTheNextLink) {
  std::vector<AuditEvent> chain = Chain(5);
  chain[2].outcome = "denied";
  chain[2].hash = AuditEventHash(chain[2]);
  AuditChainReport report = Verify(chain);
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 4);
  EXPECT_NE(report.problem->what.find("does not link to entry 3"), std::string::npos);
}

TEST(AuditChainTest, ADeletedEntryIsReported) {
  std::vector<AuditEvent> chain = Chain(5);
  chain.erase(chain.begin() + 2);
  AuditChainReport report = Verify(chain);
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 4);
  EXPECT_NE(report.problem->what.find("entry 3 is missing"), std::string::npos);
}

TEST(AuditChainTest, DeletingTheFirstEntriesIsReported) {
  std::vector<AuditEvent> chain = Chain(5);
  chain.erase(chain.begin(), chain.begin() + 2);
  AuditChainReport report = Verify(chain);
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 3);
  EXPECT_NE(report.problem->what.find("genesis"), std::string::npos);
}

TEST(AuditChainTest, SwappedEntriesAreReported) {
  std::vector<AuditEvent> chain = Chain(5);
  std::swap(chain[1].id, chain[2].id);  // Contents of 2 and 3 exchanged.
  std::swap(chain[1], chain[2]);
  AuditChainReport report = Verify(chain);
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 2);
}

TEST(AuditChainTest, AnEntryWithoutAHashAfterTheChainIsReported) {
  std::vector<AuditEvent> chain = Chain(3);
  AuditEvent added = Event(9);
  added.id = AuditEventId(4);
  chain.push_back(added);
  AuditChainReport report = Verify(chain);
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 4);
  EXPECT_NE(report.problem->what.find("no hash"), std::string::npos);
}

TEST(AuditChainTest, ACutOffEndIsFoundOnlyWithACheckpoint) {
  std::vector<AuditEvent> chain = Chain(5);
  AuditCheckpoint checkpoint{AuditEventId(5), chain[4].hash};
  chain.pop_back();
  EXPECT_FALSE(Verify(chain).problem);
  AuditChainReport report = Verify(chain, {checkpoint});
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 5);
  EXPECT_NE(report.problem->what.find("cut off"), std::string::npos);
}

TEST(AuditChainTest, ARewrittenChainDoesNotMatchACheckpoint) {
  std::vector<AuditEvent> chain = Chain(5);
  AuditCheckpoint checkpoint{AuditEventId(4), chain[3].hash};
  chain[0].outcome = "denied";
  std::string prev(kAuditGenesisHash);
  for (AuditEvent& event : chain) {  // Recomputed from the edit on.
    event.prev_hash = prev;
    event.hash = AuditEventHash(event);
    prev = event.hash;
  }
  AuditChainReport report = Verify(chain, {checkpoint});
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 4);
}

TEST(AuditChainTest, EntriesFromBeforeTheChainAreCoveredByItsStart) {
  std::vector<AuditEvent> log;
  LegacyAuditDigest digest;
  for (int index = 1; index <= 3; ++index) {
    AuditEvent legacy = Event(index);
    legacy.id = AuditEventId(index);
    legacy.reason.clear();
    digest.Add(legacy);
    log.push_back(legacy);
  }
  AuditEvent start = Event(3);
  start.id = AuditEventId(4);
  start.action = std::string(kAuditChainStartAction);
  start.prev_hash = digest.Hex();
  start.hash = AuditEventHash(start);
  log.push_back(start);
  AuditChainReport report = Verify(log);
  EXPECT_FALSE(report.problem) << report.problem->what;
  EXPECT_EQ(report.legacy_entries, 3);

  log[1].user_id = "someone.else";
  report = Verify(log);
  ASSERT_TRUE(report.problem);
  EXPECT_EQ(report.problem->id.value, 4);
  EXPECT_NE(report.problem->what.find("3 earlier entries"), std::string::npos);
}

TEST(AuditChainTest, IsAuditHashAcceptsOnlyLowercaseSha256Hex) {
  EXPECT_TRUE(IsAuditHash(kAuditGenesisHash));
  EXPECT_FALSE(IsAuditHash(""));
  EXPECT_FALSE(IsAuditHash(std::string(64, 'A')));
  EXPECT_FALSE(IsAuditHash(std::string(63, 'a')));
}

}  // namespace
}  // namespace vigil::domain
