// End-to-end: `vigil audit verify` and `vigil audit export` with the built
// binary. The database is tampered with directly (SQLite's C API, the
// append-only triggers dropped first, as someone with the file would):
// every edit, deletion, insertion, swap and cut-off end is reported as the
// first bad entry with exit code 3.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/subprocess.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::cli_test {
namespace {

using ::testing::HasSubstr;

const std::string kVigil = VIGIL_BINARY;
constexpr int kBroken = 3;

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Completed demo = Run({"demo-data", "--db", db_, "--reports", "5", "--seed", "3", "--config",
                          vigil::testing::SourcePath("config")});
    ASSERT_EQ(demo.status.code, 0) << demo.err;
    for (int index = 0; index < 4; ++index) ASSERT_EQ(Verify().status.code, 0);
  }

  Completed Run(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), kVigil);
    return RunToCompletion(arguments, folder_.path());
  }

  Completed Verify(std::vector<std::string> extra = {}) {
    std::vector<std::string> arguments = {"audit", "verify", "--db", db_};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    return Run(arguments);
  }

  // Runs `sql` on the database file directly; returns SQLite's error or "".
  std::string Tamper(const std::string& sql) {
    sqlite3* database = nullptr;
    EXPECT_EQ(sqlite3_open(db_.c_str(), &database), SQLITE_OK);
    char* message = nullptr;
    int code = sqlite3_exec(database,
                            ("DROP TRIGGER IF EXISTS audit_events_no_update;"
                             " DROP TRIGGER IF EXISTS audit_events_no_delete; " +
                             sql)
                                .c_str(),
                            nullptr, nullptr, &message);
    std::string error = code == SQLITE_OK ? "" : (message != nullptr ? message : "failed");
    sqlite3_free(message);
    sqlite3_close(database);
    return error;
  }

  std::int64_t Entries() {
    sqlite3* database = nullptr;
    EXPECT_EQ(sqlite3_open(db_.c_str(), &database), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(database, "SELECT count(*) FROM audit_events", -1, &statement, nullptr);
    sqlite3_step(statement);
    std::int64_t count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(database);
    return count;
  }

  // Verifying must fail with exit code 3 naming `entry` as the first bad one.
  void ExpectBrokenAt(const Completed& run, std::int64_t entry, const std::string& what) {
    EXPECT_EQ(run.status.code, kBroken) << run.out << run.err;
    EXPECT_THAT(run.err, HasSubstr("first bad entry " + std::to_string(entry) + ":"));
    EXPECT_THAT(run.err, HasSubstr(what));
  }

  vigil::testing::TempDir folder_;
  std::string db_ = folder_.File("vigil.db");
};

TEST_F(AuditCliTest, AnUntouchedStoreVerifies) {
  Completed run = Verify();
  EXPECT_EQ(run.status.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Audit log intact: "));
  EXPECT_THAT(run.out, HasSubstr("Head: "));
  EXPECT_GE(Entries(), 6);
}

TEST_F(AuditCliTest, AnEditedEntryIsReported) {
  ASSERT_EQ(Tamper("UPDATE audit_events SET outcome = 'denied' WHERE id = 3"), "");
  ExpectBrokenAt(Verify(), 3, "does not match its hash");
}

TEST_F(AuditCliTest, AnEditWithItsHashRecomputedIsReportedAtTheNextEntry) {
  // Someone who copies the next entry's prev_hash into the edited entry's
  // hash still breaks the link to the entry after.
  ASSERT_EQ(Tamper("UPDATE audit_events SET user_id = 'someone.else',"
                   " hash = (SELECT hash FROM audit_events WHERE id = 2) WHERE id = 3"),
            "");
  Completed run = Verify();
  EXPECT_EQ(run.status.code, kBroken);
  EXPECT_THAT(run.err, HasSubstr("first bad entry 3:"));
}

TEST_F(AuditCliTest, ADeletedEntryIsReported) {
  ASSERT_EQ(Tamper("DELETE FROM audit_events WHERE id = 3"), "");
  ExpectBrokenAt(Verify(), 4, "entry 3 is missing");
}

TEST_F(AuditCliTest, DeletingTheFirstEntryIsReported) {
  ASSERT_EQ(Tamper("DELETE FROM audit_events WHERE id = 1"), "");
  ExpectBrokenAt(Verify(), 2, "genesis");
}

TEST_F(AuditCliTest, AnInsertedEntryIsReported) {
  std::int64_t next = Entries() + 1;
  ASSERT_EQ(Tamper("INSERT INTO audit_events (at, user_id, roles, force, agency, action,"
                   " record_type, record_id, purpose, outcome, request_id)"
                   " VALUES (1, 'u', '', '', '', 'report.view', 'report', 1, '', 'allowed', '')"),
            "");
  ExpectBrokenAt(Verify(), next, "no hash");
}

TEST_F(AuditCliTest, AnEntryInsertedInTheMiddleIsReported) {
  // Ids 3 onwards moved up by one to make room for a forged entry 3.
  ASSERT_EQ(Tamper("UPDATE audit_events SET id = -id WHERE id >= 3;"
                   " UPDATE audit_events SET id = 1 - id WHERE id < 0;"
                   " INSERT INTO audit_events (id, at, user_id, roles, force, agency, action,"
                   " record_type, record_id, purpose, outcome, request_id, prev_hash, hash)"
                   " SELECT 3, at, 'forger', roles, force, agency, action, record_type,"
                   " record_id, purpose, outcome, request_id, hash, hash FROM audit_events"
                   " WHERE id = 2"),
            "");
  ExpectBrokenAt(Verify(), 3, "does not match its hash");
}

TEST_F(AuditCliTest, SwappedEntriesAreReported) {
  ASSERT_EQ(Tamper("UPDATE audit_events SET id = -2 WHERE id = 2;"
                   " UPDATE audit_events SET id = 2 WHERE id = 3;"
                   " UPDATE audit_events SET id = 3 WHERE id = -2"),
            "");
  ExpectBrokenAt(Verify(), 2, "does not match its hash");
}

TEST_F(AuditCliTest, ACutOffEndIsReportedAgainstACheckpoint) {
  Completed first = Verify();
  ASSERT_EQ(first.status.code, 0);
  std::string head = first.out.substr(first.out.find("Head: ") + 6);
  head = head.substr(0, head.find('\n'));
  std::int64_t head_id = std::stoll(head.substr(0, head.find(':')));
  // Each verify appends its own entry: cut off enough that the next two
  // runs do not reach the checkpoint's entry again.
  ASSERT_EQ(Tamper("DELETE FROM audit_events WHERE id >= " + std::to_string(head_id - 2)), "");
  EXPECT_EQ(Verify().status.code, 0);  // The chain alone cannot tell.
  ExpectBrokenAt(Verify({"--checkpoint", head}), head_id, "cut off");
}

TEST_F(AuditCliTest, BadCheckpointsAndAMissingDatabaseAreRefused) {
  Completed run = Verify({"--checkpoint", "12:nothex", "--checkpoint", "x"});
  EXPECT_EQ(run.status.code, 2);
  EXPECT_THAT(run.err, HasSubstr("--checkpoint"));
  EXPECT_THAT(run.err, HasSubstr("12:nothex"));
  run = Run({"audit", "verify", "--db", folder_.File("missing.db")});
  EXPECT_EQ(run.status.code, 1);
  EXPECT_THAT(run.err, HasSubstr("does not exist"));
  EXPECT_FALSE(std::filesystem::exists(folder_.File("missing.db")));
}

TEST_F(AuditCliTest, ExportWritesEveryEntryWithItsHashAsJsonLines) {
  std::string out = folder_.File("audit.jsonl");
  Completed run = Run({"audit", "export", "--db", db_, "--out", out});
  ASSERT_EQ(run.status.code, 0) << run.err;
  std::istringstream lines(ReadFile(out));
  std::string line;
  std::string prev = std::string(64, '0');
  std::int64_t count = 0;
  while (std::getline(lines, line)) {
    nlohmann::json entry = nlohmann::json::parse(line);
    ++count;
    EXPECT_EQ(entry["id"], count);
    EXPECT_EQ(entry["prev_hash"], prev) << line;
    prev = entry["hash"].get<std::string>();
    for (const char* field :
         {"at", "at_unix", "user_id", "roles", "force", "agency", "action", "record_type",
          "record_id", "purpose", "outcome", "request_id", "reason"}) {
      EXPECT_TRUE(entry.contains(field)) << field;
    }
  }
  EXPECT_EQ(count, Entries());  // The export's own event is in it.
  EXPECT_THAT(run.err, HasSubstr("Exported " + std::to_string(count) + " audit entries"));
  EXPECT_THAT(ReadFile(out), HasSubstr("\"action\":\"audit.export\""));
}

TEST_F(AuditCliTest, ExportByDateAsCsv) {
  Completed run = Run({"audit", "export", "--db", db_, "--format", "csv", "--from", "2000-01-01",
                       "--to", "2000-12-31"});
  ASSERT_EQ(run.status.code, 0) << run.err;
  EXPECT_EQ(run.out,
            "id,at,at_unix,user_id,roles,force,agency,action,record_type,record_id,purpose,"
            "outcome,request_id,reason,prev_hash,hash\n");
  run = Run({"audit", "export", "--db", db_, "--format", "csv", "--from", "2000-01-01"});
  ASSERT_EQ(run.status.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr(",audit.verify,audit_event,0,"));
}

TEST_F(AuditCliTest, ExportRefusesBadOptionsNamingEach) {
  Completed run = Run({"audit", "export", "--db", db_, "--from", "27/09/2024", "--to", "yesterday",
                       "--format", "xml"});
  EXPECT_EQ(run.status.code, 2);
  EXPECT_THAT(run.err, HasSubstr("--from"));
  EXPECT_THAT(run.err, HasSubstr("--to"));
  EXPECT_THAT(run.err, HasSubstr("--format"));
}

}  // namespace
}  // namespace vigil::cli_test
