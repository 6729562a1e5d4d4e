// The grammar of rule expressions (see parser.h), each rule checked as it
// is built.

#include "rules/parser.h"

#include <algorithm>

#include "rules/lexer.h"
#include "rules/parser_state.h"

namespace vigil::rules::internal {

template <typename Operand>
int Parser::ParseChain(std::string_view word, NodeKind kind, Operand operand) {
  int first = operand();
  if (first < 0 || !PeekKeyword(word)) return first;
  Node node;
  node.kind = kind;
  node.type = ValueType::kBool;
  node.column = NodeAt(first).column;
  if (!RequireBool(first, "each side of '" + std::string(word) + "'")) return -1;
  node.children.push_back(first);
  while (PeekKeyword(word)) {
    Next();
    int next = operand();
    if (next < 0 || !RequireBool(next, "each side of '" + std::string(word) + "'")) return -1;
    node.children.push_back(next);
  }
  return AddNode(std::move(node));
}

core::Result<Program> Parser::Run() {
  int root = ParseOr();
  if (root >= 0 && Peek().kind != TokenKind::kEnd) {
    Fail(Peek().column,
         "expected 'and', 'or' or the end of the rule but found " + DescribeToken(Peek()));
  }
  if (root >= 0 && !failed_) RequireBool(root, "a rule");
  if (failed_) return core::InvalidArgument(error_);
  program_.root = root;
  return std::move(program_);
}

int Parser::ParseOr() {
  return ParseChain("or", NodeKind::kOr, [this] { return ParseAnd(); });
}

int Parser::ParseAnd() {
  return ParseChain("and", NodeKind::kAnd, [this] { return ParseUnary(); });
}

int Parser::ParseUnary() {
  if (!PeekKeyword("not")) return ParseComparison();
  int column = Next().column;
  DepthGuard guard(*this, column);
  if (!guard.ok()) return -1;
  int operand = ParseUnary();
  if (operand < 0 || !RequireBool(operand, "what follows 'not'")) return -1;
  Node node;
  node.kind = NodeKind::kNot;
  node.type = ValueType::kBool;
  node.column = column;
  node.children.push_back(operand);
  return AddNode(std::move(node));
}

int Parser::ParseComparison() {
  int left = ParseOperand();
  if (left < 0) return -1;
  const Token& token = Peek();
  CompareOp op;
  switch (token.kind) {
    case TokenKind::kEqual:
      op = CompareOp::kEqual;
      break;
    case TokenKind::kNotEqual:
      op = CompareOp::kNotEqual;
      break;
    case TokenKind::kLess:
      op = CompareOp::kLess;
      break;
    case TokenKind::kLessEqual:
      op = CompareOp::kLessEqual;
      break;
    case TokenKind::kGreater:
      op = CompareOp::kGreater;
      break;
    case TokenKind::kGreaterEqual:
      op = CompareOp::kGreaterEqual;
      break;
    default:
      if (PeekKeyword("in")) return ParseIn(left, false);
      if (PeekKeyword("not") && PeekKeyword("in", 1)) {
        Next();
        return ParseIn(left, true);
      }
      return left;
  }
  int column = Next().column;
  int right = ParseOperand();
  if (right < 0) return -1;
  return MakeComparison(left, right, op, column);
}

bool Parser::ReadLiteral(const Token& token, Literal& literal) {
  if (token.kind == TokenKind::kString) {
    literal.type = ValueType::kString;
    literal.text = token.text;
    return true;
  }
  if (token.kind == TokenKind::kNumber) {
    literal.type = ValueType::kNumber;
    literal.number = token.number;
    return true;
  }
  if (token.kind == TokenKind::kIdentifier && (token.text == "true" || token.text == "false")) {
    literal.type = ValueType::kBool;
    literal.boolean = token.text == "true";
    return true;
  }
  return false;
}

int Parser::ParseOperand() {
  const Token& token = Peek();
  Node node;
  node.kind = NodeKind::kLiteral;
  node.column = token.column;
  if (ReadLiteral(token, node.literal)) {
    Next();
    node.type = node.literal.type;
    return AddNode(std::move(node));
  }
  if (token.kind == TokenKind::kIdentifier && token.text == "null") {
    Next();
    node.type = ValueType::kNull;
    return AddNode(std::move(node));
  }
  if (token.kind == TokenKind::kLeftParen) {
    int column = Next().column;
    DepthGuard guard(*this, column);
    if (!guard.ok()) return -1;
    int inner = ParseOr();
    if (inner < 0 || !Expect(TokenKind::kRightParen, "')'")) return -1;
    return inner;
  }
  if (token.kind == TokenKind::kIdentifier && !IsKeyword(token.text)) {
    bool call = Peek(1).kind == TokenKind::kLeftParen;
    if (call && (token.text == "count" || token.text == "any" || token.text == "all")) {
      return ParseCall(Next());
    }
    if (call)
      return Fail(token.column, "unknown function '" + token.text + "'; use count, any or all");
    return ParsePath(Next());
  }
  return Fail(token.column, "expected a fact, a value or '(' but found " + DescribeToken(token));
}

int Parser::ParseCall(const Token& name) {
  DepthGuard guard(*this, name.column);
  if (!guard.ok()) return -1;
  Next();  // "("
  if (Peek().kind != TokenKind::kIdentifier || IsKeyword(Peek().text)) {
    return Fail(Peek().column, "expected a list fact after '" + name.text + "(' but found " +
                                   DescribeToken(Peek()));
  }
  int list = ParsePath(Next());
  if (list < 0) return -1;
  const Schema::Field* field = fields_[static_cast<std::size_t>(list)];
  bool counting = name.text == "count";
  bool has_condition = Peek().kind == TokenKind::kComma;
  ValueType list_type = NodeAt(list).type;
  if (list_type != ValueType::kObjectList &&
      !(counting && !has_condition && list_type == ValueType::kStringList)) {
    return Fail(NodeAt(list).column,
                name.text + "(...) needs a list of groups" +
                    std::string(counting ? " (or a list of text without a condition)" : "") +
                    ", but this is " + Describe(list));
  }
  Node node;
  node.kind = counting ? NodeKind::kCount : (name.text == "any" ? NodeKind::kAny : NodeKind::kAll);
  node.type = counting ? ValueType::kNumber : ValueType::kBool;
  node.column = name.column;
  node.children.push_back(list);
  if (has_condition) {
    Next();
    scopes_.push_back(&field->members);
    node.scope = static_cast<int>(scopes_.size()) - 1;
    program_.scope_depth = std::max(program_.scope_depth, node.scope);
    int condition = ParseOr();
    scopes_.pop_back();
    if (condition < 0 || !RequireBool(condition, "the condition of " + name.text + "(...)")) {
      return -1;
    }
    node.children.push_back(condition);
  } else if (!counting) {
    return Fail(Peek().column, "expected ',' and a condition after the list in " + name.text +
                                   "(...) but found " + DescribeToken(Peek()));
  }
  if (!Expect(TokenKind::kRightParen, "')'")) return -1;
  return AddNode(std::move(node));
}

int Parser::ParsePath(const Token& first) {
  Node node;
  node.kind = NodeKind::kPath;
  node.column = first.column;
  const Schema::Field* field = nullptr;
  for (int scope = static_cast<int>(scopes_.size()) - 1; scope >= 0 && field == nullptr; --scope) {
    field = scopes_[static_cast<std::size_t>(scope)]->Find(first.text);
    if (field != nullptr) node.scope = scope;
  }
  if (field == nullptr) return Fail(first.column, UnknownName(first.text));
  node.segments.push_back(first.text);
  while (Peek().kind == TokenKind::kDot) {
    Next();
    const Token& name = Next();
    std::string so_far = node.segments.front();
    for (std::size_t index = 1; index < node.segments.size(); ++index) {
      so_far += "." + node.segments[index];
    }
    if (name.kind != TokenKind::kIdentifier) {
      return Fail(name.column,
                  "expected a name after '" + so_far + ".' but found " + DescribeToken(name));
    }
    if (field->type == ValueType::kObjectList) {
      return Fail(name.column, "'" + so_far + "' is a list; use any(" + so_far + ", " + name.text +
                                   " ...) or count(" + so_far + ", ...)");
    }
    if (field->type != ValueType::kObject) {
      return Fail(name.column, "'" + so_far + "' is " + std::string(ValueTypeName(field->type)) +
                                   " and has no '" + name.text + "'");
    }
    const Schema::Field* member = field->members.Find(name.text);
    if (member == nullptr) {
      std::vector<std::string> names;
      for (const Schema::Field& candidate : field->members.fields())
        names.push_back(candidate.name);
      return Fail(name.column, "unknown fact '" + so_far + "." + name.text + "'; '" + so_far +
                                   "' has: " + JoinNames(names, 40));
    }
    field = member;
    node.segments.push_back(name.text);
  }
  node.type = field->type;
  if (node.scope == 0) {
    std::string path = node.segments.front();
    for (std::size_t index = 1; index < node.segments.size(); ++index) {
      path += "." + node.segments[index];
    }
    std::vector<std::string>& paths = program_.root_paths;
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
  }
  return AddNode(std::move(node), field);
}

core::Result<Program> ParseProgram(std::string_view text, const Schema& schema,
                                   const Schema* element, const Limits& limits) {
  if (text.size() > limits.max_length) {
    return core::InvalidArgument("column " + std::to_string(limits.max_length + 1) +
                                 ": rule is longer than " + std::to_string(limits.max_length) +
                                 " characters");
  }
  auto tokens = Tokenise(text, limits.max_string_length);
  if (!tokens.ok()) return tokens.status();
  if (tokens->size() == 1) return core::InvalidArgument("column 1: the rule is empty");
  return Parser(std::move(tokens).value(), schema, element, limits).Run();
}

}  // namespace vigil::rules::internal
