#include "domain/validation.h"

#include "domain/text.h"

namespace vigil::domain {

void CheckOptionalText(core::ErrorCollector& errors, const std::string& field,
                       std::string_view value, std::size_t limit) {
  if (!IsValidUtf8(value)) {
    errors.Add(field, "invalid_text", "must be valid UTF-8 text");
    return;
  }
  if (Utf8Length(value) > limit) {
    errors.Add(field, "too_long", "must be " + std::to_string(limit) + " characters or fewer");
  }
}

void CheckRequiredText(core::ErrorCollector& errors, const std::string& field,
                       std::string_view value, std::size_t limit) {
  if (Trim(value).empty()) {
    errors.Add(field, "required", "is required");
    return;
  }
  CheckOptionalText(errors, field, value, limit);
}

std::string Indexed(std::string_view field, std::size_t index) {
  return std::string(field) + "[" + std::to_string(index) + "]";
}

}  // namespace vigil::domain
