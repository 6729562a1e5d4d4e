#include "web/pages/date_field.h"

#include "web/pages/page_format.h"

namespace vigil::web::pages {
namespace {

std::optional<int> Number(const std::string& text) {
  if (text.empty() || text.size() > 4 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(text);
}

}  // namespace

mstch::map DateField::View(const std::string& name, const std::string& label,
                           const std::string& hint, const FormErrors& errors) const {
  std::string error = errors.For(name + "-day");
  return mstch::map{
      {"name", name},   {"label", label}, {"hint", hint},   {"day", day},
      {"month", month}, {"year", year},   {"error", error}, {"has_error", !error.empty()}};
}

DateField ReadDateField(const PageRequest& request, const std::string& name,
                        const std::string& label, FormErrors& errors) {
  DateField field;
  field.day = request.Query(name + "-day");
  field.month = request.Query(name + "-month");
  field.year = request.Query(name + "-year");
  if (field.blank()) return field;
  if (field.day.empty() || field.month.empty() || field.year.empty()) {
    std::string missing = field.day.empty() ? "a day" : field.month.empty() ? "a month" : "a year";
    errors.Add(name + "-day", label + " must include " + missing);
    return field;
  }
  std::optional<int> day = Number(field.day);
  std::optional<int> month = Number(field.month);
  std::optional<int> year = Number(field.year);
  std::optional<core::Date> date;
  if (day && month && year && *year >= 1900 && *year <= 2100) date = MakeDate(*year, *month, *day);
  if (!date) {
    errors.Add(name + "-day", label + " must be a real date");
    return field;
  }
  field.date = date;
  return field;
}

}  // namespace vigil::web::pages
