// GET /persons: people search by name. GET /persons/{id}: one person with
// names and aliases, identifiers, and every report and case they are in.

#include <set>

#include "web/pages/page_format.h"
#include "web/pages/page_support.h"
#include "web/pages/record_views.h"
#include "web/pages/routes.h"

namespace vigil::web::pages {
namespace {

constexpr int kReportLimit = 100;
constexpr int kSearchLimit = 50;

mstch::array Values(const std::vector<std::string>& values) {
  mstch::array out;
  for (const std::string& value : values) out.push_back(mstch::map{{"text", value}});
  return out;
}

mstch::array Identifiers(const domain::Person& person) {
  mstch::array rows;
  auto add = [&rows](std::string key, mstch::array values) {
    if (!values.empty())
      rows.push_back(mstch::map{{"key", std::move(key)}, {"values", std::move(values)}});
  };
  add("Phone numbers", Values(person.phones));
  add("Email addresses", Values(person.emails));
  std::vector<std::string> handles;
  for (const domain::OnlineHandle& handle : person.handles) {
    handles.push_back(handle.handle + " (" + handle.platform + ")");
  }
  add("Online accounts", Values(handles));
  std::vector<std::string> addresses;
  for (const domain::Address& address : person.addresses) {
    std::string text;
    for (const std::string& part : {address.line1, address.line2, address.town, address.postcode}) {
      if (!part.empty()) text += (text.empty() ? "" : ", ") + part;
    }
    addresses.push_back(text);
  }
  add("Addresses", Values(addresses));
  std::vector<std::string> vehicles;
  for (const domain::Vehicle& vehicle : person.vehicles) {
    vehicles.push_back(vehicle.registration +
                       (vehicle.description.empty() ? "" : " (" + vehicle.description + ")"));
  }
  add("Vehicles", Values(vehicles));
  return rows;
}

}  // namespace

core::Result<Response> PersonPage(const PageRequest& request) {
  std::optional<std::int64_t> id = ParseId(request.context.path_parameters.Get("id"));
  if (!id) return core::NotFound("There is no person at this address.");
  const services::Caller& caller = request.caller();
  const domain::Lookups& lookups = request.services.lookups();
  VIGIL_ASSIGN_OR_RETURN(domain::Person person,
                         request.services.GetPerson(caller, domain::PersonId(*id)));
  mstch::array names;
  for (const domain::PersonName& name : person.names) {
    names.push_back(mstch::map{
        {"name", name.given_name + (name.given_name.empty() ? "" : " ") + name.family_name},
        {"alias", name.alias}});
  }
  storage::ReportQuery query;
  query.person_id = person.id;
  query.limit = kReportLimit;
  VIGIL_ASSIGN_OR_RETURN(storage::ReportPage page, request.services.SearchReports(caller, query));
  mstch::array reports;
  std::set<std::int64_t> case_ids;
  for (const domain::Report& report : page.items) {
    std::string roles;
    for (const domain::ReportPerson& link : report.persons) {
      if (link.person_id == person.id) {
        roles += (roles.empty() ? "" : ", ") + PersonRoleLabel(link.role);
      }
    }
    if (report.case_id) case_ids.insert(report.case_id->value);
    reports.push_back(
        mstch::map{{"href", "/reports/" + report.id.ToString()},
                   {"reference", report.force_reference},
                   {"received", FormatDay(report.received_at)},
                   {"principal", ClassificationLabel(lookups, report.principal_classification)},
                   {"roles", roles}});
  }
  mstch::array cases;
  for (std::int64_t case_id : case_ids) {
    VIGIL_ASSIGN_OR_RETURN(services::CaseDetail detail,
                           request.services.GetCase(caller, domain::CaseId(case_id)));
    cases.push_back(mstch::map{{"href", "/cases/" + detail.value.id.ToString()},
                               {"name", CaseName(case_id)},
                               {"title", detail.value.title},
                               {"status", CaseStatusLabel(detail.value.status)},
                               {"status_class", CaseStatusTagClass(detail.value.status)}});
  }
  mstch::array identifiers = Identifiers(person);
  mstch::map context{
      {"name", domain::DisplayName(person)},
      {"names", std::move(names)},
      {"born", person.date_of_birth ? FormatDate(*person.date_of_birth) : std::string("Not known")},
      {"force", lookups.ForceLabel(person.force)},
      {"identifiers", identifiers},
      {"has_identifiers", !identifiers.empty()},
      {"reports", std::move(reports)},
      {"has_reports", !page.items.empty()},
      {"report_total", Count(page.total)},
      {"more_reports", page.next_cursor.has_value()},
      {"all_reports_link", "/reports" + QueryString({{"person_id", person.id.ToString()}})},
      {"cases", cases},
      {"has_cases", !cases.empty()},
  };
  return request.site.Render(200, "person", domain::DisplayName(person), Section::kPersons,
                             std::move(context), caller);
}

core::Result<Response> PersonSearchPage(const PageRequest& request) {
  std::string name = request.Query("name");
  mstch::array people;
  std::int64_t total = 0;
  if (!name.empty()) {
    storage::PersonQuery query;
    query.name_prefix = name;
    query.limit = kSearchLimit;
    VIGIL_ASSIGN_OR_RETURN(storage::PersonPage page,
                           request.services.SearchPersons(request.caller(), query));
    total = page.total;
    for (const domain::Person& person : page.items) people.push_back(PersonLineView(person));
  }
  mstch::map context{{"name", name},          {"searched", !name.empty()},
                     {"people", people},      {"has_people", !people.empty()},
                     {"total", Count(total)}, {"one_result", total == 1}};
  return request.site.Render(200, "person_search", "Find a person", Section::kPersons,
                             std::move(context), request.caller());
}

}  // namespace vigil::web::pages
