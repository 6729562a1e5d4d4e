// The report search's SQL uses the indexes it was designed for: a
// classification search is one range scan of
// report_classifications_by_classification with no sort, whatever the
// page, so deep pages of 100k+ reports stay as fast as the first.

#include "storage/sqlite/report_search.h"

#include <gtest/gtest.h>

#include "storage/sqlite/migration_runner.h"
#include "storage/sqlite/migrations.h"
#include "testing/temp_dir.h"

namespace vigil::storage::sqlite {
namespace {

class ReportSearchPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Connection::Open(directory_.File("plan.db"), std::chrono::milliseconds(1000), 8);
    ASSERT_TRUE(opened.ok()) << opened.status();
    connection_ = std::move(opened).value();
    ASSERT_TRUE(ApplyPendingMigrations(*connection_, SqliteMigrations()).ok());
  }

  // SQLite's query plan for `sql`, one line per step.
  std::string Plan(const std::string& sql) {
    auto statement = connection_->Prepare("EXPLAIN QUERY PLAN " + sql);
    EXPECT_TRUE(statement.ok()) << statement.status() << "\n" << sql;
    std::string plan;
    while (statement.ok()) {
      auto row = statement->Step();
      EXPECT_TRUE(row.ok()) << row.status();
      if (!row.ok() || !*row) break;
      plan += statement->Text(3) + "\n";
    }
    return plan;
  }

  testing::TempDir directory_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(ReportSearchPlanTest, ClassificationPagesAreOneIndexRangeWithoutSorting) {
  ReportQuery query;
  query.classification = "stalking";
  ReportSearchSql sql = BuildReportSearchSql(query, KeysetCursor{1750000000, 42});
  std::string plan = Plan(sql.page);
  EXPECT_NE(plan.find("COVERING INDEX report_classifications_by_classification "
                      "(classification=? AND (received_at,report_id)<(?,?))"),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("reports"), std::string::npos) << "no join is needed:\n" << plan;

  std::string count_plan = Plan(sql.count);
  EXPECT_NE(count_plan.find("COVERING INDEX report_classifications_by_classification"),
            std::string::npos)
      << count_plan;
}

TEST_F(ReportSearchPlanTest, OldestFirstWalksTheSameIndexForwardsWithoutSorting) {
  ReportQuery query;
  query.classification = "stalking";
  query.oldest_first = true;
  std::string plan = Plan(BuildReportSearchSql(query, KeysetCursor{1750000000, 42}).page);
  EXPECT_NE(plan.find("COVERING INDEX report_classifications_by_classification "
                      "(classification=? AND (received_at,report_id)>(?,?))"),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

TEST_F(ReportSearchPlanTest, ForceScopedClassificationCountsAndPagesFromOneIndex) {
  ReportQuery query;
  query.classification = "stalking";
  query.force = "west_midlands";
  ReportSearchSql sql = BuildReportSearchSql(query, KeysetCursor{1750000000, 42});
  std::string plan = Plan(sql.page);
  EXPECT_NE(plan.find("COVERING INDEX report_classifications_by_classification_force "
                      "(classification=? AND force=? AND (received_at,report_id)<(?,?))"),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("reports"), std::string::npos) << "no join is needed:\n" << plan;

  std::string count_plan = Plan(sql.count);
  EXPECT_NE(count_plan.find("COVERING INDEX report_classifications_by_classification_force "
                            "(classification=? AND force=?)"),
            std::string::npos)
      << count_plan;
  EXPECT_EQ(count_plan.find("reports"), std::string::npos) << count_plan;
}

TEST_F(ReportSearchPlanTest, ClassificationWithAnotherFilterStillWalksTheClassificationIndex) {
  ReportQuery query;
  query.classification = "stalking";
  query.force = "west_midlands";
  query.role = domain::PersonRole::kSuspect;  // Needs the reports rows.
  std::string plan = Plan(BuildReportSearchSql(query, KeysetCursor{1750000000, 42}).page);
  EXPECT_NE(plan.find("report_classifications_by_classification"), std::string::npos) << plan;
  EXPECT_NE(plan.find("INTEGER PRIMARY KEY"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

TEST_F(ReportSearchPlanTest, UnfilteredPagesWalkTheReceivedIndexWithoutSorting) {
  std::string plan = Plan(BuildReportSearchSql(ReportQuery{}, KeysetCursor{1750000000, 42}).page);
  EXPECT_NE(plan.find("reports_by_received_at"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

TEST_F(ReportSearchPlanTest, PersonAndCaseSearchesUseTheirIndexes) {
  ReportQuery by_person;
  by_person.person_id = domain::PersonId(7);
  by_person.role = domain::PersonRole::kSuspect;
  std::string plan = Plan(BuildReportSearchSql(by_person, std::nullopt).page);
  EXPECT_NE(plan.find("report_persons_by_person (person_id=? AND role=?)"), std::string::npos)
      << plan;

  ReportQuery by_case;
  by_case.case_id = domain::CaseId(3);
  plan = Plan(BuildReportSearchSql(by_case, std::nullopt).page);
  EXPECT_NE(plan.find("reports_by_case (case_id=?)"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

TEST_F(ReportSearchPlanTest, ValuesAreBoundNeverSpliced) {
  ReportQuery query;
  query.classification = "stalking'; DROP TABLE reports; --";
  query.force = "west_midlands";
  query.force_reference = "20/1/26";
  ReportSearchSql sql = BuildReportSearchSql(query, KeysetCursor{5, 6});
  for (const std::string& text : {sql.page, sql.count}) {
    EXPECT_EQ(text.find("DROP"), std::string::npos) << text;
    EXPECT_EQ(text.find("west_midlands"), std::string::npos) << text;
    EXPECT_EQ(text.find("20/1/26"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace vigil::storage::sqlite
