// Dates and times on pages (pages/page_format.h): "27 September 2024", UK
// time across the clock changes, and the start of a UK day.

#include <gtest/gtest.h>

#include "core/time.h"
#include "web/pages/page_format.h"

namespace vigil::web::pages {
namespace {

core::Timestamp At(const char* text) { return *core::ParseTimestamp(text); }

TEST(PageFormatTest, DatesAreDayMonthNameYear) {
  EXPECT_EQ(FormatDate(*MakeDate(2024, 9, 27)), "27 September 2024");
  EXPECT_EQ(FormatDate(*MakeDate(2025, 1, 1)), "1 January 2025");
  EXPECT_FALSE(MakeDate(2025, 2, 29).has_value());
  EXPECT_FALSE(MakeDate(2025, 13, 1).has_value());
}

TEST(PageFormatTest, TimesAreInUkTime) {
  EXPECT_EQ(FormatTime(At("2024-01-15T15:05:00Z")), "15 January 2024 at 3:05pm");
  EXPECT_EQ(FormatTime(At("2024-07-15T15:05:00Z")), "15 July 2024 at 4:05pm");  // BST.
  EXPECT_EQ(FormatTime(At("2024-07-15T11:00:00Z")), "15 July 2024 at midday");
  EXPECT_EQ(FormatTime(At("2024-12-31T00:00:00Z")), "31 December 2024 at midnight");
  // BST 2024 began 31 March 01:00 UTC and ended 27 October 01:00 UTC.
  EXPECT_EQ(FormatTime(At("2024-03-31T00:59:00Z")), "31 March 2024 at 12:59am");
  EXPECT_EQ(FormatTime(At("2024-03-31T01:00:00Z")), "31 March 2024 at 2:00am");
  EXPECT_EQ(FormatTime(At("2024-10-27T00:59:00Z")), "27 October 2024 at 1:59am");
  EXPECT_EQ(FormatTime(At("2024-10-27T01:00:00Z")), "27 October 2024 at 1:00am");
  EXPECT_EQ(FormatDay(At("2024-07-15T23:30:00Z")), "16 July 2024");
}

TEST(PageFormatTest, UkDaysStartAtLocalMidnight) {
  EXPECT_EQ(StartOfUkDay(*MakeDate(2024, 7, 15)), At("2024-07-14T23:00:00Z"));
  EXPECT_EQ(StartOfUkDay(*MakeDate(2024, 1, 15)), At("2024-01-15T00:00:00Z"));
}

}  // namespace
}  // namespace vigil::web::pages
