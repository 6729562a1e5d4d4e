#include "web/pages/page_format.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace vigil::web::pages {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// The last Sunday of `month` in `year`, 01:00 UTC: when UK clocks change.
core::Timestamp ClockChange(std::chrono::year year, std::chrono::month month) {
  sys_days last = sys_days(year / month / std::chrono::last);
  std::chrono::weekday weekday(last);
  sys_days sunday = last - (weekday - std::chrono::Sunday);
  return std::chrono::time_point_cast<std::chrono::seconds>(sunday + hours(1));
}

bool IsBritishSummerTime(core::Timestamp time) {
  year_month_day day(std::chrono::floor<days>(time));
  return time >= ClockChange(day.year(), std::chrono::March) &&
         time < ClockChange(day.year(), std::chrono::October);
}

}  // namespace

core::Timestamp UkLocal(core::Timestamp time) {
  return IsBritishSummerTime(time) ? time + hours(1) : time;
}

core::Timestamp StartOfUkDay(core::Date date) {
  core::Timestamp midnight = std::chrono::time_point_cast<std::chrono::seconds>(date);
  // At 00:00 local in BST the UTC time is 23:00 the day before.
  core::Timestamp candidate = midnight - hours(1);
  return IsBritishSummerTime(candidate) ? candidate : midnight;
}

std::string FormatDate(core::Date date) {
  year_month_day day(date);
  return std::to_string(static_cast<unsigned>(day.day())) + " " +
         std::string(kMonths[static_cast<unsigned>(day.month()) - 1]) + " " +
         std::to_string(static_cast<int>(day.year()));
}

std::string FormatDay(core::Timestamp time) {
  return FormatDate(std::chrono::floor<days>(UkLocal(time)));
}

std::string FormatTime(core::Timestamp time) {
  core::Timestamp local = UkLocal(time);
  sys_days day = std::chrono::floor<days>(local);
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  int hour = static_cast<int>(minutes / 60);
  int minute = static_cast<int>(minutes % 60);
  int twelve = hour % 12 == 0 ? 12 : hour % 12;
  std::string clock = std::to_string(twelve) + ":" + (minute < 10 ? "0" : "") +
                      std::to_string(minute) + (hour < 12 ? "am" : "pm");
  if (hour == 12 && minute == 0) clock = "midday";
  if (hour == 0 && minute == 0) clock = "midnight";
  return FormatDate(day) + " at " + clock;
}

std::optional<core::Date> MakeDate(int year, int month, int day) {
  year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                      std::chrono::day(static_cast<unsigned>(day))};
  if (month < 1 || month > 12 || day < 1 || day > 31 || !date.ok()) return std::nullopt;
  return sys_days(date);
}

std::string IsoDate(core::Date date) {
  year_month_day day(date);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

std::string CaseStatusLabel(domain::CaseStatus status) {
  switch (status) {
    case domain::CaseStatus::kOpen:
      return "Open";
    case domain::CaseStatus::kUnderInvestigation:
      return "Under investigation";
    case domain::CaseStatus::kAwaitingReview:
      return "Awaiting review";
    case domain::CaseStatus::kClosed:
      return "Closed";
  }
  return "Unknown";
}

std::string CaseStatusTagClass(domain::CaseStatus status) {
  switch (status) {
    case domain::CaseStatus::kOpen:
      return "govuk-tag--blue";
    case domain::CaseStatus::kUnderInvestigation:
      return "govuk-tag--purple";
    case domain::CaseStatus::kAwaitingReview:
      return "govuk-tag--yellow";
    case domain::CaseStatus::kClosed:
      return "govuk-tag--grey";
  }
  return "govuk-tag--grey";
}

std::string PersonRoleLabel(domain::PersonRole role) {
  switch (role) {
    case domain::PersonRole::kVictim:
      return "Victim";
    case domain::PersonRole::kSuspect:
      return "Suspect";
    case domain::PersonRole::kWitness:
      return "Witness";
    case domain::PersonRole::kThirdParty:
      return "Third party";
  }
  return "Unknown";
}

std::string CaseName(std::int64_t id) { return "Case " + std::to_string(id); }

}  // namespace vigil::web::pages
