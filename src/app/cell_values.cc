#include "app/cell_values.h"

#include "domain/text.h"

namespace vigil::app {

std::vector<std::string> SplitEscaped(std::string_view cell, char separator) {
  std::vector<std::string> pieces(1);
  for (std::size_t index = 0; index < cell.size(); ++index) {
    char c = cell[index];
    if (c == '\\' && index + 1 < cell.size()) {
      pieces.back() += c;
      pieces.back() += cell[++index];
    } else if (c == separator) {
      pieces.emplace_back();
    } else {
      pieces.back() += c;
    }
  }
  return pieces;
}

std::string Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '\\' && index + 1 < text.size()) ++index;
    out += text[index];
  }
  return out;
}

std::vector<std::string> RawListItems(std::string_view cell) {
  std::vector<std::string> items;
  for (const std::string& piece : SplitEscaped(cell, ';')) {
    std::string item = domain::Trim(piece);
    if (!item.empty()) items.push_back(std::move(item));
  }
  return items;
}

std::vector<std::string> ListItems(std::string_view cell) {
  std::vector<std::string> items;
  for (const std::string& item : RawListItems(cell)) items.push_back(domain::Trim(Unescape(item)));
  return items;
}

std::vector<std::string> ItemParts(std::string_view item) {
  std::vector<std::string> parts;
  for (const std::string& piece : SplitEscaped(item, '|')) {
    parts.push_back(domain::Trim(Unescape(piece)));
  }
  return parts;
}

}  // namespace vigil::app
