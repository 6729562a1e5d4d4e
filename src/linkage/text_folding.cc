#include "linkage/text_folding.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

namespace vigil::linkage {
namespace {

// The per-thread ICU transliterator; null when ICU cannot build it (the
// fold then drops non-ASCII characters instead).
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return transliterator.get();
}

std::string Transliterate(std::string_view text) {
  icu::Transliterator* transliterator = ThreadTransliterator();
  if (transliterator == nullptr) return std::string(text);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  transliterator->transliterate(unicode);
  std::string result;
  unicode.toUTF8String(result);
  return result;
}

bool IsApostrophe(std::string_view text, std::size_t index) {
  return text[index] == '\'' || text[index] == '`';
}

constexpr std::array<std::string_view, 14> kTitles = {"mr",   "mrs", "ms",   "miss",  "mx",
                                                      "dr",   "sir", "dame", "lord",  "lady",
                                                      "prof", "rev", "revd", "master"};
constexpr std::array<std::string_view, 8> kSuffixes = {"jr",  "jnr", "junior", "sr",
                                                       "snr", "ii",  "iii",    "iv"};

template <std::size_t kSize>
bool IsOneOf(std::string_view word, const std::array<std::string_view, kSize>& words) {
  for (std::string_view candidate : words) {
    if (word == candidate) return true;
  }
  return false;
}

}  // namespace

bool IsAscii(std::string_view text) {
  std::size_t index = 0;
  for (; index + 8 <= text.size(); index += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + index, 8);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; index < text.size(); ++index) {
    if (static_cast<unsigned char>(text[index]) >= 0x80) return false;
  }
  return true;
}

std::string FoldText(std::string_view text) {
  std::string transliterated;
  if (!IsAscii(text)) {
    transliterated = Transliterate(text);
    text = transliterated;
  }
  std::string folded;
  folded.reserve(text.size());
  bool pending_space = false;
  for (std::size_t index = 0; index < text.size(); ++index) {
    char character = text[index];
    if (character >= 'A' && character <= 'Z') character = static_cast<char>(character - 'A' + 'a');
    bool is_word = (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
    if (is_word) {
      if (pending_space && !folded.empty()) folded.push_back(' ');
      pending_space = false;
      folded.push_back(character);
    } else if (IsApostrophe(text, index) || static_cast<unsigned char>(character) >= 0x80) {
      // Dropped without splitting the word ("o'brien", stray non-ASCII).
    } else {
      pending_space = true;
    }
  }
  return folded;
}

std::string FoldName(std::string_view text) {
  std::string folded = FoldText(text);
  std::string_view view(folded);
  std::size_t first_space = view.find(' ');
  if (first_space != std::string_view::npos && IsOneOf(view.substr(0, first_space), kTitles)) {
    view.remove_prefix(first_space + 1);
  }
  std::size_t last_space = view.rfind(' ');
  if (last_space != std::string_view::npos && IsOneOf(view.substr(last_space + 1), kSuffixes)) {
    view.remove_suffix(view.size() - last_space);
  }
  return std::string(view);
}

}  // namespace vigil::linkage
