// GET /cases: the force's cases, newest updated first, filtered to the
// caller's own (owner=mine) and by status, paged on the server.

#include "web/pages/page_format.h"
#include "web/pages/page_support.h"
#include "web/pages/routes.h"

namespace vigil::web::pages {
namespace {

constexpr int kPageSize = 25;

}  // namespace

core::Result<Response> CaseListPage(const PageRequest& request) {
  std::string owner = request.Query("owner") == "mine" ? "mine" : "";
  std::string status = request.Query("status");
  FormErrors errors;
  storage::CaseQuery query;
  query.limit = kPageSize;
  if (owner == "mine") query.owner = request.caller().actor.user_id;
  if (!status.empty()) {
    std::optional<domain::CaseStatus> parsed = domain::ParseCaseStatus(status);
    if (!parsed) {
      errors.Add("status", "Select a status from the list");
    } else {
      query.status = parsed;
    }
  }
  std::string cursor = request.Query("cursor");
  if (!cursor.empty()) query.cursor = cursor;
  storage::CasePage page;
  if (errors.empty()) {
    VIGIL_ASSIGN_OR_RETURN(page, request.services.ListCases(request.caller(), query));
  }
  mstch::array rows;
  for (const domain::Case& value : page.items) {
    rows.push_back(
        mstch::map{{"href", "/cases/" + value.id.ToString()},
                   {"name", CaseName(value.id.value)},
                   {"title", value.title},
                   {"owner", value.owner.empty() ? std::string("Not assigned") : value.owner},
                   {"status", CaseStatusLabel(value.status)},
                   {"status_class", CaseStatusTagClass(value.status)},
                   {"updated", FormatDay(value.updated_at)}});
  }
  mstch::array statuses;
  statuses.push_back(mstch::map{
      {"value", std::string()}, {"text", std::string("Any status")}, {"selected", status.empty()}});
  for (domain::CaseStatus each :
       {domain::CaseStatus::kOpen, domain::CaseStatus::kUnderInvestigation,
        domain::CaseStatus::kAwaitingReview, domain::CaseStatus::kClosed}) {
    std::string id(domain::CaseStatusName(each));
    statuses.push_back(
        mstch::map{{"value", id}, {"text", CaseStatusLabel(each)}, {"selected", id == status}});
  }
  std::vector<std::pair<std::string, std::string>> parameters = {{"owner", owner},
                                                                 {"status", status}};
  std::string next_link;
  if (page.next_cursor) {
    auto next = parameters;
    next.emplace_back("cursor", *page.next_cursor);
    next_link = "/cases" + QueryString(next);
  }
  mstch::map context{
      {"errors", errors.Summary()},
      {"has_errors", !errors.empty()},
      {"mine", owner == "mine"},
      {"status_field", mstch::map{{"id", std::string("status")},
                                  {"label", std::string("Status")},
                                  {"error", errors.For("status")},
                                  {"options", statuses}}},
      {"cases", rows},
      {"has_cases", !rows.empty()},
      {"total", Count(page.total)},
      {"one_result", page.total == 1},
      {"has_next", !next_link.empty()},
      {"next_link", next_link},
      {"is_later_page", query.cursor.has_value()},
      {"first_link", "/cases" + QueryString(parameters)},
  };
  return request.site.Render(errors.empty() ? 200 : 422, "case_list",
                             errors.empty() ? "Cases" : "Error: Cases", Section::kCases,
                             std::move(context), request.caller());
}

}  // namespace vigil::web::pages
