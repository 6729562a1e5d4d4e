#pragma once
// The GOV.UK date input (day, month and year boxes) read from a query:
// parameters <name>-day, <name>-month and <name>-year. Pure; thread-safe.

#include <optional>
#include <string>

#include "core/clock.h"
#include "web/pages/page_support.h"

namespace vigil::web::pages {

// What was typed in one date input, and the date it names.
struct DateField {
  std::string day;
  std::string month;
  std::string year;
  std::optional<core::Date> date;  // Set when all three name a real date.

  bool blank() const { return day.empty() && month.empty() && year.empty(); }
  // The template values: name, day, month, year, error (message or empty).
  mstch::map View(const std::string& name, const std::string& label, const std::string& hint,
                  const FormErrors& errors) const;
};

// Reads date input `name`. When something was typed but it is not a real
// date (or a year outside 1900–2100), adds an error for field
// "<name>-day" starting with `label` ("Received from must be a real date").
DateField ReadDateField(const PageRequest& request, const std::string& name,
                        const std::string& label, FormErrors& errors);

}  // namespace vigil::web::pages
