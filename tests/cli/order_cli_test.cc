// End-to-end: `vigil due` and `vigil report orders` as the built binary.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli/subprocess.h"
#include "testing/temp_dir.h"
#include "testing/test_lookups.h"

namespace vigil::cli_test {
namespace {

using ::testing::HasSubstr;

class OrderCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Completed migrated = Vigil({"migrate", "--db", db_});
    ASSERT_EQ(migrated.status.code, 0) << migrated.err;
  }

  Completed Vigil(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), VIGIL_BINARY);
    return RunToCompletion(arguments, folder_.path(), "");
  }

  vigil::testing::TempDir folder_;
  std::string db_ = folder_.File("vigil.db");
  std::string config_ = vigil::testing::SourcePath("config");
};

TEST_F(OrderCliTest, DueListsEachQueueAsTextOrJson) {
  Completed text = Vigil({"due", "--db", db_, "--config", config_, "--today", "2026-06-15"});
  ASSERT_EQ(text.status.code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Due on 15 June 2026"));
  EXPECT_THAT(text.out, HasSubstr("Orders expiring (0):"));
  EXPECT_THAT(text.out, HasSubstr("Interim orders without a full hearing date (0):"));
  EXPECT_THAT(text.out, HasSubstr("Notifications overdue (0):"));
  EXPECT_THAT(text.out, HasSubstr("Tasks overdue (0):"));

  Completed json = Vigil({"due", "--db", db_, "--config", config_, "--today", "2026-06-15",
                          "--format", "json", "--force", "west_midlands"});
  ASSERT_EQ(json.status.code, 0) << json.err;
  nlohmann::json due = nlohmann::json::parse(json.out);
  EXPECT_EQ(due["today"], "2026-06-15");
  EXPECT_EQ(due["windows"], nlohmann::json::array({30, 60, 90}));
  EXPECT_TRUE(due["expiring"].empty());
  EXPECT_TRUE(due["tasks_overdue"].empty());
}

TEST_F(OrderCliTest, DueAndReportRefuseBadInput) {
  EXPECT_EQ(Vigil({"due", "--db", db_, "--config", config_, "--today", "2026-02-30"}).status.code,
            2);
  EXPECT_EQ(Vigil({"due", "--db", db_, "--format", "xml"}).status.code, 2);
  Completed missing = Vigil({"due", "--db", folder_.File("nowhere.db"), "--config", config_});
  EXPECT_EQ(missing.status.code, 1);
  EXPECT_THAT(missing.err, HasSubstr("does not exist"));
  EXPECT_EQ(Vigil({"report", "orders", "--db", db_, "--config", config_, "--from", "2026-06-01"})
                .status.code,
            2);
  Completed backwards = Vigil({"report", "orders", "--db", db_, "--config", config_, "--from",
                               "2026-07-01", "--to", "2026-06-01"});
  EXPECT_EQ(backwards.status.code, 2);
  EXPECT_THAT(backwards.err, HasSubstr("to"));
}

TEST_F(OrderCliTest, ReportOrdersWritesCsvOrJson) {
  Completed csv = Vigil({"report", "orders", "--db", db_, "--config", config_, "--from",
                         "2026-01-01", "--to", "2027-01-01"});
  ASSERT_EQ(csv.status.code, 0) << csv.err;
  EXPECT_EQ(csv.out, "period,force,order_type,stage,measure,count\r\n");
  Completed json = Vigil({"report", "orders", "--db", db_, "--config", config_, "--from",
                          "2026-01-01", "--to", "2027-01-01", "--format", "json"});
  ASSERT_EQ(json.status.code, 0) << json.err;
  nlohmann::json body = nlohmann::json::parse(json.out);
  EXPECT_EQ(body["from"], "2026-01-01");
  EXPECT_EQ(body["to"], "2027-01-01");
  EXPECT_TRUE(body["rows"].empty());
}

}  // namespace
}  // namespace vigil::cli_test
