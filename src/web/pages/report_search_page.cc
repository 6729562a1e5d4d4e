// GET /reports: report search by any classification (principal or
// included), person (by name, then by role), date received, force and
// reference, sorted and paged on the server. The filters are a plain GET
// form (MOJ filter layout), so every search is a link that can be shared.

#include <chrono>

#include "web/pages/date_field.h"
#include "web/pages/page_format.h"
#include "web/pages/page_support.h"
#include "web/pages/routes.h"

namespace vigil::web::pages {
namespace {

constexpr int kPageSize = 25;
constexpr int kPersonChoices = 20;

const std::vector<domain::LookupItem>& RoleItems() {
  static const std::vector<domain::LookupItem> roles = {{"victim", "Victim"},
                                                        {"suspect", "Suspect"},
                                                        {"witness", "Witness"},
                                                        {"third_party", "Third party"}};
  return roles;
}

std::vector<domain::LookupItem> ClassificationItems(const domain::Lookups& lookups) {
  std::vector<domain::LookupItem> items;
  for (const domain::Classification& classification : lookups.classifications) {
    items.push_back({classification.id, classification.label});
  }
  return items;
}

// The search as typed, kept to refill the form and build links.
struct SearchForm {
  std::string classification;
  std::string person;
  std::string person_id;
  std::string role;
  DateField from;
  DateField to;
  std::string force;
  std::string reference;
  std::string sort;  // "newest" (default) or "oldest".

  std::vector<std::pair<std::string, std::string>> Parameters() const {
    return {{"classification", classification},
            {"person", person},
            {"person_id", person_id},
            {"role", role},
            {"from-day", from.day},
            {"from-month", from.month},
            {"from-year", from.year},
            {"to-day", to.day},
            {"to-month", to.month},
            {"to-year", to.year},
            {"force", force},
            {"reference", reference},
            {"sort", sort == "oldest" ? sort : ""}};
  }
};

// A link to the same search sorted `sort` (from the first page).
std::string SortLink(SearchForm form, const std::string& sort) {
  form.sort = sort;
  return "/reports" + QueryString(form.Parameters());
}

mstch::map SelectField(const std::string& id, const std::string& label, mstch::array options,
                       const FormErrors& errors) {
  return mstch::map{
      {"id", id}, {"label", label}, {"error", errors.For(id)}, {"options", std::move(options)}};
}

mstch::array ReportRows(const PageRequest& request, const std::vector<domain::Report>& reports) {
  const domain::Lookups& lookups = request.services.lookups();
  mstch::array rows;
  for (const domain::Report& report : reports) {
    mstch::array included;
    for (const std::string& id : report.included_classifications) {
      included.push_back(mstch::map{{"label", ClassificationLabel(lookups, id)}});
    }
    rows.push_back(mstch::map{
        {"href", "/reports/" + report.id.ToString()},
        {"reference", report.force_reference},
        {"received", FormatDay(report.received_at)},
        {"received_iso", IsoDate(std::chrono::floor<std::chrono::days>(report.received_at))},
        {"principal", ClassificationLabel(lookups, report.principal_classification)},
        {"included", std::move(included)},
        {"has_included", !report.included_classifications.empty()},
        {"force", lookups.ForceLabel(report.force)},
        {"has_case", report.case_id.has_value()},
        {"case_href", report.case_id ? "/cases/" + report.case_id->ToString() : std::string()},
        {"case_name", report.case_id ? CaseName(report.case_id->value) : std::string()},
    });
  }
  return rows;
}

}  // namespace

core::Result<Response> ReportSearchPage(const PageRequest& request) {
  const domain::Lookups& lookups = request.services.lookups();
  FormErrors errors;
  SearchForm form;
  form.classification = request.Query("classification");
  form.person = request.Query("person");
  form.person_id = request.Query("person_id");
  form.role = request.Query("role");
  form.from = ReadDateField(request, "from", "Received from", errors);
  form.to = ReadDateField(request, "to", "Received to", errors);
  form.force = request.Query("force");
  form.reference = request.Query("reference");
  form.sort = request.Query("sort") == "oldest" ? "oldest" : "newest";

  storage::ReportQuery query;
  query.limit = kPageSize;
  query.oldest_first = form.sort == "oldest";
  if (!form.classification.empty()) {
    if (lookups.FindClassification(form.classification) == nullptr) {
      errors.Add("classification", "Select a classification from the list");
    } else {
      query.classification = form.classification;
    }
  }
  if (!form.role.empty()) {
    std::optional<domain::PersonRole> role = domain::ParsePersonRole(form.role);
    if (!role) {
      errors.Add("role", "Select a role from the list");
    } else {
      query.role = role;
    }
  }
  if (!form.force.empty()) {
    if (!lookups.HasForce(form.force)) {
      errors.Add("force", "Select a force from the list");
    } else {
      query.force = form.force;
    }
  }
  if (!form.reference.empty()) query.force_reference = form.reference;
  if (form.from.date) query.received_from = StartOfUkDay(*form.from.date);
  if (form.to.date) query.received_to = StartOfUkDay(*form.to.date + std::chrono::days(1));
  if (form.from.date && form.to.date && *form.to.date < *form.from.date) {
    errors.Add("to-day", "Received to must be the same as or after received from");
  }
  std::string cursor = request.Query("cursor");
  if (!cursor.empty()) query.cursor = cursor;

  // A person is named by id (from a link) or by name: one match is used,
  // several are offered as choices.
  mstch::array person_choices;
  bool person_unknown = false;
  if (!form.person_id.empty()) {
    std::optional<std::int64_t> id = ParseId(form.person_id);
    if (!id) return core::NotFound("There is no person with that id.");
    query.person_id = domain::PersonId(*id);
  } else if (!form.person.empty()) {
    storage::PersonQuery person_query;
    person_query.name_prefix = form.person;
    person_query.limit = kPersonChoices;
    VIGIL_ASSIGN_OR_RETURN(storage::PersonPage persons,
                           request.services.SearchPersons(request.caller(), person_query));
    if (persons.items.size() == 1) {
      query.person_id = persons.items.front().id;
    } else if (persons.items.empty()) {
      person_unknown = true;
    } else {
      for (const domain::Person& person : persons.items) {
        SearchForm choice = form;
        choice.person_id = person.id.ToString();
        choice.person.clear();
        person_choices.push_back(mstch::map{
            {"href", "/reports" + QueryString(choice.Parameters())},
            {"name", domain::DisplayName(person)},
            {"born", person.date_of_birth ? "born " + FormatDate(*person.date_of_birth) : ""}});
      }
    }
  }

  bool searched = errors.empty() && !person_unknown && person_choices.empty();
  storage::ReportPage page;
  if (searched) {
    core::Result<storage::ReportPage> found =
        request.services.SearchReports(request.caller(), query);
    if (found.status().code() == core::StatusCode::kPermissionDenied && query.force) {
      errors.Add("force", "You cannot search the reports of " + lookups.ForceLabel(form.force));
      searched = false;
    } else if (found.status().code() == core::StatusCode::kInvalidArgument && query.cursor) {
      return core::InvalidArgument(
          "This page of results no longer exists; start the search again.");
    } else {
      VIGIL_RETURN_IF_ERROR(found.status());
      page = std::move(found).value();
    }
  }
  std::string next_link;
  if (page.next_cursor) {
    auto parameters = form.Parameters();
    parameters.emplace_back("cursor", *page.next_cursor);
    next_link = "/reports" + QueryString(parameters);
  }
  bool newest = form.sort != "oldest";
  mstch::map context{
      {"errors", errors.Summary()},
      {"has_errors", !errors.empty()},
      {"classification_field",
       SelectField(
           "classification", "Classification (principal or included)",
           SelectOptions(ClassificationItems(lookups), form.classification, "Any classification"),
           errors)},
      {"person", form.person},
      {"person_id", form.person_id},
      {"role_field", SelectField("role", "Their role in the report",
                                 SelectOptions(RoleItems(), form.role, "Any role"), errors)},
      {"from", form.from.View("from", "Received from", "For example, 27 3 2024", errors)},
      {"to", form.to.View("to", "Received to", "For example, 27 9 2024", errors)},
      {"force_field", SelectField("force", "Force",
                                  SelectOptions(lookups.forces, form.force, "Your force"), errors)},
      {"reference", form.reference},
      {"sort_newest", newest},
      {"searched", searched},
      {"person_unknown", person_unknown},
      {"person_choices", person_choices},
      {"has_person_choices", !person_choices.empty()},
      {"reports", ReportRows(request, page.items)},
      {"has_reports", !page.items.empty()},
      {"total", Count(page.total)},
      {"one_result", page.total == 1},
      {"sort_link", SortLink(form, newest ? "oldest" : "newest")},
      {"has_next", !next_link.empty()},
      {"next_link", next_link},
      {"is_later_page", query.cursor.has_value()},
      {"first_link", "/reports" + QueryString(form.Parameters())},
      {"clear_link", "/reports"},
  };
  std::string title = errors.empty() ? "Search reports" : "Error: Search reports";
  return request.site.Render(errors.empty() ? 200 : 422, "report_search", title, Section::kReports,
                             std::move(context), request.caller());
}

}  // namespace vigil::web::pages
