#include "domain/case.h"

#include <gtest/gtest.h>

#include "domain/access.h"
#include "domain/note.h"
#include "domain/task.h"
#include "testing/test_lookups.h"

namespace vigil::domain {
namespace {

Case MakeCase() {
  Case value;
  value.force = "west_midlands";
  value.title = "Course of conduct against R. Jones";
  return value;
}

TEST(CaseTest, TransitionTableIsExactlyAsDocumented) {
  const CaseStatus all[] = {CaseStatus::kOpen, CaseStatus::kUnderInvestigation,
                            CaseStatus::kAwaitingReview, CaseStatus::kClosed};
  int allowed = 0;
  for (CaseStatus from : all) {
    for (CaseStatus to : all) allowed += CanMove(from, to) ? 1 : 0;
  }
  EXPECT_EQ(allowed, 7);
  EXPECT_TRUE(CanMove(CaseStatus::kOpen, CaseStatus::kUnderInvestigation));
  EXPECT_TRUE(CanMove(CaseStatus::kClosed, CaseStatus::kUnderInvestigation));
  EXPECT_FALSE(CanMove(CaseStatus::kOpen, CaseStatus::kAwaitingReview));
  EXPECT_FALSE(CanMove(CaseStatus::kClosed, CaseStatus::kOpen));
  EXPECT_FALSE(CanMove(CaseStatus::kOpen, CaseStatus::kOpen));
}

TEST(CaseTest, MoveFollowsTableAndNeedsReasonToClose) {
  Case value = MakeCase();
  EXPECT_EQ(MoveCase(value, CaseStatus::kAwaitingReview, "").code(),
            core::StatusCode::kFailedPrecondition);
  EXPECT_EQ(value.status, CaseStatus::kOpen);
  EXPECT_TRUE(MoveCase(value, CaseStatus::kUnderInvestigation, "").ok());
  core::Status no_reason = MoveCase(value, CaseStatus::kClosed, "  ");
  EXPECT_EQ(no_reason.code(), core::StatusCode::kInvalidArgument);
  EXPECT_EQ(value.status, CaseStatus::kUnderInvestigation);
  EXPECT_TRUE(MoveCase(value, CaseStatus::kClosed, "Charged; file sent to CPS").ok());
  EXPECT_EQ(value.closure_reason, "Charged; file sent to CPS");
  EXPECT_TRUE(ValidateCase(value, testing::TestLookups()).ok());
  EXPECT_TRUE(MoveCase(value, CaseStatus::kUnderInvestigation, "").ok());
  EXPECT_TRUE(value.closure_reason.empty());
}

TEST(CaseTest, ValidationCollectsProblems) {
  Case value;
  value.status = CaseStatus::kClosed;
  core::Status status = ValidateCase(value, testing::TestLookups());
  ASSERT_EQ(status.field_errors().size(), 3u);
  EXPECT_EQ(status.field_errors()[0].field, "force");
  EXPECT_EQ(status.field_errors()[1].field, "title");
  EXPECT_EQ(status.field_errors()[2].field, "closure_reason");
}

TEST(CaseTest, StatusNamesRoundTrip) {
  for (CaseStatus status : {CaseStatus::kOpen, CaseStatus::kUnderInvestigation,
                            CaseStatus::kAwaitingReview, CaseStatus::kClosed}) {
    EXPECT_EQ(ParseCaseStatus(CaseStatusName(status)), status);
  }
  EXPECT_FALSE(ParseCaseStatus("pending"));
}

TEST(TaskTest, NeedsCaseTextAndOwner) {
  Task task;
  core::Status status = ValidateTask(task);
  ASSERT_EQ(status.field_errors().size(), 3u);
  task.case_id = CaseId(1);
  task.text = "Preserve CCTV from the bus station";
  task.owner_role = "investigator";
  EXPECT_TRUE(ValidateTask(task).ok());
  task.done = true;
  EXPECT_FALSE(ValidateTask(task).ok());
}

TEST(TaskTest, OverdueOnlyWhenOpenAndPastDue) {
  Task task;
  core::Timestamp now = testing::TestNow();
  EXPECT_FALSE(task.IsOverdue(now));
  task.due_at = now - std::chrono::hours(1);
  EXPECT_TRUE(task.IsOverdue(now));
  task.done = true;
  EXPECT_FALSE(task.IsOverdue(now));
}

TEST(NoteTest, NeedsCaseAuthorAndText) {
  Note note;
  EXPECT_EQ(ValidateNote(note).field_errors().size(), 3u);
}

TEST(DecideTest, NeedsIdentityAndForceScope) {
  Actor actor{"dc.patel", "DC Patel", {"investigator"}, "west_midlands", ""};
  EXPECT_TRUE(Decide(actor, "report.view", {"report", "west_midlands"}).allowed);
  EXPECT_FALSE(Decide(actor, "report.view", {"report", "merseyside"}).allowed);
  Actor no_roles = actor;
  no_roles.roles.clear();
  EXPECT_FALSE(Decide(no_roles, "report.view", {"report", "west_midlands"}).allowed);
  Actor anonymous;
  EXPECT_FALSE(Decide(anonymous, "report.view", {"report", ""}).allowed);
  Actor system{"vigil-cli", "vigil", {std::string(kSystemRole)}, "", ""};
  EXPECT_TRUE(Decide(system, "report.import", {"report", "merseyside"}).allowed);
}

}  // namespace
}  // namespace vigil::domain
