#pragma once
// The JSON form of vigil's records, shared by the API, `vigil import` (JSON
// Lines) and `vigil export`. Decoding is strict: unknown fields, wrong types
// and invalid dates are errors, and every error is collected with its JSON
// path ("occasions[1].occurred_on"); nothing is guessed. Field names are
// the glossary's (docs/glossary.md). Dates are ISO 8601.

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "domain/audit_event.h"
#include "domain/case.h"
#include "domain/note.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/task.h"

namespace vigil::web::api {

// Parses `text` as JSON. kMalformed (HTTP 400) with the byte offset when it
// is not JSON.
core::Result<nlohmann::json> ParseJson(std::string_view text);

// Encoders: every field, including id and version.
nlohmann::json EncodePerson(const domain::Person& person);
nlohmann::json EncodeReport(const domain::Report& report);
nlohmann::json EncodeOccasion(const domain::Occasion& occasion);
nlohmann::json EncodeCase(const domain::Case& value);
nlohmann::json EncodeTask(const domain::Task& task);
nlohmann::json EncodeNote(const domain::Note& note);

// Decoders for what a client may send. Server-owned fields (id, version,
// created_at, updated_at, case_id for reports) are rejected as unknown
// fields unless `allow_server_fields` (used by import of exported data,
// which ignores them). kInvalidArgument listing every problem.
core::Result<domain::Person> DecodePerson(const nlohmann::json& json,
                                          bool allow_server_fields = false);
core::Result<domain::Report> DecodeReport(const nlohmann::json& json,
                                          bool allow_server_fields = false);
core::Result<domain::Occasion> DecodeOccasion(const nlohmann::json& json);
core::Result<domain::Case> DecodeCase(const nlohmann::json& json);
core::Result<domain::Task> DecodeTask(const nlohmann::json& json);
core::Result<domain::Note> DecodeNote(const nlohmann::json& json);

}  // namespace vigil::web::api
