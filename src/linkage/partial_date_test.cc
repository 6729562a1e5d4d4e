#include "linkage/partial_date.h"

#include <gtest/gtest.h>

namespace vigil::linkage {
namespace {

PartialDate Parsed(std::string_view text) {
  std::optional<ParsedDate> parsed = ParseDate(text);
  return parsed ? parsed->date : PartialDate{-1, -1, -1};
}

TEST(ParseDateTest, ReadsCommonFullFormats) {
  const PartialDate expected{1980, 3, 12};
  for (const char* text :
       {"19800312", "1980-03-12", "1980/03/12", "12/03/1980", "12-03-1980", "12.03.1980",
        "12.03.80", "12 March 1980", "12 Mar 1980", "March 12, 1980", "12-mar-1980",
        "1980-03-12T00:00:00Z", "1980-03-12 00:00:00", "Wed 12 March 1980", "12031980"}) {
    EXPECT_EQ(Parsed(text), expected) << text;
  }
}

TEST(ParseDateTest, ReadsMonthFirstOnlyWhenDayFirstIsImpossible) {
  EXPECT_EQ(Parsed("03/25/1980"), (PartialDate{1980, 3, 25}));
  EXPECT_EQ(Parsed("03/04/1980"), (PartialDate{1980, 4, 3}));
}

TEST(ParseDateTest, ReadsPartialDates) {
  EXPECT_EQ(Parsed("1980"), (PartialDate{1980, 0, 0}));
  EXPECT_EQ(Parsed("1980-03"), (PartialDate{1980, 3, 0}));
  EXPECT_EQ(Parsed("March 1980"), (PartialDate{1980, 3, 0}));
  EXPECT_EQ(Parsed("03/1980"), (PartialDate{1980, 3, 0}));
  EXPECT_EQ(Parsed("198003"), (PartialDate{1980, 3, 0}));
  EXPECT_EQ(ParseDate("1980-03")->key, "198003");
  EXPECT_EQ(ParseDate("1980")->key, "1980");
}

TEST(ParseDateTest, KeepsTheYearOfDamagedDates) {
  std::optional<ParsedDate> damaged = ParseDate("19450493");
  ASSERT_TRUE(damaged.has_value());
  EXPECT_EQ(damaged->date, (PartialDate{1945, 0, 0}));
  EXPECT_EQ(damaged->key, "19450493");
}

TEST(ParseDateTest, RejectsWhatIsNotADate) {
  for (const char* text : {"", "hello", "31/02/1980", "1980-13-01", "12", "0000-00-00", "1/2/3/4/5",
                           "2023-02-29", "99999999"}) {
    EXPECT_FALSE(ParseDate(text).has_value()) << text;
  }
  EXPECT_TRUE(ParseDate("2024-02-29").has_value());
}

TEST(ParseDateTest, PivotsTwoDigitYears) {
  EXPECT_EQ(Parsed("12/03/29").year, 2029);
  EXPECT_EQ(Parsed("12/03/30").year, 1930);
  DateParseOptions options;
  options.two_digit_year_pivot = 10;
  EXPECT_EQ(ParseDate("12/03/29", options)->date.year, 1929);
}

TEST(PartialDateTest, CountsDaysAndDetectsSwaps) {
  EXPECT_EQ((PartialDate{1970, 1, 1}).DayNumber(), 0);
  EXPECT_EQ((PartialDate{2000, 3, 1}).DayNumber(), 11017);
  EXPECT_EQ((PartialDate{1969, 12, 31}).DayNumber(), -1);
  EXPECT_FALSE((PartialDate{1980, 3, 0}).DayNumber().has_value());
  EXPECT_TRUE(IsDayMonthSwap({1980, 3, 12}, {1980, 12, 3}));
  EXPECT_FALSE(IsDayMonthSwap({1980, 3, 3}, {1980, 3, 3}));
  EXPECT_FALSE(IsDayMonthSwap({1980, 3, 12}, {1981, 12, 3}));
  EXPECT_FALSE(IsDayMonthSwap({1980, 3, 0}, {1980, 0, 3}));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2000, 13), 0);
}

}  // namespace
}  // namespace vigil::linkage
