#pragma once
// Multi-valued CSV cells: "a;b;c" lists whose items may have parts
// ("line1|line2|town|postcode"). A backslash makes the next character
// literal, so "\;", "\|" and "\\" stand for ";", "|" and "\". Pure
// functions; thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace vigil::app {

// Splits `cell` at every `separator` not preceded by a backslash. Escapes
// are kept (so the pieces can be split again); pieces are not trimmed.
// An empty cell gives one empty piece.
std::vector<std::string> SplitEscaped(std::string_view cell, char separator);

// `text` with each backslash escape replaced by the character it escapes
// (a backslash at the very end stays a backslash).
std::string Unescape(std::string_view text);

// The items of a ";" list: split, trimmed, unescaped; empty items dropped.
std::vector<std::string> ListItems(std::string_view cell);

// The "|" parts of one list item, each trimmed and unescaped. `item` is a
// piece from SplitEscaped (escapes still in place).
std::vector<std::string> ItemParts(std::string_view item);

// The items of a ";" list, each still escaped (for ItemParts), trimmed, with
// empty items dropped.
std::vector<std::string> RawListItems(std::string_view cell);

}  // namespace vigil::app
