#include "web/pages/page_support.h"

#include <cctype>
#include <charconv>

namespace vigil::web::pages {

std::string PageRequest::Query(std::string_view name) const {
  std::string value = context.http.get_param_value(std::string(name).c_str());
  std::size_t start = value.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  std::size_t end = value.find_last_not_of(" \t\r\n");
  return value.substr(start, end - start + 1);
}

void FormErrors::Add(std::string field_id, std::string message) {
  errors_.emplace_back(std::move(field_id), std::move(message));
}

std::string FormErrors::For(std::string_view field_id) const {
  for (const auto& [field, message] : errors_) {
    if (field == field_id) return message;
  }
  return "";
}

mstch::array FormErrors::Summary() const {
  mstch::array summary;
  for (const auto& [field, message] : errors_) {
    summary.push_back(mstch::map{{"href", "#" + field}, {"text", message}});
  }
  return summary;
}

std::string ClassificationLabel(const domain::Lookups& lookups, std::string_view id) {
  const domain::Classification* found = lookups.FindClassification(id);
  return found ? found->label : std::string(id);
}

std::string LookupLabel(const std::vector<domain::LookupItem>& items, std::string_view id) {
  for (const domain::LookupItem& item : items) {
    if (item.id == id) return item.label;
  }
  return std::string(id);
}

mstch::array SelectOptions(const std::vector<domain::LookupItem>& items, std::string_view selected,
                           std::string_view any_text) {
  mstch::array options;
  options.push_back(mstch::map{
      {"value", std::string()}, {"text", std::string(any_text)}, {"selected", selected.empty()}});
  for (const domain::LookupItem& item : items) {
    options.push_back(
        mstch::map{{"value", item.id}, {"text", item.label}, {"selected", item.id == selected}});
  }
  return options;
}

std::string Count(std::int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (std::size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0) out += ',';
    out += digits[index];
  }
  return value < 0 ? "-" + out : out;
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& parameters) {
  std::string out;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const auto& [name, value] : parameters) {
    if (value.empty()) continue;
    out += out.empty() ? "?" : "&";
    out += name + "=";
    for (unsigned char c : value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
  }
  return out;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  if (text.empty() || text.front() < '1' || text.front() > '9') return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace vigil::web::pages
