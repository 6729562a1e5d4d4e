#include "core/time.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace vigil::core {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// Reads exactly `width` decimal digits at `pos`.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t index = pos; index < pos + width; ++index) {
    char c = text[index];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Date> DateAt(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = Digits(text, 0, 4);
  auto m = Digits(text, 5, 2);
  auto d = Digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  std::chrono::year_month_day ymd{year(*y), month(static_cast<unsigned>(*m)),
                                  day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return DateAt(text);
}

std::string FormatDate(Date date) {
  std::chrono::year_month_day ymd(date);
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {  // Outside YYYY: the general (slower) path.
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buffer;
  }
  // Digit by digit: dates are formatted on every screening and response.
  unsigned month = static_cast<unsigned>(ymd.month());
  unsigned day = static_cast<unsigned>(ymd.day());
  std::string text = "0000-00-00";
  text[0] = static_cast<char>('0' + year / 1000);
  text[1] = static_cast<char>('0' + year / 100 % 10);
  text[2] = static_cast<char>('0' + year / 10 % 10);
  text[3] = static_cast<char>('0' + year % 10);
  text[5] = static_cast<char>('0' + month / 10);
  text[6] = static_cast<char>('0' + month % 10);
  text[8] = static_cast<char>('0' + day / 10);
  text[9] = static_cast<char>('0' + day % 10);
  return text;
}

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
  auto date = DateAt(text);
  if (!date || text.size() < 16 || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  auto hours = Digits(text, 11, 2);
  if (!hours || text[13] != ':') return std::nullopt;
  auto minutes = Digits(text, 14, 2);
  if (!minutes) return std::nullopt;
  std::size_t pos = 16;
  int seconds = 0;
  if (pos < text.size() && text[pos] == ':') {
    auto parsed = Digits(text, pos + 1, 2);
    if (!parsed) return std::nullopt;
    seconds = *parsed;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  if (*hours > 23 || *minutes > 59 || seconds > 59) return std::nullopt;
  int offset_minutes = 0;
  if (pos == text.size()) return std::nullopt;  // A zone is required.
  if (text[pos] == 'Z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int sign = text[pos] == '-' ? -1 : 1;
    auto offset_hours = Digits(text, pos + 1, 2);
    if (!offset_hours || pos + 3 >= text.size() || text[pos + 3] != ':') return std::nullopt;
    auto offset_mins = Digits(text, pos + 4, 2);
    if (!offset_mins || *offset_hours > 23 || *offset_mins > 59) return std::nullopt;
    offset_minutes = sign * (*offset_hours * 60 + *offset_mins);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  Timestamp result = Timestamp(*date) + std::chrono::hours(*hours) +
                     std::chrono::minutes(*minutes) + std::chrono::seconds(seconds) -
                     std::chrono::minutes(offset_minutes);
  // An offset can carry 0000-01-01 or 9999-12-31 out of the four-digit years
  // vigil stores and prints.
  int utc_year = static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(result)).year());
  if (utc_year < 0 || utc_year > 9999) return std::nullopt;
  return result;
}

std::string FormatTimestamp(Timestamp timestamp) {
  Date date = std::chrono::floor<std::chrono::days>(timestamp);
  std::chrono::hh_mm_ss<std::chrono::seconds> time(timestamp - date);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", FormatDate(date).c_str(),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buffer;
}

std::string FormatDateLong(Date date) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  std::chrono::year_month_day ymd(date);
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

}  // namespace vigil::core
