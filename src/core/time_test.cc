#include "core/time.h"

#include <gtest/gtest.h>

namespace vigil::core {
namespace {

TEST(TimeTest, ParsesAndFormatsDates) {
  auto date = ParseDate("2024-09-27");
  ASSERT_TRUE(date);
  EXPECT_EQ(FormatDate(*date), "2024-09-27");
  EXPECT_EQ(FormatDateLong(*date), "27 September 2024");
  EXPECT_TRUE(ParseDate("2024-02-29"));
  for (const char* text : {"0000-01-01", "0009-10-05", "1999-12-31", "9999-12-31"}) {
    EXPECT_EQ(FormatDate(*ParseDate(text)), text);
  }
  Date far = Date(std::chrono::year(12345) / 1 / 2);
  EXPECT_EQ(FormatDate(far), "12345-01-02");
}

TEST(TimeTest, RejectsInvalidDates) {
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-9-27", "27/09/2024",
                           "2024-09-27T00:00:00Z", "", "abcd-ef-gh", "2024-04-31"}) {
    EXPECT_FALSE(ParseDate(text)) << text;
  }
}

TEST(TimeTest, ParsesTimestampsWithZonesToUtc) {
  auto utc = ParseTimestamp("2024-09-27T14:05:00Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(FormatTimestamp(*utc), "2024-09-27T14:05:00Z");
  auto offset = ParseTimestamp("2024-09-27T15:05:00+01:00");
  ASSERT_TRUE(offset);
  EXPECT_EQ(*offset, *utc);
  auto no_seconds = ParseTimestamp("2024-09-27T14:05Z");
  ASSERT_TRUE(no_seconds);
  EXPECT_EQ(*no_seconds, *utc);
  auto fraction = ParseTimestamp("2024-09-27T14:05:00.250Z");
  ASSERT_TRUE(fraction);
  EXPECT_EQ(*fraction, *utc);
  auto west = ParseTimestamp("2024-09-27T00:30:00-01:00");
  ASSERT_TRUE(west);
  EXPECT_EQ(FormatTimestamp(*west), "2024-09-27T01:30:00Z");
}

TEST(TimeTest, RejectsInvalidTimestamps) {
  for (const char* text :
       {"2024-09-27T14:05:00", "2024-09-27T24:00:00Z", "2024-09-27T14:60:00Z",
        "2024-09-27T14:05:00+1:00", "2024-09-27", "2024-02-30T10:00:00Z", "2024-09-27T14:05:00ZZ",
        "2024-09-27T14:05:00.Z", "2024-09-27X14:05:00Z", "9999-12-31T23:59:59-23:59"}) {
    EXPECT_FALSE(ParseTimestamp(text)) << text;
  }
}

TEST(ClockTest, FakeClockMovesOnlyWhenTold) {
  FakeClock clock(*ParseTimestamp("2024-09-27T23:59:59Z"));
  EXPECT_EQ(FormatDate(clock.Today()), "2024-09-27");
  clock.Advance(std::chrono::seconds(1));
  EXPECT_EQ(FormatDate(clock.Today()), "2024-09-28");
}

}  // namespace
}  // namespace vigil::core
