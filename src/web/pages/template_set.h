#pragma once
// TemplateSet: the Mustache templates of the pages (pages/templates/*.mustache),
// read once at start and rendered with mstch. Loading checks every template
// so a broken one stops `vigil serve` with a clear message instead of
// rendering a broken page later: sections must be closed in order, every
// partial named must exist, and unescaped output ({{{...}}} and {{&...}}) and
// delimiter changes are refused, so every value is HTML-escaped. Escaping
// covers & < > " ' and is installed by Load. Immutable after Load;
// rendering is thread-safe.

#include <map>
#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "core/result.h"

namespace vigil::web::pages {

class TemplateSet {
 public:
  // Reads every *.mustache file in `folder` (the file name without the
  // extension is the template's name, also usable as a partial). kNotFound
  // when the folder is missing or empty; kInvalidArgument listing every
  // problem as "<file>:<line>" with what is wrong.
  static core::Result<TemplateSet> Load(const std::string& folder);

  // Builds a set from named template texts (tests), checked as Load does.
  static core::Result<TemplateSet> FromTexts(std::map<std::string, std::string> texts);

  // Renders template `name` with `context`; every other template is
  // available as a partial. Aborts when `name` is unknown (a programmer
  // error: handlers name fixed templates).
  std::string Render(std::string_view name, const mstch::map& context) const;

  bool Has(std::string_view name) const { return texts_.count(std::string(name)) > 0; }
  // The text of template `name` (empty when unknown).
  std::string_view Text(std::string_view name) const {
    auto found = texts_.find(std::string(name));
    return found == texts_.end() ? std::string_view() : std::string_view(found->second);
  }

 private:
  std::map<std::string, std::string> texts_;
};

// `text` with & < > " ' replaced by HTML character references.
std::string EscapeHtml(const std::string& text);

}  // namespace vigil::web::pages
