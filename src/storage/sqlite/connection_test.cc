#include "storage/sqlite/connection.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "testing/temp_dir.h"

namespace vigil::storage::sqlite {
namespace {

using core::StatusCode;

TEST(StatusFromSqliteTest, MapsResultCodesToStatusCodes) {
  struct Case {
    int sqlite_code;
    StatusCode expected;
  };
  for (const Case& test : std::vector<Case>{
           {SQLITE_BUSY, StatusCode::kUnavailable},
           {SQLITE_BUSY_SNAPSHOT, StatusCode::kUnavailable},
           {SQLITE_LOCKED, StatusCode::kUnavailable},
           {SQLITE_IOERR_WRITE, StatusCode::kUnavailable},
           {SQLITE_FULL, StatusCode::kUnavailable},
           {SQLITE_CANTOPEN, StatusCode::kUnavailable},
           {SQLITE_CONSTRAINT_UNIQUE, StatusCode::kAlreadyExists},
           {SQLITE_CONSTRAINT_PRIMARYKEY, StatusCode::kAlreadyExists},
           {SQLITE_CONSTRAINT_FOREIGNKEY, StatusCode::kNotFound},
           {SQLITE_CONSTRAINT_TRIGGER, StatusCode::kFailedPrecondition},
           {SQLITE_CONSTRAINT_CHECK, StatusCode::kInternal},
           {SQLITE_CORRUPT, StatusCode::kDataLoss},
           {SQLITE_CORRUPT_INDEX, StatusCode::kDataLoss},
           {SQLITE_NOTADB, StatusCode::kDataLoss},
           {SQLITE_ERROR, StatusCode::kInternal},
           {SQLITE_MISUSE, StatusCode::kInternal},
       }) {
    core::Status status = StatusFromSqlite(test.sqlite_code, "message");
    EXPECT_EQ(status.code(), test.expected) << "sqlite code " << test.sqlite_code;
    EXPECT_EQ(status.message(), "sqlite: message");
  }
}

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened =
        Connection::Open(directory_.File("connection.db"), std::chrono::milliseconds(1234), 2);
    ASSERT_TRUE(opened.ok()) << opened.status();
    connection_ = std::move(opened).value();
  }

  std::int64_t Integer(const std::string& sql) {
    auto statement = connection_->Prepare(sql);
    EXPECT_TRUE(statement.ok()) << statement.status();
    if (!statement.ok()) return -1;
    auto row = statement->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return statement->Integer(0);
  }

  testing::TempDir directory_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(ConnectionTest, OpenSetsThePragmasEveryConnectionNeeds) {
  EXPECT_EQ(Integer("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(Integer("PRAGMA synchronous"), 1);  // NORMAL.
  EXPECT_EQ(Integer("PRAGMA busy_timeout"), 1234);
  EXPECT_EQ(Integer("PRAGMA cache_size"), -65536);  // 64 MiB (negative: KiB, not pages).
  EXPECT_EQ(Integer("PRAGMA mmap_size"), std::int64_t{1} << 30);
}

TEST_F(ConnectionTest, BindsAndReadsEveryValueKind) {
  ASSERT_TRUE(connection_->Execute("CREATE TABLE t (n INTEGER, s TEXT, o INTEGER)").ok());
  {
    auto insert = connection_->Prepare("INSERT INTO t VALUES (?, ?, ?)");
    ASSERT_TRUE(insert.ok());
    std::string text("with\0nul", 8);
    insert->Bind(1, std::int64_t{-9'000'000'000})
        .Bind(2, std::string_view(text))
        .Bind(3, std::optional<std::int64_t>());
    ASSERT_TRUE(insert->Run().ok());
  }
  EXPECT_EQ(connection_->Changes(), 1);
  EXPECT_EQ(connection_->LastInsertId(), 1);
  auto select = connection_->Prepare("SELECT n, s, o FROM t");
  ASSERT_TRUE(select.ok());
  auto row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->Integer(0), -9'000'000'000);
  EXPECT_EQ(select->Text(1), std::string("with\0nul", 8));
  EXPECT_FALSE(select->OptionalInteger(2).has_value());
  EXPECT_EQ(select->OptionalInteger(0), -9'000'000'000);
  row = select->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST_F(ConnectionTest, TheSameStatementCanBeInUseTwiceAndIsReusedAfterwards) {
  const std::string sql = "SELECT ? + 1";
  {
    auto outer = connection_->Prepare(sql);
    auto inner = connection_->Prepare(sql);  // The cached one is busy: a fresh one.
    ASSERT_TRUE(outer.ok() && inner.ok());
    outer->Bind(1, std::int64_t{1});
    inner->Bind(1, std::int64_t{10});
    ASSERT_TRUE(*outer->Step());
    ASSERT_TRUE(*inner->Step());
    EXPECT_EQ(outer->Integer(0), 2);
    EXPECT_EQ(inner->Integer(0), 11);
  }
  // Reused from the cache: reset, bindings cleared.
  auto again = connection_->Prepare(sql);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(*again->Step());
  EXPECT_FALSE(again->OptionalInteger(0).has_value());  // NULL + 1.
}

TEST_F(ConnectionTest, ErrorsBecomeStatuses) {
  EXPECT_EQ(connection_->Prepare("SELEC nonsense").status().code(), StatusCode::kInternal);
  EXPECT_EQ(connection_->Execute("NOT SQL AT ALL").code(), StatusCode::kInternal);
  ASSERT_TRUE(connection_->Execute("CREATE TABLE u (k TEXT PRIMARY KEY)").ok());
  ASSERT_TRUE(connection_->Execute("INSERT INTO u VALUES ('a')").ok());
  auto duplicate = connection_->Prepare("INSERT INTO u VALUES (?)");
  ASSERT_TRUE(duplicate.ok());
  duplicate->Bind(1, std::string_view("a"));
  EXPECT_EQ(duplicate->Run().code(), StatusCode::kAlreadyExists);
  auto bad_bind = connection_->Prepare("SELECT ?");
  ASSERT_TRUE(bad_bind.ok());
  bad_bind->Bind(7, std::int64_t{1});  // No parameter 7.
  EXPECT_EQ(bad_bind->Step().status().code(), StatusCode::kInternal);
}

TEST_F(ConnectionTest, ReportsWhetherATransactionIsOpen) {
  EXPECT_FALSE(connection_->InTransaction());
  ASSERT_TRUE(connection_->Execute("BEGIN").ok());
  EXPECT_TRUE(connection_->InTransaction());
  ASSERT_TRUE(connection_->Execute("ROLLBACK").ok());
  EXPECT_FALSE(connection_->InTransaction());
}

}  // namespace
}  // namespace vigil::storage::sqlite
