// Fuzzes every linkage normaliser and the string comparators on arbitrary
// bytes: no crash, and the properties that must hold (folded text is
// lower-case ASCII; a parsed date's key parses back to the same date;
// similarities lie in [0, 1] and are symmetric; bounded distances agree
// with unbounded ones).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "linkage/normalizers.h"
#include "linkage/partial_date.h"
#include "linkage/phonetic.h"
#include "linkage/postcode.h"
#include "linkage/string_similarity.h"
#include "linkage/text_folding.h"

using namespace vigil::linkage;

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

bool IsFolded(std::string_view text) {
  for (char character : text) {
    if (!((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') ||
          character == ' ')) {
      return false;
    }
  }
  return text.empty() || (text.front() != ' ' && text.back() != ' ');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Check(IsFolded(FoldText(text)));
  Check(IsFolded(FoldName(text)));
  for (FieldKind kind : {FieldKind::kName, FieldKind::kText, FieldKind::kAddress, FieldKind::kDate,
                         FieldKind::kPostcode, FieldKind::kPhone, FieldKind::kEmail,
                         FieldKind::kHandle, FieldKind::kSex, FieldKind::kIdentifier}) {
    std::string normalised = Normalise(kind, text);
    if (kind == FieldKind::kName || kind == FieldKind::kText || kind == FieldKind::kAddress) {
      Check(IsFolded(normalised));
    }
    if (kind == FieldKind::kEmail && !normalised.empty()) {
      Check(normalised.find('@') == normalised.rfind('@'));
    }
  }
  if (std::optional<ParsedDate> date = ParseDate(text)) {
    std::optional<ParsedDate> again = ParseDate(date->key);
    Check(again.has_value() && again->date == date->date && again->key == date->key);
    if (date->date.IsComplete()) Check(date->date.DayNumber().has_value());
  }
  if (std::optional<UkPostcode> postcode = ParseUkPostcode(text)) {
    Check(ParseUkPostcode(postcode->Unit()).has_value());
  }
  std::string phone = NormalisePhone(text);
  Check(phone.empty() || phone.front() == '+');
  Check(Metaphone(text).size() <= 6);
  std::string soundex = Soundex(text);
  Check(soundex.empty() || soundex.size() == 4);
  // Split the input in two for the comparators.
  std::string_view left = text.substr(0, size / 2);
  std::string_view right = text.substr(size / 2);
  double similarity = JaroWinklerSimilarity(left, right);
  Check(similarity >= 0 && similarity <= 1.0000001);
  int distance = LevenshteinDistance(left, right);
  Check(distance == LevenshteinDistance(right, left));
  Check(LevenshteinDistance(left, right, 2) == std::min(distance, 3));
  int damerau = DamerauLevenshteinDistance(left, right);
  Check(damerau <= distance);
  Check(DamerauLevenshteinDistance(left, right, 1) == std::min(damerau, 2));
  return 0;
}
