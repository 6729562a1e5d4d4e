// The type checks of rule expressions and the wording of their errors.

#include <algorithm>

#include "rules/parser_state.h"

namespace vigil::rules::internal {

bool IsKeyword(std::string_view name) {
  return name == "and" || name == "or" || name == "not" || name == "in" || name == "true" ||
         name == "false" || name == "null";
}

bool IsScalar(ValueType type) {
  return type == ValueType::kBool || type == ValueType::kNumber || type == ValueType::kString;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string JoinNames(const std::vector<std::string>& names, std::size_t limit) {
  std::string out;
  for (std::size_t index = 0; index < names.size() && index < limit; ++index) {
    if (index > 0) out += ", ";
    out += names[index];
  }
  if (names.size() > limit) out += ", ...";
  return out;
}

// How a node is named in messages: the path, the literal or its type.
std::string Parser::Describe(int index) const {
  const Node& node = NodeAt(index);
  if (node.kind == NodeKind::kPath) {
    std::string path;
    for (const std::string& segment : node.segments) path += (path.empty() ? "" : ".") + segment;
    return "'" + path + "' (" + std::string(ValueTypeName(node.type)) + ")";
  }
  if (node.kind == NodeKind::kLiteral && node.type == ValueType::kString) {
    return "\"" + node.literal.text + "\" (text)";
  }
  return "a " + std::string(ValueTypeName(node.type)) + " value";
}

bool Parser::RequireBool(int index, std::string_view role) {
  if (NodeAt(index).type == ValueType::kBool) return true;
  Fail(NodeAt(index).column,
       std::string(role) + " must be true or false, but this is " + Describe(index));
  return false;
}

// A text literal checked against a fact's closed list of values.
bool Parser::CheckAllowed(const Schema::Field* field, const Literal& literal, int column) {
  if (field == nullptr || field->allowed.empty() || literal.type != ValueType::kString) {
    return true;
  }
  if (std::find(field->allowed.begin(), field->allowed.end(), literal.text) !=
      field->allowed.end()) {
    return true;
  }
  Fail(column, "\"" + literal.text + "\" is not a value of '" + field->name +
                   "'; expected one of: " + JoinNames(field->allowed, 40));
  return false;
}

int Parser::MakeComparison(int left, int right, CompareOp op, int column) {
  ValueType left_type = NodeAt(left).type;
  ValueType right_type = NodeAt(right).type;
  Node node;
  node.kind = NodeKind::kCompare;
  node.type = ValueType::kBool;
  node.column = column;
  node.op = op;
  node.children = {left, right};
  bool ordering = op != CompareOp::kEqual && op != CompareOp::kNotEqual;
  if (left_type == ValueType::kNull && right_type == ValueType::kNull) {
    return Fail(column, "compares null with null");
  }
  if (left_type == ValueType::kNull || right_type == ValueType::kNull) {
    if (ordering) return Fail(column, "only == and != can compare with null");
    node.null_test = true;
    node.null_side = left_type == ValueType::kNull ? 0 : 1;
    return AddNode(std::move(node));
  }
  for (int side : {left, right}) {
    if (!IsScalar(NodeAt(side).type)) {
      return Fail(NodeAt(side).column, "cannot compare " + Describe(side) +
                                           (NodeAt(side).type == ValueType::kStringList
                                                ? "; use \"value\" in list"
                                                : "; use count(...), any(...) or all(...)"));
    }
  }
  if (left_type != right_type) {
    return Fail(column, "cannot compare " + Describe(left) + " with " + Describe(right));
  }
  if (ordering && left_type == ValueType::kBool) {
    return Fail(column, "true or false values can only be compared with == and !=");
  }
  if (!CheckAllowed(fields_[static_cast<std::size_t>(left)], NodeAt(right).literal,
                    NodeAt(right).column) ||
      !CheckAllowed(fields_[static_cast<std::size_t>(right)], NodeAt(left).literal,
                    NodeAt(left).column)) {
    return -1;
  }
  return AddNode(std::move(node));
}

int Parser::ParseIn(int left, bool negate) {
  int column = Next().column;  // "in"
  ValueType left_type = NodeAt(left).type;
  if (!IsScalar(left_type)) {
    return Fail(NodeAt(left).column,
                "what comes before 'in' must be a single value, but this is " + Describe(left));
  }
  Node node;
  node.type = ValueType::kBool;
  node.column = column;
  node.children.push_back(left);
  const Schema::Field* field = fields_[static_cast<std::size_t>(left)];
  if (Peek().kind == TokenKind::kLeftBracket) {
    Next();
    node.kind = NodeKind::kInList;
    while (Peek().kind != TokenKind::kRightBracket) {
      if (!node.list.empty() && !Expect(TokenKind::kComma, "',' or ']'")) return -1;
      const Token& item = Next();
      Literal literal;
      if (!ReadLiteral(item, literal)) {
        return Fail(item.column, "expected a value in the list but found " + DescribeToken(item));
      }
      if (literal.type != left_type) {
        return Fail(item.column, "list item " + DescribeToken(item) + " is not " +
                                     std::string(ValueTypeName(left_type)) + " like " +
                                     Describe(left));
      }
      if (!CheckAllowed(field, literal, item.column)) return -1;
      node.list.push_back(std::move(literal));
      if (node.list.size() > limits_.max_list_items) {
        return Fail(item.column,
                    "list has more than " + std::to_string(limits_.max_list_items) + " items");
      }
    }
    Next();  // "]"
    if (node.list.empty()) return Fail(column, "the list after 'in' is empty");
  } else if (Peek().kind == TokenKind::kIdentifier && !IsKeyword(Peek().text)) {
    int list = ParsePath(Next());
    if (list < 0) return -1;
    if (NodeAt(list).type != ValueType::kStringList || left_type != ValueType::kString) {
      return Fail(NodeAt(list).column,
                  "'in' needs a list of text after it and text before it, "
                  "but found " +
                      Describe(left) + " in " + Describe(list));
    }
    if (!CheckAllowed(fields_[static_cast<std::size_t>(list)], NodeAt(left).literal,
                      NodeAt(left).column)) {
      return -1;
    }
    node.kind = NodeKind::kInPath;
    node.children.push_back(list);
  } else {
    return Fail(Peek().column, "expected a list [...] or a list fact after 'in' but found " +
                                   DescribeToken(Peek()));
  }
  int in = AddNode(std::move(node));
  if (in < 0 || !negate) return in;
  Node negation;
  negation.kind = NodeKind::kNot;
  negation.type = ValueType::kBool;
  negation.column = column;
  negation.children.push_back(in);
  return AddNode(std::move(negation));
}

std::string Parser::UnknownName(const std::string& name) const {
  std::string best;
  std::size_t best_distance = 3;
  std::vector<std::string> names;
  for (const Schema* scope : scopes_) {
    for (const Schema::Field& field : scope->fields()) {
      names.push_back(field.name);
      std::size_t distance = EditDistance(name, field.name);
      if (distance < best_distance) {
        best_distance = distance;
        best = field.name;
      }
    }
  }
  std::string message = "unknown fact '" + name + "'";
  if (!best.empty()) return message + "; did you mean '" + best + "'?";
  return message + "; known facts: " + JoinNames(names, 40);
}

}  // namespace vigil::rules::internal
