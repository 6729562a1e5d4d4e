#pragma once
// Field-by-field expectations for domain records, for round-trip tests
// (storage, JSON codecs): each differing field is reported by name with
// both values readable, rather than one opaque "records differ". Also
// GoogleTest printers for the small domain value types. Call from a test
// body; not thread-safe (GoogleTest expectations).

#include <optional>
#include <ostream>
#include <string>

#include "core/clock.h"
#include "core/ids.h"
#include "domain/audit_event.h"
#include "domain/case.h"
#include "domain/note.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/screening_record.h"
#include "domain/task.h"

namespace vigil::testing {

// "2026-06-15T12:00:00Z", or "(none)" for an empty optional.
std::string DescribeTime(const std::optional<core::Timestamp>& timestamp);

// Each adds one GoogleTest failure per field of `actual` that differs from
// `expected`, prefixed by `what` (e.g. "person 3").
void ExpectSamePerson(const domain::Person& expected, const domain::Person& actual,
                      const std::string& what = "person");
void ExpectSameReport(const domain::Report& expected, const domain::Report& actual,
                      const std::string& what = "report");
void ExpectSameCase(const domain::Case& expected, const domain::Case& actual,
                    const std::string& what = "case");
void ExpectSameTask(const domain::Task& expected, const domain::Task& actual,
                    const std::string& what = "task");
void ExpectSameNote(const domain::Note& expected, const domain::Note& actual,
                    const std::string& what = "note");
void ExpectSameAuditEvent(const domain::AuditEvent& expected, const domain::AuditEvent& actual,
                          const std::string& what = "audit event");
void ExpectSameScreening(const domain::ScreeningRecord& expected,
                         const domain::ScreeningRecord& actual,
                         const std::string& what = "screening");

}  // namespace vigil::testing

namespace vigil::core {

// GoogleTest printer for ids: the number.
template <typename Tag>
void PrintTo(const Id<Tag>& id, std::ostream* out) {
  *out << id.value;
}

}  // namespace vigil::core

namespace vigil::domain {

// GoogleTest printers (found by argument-dependent lookup).
void PrintTo(const PersonName& name, std::ostream* out);
void PrintTo(const Address& address, std::ostream* out);
void PrintTo(const OnlineHandle& handle, std::ostream* out);
void PrintTo(const Vehicle& vehicle, std::ostream* out);
void PrintTo(const ReportPerson& person, std::ostream* out);
void PrintTo(const Occasion& occasion, std::ostream* out);

}  // namespace vigil::domain
