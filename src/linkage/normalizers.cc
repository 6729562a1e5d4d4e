#include "linkage/normalizers.h"

#include <array>

#include "linkage/partial_date.h"
#include "linkage/postcode.h"
#include "linkage/text_folding.h"

namespace vigil::linkage {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                           text.front() == '\n')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

char Lower(char character) {
  return character >= 'A' && character <= 'Z' ? static_cast<char>(character - 'A' + 'a')
                                              : character;
}

// Values that mean "not known" in hand-kept records.
bool IsPlaceholder(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kPlaceholders = {
      "n/a", "na", "n.a.", "null", "none", "unknown", "not known", "nk", "n/k", "-", "?", "nil"};
  if (text.size() > 9) return false;
  std::string lower;
  for (char character : text) lower.push_back(Lower(character));
  for (std::string_view placeholder : kPlaceholders) {
    if (lower == placeholder) return true;
  }
  return false;
}

}  // namespace

std::string NormaliseEmail(std::string_view text, bool strip_tags) {
  text = Trim(text);
  std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == text.size() ||
      text.find('@', at + 1) != std::string_view::npos) {
    return {};
  }
  std::string local;
  for (char character : text.substr(0, at)) {
    if (strip_tags && character == '+') break;
    local.push_back(Lower(character));
  }
  if (local.empty()) return {};
  std::string email = local + "@";
  for (char character : text.substr(at + 1)) email.push_back(Lower(character));
  return email;
}

std::string NormaliseHandle(std::string_view text) {
  text = Trim(text);
  while (!text.empty() && text.back() == '/') text.remove_suffix(1);
  if (std::size_t slash = text.rfind('/'); slash != std::string_view::npos) {
    text.remove_prefix(slash + 1);
  }
  while (!text.empty() && text.front() == '@') text.remove_prefix(1);
  std::string handle;
  for (char character : text) {
    character = Lower(character);
    if ((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') ||
        character == '.' || character == '_' || character == '-') {
      handle.push_back(character);
    }
  }
  return handle;
}

std::string NormaliseIdentifier(std::string_view text) {
  std::string identifier;
  for (char character : text) {
    if (character >= 'a' && character <= 'z') character = static_cast<char>(character - 'a' + 'A');
    if ((character >= 'A' && character <= 'Z') || (character >= '0' && character <= '9')) {
      identifier.push_back(character);
    }
  }
  return identifier;
}

std::string NormaliseSex(std::string_view text) {
  std::string folded = FoldText(text);
  if (folded == "m" || folded == "male" || folded == "man" || folded == "boy") return "m";
  if (folded == "f" || folded == "female" || folded == "woman" || folded == "girl") return "f";
  if (folded == "u" || folded == "unknown" || folded == "n k" || folded == "nk") return {};
  return folded;
}

std::string NormalisePostcode(std::string_view text) {
  if (std::optional<UkPostcode> postcode = ParseUkPostcode(text)) return postcode->Unit();
  std::string folded = FoldText(text);
  std::string compact;
  for (char character : folded) {
    if (character == ' ') continue;
    compact.push_back(character >= 'a' && character <= 'z'
                          ? static_cast<char>(character - 'a' + 'A')
                          : character);
  }
  return compact;
}

std::string NormaliseDate(std::string_view text, int two_digit_year_pivot) {
  DateParseOptions options;
  options.two_digit_year_pivot = two_digit_year_pivot;
  std::optional<ParsedDate> parsed = ParseDate(text, options);
  return parsed ? parsed->key : std::string();
}

std::string Normalise(FieldKind kind, std::string_view raw, const NormaliseOptions& options) {
  raw = Trim(raw);
  if (raw.empty() || IsPlaceholder(raw)) return {};
  switch (kind) {
    case FieldKind::kName:
      return FoldName(raw);
    case FieldKind::kText:
    case FieldKind::kAddress:
      return FoldText(raw);
    case FieldKind::kDate:
      return NormaliseDate(raw, options.two_digit_year_pivot);
    case FieldKind::kPostcode:
      return NormalisePostcode(raw);
    case FieldKind::kPhone:
      return NormalisePhone(raw, options.default_phone_region);
    case FieldKind::kEmail:
      return NormaliseEmail(raw, options.strip_email_tags);
    case FieldKind::kHandle:
      return NormaliseHandle(raw);
    case FieldKind::kSex:
      return NormaliseSex(raw);
    case FieldKind::kIdentifier:
      return NormaliseIdentifier(raw);
  }
  return {};
}

}  // namespace vigil::linkage
