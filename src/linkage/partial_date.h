#pragma once
// Dates as people write them on forms, for date-of-birth comparisons: many
// formats (19800312, 1980-03-12, 12/03/1980, 12.03.80, 12 March 1980,
// March 12, 1980, 1980-03-12T00:00:00), partial dates (1980, March 1980,
// 1980-03) and damaged ones (19800343 keeps its year). Day-first is assumed
// for numeric dates (UK usage) unless only month-first is valid (03/25/1980).
// Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace vigil::linkage {

// A calendar date of which any part may be unknown (0).
struct PartialDate {
  int year = 0;   // 1000..2999, or 0 when unknown.
  int month = 0;  // 1..12, or 0 when unknown.
  int day = 0;    // 1..31 (valid for the month), or 0 when unknown.

  // Year, month and day all known.
  bool IsComplete() const { return year != 0 && month != 0 && day != 0; }
  // Days since 1970-01-01 (negative before); only for complete dates.
  std::optional<int> DayNumber() const;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// A parsed date plus the key that exact and edit-distance comparisons use:
// the digits "YYYYMMDD" (or "YYYYMM", "YYYY" for partial dates), or the
// original digits of a damaged date whose year alone was kept.
struct ParsedDate {
  PartialDate date;
  std::string key;
};

// How two-digit years are read: 00..pivot-1 are 20xx, pivot..99 are 19xx.
struct DateParseOptions {
  int two_digit_year_pivot = 30;
};

// Parses `text` in any supported format. Empty when nothing date-like can
// be read (no year at all, or an unrecognised shape).
std::optional<ParsedDate> ParseDate(std::string_view text, const DateParseOptions& options = {});

// True when both dates are complete, share the year, and one's day and month
// are the other's month and day (12/03 against 03/12), with day != month.
bool IsDayMonthSwap(const PartialDate& left, const PartialDate& right);

// The number of days in `month` of `year` (0 for an invalid month).
int DaysInMonth(int year, int month);

}  // namespace vigil::linkage
