#include "rules/lexer.h"

#include <cmath>
#include <cstdlib>

namespace vigil::rules::internal {
namespace {

bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentifierPart(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  Lexer(std::string_view text, std::size_t max_string_length)
      : text_(text), max_string_length_(max_string_length) {}

  core::Result<std::vector<Token>> Run() {
    std::vector<Token> tokens;
    while (true) {
      SkipSpace();
      Token token;
      token.column = column_;
      if (position_ >= text_.size()) {
        tokens.push_back(token);
        return tokens;
      }
      char c = text_[position_];
      if (IsIdentifierStart(c)) {
        std::size_t start = position_;
        while (position_ < text_.size() && IsIdentifierPart(text_[position_])) Advance();
        token.kind = TokenKind::kIdentifier;
        token.text = std::string(text_.substr(start, position_ - start));
      } else if (IsDigit(c) || (c == '-' && Peek(1) != '\0' && IsDigit(Peek(1)))) {
        if (!ReadNumber(token)) return Error(token.column, "malformed number");
      } else if (c == '"' || c == '\'') {
        core::Status status = ReadString(token);
        if (!status.ok()) return status;
      } else {
        if (!ReadOperator(token)) {
          return Error(token.column, "unexpected character '" + Character() + "'");
        }
      }
      tokens.push_back(std::move(token));
    }
  }

 private:
  char Peek(std::size_t ahead) const {
    return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0';
  }
  // Moves one byte on; the column moves only at the start of a code point.
  void Advance() {
    ++position_;
    if (position_ < text_.size() && (static_cast<unsigned char>(text_[position_]) & 0xC0) != 0x80) {
      ++column_;
    } else if (position_ >= text_.size()) {
      ++column_;
    }
  }
  void SkipSpace() {
    while (position_ < text_.size() && (text_[position_] == ' ' || text_[position_] == '\t' ||
                                        text_[position_] == '\n' || text_[position_] == '\r')) {
      Advance();
    }
  }
  // The code point at the current position, for messages.
  std::string Character() const {
    std::size_t length = 1;
    while (position_ + length < text_.size() &&
           (static_cast<unsigned char>(text_[position_ + length]) & 0xC0) == 0x80 && length < 4) {
      ++length;
    }
    return std::string(text_.substr(position_, length));
  }
  static core::Status Error(int column, const std::string& message) {
    return core::InvalidArgument("column " + std::to_string(column) + ": " + message);
  }

  bool ReadNumber(Token& token) {
    std::size_t start = position_;
    if (text_[position_] == '-') Advance();
    while (position_ < text_.size() && IsDigit(text_[position_])) Advance();
    if (position_ < text_.size() && text_[position_] == '.') {
      Advance();
      if (position_ >= text_.size() || !IsDigit(text_[position_])) return false;
      while (position_ < text_.size() && IsDigit(text_[position_])) Advance();
    }
    if (position_ < text_.size() && IsIdentifierPart(text_[position_])) return false;
    token.kind = TokenKind::kNumber;
    token.text = std::string(text_.substr(start, position_ - start));
    if (token.text.size() > 32) return false;
    token.number = std::strtod(token.text.c_str(), nullptr);
    return std::isfinite(token.number);
  }

  core::Status ReadString(Token& token) {
    char quote = text_[position_];
    Advance();
    token.kind = TokenKind::kString;
    while (true) {
      if (position_ >= text_.size()) return Error(token.column, "text is not closed");
      char c = text_[position_];
      if (c == quote) {
        Advance();
        return core::Status::Ok();
      }
      if (c == '\\') {
        char next = Peek(1);
        if (next != '\\' && next != '"' && next != '\'') {
          return Error(column_, "unknown escape; use \\\\, \\\" or \\'");
        }
        Advance();
        c = next;
      }
      token.text.push_back(c);
      if (token.text.size() > max_string_length_) {
        return Error(token.column,
                     "text is longer than " + std::to_string(max_string_length_) + " characters");
      }
      Advance();
    }
  }

  bool ReadOperator(Token& token) {
    char c = text_[position_];
    char next = Peek(1);
    auto one = [&](TokenKind kind) {
      token.kind = kind;
      token.text = std::string(1, c);
      Advance();
      return true;
    };
    auto two = [&](TokenKind kind) {
      token.kind = kind;
      token.text = std::string(text_.substr(position_, 2));
      Advance();
      Advance();
      return true;
    };
    switch (c) {
      case '.':
        return one(TokenKind::kDot);
      case ',':
        return one(TokenKind::kComma);
      case '(':
        return one(TokenKind::kLeftParen);
      case ')':
        return one(TokenKind::kRightParen);
      case '[':
        return one(TokenKind::kLeftBracket);
      case ']':
        return one(TokenKind::kRightBracket);
      case '=':
        return next == '=' ? two(TokenKind::kEqual) : false;
      case '!':
        return next == '=' ? two(TokenKind::kNotEqual) : false;
      case '<':
        return next == '=' ? two(TokenKind::kLessEqual) : one(TokenKind::kLess);
      case '>':
        return next == '=' ? two(TokenKind::kGreaterEqual) : one(TokenKind::kGreater);
      default:
        return false;
    }
  }

  std::string_view text_;
  std::size_t max_string_length_;
  std::size_t position_ = 0;
  int column_ = 1;
};

}  // namespace

std::string DescribeToken(const Token& token) {
  switch (token.kind) {
    case TokenKind::kEnd:
      return "the end of the rule";
    case TokenKind::kString:
      return "text \"" + token.text + "\"";
    case TokenKind::kNumber:
      return "number " + token.text;
    case TokenKind::kIdentifier:
      return "'" + token.text + "'";
    default:
      return "'" + token.text + "'";
  }
}

core::Result<std::vector<Token>> Tokenise(std::string_view text, std::size_t max_string_length) {
  return Lexer(text, max_string_length).Run();
}

}  // namespace vigil::rules::internal
