#pragma once
// Note: a dated, attributed entry on a case's record. Notes are appended,
// never edited or deleted, so the record of what was known when stays true.

#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "domain/ids.h"

namespace vigil::domain {

struct Note {
  NoteId id;
  CaseId case_id;
  std::string author;  // User id.
  std::string text;
  core::Timestamp created_at{};
};

// A note needs a case, an author and text of at most 20,000 characters.
core::Status ValidateNote(const Note& note);

}  // namespace vigil::domain
