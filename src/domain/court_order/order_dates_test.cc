#include "domain/court_order/order_dates.h"

#include <gtest/gtest.h>

#include "domain/court_order/test_support.h"

namespace vigil::domain::court_order {
namespace {

using testing::D;
using testing::Event;
using testing::MustApply;

TEST(OrderDatesTest, MonthsAreCalendarMonthsAndNeverShort) {
  EXPECT_EQ(AddMonths(D("2025-03-01"), 24), D("2027-03-01"));
  EXPECT_EQ(AddMonths(D("2024-02-29"), 24), D("2026-03-01"));  // No 29 February 2026.
  EXPECT_EQ(AddMonths(D("2025-01-31"), 1), D("2025-03-01"));
  EXPECT_EQ(AddMonths(D("2025-12-15"), 2), D("2026-02-15"));
  EXPECT_EQ(MinimumLastDay(D("2025-03-01"), 24), D("2027-02-28"));
  EXPECT_EQ(MinimumLastDay(D("2024-02-29"), 24), D("2026-02-28"));
  EXPECT_EQ(DaysBetween(D("2025-03-01"), D("2025-03-31")), 30);
  EXPECT_EQ(DaysBetween(D("2025-03-31"), D("2025-03-01")), -30);
}

class NotificationTest : public ::testing::Test {
 protected:
  const OrderType& Spo() { return *testing::Config().FindType("spo"); }
  core::FakeClock clock_{testing::At("2025-03-03")};
};

TEST_F(NotificationTest, InitialNotificationIsDueThreeDaysAfterService) {
  Order order = testing::ServedSpo(clock_);  // Served 2 May 2025.
  auto duties = NotificationDuties(order, Spo(), false, D("2025-05-05"));
  ASSERT_EQ(duties.size(), 1u);
  EXPECT_EQ(duties[0].kind, NotificationKind::kInitial);
  EXPECT_EQ(duties[0].triggered_on, D("2025-05-02"));
  EXPECT_EQ(duties[0].due_by, D("2025-05-05"));
  EXPECT_FALSE(duties[0].overdue);  // The last day is still in time.
  duties = NotificationDuties(order, Spo(), false, D("2025-05-06"));
  EXPECT_TRUE(duties[0].overdue);
  EXPECT_FALSE(duties[0].met_on);

  clock_.Set(testing::At("2025-05-07"));
  OrderEvent notified = Event(OrderEventKind::kNotificationGiven, "2025-05-07");
  notified.notification = NotificationKind::kInitial;
  MustApply(order, notified, clock_);
  duties = NotificationDuties(order, Spo(), false, D("2025-05-07"));
  EXPECT_FALSE(duties[0].overdue);
  EXPECT_EQ(duties[0].met_on, D("2025-05-07"));
  EXPECT_TRUE(duties[0].late);
}

TEST_F(NotificationTest, EveryChangeIsDueThreeDaysAfterItHappened) {
  Order order = testing::ServedSpo(clock_);
  OrderEvent initial = Event(OrderEventKind::kNotificationGiven, "2025-05-04");
  initial.notification = NotificationKind::kInitial;
  clock_.Set(testing::At("2025-06-20"));
  MustApply(order, initial, clock_);
  OrderEvent moved = Event(OrderEventKind::kChangeLearned, "2025-06-20");
  moved.notification = NotificationKind::kAddress;
  moved.change_on = D("2025-06-10");
  MustApply(order, moved, clock_);
  OrderEvent alias = Event(OrderEventKind::kChangeLearned, "2025-06-20");
  alias.notification = NotificationKind::kName;
  alias.change_on = D("2025-06-19");
  MustApply(order, alias, clock_);
  OrderEvent name_given = Event(OrderEventKind::kNotificationGiven, "2025-06-20");
  name_given.notification = NotificationKind::kName;
  MustApply(order, name_given, clock_);
  auto duties = NotificationDuties(order, Spo(), false, D("2025-06-20"));
  ASSERT_EQ(duties.size(), 3u);
  EXPECT_FALSE(duties[0].overdue);
  EXPECT_FALSE(duties[0].late);
  EXPECT_EQ(duties[1].kind, NotificationKind::kAddress);
  EXPECT_EQ(duties[1].due_by, D("2025-06-13"));
  EXPECT_TRUE(duties[1].overdue);
  EXPECT_EQ(duties[2].kind, NotificationKind::kName);
  EXPECT_EQ(duties[2].met_on, D("2025-06-20"));
  EXPECT_FALSE(duties[2].late);
}

TEST_F(NotificationTest, NoneAgainForAFullOrderReplacingAnInterimOne) {
  Order order = testing::ServedSpo(clock_);
  EXPECT_TRUE(NotificationDuties(order, Spo(), true, D("2025-06-01")).empty());
  EXPECT_EQ(NotificationDuties(order, Spo(), false, D("2025-06-01")).size(), 1u);
}

TEST_F(NotificationTest, SexOffenderNotificationDefersTheDuty) {
  Order order = testing::ServedSpo(clock_);
  order.other_notification_until = D("2025-09-30");
  auto duties = NotificationDuties(order, Spo(), false, D("2025-10-02"));
  ASSERT_EQ(duties.size(), 1u);
  EXPECT_EQ(duties[0].due_by, D("2025-10-03"));
  EXPECT_FALSE(duties[0].overdue);
}

TEST_F(NotificationTest, NoDutiesBeforeServiceOrForRestrainingOrders) {
  Order order = testing::NewOrder();
  EXPECT_TRUE(NotificationDuties(order, Spo(), false, D("2025-06-01")).empty());
  Order served = testing::ServedSpo(clock_);
  const OrderType& restraining = *testing::Config().FindType("restraining_order_conviction");
  EXPECT_TRUE(NotificationDuties(served, restraining, false, D("2025-06-01")).empty());
}

}  // namespace
}  // namespace vigil::domain::court_order
