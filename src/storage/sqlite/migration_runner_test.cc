#include "storage/sqlite/migration_runner.h"

#include <gtest/gtest.h>

#include <vector>

#include "storage/sqlite/migrations.h"
#include "testing/temp_dir.h"

namespace vigil::storage::sqlite {
namespace {

using core::EmbeddedFile;
using core::StatusCode;

class MigrationRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened =
        Connection::Open(directory_.File("migrations.db"), std::chrono::milliseconds(1000), 16);
    ASSERT_TRUE(opened.ok()) << opened.status();
    connection_ = std::move(opened).value();
  }

  // The single integer `sql` returns.
  std::int64_t Count(const std::string& sql) {
    auto statement = connection_->Prepare(sql);
    EXPECT_TRUE(statement.ok()) << statement.status();
    if (!statement.ok()) return -1;
    auto row = statement->Step();
    EXPECT_TRUE(row.ok() && *row);
    return statement->Integer(0);
  }

  bool TableExists(const std::string& name) {
    return Count("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + name +
                 "'") == 1;
  }

  testing::TempDir directory_;
  std::unique_ptr<Connection> connection_;
};

TEST(MigrationVersionTest, ReadsTheLeadingNumber) {
  EXPECT_EQ(MigrationVersion("0001_init.sql"), 1);
  EXPECT_EQ(MigrationVersion("0042_add_court_orders.sql"), 42);
  EXPECT_EQ(MigrationVersion("12345_long.sql"), 12345);
  for (const char* bad : {"001_short.sql", "0001init.sql", "0001_.sql", "0001_init.txt",
                          "abcd_init.sql", "0001_init.sql.bak", "", "_init.sql"}) {
    EXPECT_FALSE(MigrationVersion(bad).has_value()) << bad;
  }
}

TEST(MigrationVersionTest, EveryShippedMigrationIsWellNamed) {
  for (const EmbeddedFile& file : SqliteMigrations()) {
    EXPECT_TRUE(MigrationVersion(file.name).has_value()) << file.name;
    EXPECT_FALSE(file.content.empty()) << file.name;
  }
}

TEST_F(MigrationRunnerTest, AppliesInVersionOrderOnceAndRecordsEach) {
  std::vector<EmbeddedFile> migrations = {
      {"0002_child.sql", "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));"},
      {"0001_parent.sql", "CREATE TABLE parent (id INTEGER PRIMARY KEY);"},
  };
  auto applied = ApplyPendingMigrations(*connection_, migrations);
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(*applied, (std::vector<std::string>{"0001_parent.sql", "0002_child.sql"}));
  EXPECT_TRUE(TableExists("parent"));
  EXPECT_TRUE(TableExists("child"));
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations"), 2);

  applied = ApplyPendingMigrations(*connection_, migrations);
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_TRUE(applied->empty());

  migrations.push_back({"0003_more.sql", "CREATE TABLE more (id INTEGER);"});
  applied = ApplyPendingMigrations(*connection_, migrations);
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(*applied, (std::vector<std::string>{"0003_more.sql"}));
  EXPECT_EQ(Count("SELECT version FROM schema_migrations WHERE name = '0003_more.sql'"), 3);
}

TEST_F(MigrationRunnerTest, AFailingMigrationIsRolledBackAndEarlierOnesKept) {
  std::vector<EmbeddedFile> migrations = {
      {"0001_good.sql", "CREATE TABLE good (id INTEGER);"},
      {"0002_bad.sql", "CREATE TABLE half (id INTEGER); THIS IS NOT SQL;"},
      {"0003_never.sql", "CREATE TABLE never (id INTEGER);"},
  };
  auto applied = ApplyPendingMigrations(*connection_, migrations);
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(applied.status().message().find("0002_bad.sql"), std::string::npos) << applied.status();
  EXPECT_TRUE(TableExists("good"));
  EXPECT_FALSE(TableExists("half"));
  EXPECT_FALSE(TableExists("never"));
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations"), 1);
  EXPECT_FALSE(connection_->InTransaction());

  migrations[1].content = "CREATE TABLE half (id INTEGER);";
  applied = ApplyPendingMigrations(*connection_, migrations);
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(*applied, (std::vector<std::string>{"0002_bad.sql", "0003_never.sql"}));
}

TEST_F(MigrationRunnerTest, RefusesBadNamesAndRepeatedVersions) {
  std::vector<EmbeddedFile> badly_named = {{"init.sql", "CREATE TABLE t (id INTEGER);"}};
  EXPECT_EQ(ApplyPendingMigrations(*connection_, badly_named).status().code(),
            StatusCode::kInternal);
  std::vector<EmbeddedFile> repeated = {{"0001_a.sql", "CREATE TABLE a (id INTEGER);"},
                                        {"0001_b.sql", "CREATE TABLE b (id INTEGER);"}};
  EXPECT_EQ(ApplyPendingMigrations(*connection_, repeated).status().code(), StatusCode::kInternal);
  EXPECT_FALSE(TableExists("a"));
  EXPECT_FALSE(TableExists("t"));
}

TEST_F(MigrationRunnerTest, RefusesADatabaseWithAnUnknownVersion) {
  std::vector<EmbeddedFile> newer = {{"0001_a.sql", "CREATE TABLE a (id INTEGER);"},
                                     {"0002_b.sql", "CREATE TABLE b (id INTEGER);"}};
  ASSERT_TRUE(ApplyPendingMigrations(*connection_, newer).ok());
  std::vector<EmbeddedFile> older = {newer[0]};
  auto applied = ApplyPendingMigrations(*connection_, older);
  EXPECT_EQ(applied.status().code(), StatusCode::kFailedPrecondition) << applied.status();
}

TEST(MigrationTopicTest, IsTheNameWithoutNumberAndSuffix) {
  EXPECT_EQ(MigrationTopic("0005_audit_chain.sql"), "audit_chain");
  EXPECT_EQ(MigrationTopic("0001_init.sql"), "init");
  EXPECT_EQ(MigrationTopic("init.sql"), "");
}

TEST_F(MigrationRunnerTest, AStepRunsInItsMigrationsTransaction) {
  std::vector<EmbeddedFile> migrations = {{"0001_table.sql", "CREATE TABLE t (id INTEGER);"}};
  MigrationSteps failing = {{"table", [](Connection& connection) {
                               EXPECT_TRUE(connection.Execute("INSERT INTO t VALUES (1)").ok());
                               return core::Internal("the step failed");
                             }}};
  auto applied = ApplyPendingMigrations(*connection_, migrations, failing);
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(applied.status().message().find("0001_table.sql"), std::string::npos);
  EXPECT_FALSE(TableExists("t"));
  EXPECT_EQ(Count("SELECT count(*) FROM schema_migrations"), 0);

  MigrationSteps working = {{"table", [](Connection& connection) {
                               return connection.Execute("INSERT INTO t VALUES (1)");
                             }}};
  applied = ApplyPendingMigrations(*connection_, migrations, working);
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(Count("SELECT count(*) FROM t"), 1);
  applied = ApplyPendingMigrations(*connection_, migrations, working);  // Not run again.
  EXPECT_EQ(Count("SELECT count(*) FROM t"), 1);
}

TEST_F(MigrationRunnerTest, TheShippedSchemaApplies) {
  auto applied = ApplyPendingMigrations(*connection_, SqliteMigrations());
  ASSERT_TRUE(applied.ok()) << applied.status();
  EXPECT_EQ(applied->size(), SqliteMigrations().size());
  for (const char* table : {"persons", "person_names", "person_phones", "person_emails",
                            "person_handles", "person_addresses", "person_vehicles", "reports",
                            "report_classifications", "report_persons", "occasions",
                            "occasion_behaviours", "cases", "tasks", "notes", "audit_events"}) {
    EXPECT_TRUE(TableExists(table)) << table;
  }
}

}  // namespace
}  // namespace vigil::storage::sqlite
