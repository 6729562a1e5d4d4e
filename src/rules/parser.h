#pragma once
// The recursive-descent parser and type checker of rule expressions.
// Internal to vigil_rules; Expression::Parse is the public entry point.
//
// Grammar (keywords are lower case; `not in` is two words):
//   condition  := or
//   or         := and { "or" and }
//   and        := unary { "and" unary }
//   unary      := "not" unary | comparison
//   comparison := operand [ ("=="|"!="|"<"|"<="|">"|">=") operand
//                         | ["not"] "in" ( "[" [literal {"," literal}] "]" | path ) ]
//   operand    := literal | path | "(" or ")"
//               | ("count") "(" path [ "," or ] ")"
//               | ("any"|"all") "(" path "," or ")"
//   path       := name { "." name }
//   literal    := "true" | "false" | "null" | number | "text" | 'text'

#include <string_view>

#include "core/result.h"
#include "rules/expression.h"
#include "rules/program.h"

namespace vigil::rules::internal {

// Parses `text` into a checked Program whose root is a condition. Errors
// as Expression::Parse.
core::Result<Program> ParseProgram(std::string_view text, const Schema& schema,
                                   const Schema* element, const Limits& limits);

}  // namespace vigil::rules::internal
