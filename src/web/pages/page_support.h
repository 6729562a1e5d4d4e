#pragma once
// What the page handlers share: the request a page is rendered for, reading
// query parameters, labels from the lookups, and the form errors shown in a
// GOV.UK error summary. Handlers build a mstch::map context from what the
// services return and render it through the Site; they never assemble HTML
// and never decide authorisation (the services do). Thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "services/services.h"
#include "web/pages/site.h"
#include "web/router.h"

namespace vigil::web::pages {

// One page request.
struct PageRequest {
  services::Services& services;
  const Site& site;
  const RequestContext& context;

  const services::Caller& caller() const { return context.caller; }
  // The query parameter `name`, trimmed; empty when absent.
  std::string Query(std::string_view name) const;
};

// A page handler: a response, or a failed Status that becomes the HTML
// error page.
using PageHandler = core::Result<Response> (*)(const PageRequest& request);

// Form problems for the GOV.UK error summary and the fields' messages.
class FormErrors {
 public:
  // Records `message` for the field whose input has id `field_id`.
  void Add(std::string field_id, std::string message);
  bool empty() const { return errors_.empty(); }
  // The message for `field_id`, or empty.
  std::string For(std::string_view field_id) const;
  // [{"href": "#field", "text": "..."}] for the error summary.
  mstch::array Summary() const;

 private:
  std::vector<std::pair<std::string, std::string>> errors_;
};

// The label of classification `id` (the id itself when unknown).
std::string ClassificationLabel(const domain::Lookups& lookups, std::string_view id);
// The label of `id` in `items` (the id itself when unknown).
std::string LookupLabel(const std::vector<domain::LookupItem>& items, std::string_view id);
// {"value","text","selected"} options for a select, led by an "any" option
// with value "" and text `any_text`.
mstch::array SelectOptions(const std::vector<domain::LookupItem>& items, std::string_view selected,
                           std::string_view any_text);
// The number `value` as text with thousands separators ("12,345").
std::string Count(std::int64_t value);
// A query string ("?a=1&b=2") from pairs, leaving out empty values, each
// part URL-encoded.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& parameters);
// The positive id in `text`, or empty.
std::optional<std::int64_t> ParseId(std::string_view text);

}  // namespace vigil::web::pages
