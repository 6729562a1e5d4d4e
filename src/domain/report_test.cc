#include "domain/report.h"

#include <gtest/gtest.h>

#include "core/time.h"
#include "testing/test_lookups.h"

namespace vigil::domain {
namespace {

std::vector<std::string> Fields(const core::Status& status) {
  std::vector<std::string> fields;
  for (const auto& error : status.field_errors()) fields.push_back(error.field);
  return fields;
}

TEST(ReportTest, ValidReportPasses) {
  Report report = testing::MakeReport("WM-1");
  report.included_classifications = {"stalking"};
  report.persons = {{PersonId(1), PersonRole::kVictim}, {PersonId(2), PersonRole::kSuspect}};
  EXPECT_TRUE(ValidateReport(report, testing::TestLookups(), testing::TestNow()).ok());
}

TEST(ReportTest, HasClassificationLooksAtPrincipalAndIncluded) {
  Report report = testing::MakeReport("WM-1", "harassment");
  report.included_classifications = {"stalking"};
  EXPECT_TRUE(report.HasClassification("harassment"));
  EXPECT_TRUE(report.HasClassification("stalking"));
  EXPECT_FALSE(report.HasClassification("criminal_damage"));
}

TEST(ReportTest, CollectsEveryProblem) {
  Report report;
  report.force = "atlantis";
  report.received_at = testing::TestNow() + std::chrono::hours(1);
  report.principal_classification = "shoplifting";
  report.included_classifications = {"stalking", "stalking", "made_up"};
  Occasion occasion;
  occasion.occurred_on = *core::ParseDate("2027-01-01");
  occasion.occurred_at_minute = 1440;
  occasion.channel = "pigeon";
  occasion.behaviours = {"following", "following", "dancing"};
  report.occasions.push_back(occasion);
  report.occasions.push_back(Occasion{});
  report.persons = {{PersonId(1), PersonRole::kVictim},
                    {PersonId(1), PersonRole::kVictim},
                    {PersonId(), PersonRole::kSuspect}};
  core::Status status = ValidateReport(report, testing::TestLookups(), testing::TestNow());
  EXPECT_EQ(Fields(status), (std::vector<std::string>{
                                "force", "force_reference", "reporting_officer", "received_at",
                                "principal_classification", "included_classifications[1]",
                                "included_classifications[2]", "occasions[0].occurred_on",
                                "occasions[0].occurred_at", "occasions[0].channel",
                                "occasions[0].behaviours[1]", "occasions[0].behaviours[2]",
                                "occasions[1].occurred_on", "persons[1]", "persons[2].person_id"}));
}

TEST(ReportTest, IncludedMayNotRepeatPrincipal) {
  Report report = testing::MakeReport("WM-1", "stalking");
  report.included_classifications = {"stalking"};
  core::Status status = ValidateReport(report, testing::TestLookups(), testing::TestNow());
  ASSERT_EQ(status.field_errors().size(), 1u);
  EXPECT_EQ(status.field_errors()[0].code, "duplicate");
}

TEST(ReportTest, SamePersonMayHoldTwoRoles) {
  Report report = testing::MakeReport("WM-1");
  report.persons = {{PersonId(1), PersonRole::kVictim}, {PersonId(1), PersonRole::kWitness}};
  EXPECT_TRUE(ValidateReport(report, testing::TestLookups(), testing::TestNow()).ok());
}

TEST(ReportTest, RoleNamesRoundTrip) {
  for (PersonRole role :
       {PersonRole::kVictim, PersonRole::kSuspect, PersonRole::kWitness, PersonRole::kThirdParty}) {
    EXPECT_EQ(ParsePersonRole(PersonRoleName(role)), role);
  }
  EXPECT_FALSE(ParsePersonRole("bystander"));
}

}  // namespace
}  // namespace vigil::domain
