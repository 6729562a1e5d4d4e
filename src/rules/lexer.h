#pragma once
// The tokens of the rule expression language and the lexer that produces
// them. Internal to vigil_rules (the parser is its only user). Columns are
// 1-based and count Unicode code points, as an editor shows them.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace vigil::rules::internal {

enum class TokenKind {
  kIdentifier,  // relationship, impact, and, or, not, in, true, false, null, count, ...
  kString,      // "text" or 'text' (value unescaped).
  kNumber,      // 2, 0.5, -1
  kDot,
  kComma,
  kLeftParen,
  kRightParen,
  kLeftBracket,
  kRightBracket,
  kEqual,         // ==
  kNotEqual,      // !=
  kLess,          // <
  kLessEqual,     // <=
  kGreater,       // >
  kGreaterEqual,  // >=
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // Identifier name, unescaped string, or number spelling.
  double number = 0;
  int column = 1;
};

// A short description of a token for error messages ("')'", "the end").
std::string DescribeToken(const Token& token);

// Splits `text` into tokens ending with kEnd. kInvalidArgument with the
// message "column N: ..." on the first character that cannot start a token,
// an unterminated string, a malformed number or a string literal longer
// than `max_string_length` bytes.
core::Result<std::vector<Token>> Tokenise(std::string_view text, std::size_t max_string_length);

}  // namespace vigil::rules::internal
