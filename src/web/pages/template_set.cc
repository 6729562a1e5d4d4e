#include "web/pages/template_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "core/check.h"

namespace vigil::web::pages {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kExtension = ".mustache";

int LineOf(const std::string& text, std::size_t position) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + position, '\n'));
}

std::string Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

// Every problem in template `name`, added to `problems`.
void CheckTemplate(const std::string& name, const std::string& text,
                   const std::map<std::string, std::string>& all,
                   std::vector<core::FieldError>& problems) {
  std::string file = name + std::string(kExtension);
  auto problem = [&](std::size_t position, const std::string& message) {
    problems.push_back(
        {file + ":" + std::to_string(LineOf(text, position)), "bad_template", message});
  };
  std::vector<std::pair<std::string, std::size_t>> open_sections;
  std::size_t position = 0;
  while (true) {
    std::size_t open = text.find("{{", position);
    if (open == std::string::npos) break;
    std::size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) {
      problem(open, "a tag opened with {{ is never closed with }}");
      return;
    }
    std::string tag = text.substr(open + 2, close - open - 2);
    position = close + 2;
    if (tag.empty()) {
      problem(open, "an empty tag {{}}");
      continue;
    }
    char sigil = tag.front();
    std::string key = Trim(std::string_view(tag).substr(1));
    switch (sigil) {
      case '{':
      case '&':
        problem(open, "unescaped output {{" + tag + "}} is not allowed; every value is escaped");
        if (sigil == '{' && position < text.size() && text[position] == '}') ++position;
        break;
      case '=':
        problem(open, "changing the delimiters is not allowed");
        break;
      case '#':
      case '^':
        open_sections.emplace_back(key, open);
        break;
      case '/':
        if (open_sections.empty()) {
          problem(open, "{{/" + key + "}} closes a section that was never opened");
        } else if (open_sections.back().first != key) {
          problem(open, "{{/" + key + "}} closes a section while {{#" + open_sections.back().first +
                            "}} is still open");
          open_sections.pop_back();
        } else {
          open_sections.pop_back();
        }
        break;
      case '>':
        if (all.count(key) == 0) problem(open, "the partial '" + key + "' does not exist");
        break;
      case '!':
        break;
      default:
        if (Trim(tag).empty()) problem(open, "an empty tag");
        break;
    }
  }
  for (const auto& [key, at] : open_sections) {
    problem(at, "the section {{#" + key + "}} is never closed");
  }
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

core::Result<TemplateSet> TemplateSet::FromTexts(std::map<std::string, std::string> texts) {
  std::vector<core::FieldError> problems;
  for (const auto& [name, text] : texts) CheckTemplate(name, text, texts, problems);
  if (!problems.empty()) {
    return core::InvalidArgument("the page templates have problems", std::move(problems));
  }
  mstch::config::escape = EscapeHtml;
  TemplateSet set;
  set.texts_ = std::move(texts);
  return set;
}

core::Result<TemplateSet> TemplateSet::Load(const std::string& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    return core::NotFound("page templates: the folder " + folder + " is missing");
  }
  std::map<std::string, std::string> texts;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || path.extension() != kExtension) continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return core::Unavailable("page templates: cannot read " + path.string());
    texts.emplace(path.stem().string(), content.str());
  }
  if (texts.empty()) return core::NotFound("page templates: no *.mustache files in " + folder);
  core::Result<TemplateSet> set = FromTexts(std::move(texts));
  if (!set.ok()) {
    core::Status status = set.status();
    return core::InvalidArgument("the page templates in " + folder + " have problems",
                                 status.field_errors());
  }
  return set;
}

std::string TemplateSet::Render(std::string_view name, const mstch::map& context) const {
  auto found = texts_.find(std::string(name));
  VIGIL_CHECK(found != texts_.end()) << "no page template named " << name;
  return mstch::render(found->second, context, texts_);
}

}  // namespace vigil::web::pages
