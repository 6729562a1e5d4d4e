#pragma once
// The JSON form of vigil's records, shared by the API, `vigil import` (JSON
// Lines) and `vigil export`. Decoding is strict: unknown fields, wrong types
// and invalid dates are errors, and every error is collected with its JSON
// path ("occasions[1].occurred_on"); nothing is guessed. Field names are
// the glossary's (docs/glossary.md). Dates are "YYYY-MM-DD", timestamps ISO
// 8601 in UTC ("2024-09-27T14:05:00Z"), times of day "HH:MM". Absent
// optional values are encoded as null, and null is read as absent.
// Error codes: "required", "wrong_type", "invalid_date", "invalid_time",
// "invalid_value" (not one of an enumeration), "out_of_range" and
// "unknown_field". Pure functions; thread-safe.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "domain/audit_event.h"
#include "domain/case.h"
#include "domain/note.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/task.h"

namespace vigil::web::api {

// Parses `text` as JSON. kMalformed (HTTP 400) with the byte offset when it
// is not JSON, and when an object repeats a key (which value was meant
// cannot be known).
core::Result<nlohmann::json> ParseJson(std::string_view text);

// Encoders: every field, including id and version.
nlohmann::json EncodePerson(const domain::Person& person);
nlohmann::json EncodeReport(const domain::Report& report);
nlohmann::json EncodeOccasion(const domain::Occasion& occasion);
nlohmann::json EncodeCase(const domain::Case& value);
nlohmann::json EncodeTask(const domain::Task& task);
nlohmann::json EncodeNote(const domain::Note& note);

// Decoders for what a client may send. Server-owned fields (id, version,
// created_at, updated_at; case_id for reports; id for occasions) are
// rejected as unknown fields unless `allow_server_fields`, when they are
// type-checked and read into the record (import of exported data ignores
// them; PUT uses id and version). kInvalidArgument listing every problem.
// A missing force is left empty (services fill in the caller's force).
core::Result<domain::Person> DecodePerson(const nlohmann::json& json,
                                          bool allow_server_fields = false);
core::Result<domain::Report> DecodeReport(const nlohmann::json& json,
                                          bool allow_server_fields = false);
core::Result<domain::Occasion> DecodeOccasion(const nlohmann::json& json,
                                              bool allow_server_fields = false);
// A case to open: title and optional force, owner and supervisor. A case
// always opens as "open", so status and closure_reason are server-owned
// (they change through the case status use case).
core::Result<domain::Case> DecodeCase(const nlohmann::json& json);
// A task to add: text, owner_role, owner, due_at and an optional case_id
// (the API takes the case from the path). done, done_at and done_by are
// server-owned.
core::Result<domain::Task> DecodeTask(const nlohmann::json& json);
// A note to add: text and an optional case_id. The author is the caller,
// so "author" is server-owned.
core::Result<domain::Note> DecodeNote(const nlohmann::json& json);

// "HH:MM" for minutes after midnight (0-1439); ParseTimeOfDay is strict
// (two-digit hours 00-23 and minutes 00-59) and empty when malformed.
std::string FormatTimeOfDay(int minute_of_day);
std::optional<int> ParseTimeOfDay(std::string_view text);

}  // namespace vigil::web::api
