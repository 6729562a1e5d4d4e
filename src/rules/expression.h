#pragma once
// Rule expressions: the small, total language in which config/ states
// conditions ("show this question if", "this escalation factor applies if",
// "suggest this action if"). Infix text such as
//
//   relationship in ["ex_partner", "current_partner"] and risk.level == "high"
//   count(occasions, victim_feared_violence == true) >= 2
//   any(occasions, "following" in behaviours) or not unwanted
//
// Literals (true, false, null, numbers, "text"), fact paths, comparisons
// (== != < <= > >=), `in [...]` / `in <list fact>` / `not in`, and / or /
// not, and count / any / all over lists. No loops, no side effects, bounded
// size and depth; every expression terminates. Evaluation uses three-valued
// logic: a missing or null fact is *unknown*, and unknown propagates
// (false and unknown = false; true or unknown = true; comparisons with
// unknown are unknown) except in `== null` / `!= null`, which test for it.
// Parsing checks every path, type and closed value against a Schema, so a
// typo is an error at load with its column. Expression is immutable and
// cheap to copy; evaluate it from any number of threads. Facts are read
// through a Document (document.h): Context over JSON values, or a caller's
// own view over its structs.

#include <array>
#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "rules/document.h"
#include "rules/schema.h"

namespace vigil::rules {

namespace internal {
struct Program;
}

// The value of a condition: three-valued.
enum class Truth { kFalse, kTrue, kUnknown };

// "false", "true", "unknown".
std::string_view TruthName(Truth truth);

// Bounds on what an expression may be, checked while parsing.
struct Limits {
  std::size_t max_length = 2000;        // Bytes of expression text.
  std::size_t max_nodes = 256;          // Literals, paths, operators and calls.
  int max_depth = 24;                   // Nesting of brackets, not and calls (at most 48).
  std::size_t max_list_items = 64;      // Items in one `[...]`.
  std::size_t max_string_length = 200;  // Bytes in one "text" literal.
};

// The documents an expression reads. A path's first name is looked up in
// each root in turn (so facts, results and risk can live in separate JSON
// objects without copying them into one). Holds pointers: the documents
// must outlive the evaluation. At most four roots.
class Context : public Document {
 public:
  // Searches `roots` in order; null pointers are skipped, roots after the
  // fourth ignored.
  Context(std::initializer_list<const nlohmann::json*> roots);
  // The first root object holding `name`, or nullptr.
  const nlohmann::json* Find(const std::string& name) const;

  // Document over the roots: a Ref's `at` is the nlohmann::json it names.
  Ref Root(const std::string& name) const override;
  Ref Member(Ref group, const std::string& name) const override;
  Item Read(Ref ref) const override;
  Ref At(Ref list, std::size_t index) const override;

 private:
  std::array<const nlohmann::json*, 4> roots_{};
  std::size_t count_ = 0;
};

class Expression {
 public:
  // Parses and checks `text` as a condition (its value must be true or
  // false) over `schema`. When `element` is given the expression is written
  // for one element of a list (for example a question asked per occasion):
  // names resolve in `element` first, then in `schema`. kInvalidArgument
  // with a message "column N: ..." for a syntax error, an unknown fact, a
  // value outside a fact's closed list, a type mismatch or a broken limit.
  static core::Result<Expression> Parse(std::string_view text, const Schema& schema,
                                        const Schema* element = nullptr,
                                        const Limits& limits = Limits());

  // Evaluates against `context` (and `element`, the current list element,
  // for expressions parsed with an element schema). Never fails: facts of
  // an unexpected JSON type count as unknown.
  Truth Evaluate(const Context& context, const nlohmann::json* element = nullptr) const;

  // As above, over any Document; `element` (a Ref from `document`) is the
  // current list element for expressions parsed with an element schema.
  Truth Evaluate(const Document& document, Ref element = Ref()) const;

  // The source text.
  const std::string& text() const { return text_; }

  // The facts it reads from the root documents (not from list elements),
  // dotted ("result.candidates.stalking.status"), each once, in order.
  const std::vector<std::string>& root_paths() const;

 private:
  Expression(std::string text, std::shared_ptr<const internal::Program> program);

  std::string text_;
  std::shared_ptr<const internal::Program> program_;
};

}  // namespace vigil::rules
