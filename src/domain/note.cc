#include "domain/note.h"

#include "domain/validation.h"

namespace vigil::domain {

core::Status ValidateNote(const Note& note) {
  core::ErrorCollector errors;
  if (!note.case_id.assigned()) errors.Add("case_id", "required", "is required");
  CheckRequiredText(errors, "author", note.author, 100);
  CheckRequiredText(errors, "text", note.text, 20000);
  return errors.ToStatus("note is invalid");
}

}  // namespace vigil::domain
