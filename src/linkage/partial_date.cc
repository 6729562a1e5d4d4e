#include "linkage/partial_date.h"

#include <array>
#include <cstdio>
#include <vector>

namespace vigil::linkage {
namespace {

struct Token {
  bool digits = false;
  std::string_view text;
};

bool IsDigit(char character) { return character >= '0' && character <= '9'; }
bool IsLetter(char character) {
  return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
}

// Splits into runs of digits and runs of letters; everything else separates.
// Stops at a time of day ("T12:00", " 00:00:00").
std::vector<Token> Tokenise(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t index = 0;
  while (index < text.size() && tokens.size() < 8) {
    char character = text[index];
    if (character == ':') {
      // A time of day: drop it and the number before the colon.
      if (!tokens.empty() && tokens.back().digits) tokens.pop_back();
      break;
    }
    if (!IsDigit(character) && !IsLetter(character)) {
      ++index;
      continue;
    }
    bool digits = IsDigit(character);
    std::size_t end = index;
    while (end < text.size() && (digits ? IsDigit(text[end]) : IsLetter(text[end]))) ++end;
    std::string_view run = text.substr(index, end - index);
    // "T" between a date and a time ("1980-03-12T00:00").
    if (!digits && (run == "T" || run == "t") && !tokens.empty()) break;
    tokens.push_back({digits, run});
    index = end;
  }
  return tokens;
}

int ToNumber(std::string_view digits) {
  int value = 0;
  for (char character : digits.substr(0, 9)) value = value * 10 + (character - '0');
  return value;
}

int MonthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  std::string lower;
  for (char character : name) lower.push_back(static_cast<char>(character | 0x20));
  for (std::size_t index = 0; index < kNames.size(); ++index) {
    if (lower.compare(0, 3, kNames[index]) == 0) return static_cast<int>(index) + 1;
  }
  return 0;
}

bool IsPlausibleYear(int year) { return year >= 1000 && year <= 2999; }

int ExpandYear(std::string_view digits, const DateParseOptions& options) {
  int year = ToNumber(digits);
  if (digits.size() == 2) return year < options.two_digit_year_pivot ? 2000 + year : 1900 + year;
  if (digits.size() == 4) return year;
  return 0;
}

bool IsValid(int year, int month, int day) {
  return IsPlausibleYear(year) && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

std::string Key(const PartialDate& date) {
  char buffer[48];
  if (date.IsComplete()) {
    std::snprintf(buffer, sizeof(buffer), "%04d%02d%02d", date.year, date.month, date.day);
  } else if (date.month != 0) {
    std::snprintf(buffer, sizeof(buffer), "%04d%02d", date.year, date.month);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%04d", date.year);
  }
  return buffer;
}

std::optional<ParsedDate> Complete(int year, int month, int day) {
  if (!IsValid(year, month, day)) return std::nullopt;
  PartialDate date{year, month, day};
  return ParsedDate{date, Key(date)};
}

std::optional<ParsedDate> YearMonth(int year, int month) {
  if (!IsPlausibleYear(year) || month < 1 || month > 12) return std::nullopt;
  PartialDate date{year, month, 0};
  return ParsedDate{date, Key(date)};
}

// Eight digits: YYYYMMDD, else DDMMYYYY; a damaged YYYYMMDD keeps its year.
std::optional<ParsedDate> FromEightDigits(std::string_view digits) {
  int first = ToNumber(digits.substr(0, 4));
  int month = ToNumber(digits.substr(4, 2));
  int day = ToNumber(digits.substr(6, 2));
  if (auto date = Complete(first, month, day)) return date;
  int last = ToNumber(digits.substr(4, 4));
  if (auto date = Complete(last, ToNumber(digits.substr(2, 2)), ToNumber(digits.substr(0, 2)))) {
    return date;
  }
  if (first >= 1800 && first <= 2199)
    return ParsedDate{PartialDate{first, 0, 0}, std::string(digits)};
  return std::nullopt;
}

std::optional<ParsedDate> FromSingle(const Token& token, const DateParseOptions& options) {
  if (!token.digits) return std::nullopt;
  std::string_view digits = token.text;
  if (digits.size() == 8) return FromEightDigits(digits);
  if (digits.size() == 6) {
    if (auto date = YearMonth(ToNumber(digits.substr(0, 4)), ToNumber(digits.substr(4, 2)))) {
      return date;
    }
    return Complete(ExpandYear(digits.substr(4, 2), options), ToNumber(digits.substr(2, 2)),
                    ToNumber(digits.substr(0, 2)));
  }
  if (digits.size() == 4 && IsPlausibleYear(ToNumber(digits))) {
    PartialDate date{ToNumber(digits), 0, 0};
    return ParsedDate{date, Key(date)};
  }
  return std::nullopt;
}

int MonthOf(const Token& token) {
  if (!token.digits) return MonthFromName(token.text);
  return token.text.size() <= 2 ? ToNumber(token.text) : 0;
}

std::optional<ParsedDate> FromPair(const Token& first, const Token& second,
                                   const DateParseOptions& options) {
  if (first.digits && first.text.size() == 4)
    return YearMonth(ToNumber(first.text), MonthOf(second));
  if (second.digits && (second.text.size() == 4 || second.text.size() == 2)) {
    return YearMonth(ExpandYear(second.text, options), MonthOf(first));
  }
  return std::nullopt;
}

std::optional<ParsedDate> FromTriple(const Token& first, const Token& second, const Token& third,
                                     const DateParseOptions& options) {
  if (first.digits && first.text.size() == 4) {
    if (!third.digits || third.text.size() > 2) return std::nullopt;
    return Complete(ToNumber(first.text), MonthOf(second), ToNumber(third.text));
  }
  if (!third.digits || (third.text.size() != 4 && third.text.size() != 2)) return std::nullopt;
  int year = ExpandYear(third.text, options);
  if (!first.digits) {  // "March 12 1980"
    if (!second.digits || second.text.size() > 2) return std::nullopt;
    return Complete(year, MonthFromName(first.text), ToNumber(second.text));
  }
  if (first.text.size() > 2) return std::nullopt;
  int day_first = ToNumber(first.text);
  if (!second.digits) return Complete(year, MonthFromName(second.text), day_first);  // 12 Mar 1980
  if (second.text.size() > 2) return std::nullopt;
  int second_number = ToNumber(second.text);
  if (auto date = Complete(year, second_number, day_first)) return date;
  return Complete(year, day_first, second_number);  // Month-first, only when day-first fails.
}

}  // namespace

std::optional<int> PartialDate::DayNumber() const {
  if (!IsComplete()) return std::nullopt;
  // Days from civil (H. Hinnant's algorithm).
  int shifted_year = year - (month <= 2 ? 1 : 0);
  int era = (shifted_year >= 0 ? shifted_year : shifted_year - 399) / 400;
  int year_of_era = shifted_year - era * 400;
  int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<ParsedDate> ParseDate(std::string_view text, const DateParseOptions& options) {
  std::vector<Token> tokens = Tokenise(text);
  // Ignore a leading weekday name ("Wed 12 March 1980").
  if (tokens.size() == 4 && !tokens[0].digits && MonthFromName(tokens[0].text) == 0) {
    tokens.erase(tokens.begin());
  }
  switch (tokens.size()) {
    case 1:
      return FromSingle(tokens[0], options);
    case 2:
      return FromPair(tokens[0], tokens[1], options);
    case 3:
      return FromTriple(tokens[0], tokens[1], tokens[2], options);
    default:
      return std::nullopt;
  }
}

bool IsDayMonthSwap(const PartialDate& left, const PartialDate& right) {
  return left.IsComplete() && right.IsComplete() && left.year == right.year &&
         left.day == right.month && left.month == right.day && left.day != left.month;
}

}  // namespace vigil::linkage
