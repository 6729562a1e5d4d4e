#pragma once
// Folds free text to the form comparisons work on: lower-case ASCII letters
// and digits separated by single spaces. Non-ASCII text is transliterated
// with ICU ("Any-Latin; Latin-ASCII; Lower": "Zoë" -> "zoe", "Дмитрий" ->
// "dmitrij"); pure ASCII text takes a fast path that never calls ICU.
// Thread-safe: each thread lazily builds its own ICU transliterator.

#include <string>
#include <string_view>

namespace vigil::linkage {

// Lower-case ASCII with apostrophes dropped ("O'Brien" -> "obrien") and
// every other run of punctuation or white space turned into one space
// ("Mary-Jane  Smith." -> "mary jane smith"); leading and trailing spaces
// removed. Invalid UTF-8 is tolerated: bytes that do not decode are dropped.
std::string FoldText(std::string_view text);

// FoldText, then a leading title ("mr", "mrs", "dr", ...) and a trailing
// generational suffix ("jr", "snr", "iii", ...) removed when other words
// remain ("Dr John Smith Jr" -> "john smith").
std::string FoldName(std::string_view text);

// True when every byte of `text` is below 0x80.
bool IsAscii(std::string_view text);

}  // namespace vigil::linkage
