#pragma once
// The parsed, type-checked form of a rule expression: a flat list of nodes
// (children by index). Internal to vigil_rules; built by the parser, read by
// the evaluator. Immutable once built.

#include <string>
#include <vector>

#include "rules/schema.h"

namespace vigil::rules::internal {

enum class NodeKind {
  kLiteral,  // literal
  kPath,     // scope + segments
  kNot,      // children[0]
  kAnd,      // children (two or more)
  kOr,       // children (two or more)
  kCompare,  // op, children[0] op children[1]; null_test when one side is `null`
  kInList,   // children[0] in list
  kInPath,   // children[0] in children[1] (a list of text)
  kCount,    // children[0] list [, children[1] condition per element]
  kAny,      // children[0] list, children[1] condition per element
  kAll,      // children[0] list, children[1] condition per element
};

enum class CompareOp { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual };

struct Literal {
  ValueType type = ValueType::kNull;  // kNull, kBool, kNumber or kString.
  bool boolean = false;
  double number = 0;
  std::string text;
};

struct Node {
  NodeKind kind = NodeKind::kLiteral;
  ValueType type = ValueType::kNull;  // Static type of the node's value.
  int column = 1;
  Literal literal;
  // kPath: 0 reads the root documents; n >= 1 reads the element of the n-th
  // enclosing scope (the caller's element is scope 1 when given).
  int scope = 0;
  std::vector<std::string> segments;
  CompareOp op = CompareOp::kEqual;
  bool null_test = false;  // kCompare against the literal null.
  int null_side = 1;       // Which child is the literal null when null_test.
  std::vector<int> children;
  std::vector<Literal> list;
};

struct Program {
  std::vector<Node> nodes;
  int root = -1;
  int scope_depth = 0;  // Deepest element scope used (sizes the evaluator's stack).
  // The facts read from the root documents, dotted ("result.stalking_indicated"),
  // each once, in order of appearance.
  std::vector<std::string> root_paths;
};

}  // namespace vigil::rules::internal
