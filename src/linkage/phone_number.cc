// NormalisePhone (declared in normalizers.h): libphonenumber, with a fast
// path for the common shapes of UK numbers that gives the same E.164 text
// without parsing through libphonenumber's metadata.

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>
#include <string_view>

#include "linkage/normalizers.h"

namespace vigil::linkage {
namespace {

// The digits of `text` (with a leading "+" kept), up to an extension
// marker ("ext", "x", "#"). Empty when any character is not part of a
// telephone number.
std::string DialledDigits(std::string_view text) {
  std::string digits;
  for (std::size_t index = 0; index < text.size(); ++index) {
    char character = text[index];
    if (character >= '0' && character <= '9') {
      digits.push_back(character);
    } else if (character == '+' && digits.empty()) {
      digits.push_back('+');
    } else if (character == ' ' || character == '-' || character == '(' || character == ')' ||
               character == '.' || character == '\t' || character == '/') {
      continue;
    } else {
      return {};  // Letters or extensions: leave to libphonenumber.
    }
  }
  return digits;
}

// E.164 for a UK national significant number of 10 digits starting 1-9
// (geographic 01/02, mobile 07, non-geographic 03/08/09), else empty.
std::string UkE164(std::string_view national) {
  if (national.size() != 10 || national[0] == '0') return {};
  return "+44" + std::string(national);
}

std::string FastUk(std::string_view digits) {
  if (digits.starts_with("+44")) {
    std::string_view rest = digits.substr(3);
    if (rest.size() == 11 && rest[0] == '0') rest.remove_prefix(1);  // "+44 (0)7700 ..."
    return UkE164(rest);
  }
  if (digits.starts_with("0044")) return UkE164(digits.substr(4));
  if (digits.size() == 11 && digits[0] == '0' && digits[1] != '0') return UkE164(digits.substr(1));
  return {};
}

}  // namespace

std::string NormalisePhone(std::string_view text, std::string_view default_region) {
  std::string digits = DialledDigits(text);
  if (default_region == "GB" && !digits.empty()) {
    std::string fast = FastUk(digits);
    if (!fast.empty()) return fast;
  }
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (text.size() > 64) return {};
  if (util->Parse(std::string(text), std::string(default_region), &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return {};
  }
  // Local-only numbers (no area code) cannot identify anyone.
  if (util->IsPossibleNumberWithReason(number) != PhoneNumberUtil::IS_POSSIBLE) return {};
  std::string formatted;
  util->Format(number, PhoneNumberUtil::E164, &formatted);
  return formatted;
}

}  // namespace vigil::linkage
