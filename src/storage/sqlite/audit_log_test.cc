// The append-only guarantees of the schema, checked with a plain sqlite3
// connection that bypasses the store: no UPDATE or DELETE of audit events
// (or notes, or screenings) succeeds, whoever issues it.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "storage/sqlite/sqlite_store.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::storage::sqlite {
namespace {

class AppendOnlyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status();
    auto transaction = (*store)->Begin(storage::TransactionMode::kWrite);
    ASSERT_TRUE(transaction.ok());
    domain::AuditEvent event;
    event.at = testing::TestNow();
    event.user_id = "dc.khan";
    event.action = "case.view";
    event.record_type = "case";
    event.record_id = 1;
    event.outcome = "allowed";
    ASSERT_TRUE((*transaction)->AppendAudit(event).ok());
    domain::Case value;
    value.force = "west_midlands";
    value.title = "Case";
    ASSERT_TRUE((*transaction)->InsertCase(value).ok());
    domain::Note note;
    note.case_id = value.id;
    note.author = "dc.khan";
    note.text = "Original text.";
    ASSERT_TRUE((*transaction)->InsertNote(note).ok());
    domain::Report report = testing::MakeReport("WM-1");
    ASSERT_TRUE((*transaction)->InsertReport(report).ok());
    domain::ScreeningRecord screening;
    screening.report_id = report.id;
    screening.force = report.force;
    screening.rules_version = "questionnaire@1;offences@1;risk@1;actions@1";
    screening.facts_json = "{}";
    screening.result_json = "{}";
    screening.primary_offence = "stalking";
    screening.screened_by = "dc.khan";
    screening.screened_at = testing::TestNow();
    ASSERT_TRUE((*transaction)->InsertScreening(screening).ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
    ASSERT_EQ(sqlite3_open(path_.c_str(), &database_), SQLITE_OK);
  }

  void TearDown() override { sqlite3_close(database_); }

  // Runs `sql`; returns the error message, or "" when it succeeded.
  std::string Execute(const std::string& sql) {
    char* message = nullptr;
    int code = sqlite3_exec(database_, sql.c_str(), nullptr, nullptr, &message);
    std::string error = code == SQLITE_OK ? "" : (message != nullptr ? message : "failed");
    sqlite3_free(message);
    return error;
  }

  std::string Scalar(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(database_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    return value;
  }

  testing::TempDir directory_;
  std::string path_ = directory_.File("vigil.db");
  sqlite3* database_ = nullptr;
};

TEST_F(AppendOnlyTest, AuditEventsCannotBeUpdated) {
  EXPECT_EQ(Execute("UPDATE audit_events SET outcome = 'denied'"), "audit_events is append-only");
  EXPECT_EQ(Scalar("SELECT outcome FROM audit_events"), "allowed");
}

TEST_F(AppendOnlyTest, AuditEventsCannotBeDeleted) {
  EXPECT_EQ(Execute("DELETE FROM audit_events"), "audit_events is append-only");
  EXPECT_EQ(Scalar("SELECT count(*) FROM audit_events"), "1");
}

TEST_F(AppendOnlyTest, AuditEventsCanStillBeAppended) {
  EXPECT_EQ(Execute("INSERT INTO audit_events (at, user_id, roles, force, agency, action,"
                    " record_type, record_id, purpose, outcome, request_id)"
                    " VALUES (1, 'u', '', '', '', 'a', 'case', 1, '', 'allowed', '')"),
            "");
  EXPECT_EQ(Scalar("SELECT count(*) FROM audit_events"), "2");
}

TEST_F(AppendOnlyTest, NotesCannotBeUpdatedOrDeleted) {
  EXPECT_EQ(Execute("UPDATE notes SET text = 'Rewritten.'"), "notes are append-only");
  EXPECT_EQ(Execute("DELETE FROM notes"), "notes are append-only");
  EXPECT_EQ(Scalar("SELECT text FROM notes"), "Original text.");
}

TEST_F(AppendOnlyTest, ScreeningsCannotBeUpdatedOrDeleted) {
  EXPECT_EQ(Execute("UPDATE screenings SET primary_offence = 'harassment'"),
            "screenings are append-only");
  EXPECT_EQ(Execute("DELETE FROM screenings"), "screenings are append-only");
  EXPECT_EQ(Scalar("SELECT primary_offence FROM screenings"), "stalking");
}

}  // namespace
}  // namespace vigil::storage::sqlite
