#pragma once
// Reads JSON Lines import files (docs/reference/import-export.md): one JSON
// object per line, {"type":"person","ref":...} or {"type":"report",...,
// "persons":[{"ref":...,"role":...}]}, in the JSON form of the API
// (web/api/json_codec.h). Exported records (with id, version, created_at,
// updated_at, case_id) are accepted: a person's id becomes its ref, so a
// report naming person_id 7 refers to the person exported with id 7 when
// that person is in the same import (see ResolveExportedPersonIds). Pure
// functions; thread-safe.

#include <string_view>

#include "app/import_problem.h"

namespace vigil::app {

// Reads every non-blank line of `text` into `parsed`, with location
// "FILE:LINE"; every problem (not JSON, unknown type, wrong field types,
// unknown fields, bad dates) goes to `parsed.problems` with its JSON path.
void ReadJsonLines(std::string_view text, std::string_view file_name, ParsedImport& parsed);

// Turns each report person given by person_id into a ref when a person in
// the batch has that id as its ref (an exported person in the same import).
// Call once all files are read.
void ResolveExportedPersonIds(ParsedImport& parsed);

}  // namespace vigil::app
