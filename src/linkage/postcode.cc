#include "linkage/postcode.h"

namespace vigil::linkage {
namespace {

bool IsLetter(char character) { return character >= 'A' && character <= 'Z'; }
bool IsDigit(char character) { return character >= '0' && character <= '9'; }

// Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A.
bool IsOutward(std::string_view code) {
  if (code.size() < 2 || code.size() > 4 || !IsLetter(code[0])) return false;
  std::size_t index = 1;
  if (IsLetter(code[index])) ++index;
  if (index >= code.size() || !IsDigit(code[index])) return false;
  ++index;
  if (index == code.size()) return true;
  if ((IsDigit(code[index]) || IsLetter(code[index])) && index + 1 == code.size()) return true;
  return false;
}

}  // namespace

std::string UkPostcode::Area() const {
  std::size_t end = 0;
  while (end < outward.size() && IsLetter(outward[end])) ++end;
  return outward.substr(0, end);
}

std::optional<UkPostcode> ParseUkPostcode(std::string_view text) {
  std::string compact;
  for (char character : text) {
    if (character == ' ' || character == '\t' || character == '-') continue;
    if (character >= 'a' && character <= 'z') character = static_cast<char>(character - 'a' + 'A');
    if (!IsLetter(character) && !IsDigit(character)) return std::nullopt;
    compact.push_back(character);
    if (compact.size() > 7) return std::nullopt;
  }
  if (compact.size() < 5) return std::nullopt;
  std::string_view view(compact);
  std::string_view inward = view.substr(view.size() - 3);
  std::string_view outward = view.substr(0, view.size() - 3);
  if (!IsDigit(inward[0]) || !IsLetter(inward[1]) || !IsLetter(inward[2])) return std::nullopt;
  if (!IsOutward(outward) && outward != "GIR") return std::nullopt;
  return UkPostcode{std::string(outward), std::string(inward)};
}

}  // namespace vigil::linkage
