#include "rules/expression.h"

#include <algorithm>

#include "rules/parser.h"
#include "rules/program.h"

namespace vigil::rules {
namespace {

using internal::CompareOp;
using internal::Literal;
using internal::Node;
using internal::NodeKind;
using internal::Program;

// A value during evaluation. Text and lists point into the document or the
// program, which outlive the evaluation.
struct Value {
  enum class Kind { kNull, kBool, kNumber, kString, kList };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string_view text;
  Ref list;              // kList: the list in the document.
  std::size_t size = 0;  // kList: its number of items.

  static Value Bool(bool value) {
    Value result;
    result.kind = Kind::kBool;
    result.boolean = value;
    return result;
  }
  static Value Number(double value) {
    Value result;
    result.kind = Kind::kNumber;
    result.number = value;
    return result;
  }
  static Value Unknown() { return Value(); }
};

// The value of the fact at `ref` (groups and unknown facts are null).
Value FromDocument(const Document& document, Ref ref) {
  Value value;
  if (!ref) return value;
  Item item = document.Read(ref);
  switch (item.kind) {
    case Item::Kind::kBool:
      return Value::Bool(item.boolean);
    case Item::Kind::kNumber:
      return Value::Number(item.number);
    case Item::Kind::kString:
      value.kind = Value::Kind::kString;
      value.text = item.text;
      return value;
    case Item::Kind::kList:
      value.kind = Value::Kind::kList;
      value.list = ref;
      value.size = item.size;
      return value;
    default:
      return value;
  }
}

Value FromLiteral(const Literal& literal) {
  switch (literal.type) {
    case ValueType::kBool:
      return Value::Bool(literal.boolean);
    case ValueType::kNumber:
      return Value::Number(literal.number);
    case ValueType::kString: {
      Value value;
      value.kind = Value::Kind::kString;
      value.text = literal.text;
      return value;
    }
    default:
      return Value::Unknown();
  }
}

bool SameScalar(const Value& a, const Value& b) {
  switch (a.kind) {
    case Value::Kind::kBool:
      return a.boolean == b.boolean;
    case Value::Kind::kNumber:
      return a.number == b.number;
    case Value::Kind::kString:
      return a.text == b.text;
    default:
      return false;
  }
}

// Element scopes most expressions need (scope 0 is the roots, 1 the
// caller's element, 2 and up the lists of nested count/any/all calls); a
// deeper expression spills to the heap. Kept small: an Evaluator is made for
// every rule of every screening.
constexpr std::size_t kInlineScopes = 8;

class Evaluator {
 public:
  Evaluator(const Program& program, const Document& document, Ref element)
      : program_(program), document_(document), scopes_(inline_scopes_.data()) {
    std::size_t needed = static_cast<std::size_t>(program.scope_depth) + 2;
    if (needed > kInlineScopes) {
      spilled_scopes_.resize(needed);
      scopes_ = spilled_scopes_.data();
    }
    scopes_[1] = element;
  }

  Value Eval(int index) {
    const Node& node = program_.nodes[static_cast<std::size_t>(index)];
    switch (node.kind) {
      case NodeKind::kLiteral:
        return FromLiteral(node.literal);
      case NodeKind::kPath:
        return FromDocument(document_, Lookup(node));
      case NodeKind::kNot: {
        Value operand = Eval(node.children[0]);
        return operand.kind == Value::Kind::kBool ? Value::Bool(!operand.boolean)
                                                  : Value::Unknown();
      }
      case NodeKind::kAnd:
      case NodeKind::kOr:
        return EvalChain(node);
      case NodeKind::kCompare:
        return EvalCompare(node);
      case NodeKind::kInList:
        return EvalInList(node);
      case NodeKind::kInPath:
        return EvalInPath(node);
      case NodeKind::kCount:
      case NodeKind::kAny:
      case NodeKind::kAll:
        return EvalListCall(node);
    }
    return Value::Unknown();
  }

 private:
  // The fact a path names, or an empty Ref when missing.
  Ref Lookup(const Node& node) const {
    Ref current;
    if (node.scope == 0) {
      current = document_.Root(node.segments.front());
    } else {
      Ref element = scopes_[static_cast<std::size_t>(node.scope)];
      if (element) current = document_.Member(element, node.segments.front());
    }
    for (std::size_t index = 1; index < node.segments.size() && current; ++index) {
      current = document_.Member(current, node.segments[index]);
    }
    return current;
  }

  Value EvalChain(const Node& node) {
    bool is_and = node.kind == NodeKind::kAnd;
    bool unknown = false;
    for (int child : node.children) {
      Value value = Eval(child);
      if (value.kind != Value::Kind::kBool) {
        unknown = true;
      } else if (value.boolean != is_and) {
        return Value::Bool(!is_and);  // false decides "and"; true decides "or".
      }
    }
    return unknown ? Value::Unknown() : Value::Bool(is_and);
  }

  Value EvalCompare(const Node& node) {
    if (node.null_test) {
      const Node& other =
          program_.nodes[static_cast<std::size_t>(node.children[1 - node.null_side])];
      bool is_null;
      if (other.kind == NodeKind::kPath) {
        Ref fact = Lookup(other);
        is_null = !fact || document_.Read(fact).kind == Item::Kind::kUnknown;
      } else {
        is_null = Eval(node.children[1 - node.null_side]).kind == Value::Kind::kNull;
      }
      return Value::Bool(node.op == CompareOp::kEqual ? is_null : !is_null);
    }
    Value left = Eval(node.children[0]);
    Value right = Eval(node.children[1]);
    if (left.kind == Value::Kind::kNull || right.kind == Value::Kind::kNull ||
        left.kind != right.kind || left.kind == Value::Kind::kList) {
      return Value::Unknown();
    }
    switch (node.op) {
      case CompareOp::kEqual:
        return Value::Bool(SameScalar(left, right));
      case CompareOp::kNotEqual:
        return Value::Bool(!SameScalar(left, right));
      default:
        break;
    }
    int order;
    if (left.kind == Value::Kind::kNumber) {
      order = left.number < right.number ? -1 : (left.number > right.number ? 1 : 0);
    } else if (left.kind == Value::Kind::kString) {
      int compared = left.text.compare(right.text);
      order = compared < 0 ? -1 : (compared > 0 ? 1 : 0);
    } else {
      return Value::Unknown();
    }
    switch (node.op) {
      case CompareOp::kLess:
        return Value::Bool(order < 0);
      case CompareOp::kLessEqual:
        return Value::Bool(order <= 0);
      case CompareOp::kGreater:
        return Value::Bool(order > 0);
      default:
        return Value::Bool(order >= 0);
    }
  }

  Value EvalInList(const Node& node) {
    Value left = Eval(node.children[0]);
    if (left.kind == Value::Kind::kNull || left.kind == Value::Kind::kList) return Value::Unknown();
    for (const Literal& item : node.list) {
      Value candidate = FromLiteral(item);
      if (candidate.kind == left.kind && SameScalar(left, candidate)) return Value::Bool(true);
    }
    return Value::Bool(false);
  }

  Value EvalInPath(const Node& node) {
    Value left = Eval(node.children[0]);
    Value list = Eval(node.children[1]);
    if (left.kind != Value::Kind::kString || list.kind != Value::Kind::kList) {
      return Value::Unknown();
    }
    for (std::size_t index = 0; index < list.size; ++index) {
      Item item = document_.Read(document_.At(list.list, index));
      if (item.kind == Item::Kind::kString && item.text == left.text) return Value::Bool(true);
    }
    return Value::Bool(false);
  }

  Value EvalListCall(const Node& node) {
    Value list = Eval(node.children[0]);
    if (list.kind != Value::Kind::kList) return Value::Unknown();
    if (node.children.size() == 1) return Value::Number(static_cast<double>(list.size));
    std::size_t slot = static_cast<std::size_t>(node.scope);
    Ref saved = scopes_[slot];
    std::size_t trues = 0;
    bool unknown = false;
    bool decided = false;
    for (std::size_t index = 0; index < list.size; ++index) {
      scopes_[slot] = document_.At(list.list, index);
      Value value = Eval(node.children[1]);
      if (value.kind != Value::Kind::kBool) {
        unknown = true;
      } else if (value.boolean) {
        ++trues;
        if (node.kind == NodeKind::kAny) decided = true;
      } else if (node.kind == NodeKind::kAll) {
        decided = true;
      }
      if (decided) break;
    }
    scopes_[slot] = saved;
    switch (node.kind) {
      case NodeKind::kCount:
        return Value::Number(static_cast<double>(trues));
      case NodeKind::kAny:
        return decided ? Value::Bool(true) : (unknown ? Value::Unknown() : Value::Bool(false));
      default:
        return decided ? Value::Bool(false) : (unknown ? Value::Unknown() : Value::Bool(true));
    }
  }

  const Program& program_;
  const Document& document_;
  std::array<Ref, kInlineScopes> inline_scopes_{};
  std::vector<Ref> spilled_scopes_;
  Ref* scopes_;  // inline_scopes_ or spilled_scopes_.
};

}  // namespace

std::string_view TruthName(Truth truth) {
  switch (truth) {
    case Truth::kFalse:
      return "false";
    case Truth::kTrue:
      return "true";
    case Truth::kUnknown:
      return "unknown";
  }
  return "unknown";
}

Context::Context(std::initializer_list<const nlohmann::json*> roots) {
  for (const nlohmann::json* root : roots) {
    if (count_ < roots_.size() && root != nullptr) roots_[count_++] = root;
  }
}

const nlohmann::json* Context::Find(const std::string& name) const {
  for (std::size_t index = 0; index < count_; ++index) {
    const nlohmann::json* root = roots_[index];
    if (!root->is_object()) continue;
    auto it = root->find(name);
    if (it != root->end()) return &*it;
  }
  return nullptr;
}

Ref Context::Root(const std::string& name) const { return Ref{Find(name)}; }

Ref Context::Member(Ref group, const std::string& name) const {
  const auto* json = static_cast<const nlohmann::json*>(group.at);
  if (json == nullptr || !json->is_object()) return Ref();
  auto it = json->find(name);
  return it == json->end() ? Ref() : Ref{&*it};
}

Item Context::Read(Ref ref) const {
  const auto* json = static_cast<const nlohmann::json*>(ref.at);
  if (json == nullptr) return Item::Unknown();
  switch (json->type()) {
    case nlohmann::json::value_t::boolean:
      return Item::Bool(json->get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return Item::Number(json->get<double>());
    case nlohmann::json::value_t::string:
      return Item::Text(json->get_ref<const std::string&>());
    case nlohmann::json::value_t::array:
      return Item::List(json->size());
    case nlohmann::json::value_t::object:
      return Item::Group();
    default:
      return Item::Unknown();
  }
}

Ref Context::At(Ref list, std::size_t index) const {
  const auto* json = static_cast<const nlohmann::json*>(list.at);
  return Ref{&(*json)[index]};
}

Expression::Expression(std::string text, std::shared_ptr<const internal::Program> program)
    : text_(std::move(text)), program_(std::move(program)) {}

core::Result<Expression> Expression::Parse(std::string_view text, const Schema& schema,
                                           const Schema* element, const Limits& limits) {
  auto program = internal::ParseProgram(text, schema, element, limits);
  if (!program.ok()) return program.status();
  return Expression(std::string(text),
                    std::make_shared<const internal::Program>(std::move(program).value()));
}

const std::vector<std::string>& Expression::root_paths() const {
  static const std::vector<std::string> none;
  return program_ ? program_->root_paths : none;
}

Truth Expression::Evaluate(const Context& context, const nlohmann::json* element) const {
  return Evaluate(static_cast<const Document&>(context), Ref{element});
}

Truth Expression::Evaluate(const Document& document, Ref element) const {
  if (!program_ || program_->root < 0) return Truth::kUnknown;
  Value value = Evaluator(*program_, document, element).Eval(program_->root);
  if (value.kind != Value::Kind::kBool) return Truth::kUnknown;
  return value.boolean ? Truth::kTrue : Truth::kFalse;
}

}  // namespace vigil::rules
