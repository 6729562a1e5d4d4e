#pragma once
// The recursive-descent parser's working state. Internal to vigil_rules:
// parser.cc holds the grammar, parser_checks.cc the type checks and the
// messages; both implement this class. Not thread-safe (one per parse).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "rules/expression.h"
#include "rules/lexer.h"
#include "rules/program.h"

namespace vigil::rules::internal {

// Nesting is capped whatever Limits asks, so the evaluator's scope stack fits.
inline constexpr int kMaxDepthCap = 48;

// and, or, not, in, true, false, null.
bool IsKeyword(std::string_view name);
// true or false, number or text.
bool IsScalar(ValueType type);
// Levenshtein distance, for "did you mean".
std::size_t EditDistance(std::string_view a, std::string_view b);
// "a, b, c" (at most `limit` names, then ", ...").
std::string JoinNames(const std::vector<std::string>& names, std::size_t limit = 12);

class Parser {
 public:
  Parser(std::vector<Token> tokens, const Schema& schema, const Schema* element,
         const Limits& limits)
      : tokens_(std::move(tokens)), limits_(limits) {
    limits_.max_depth = std::min(limits_.max_depth, kMaxDepthCap);
    scopes_.push_back(&schema);
    if (element != nullptr) scopes_.push_back(element);
    program_.scope_depth = static_cast<int>(scopes_.size()) - 1;
  }

  // Parses the whole token list as a condition.
  core::Result<Program> Run();

 private:
  // Raises the nesting depth for its lifetime; fails past the limit.
  class DepthGuard {
   public:
    DepthGuard(Parser& parser, int column) : parser_(parser) {
      if (++parser_.depth_ > parser_.limits_.max_depth) {
        parser_.Fail(column, "rule is nested more than " +
                                 std::to_string(parser_.limits_.max_depth) + " levels deep");
      }
    }
    ~DepthGuard() { --parser_.depth_; }
    bool ok() const { return !parser_.failed_; }

   private:
    Parser& parser_;
  };

  const Token& Peek(std::size_t ahead = 0) const {
    std::size_t at = std::min(index_ + ahead, tokens_.size() - 1);
    return tokens_[at];
  }
  const Token& Next() {
    const Token& token = tokens_[index_];
    if (index_ + 1 < tokens_.size()) ++index_;
    return token;
  }
  bool PeekKeyword(std::string_view word, std::size_t ahead = 0) const {
    return Peek(ahead).kind == TokenKind::kIdentifier && Peek(ahead).text == word;
  }
  int Fail(int column, const std::string& message) {
    if (!failed_) {
      failed_ = true;
      error_ = "column " + std::to_string(column) + ": " + message;
    }
    return -1;
  }
  bool Expect(TokenKind kind, std::string_view what) {
    if (Peek().kind == kind) {
      Next();
      return true;
    }
    Fail(Peek().column, "expected " + std::string(what) + " but found " + DescribeToken(Peek()));
    return false;
  }
  int AddNode(Node node, const Schema::Field* field = nullptr) {
    if (program_.nodes.size() >= limits_.max_nodes) {
      return Fail(node.column,
                  "rule has more than " + std::to_string(limits_.max_nodes) + " parts");
    }
    program_.nodes.push_back(std::move(node));
    fields_.push_back(field);
    return static_cast<int>(program_.nodes.size()) - 1;
  }
  const Node& NodeAt(int index) const { return program_.nodes[static_cast<std::size_t>(index)]; }

  // How a node is named in messages: the path, the literal or its type.
  std::string Describe(int index) const;
  // Fails unless the node is true or false; `role` names it in the message.
  bool RequireBool(int index, std::string_view role);
  // A text literal checked against a fact's closed list of values.
  bool CheckAllowed(const Schema::Field* field, const Literal& literal, int column);
  std::string UnknownName(const std::string& name) const;

  // The grammar (parser.cc). Each returns the new node's index, or -1 after
  // recording the error.
  int ParseOr();
  int ParseAnd();
  template <typename Operand>
  int ParseChain(std::string_view word, NodeKind kind, Operand operand);
  int ParseUnary();
  int ParseComparison();
  int ParseOperand();
  int ParseCall(const Token& name);
  int ParsePath(const Token& first);
  static bool ReadLiteral(const Token& token, Literal& literal);
  // Type-checked operators (parser_checks.cc).
  int MakeComparison(int left, int right, CompareOp op, int column);
  int ParseIn(int left, bool negate);

  std::vector<Token> tokens_;
  Limits limits_;
  std::size_t index_ = 0;
  std::vector<const Schema*> scopes_;
  std::vector<const Schema::Field*> fields_;  // Parallel to program_.nodes.
  int depth_ = 0;
  bool failed_ = false;
  std::string error_;
  Program program_;
};

}  // namespace vigil::rules::internal
