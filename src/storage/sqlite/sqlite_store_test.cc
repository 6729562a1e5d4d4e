// SqliteStore specifics the contract suite cannot see: the file, its
// permissions and pragmas, migrations at open, reopening, refusal of bad
// files, pool and lock limits, and transaction misuse.

#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>

#include "storage/sqlite/migrations.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::storage::sqlite {
namespace {

using core::StatusCode;

// Runs `sql` on the file with a plain sqlite3 connection and returns the
// first column of the first row ("" when none).
std::string RawQuery(const std::string& path, const std::string& sql) {
  sqlite3* database = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &database), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(database, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  sqlite3_close(database);
  return value;
}

unsigned FileMode(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

domain::Case MakeCase(const std::string& title) {
  domain::Case value;
  value.force = "west_midlands";
  value.title = title;
  value.created_at = testing::TestNow();
  value.updated_at = testing::TestNow();
  return value;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<SqliteStore> OpenStore(const SqliteOptions& options = {}) {
    core::Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_, options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  testing::TempDir directory_;
  std::string path_ = directory_.File("vigil.db");
};

TEST_F(SqliteStoreTest, OpenCreatesAnOwnerOnlyFileInWalMode) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->path(), path_);
  EXPECT_EQ(FileMode(path_), 0600u);
  EXPECT_EQ(RawQuery(path_, "PRAGMA journal_mode"), "wal");

  // The write-ahead log and shared-memory index hold the same data.
  auto transaction = store->Begin(storage::TransactionMode::kWrite);
  ASSERT_TRUE(transaction.ok());
  domain::Case value = MakeCase("Logged");
  ASSERT_TRUE((*transaction)->InsertCase(value).ok());
  ASSERT_TRUE((*transaction)->Commit().ok());
  EXPECT_EQ(FileMode(path_ + "-wal"), 0600u);
  EXPECT_EQ(FileMode(path_ + "-shm"), 0600u);
}

TEST_F(SqliteStoreTest, OpenRestrictsTheModeOfAnExistingFile) {
  { std::ofstream create(path_); }
  ASSERT_EQ(::chmod(path_.c_str(), 0644), 0);
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(FileMode(path_), 0600u);
}

TEST_F(SqliteStoreTest, MigrationsApplyOnceAndAreRecorded) {
  core::Result<std::vector<std::string>> applied = SqliteStore::ApplyMigrations(path_);
  ASSERT_TRUE(applied.ok()) << applied.status();
  std::vector<std::string> expected;
  for (const core::EmbeddedFile& file : SqliteMigrations()) expected.emplace_back(file.name);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(*applied, expected);
  EXPECT_EQ(expected.front(), "0001_init.sql");

  applied = SqliteStore::ApplyMigrations(path_);
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_TRUE(applied->empty());
  auto store = OpenStore();  // Open finds nothing to do either.
  ASSERT_NE(store, nullptr);

  EXPECT_EQ(RawQuery(path_, "SELECT count(*) FROM schema_migrations"),
            std::to_string(expected.size()));
  EXPECT_EQ(RawQuery(path_, "SELECT name FROM schema_migrations WHERE version = 1"),
            "0001_init.sql");
  EXPECT_EQ(RawQuery(path_, "SELECT applied_at > 0 FROM schema_migrations WHERE version = 1"), "1");
}

TEST_F(SqliteStoreTest, ReopeningKeepsTheData) {
  domain::Case value = MakeCase("Kept");
  {
    auto store = OpenStore();
    ASSERT_NE(store, nullptr);
    auto transaction = store->Begin(storage::TransactionMode::kWrite);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE((*transaction)->InsertCase(value).ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
  }
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto transaction = store->Begin(storage::TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  core::Result<domain::Case> read = (*transaction)->GetCase(value.id);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->title, "Kept");
  EXPECT_EQ(read->version, 1);
}

TEST_F(SqliteStoreTest, RefusesPathsThatAreNotOneFile) {
  for (const char* path : {"", ":memory:", "file:vigil.db?mode=memory"}) {
    core::Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
    ASSERT_EQ(store.status().code(), StatusCode::kInvalidArgument) << path;
    EXPECT_EQ(store.status().field_errors().at(0).field, "path");
  }
}

TEST_F(SqliteStoreTest, MissingFolderIsUnavailable) {
  core::Result<std::unique_ptr<SqliteStore>> store =
      SqliteStore::Open(directory_.File("no/such/folder/vigil.db"));
  EXPECT_EQ(store.status().code(), StatusCode::kUnavailable) << store.status();
}

TEST_F(SqliteStoreTest, AFileThatIsNotADatabaseIsDataLoss) {
  {
    std::ofstream garbage(path_);
    for (int line = 0; line < 200; ++line) garbage << "this is not an SQLite database\n";
  }
  core::Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  EXPECT_EQ(store.status().code(), StatusCode::kDataLoss) << store.status();
}

TEST_F(SqliteStoreTest, ADatabaseFromANewerVigilIsRefused) {
  ASSERT_TRUE(SqliteStore::ApplyMigrations(path_).ok());
  RawQuery(path_,
           "INSERT INTO schema_migrations (version, name, applied_at)"
           " VALUES (9999, '9999_future.sql', 0)");
  ASSERT_EQ(RawQuery(path_, "SELECT count(*) FROM schema_migrations WHERE version = 9999"), "1");
  core::Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition) << store.status();
}

TEST_F(SqliteStoreTest, ASecondWriterIsUnavailableWhileReadersCarryOn) {
  SqliteOptions options;
  options.busy_timeout = std::chrono::milliseconds(0);  // Fail at once rather than wait.
  auto store = OpenStore(options);
  ASSERT_NE(store, nullptr);
  auto writer = store->Begin(storage::TransactionMode::kWrite);
  ASSERT_TRUE(writer.ok()) << writer.status();
  auto second = store->Begin(storage::TransactionMode::kWrite);
  EXPECT_EQ(second.status().code(), StatusCode::kUnavailable) << second.status();
  auto reader = store->Begin(storage::TransactionMode::kRead);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_TRUE((*reader)->ListCases({}).ok());
  writer->reset();  // Rolls back and frees the lock.
  EXPECT_TRUE(store->Begin(storage::TransactionMode::kWrite).ok());
}

TEST_F(SqliteStoreTest, BeginIsUnavailableWhileEveryPooledConnectionIsInUse) {
  SqliteOptions options;
  options.busy_timeout = std::chrono::milliseconds(0);
  options.connection_limit = 2;
  auto store = OpenStore(options);
  ASSERT_NE(store, nullptr);
  auto first = store->Begin(storage::TransactionMode::kRead);
  auto second = store->Begin(storage::TransactionMode::kRead);
  ASSERT_TRUE(first.ok() && second.ok());
  auto third = store->Begin(storage::TransactionMode::kRead);
  EXPECT_EQ(third.status().code(), StatusCode::kUnavailable) << third.status();
  first->reset();  // Its connection goes back to the pool and is reused.
  EXPECT_TRUE(store->Begin(storage::TransactionMode::kRead).ok());
}

TEST_F(SqliteStoreTest, AReadTransactionCannotWrite) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto reader = store->Begin(storage::TransactionMode::kRead);
  ASSERT_TRUE(reader.ok());
  domain::Case value = MakeCase("Refused");
  EXPECT_EQ((*reader)->InsertCase(value).code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(value.id.assigned());
  EXPECT_TRUE((*reader)->Commit().ok());
  EXPECT_EQ(RawQuery(path_, "SELECT count(*) FROM cases"), "0");
}

TEST_F(SqliteStoreTest, ATransactionCannotBeUsedAfterCommit) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto transaction = store->Begin(storage::TransactionMode::kWrite);
  ASSERT_TRUE(transaction.ok());
  ASSERT_TRUE((*transaction)->Commit().ok());
  EXPECT_EQ((*transaction)->GetCase(domain::CaseId(1)).status().code(),
            StatusCode::kFailedPrecondition);
  domain::Case value = MakeCase("Late");
  EXPECT_EQ((*transaction)->InsertCase(value).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ((*transaction)->Commit().code(), StatusCode::kFailedPrecondition);
}

TEST_F(SqliteStoreTest, AFailedChangeLeavesNoTraceAndTheTransactionGoesOn) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  auto transaction = store->Begin(storage::TransactionMode::kWrite);
  ASSERT_TRUE(transaction.ok());
  domain::Report broken = testing::MakeReport("20/1/26");
  broken.persons = {{domain::PersonId(5), domain::PersonRole::kVictim}};
  EXPECT_EQ((*transaction)->InsertReport(broken).code(), StatusCode::kNotFound);
  domain::Report good = testing::MakeReport("20/1/26");
  ASSERT_TRUE((*transaction)->InsertReport(good).ok());
  ASSERT_TRUE((*transaction)->Commit().ok());
  EXPECT_EQ(RawQuery(path_, "SELECT count(*) FROM reports"), "1");
  EXPECT_EQ(RawQuery(path_, "SELECT count(*) FROM occasions"), "1");
  EXPECT_EQ(RawQuery(path_, "SELECT count(*) FROM report_classifications"), "1");

  // An update that fails half-way (the report row is written before the
  // missing person is found) is undone entirely, even when committed.
  transaction = store->Begin(storage::TransactionMode::kWrite);
  ASSERT_TRUE(transaction.ok());
  domain::Report changed = good;
  changed.narrative = "Changed.";
  changed.occasions.clear();
  changed.persons = {{domain::PersonId(6), domain::PersonRole::kSuspect}};
  EXPECT_EQ((*transaction)->UpdateReport(changed).code(), StatusCode::kNotFound);
  EXPECT_EQ(changed.version, 1);
  ASSERT_TRUE((*transaction)->Commit().ok());
  EXPECT_EQ(RawQuery(path_, "SELECT version || narrative FROM reports"), "1" + good.narrative);
  EXPECT_EQ(RawQuery(path_, "SELECT count(*) FROM occasions"), "1");
}

TEST_F(SqliteStoreTest, ACorruptRowIsDataLoss) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  domain::Case value = MakeCase("To be corrupted");
  {
    auto transaction = store->Begin(storage::TransactionMode::kWrite);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE((*transaction)->InsertCase(value).ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
  }
  sqlite3* database = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &database), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(database,
                         "PRAGMA ignore_check_constraints = ON;"
                         " UPDATE cases SET status = 'lost'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(database);
  auto transaction = store->Begin(storage::TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  EXPECT_EQ((*transaction)->GetCase(value.id).status().code(), StatusCode::kDataLoss);
}

TEST_F(SqliteStoreTest, TimeInStoreGrowsWithUse) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  double before = store->SecondsInStore();
  auto transaction = store->Begin(storage::TransactionMode::kRead);
  ASSERT_TRUE(transaction.ok());
  EXPECT_TRUE((*transaction)->ListCases({}).ok());
  transaction->reset();
  EXPECT_GT(store->SecondsInStore(), before);
}

}  // namespace
}  // namespace vigil::storage::sqlite
