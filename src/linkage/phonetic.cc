#include "linkage/phonetic.h"

#include <string_view>

namespace vigil::linkage {
namespace {

// The letters of `name`, upper-case, everything else dropped.
std::string Letters(std::string_view name) {
  std::string letters;
  letters.reserve(name.size());
  for (char character : name) {
    if (character >= 'a' && character <= 'z') {
      letters.push_back(static_cast<char>(character - 'a' + 'A'));
    } else if (character >= 'A' && character <= 'Z') {
      letters.push_back(character);
    }
  }
  return letters;
}

bool IsVowel(char character) {
  return character == 'A' || character == 'E' || character == 'I' || character == 'O' ||
         character == 'U';
}

bool IsFrontVowel(char character) {
  return character == 'E' || character == 'I' || character == 'Y';
}

class MetaphoneEncoder {
 public:
  explicit MetaphoneEncoder(std::string word) : word_(std::move(word)) {}

  std::string Encode(std::size_t max_length) {
    std::size_t index = SkipInitial();
    for (; index < word_.size() && code_.size() < max_length; ++index) {
      char letter = word_[index];
      if (index > 0 && letter == word_[index - 1] && letter != 'C') continue;
      index += EncodeLetter(index, letter);
      // Adjacent equal codes ("DT" -> "TT") count once.
      if (code_.size() >= 2 && code_.back() == code_[code_.size() - 2]) code_.pop_back();
    }
    if (code_.size() > max_length) code_.resize(max_length);
    return code_;
  }

 private:
  char At(std::size_t index) const { return index < word_.size() ? word_[index] : '\0'; }
  bool IsLast(std::size_t index) const { return index + 1 == word_.size(); }
  bool Follows(std::size_t index, std::string_view text) const {
    return word_.compare(index + 1, text.size(), text) == 0;
  }

  // Handles the initial letter groups; returns where the main loop starts.
  std::size_t SkipInitial() {
    std::string_view start(word_);
    if (start.starts_with("AE") || start.starts_with("GN") || start.starts_with("KN") ||
        start.starts_with("PN") || start.starts_with("WR")) {
      code_.push_back(word_[1] == 'E' ? 'E' : word_[1]);
      return 2;
    }
    if (start.starts_with("X")) {
      code_.push_back('S');
      return 1;
    }
    if (start.starts_with("WH")) {
      code_.push_back('W');
      return 2;
    }
    return 0;
  }

  // Appends the code for word_[index]; returns how many further letters it
  // consumed.
  std::size_t EncodeLetter(std::size_t index, char letter) {
    char previous = index > 0 ? word_[index - 1] : '\0';
    char next = At(index + 1);
    switch (letter) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
        if (index == 0) code_.push_back(letter);
        return 0;
      case 'B':
        if (!(previous == 'M' && IsLast(index))) code_.push_back('B');
        return 0;
      case 'C':
        if (next == 'I' && At(index + 2) == 'A') {
          code_.push_back('X');
        } else if (next == 'H') {
          code_.push_back(previous == 'S' ? 'K' : 'X');
          return 1;
        } else if (IsFrontVowel(next)) {
          if (previous != 'S') code_.push_back('S');
        } else {
          code_.push_back('K');
        }
        return 0;
      case 'D':
        if (next == 'G' && IsFrontVowel(At(index + 2))) {
          code_.push_back('J');
          return 1;
        }
        code_.push_back('T');
        return 0;
      case 'G':
        return EncodeG(index, previous, next);
      case 'H':
        if (IsLast(index) || previous == 'C' || previous == 'S' || previous == 'P' ||
            previous == 'T' || previous == 'G') {
          return 0;
        }
        if (IsVowel(next)) code_.push_back('H');
        return 0;
      case 'K':
        if (previous != 'C') code_.push_back('K');
        return 0;
      case 'P':
        code_.push_back(next == 'H' ? 'F' : 'P');
        return 0;
      case 'Q':
        code_.push_back('K');
        return 0;
      case 'S':
        if (next == 'H') {
          code_.push_back('X');
          return 1;
        }
        code_.push_back(Follows(index, "IO") || Follows(index, "IA") ? 'X' : 'S');
        return 0;
      case 'T':
        if (Follows(index, "IA") || Follows(index, "IO")) {
          code_.push_back('X');
        } else if (next == 'H') {
          code_.push_back('0');
          return 1;
        } else if (!Follows(index, "CH")) {
          code_.push_back('T');
        }
        return 0;
      case 'V':
        code_.push_back('F');
        return 0;
      case 'W':
      case 'Y':
        if (IsVowel(next)) code_.push_back(letter);
        return 0;
      case 'X':
        code_.append("KS");
        return 0;
      case 'Z':
        code_.push_back('S');
        return 0;
      default:  // F J L M N R
        code_.push_back(letter);
        return 0;
    }
  }

  std::size_t EncodeG(std::size_t index, char previous, char next) {
    if (next == 'H' && (IsLast(index + 1) || !IsVowel(At(index + 2)))) return 0;
    if (next == 'N' &&
        (IsLast(index + 1) || (Follows(index, "NED") && index + 4 == word_.size()))) {
      return 0;
    }
    code_.push_back(IsFrontVowel(next) && previous != 'G' ? 'J' : 'K');
    return 0;
  }

  std::string word_;
  std::string code_;
};

char SoundexDigit(char letter) {
  switch (letter) {
    case 'B':
    case 'F':
    case 'P':
    case 'V':
      return '1';
    case 'C':
    case 'G':
    case 'J':
    case 'K':
    case 'Q':
    case 'S':
    case 'X':
    case 'Z':
      return '2';
    case 'D':
    case 'T':
      return '3';
    case 'L':
      return '4';
    case 'M':
    case 'N':
      return '5';
    case 'R':
      return '6';
    case 'H':
    case 'W':
      return '-';  // Does not separate letters with the same code.
    default:
      return '0';  // Vowels and Y separate letters with the same code.
  }
}

}  // namespace

std::string Metaphone(std::string_view name, std::size_t max_length) {
  std::string letters = Letters(name);
  if (letters.empty() || max_length == 0) return {};
  return MetaphoneEncoder(std::move(letters)).Encode(max_length);
}

std::string Soundex(std::string_view name) {
  std::string letters = Letters(name);
  if (letters.empty()) return {};
  std::string code(1, letters[0]);
  char last = SoundexDigit(letters[0]);
  for (std::size_t index = 1; index < letters.size() && code.size() < 4; ++index) {
    char digit = SoundexDigit(letters[index]);
    if (digit == '-') continue;
    if (digit != '0' && digit != last) code.push_back(digit);
    last = digit;
  }
  code.resize(4, '0');
  return code;
}

}  // namespace vigil::linkage
