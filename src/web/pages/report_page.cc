// GET /reports/{id}: one report with its occasions, persons and their roles,
// principal and included classifications, and its screening history.

#include "web/pages/page_format.h"
#include "web/pages/page_support.h"
#include "web/pages/record_views.h"
#include "web/pages/routes.h"

namespace vigil::web::pages {

core::Result<Response> ReportPage(const PageRequest& request) {
  std::optional<std::int64_t> id = ParseId(request.context.path_parameters.Get("id"));
  if (!id) return core::NotFound("There is no report at this address.");
  const services::Caller& caller = request.caller();
  const domain::Lookups& lookups = request.services.lookups();
  VIGIL_ASSIGN_OR_RETURN(domain::Report report,
                         request.services.GetReport(caller, domain::ReportId(*id)));
  mstch::array occasions;
  for (const domain::Occasion& occasion : report.occasions) {
    occasions.push_back(OccasionView(occasion, lookups));
  }
  mstch::array persons;
  for (const domain::ReportPerson& link : report.persons) {
    VIGIL_ASSIGN_OR_RETURN(domain::Person person,
                           request.services.GetPerson(caller, link.person_id));
    mstch::map view = PersonLineView(person);
    view.emplace("role", PersonRoleLabel(link.role));
    persons.push_back(std::move(view));
  }
  mstch::array included;
  for (const std::string& classification : report.included_classifications) {
    included.push_back(mstch::map{{"label", ClassificationLabel(lookups, classification)}});
  }
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::ScreeningRecord> screenings,
                         request.services.ListScreenings(caller, report.id));
  mstch::array screening_views;
  for (const domain::ScreeningRecord& record : screenings) {
    screening_views.push_back(ScreeningView(record, lookups));
  }
  mstch::map context{
      {"reference", report.force_reference},
      {"force", lookups.ForceLabel(report.force)},
      {"received", FormatTime(report.received_at)},
      {"officer", report.reporting_officer},
      {"narrative", report.narrative},
      {"principal", ClassificationLabel(lookups, report.principal_classification)},
      {"included", std::move(included)},
      {"has_included", !report.included_classifications.empty()},
      {"has_case", report.case_id.has_value()},
      {"case_href", report.case_id ? "/cases/" + report.case_id->ToString() : std::string()},
      {"case_name", report.case_id ? CaseName(report.case_id->value) : std::string()},
      {"occasions", std::move(occasions)},
      {"occasion_count", Count(static_cast<std::int64_t>(report.occasions.size()))},
      {"has_occasions", !report.occasions.empty()},
      {"persons", std::move(persons)},
      {"has_persons", !report.persons.empty()},
      {"screenings", std::move(screening_views)},
      {"has_screenings", !screenings.empty()},
  };
  return request.site.Render(200, "report", "Report " + report.force_reference, Section::kReports,
                             std::move(context), caller);
}

}  // namespace vigil::web::pages
