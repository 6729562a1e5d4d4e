#pragma once
// The HTML pages' routes and the fingerprinted assets they load:
//   GET /                 home: my tasks due (overdue first) and my cases
//   GET /reports          report search (filters, sorting, paging)
//   GET /reports/{id}     a report: occasions, persons, classifications, screenings
//   GET /cases            case list (mine or all, by status)
//   GET /cases/{id}       a case: timeline, persons, tasks, notes
//   GET /persons          people search by name
//   GET /persons/{id}     a person: names, identifiers, reports and cases
//   GET /assets/{file}    a fingerprinted asset (cached for a year, immutable)
// Every page acts through services::Services as the request's Caller, like
// the JSON API. src/web/pages/README.md describes the pages.

#include <memory>

#include "services/services.h"
#include "web/pages/site.h"
#include "web/router.h"

namespace vigil::web::pages {

// Adds the page and asset routes to `router`. `services` must outlive the
// router; `site` is kept alive by the routes.
void AddPageRoutes(Router& router, services::Services& services, std::shared_ptr<const Site> site);

// The handlers, one per page (each in its own file).
struct PageRequest;
core::Result<Response> HomePage(const PageRequest& request);
core::Result<Response> ReportSearchPage(const PageRequest& request);
core::Result<Response> ReportPage(const PageRequest& request);
core::Result<Response> CaseListPage(const PageRequest& request);
core::Result<Response> CasePage(const PageRequest& request);
core::Result<Response> PersonSearchPage(const PageRequest& request);
core::Result<Response> PersonPage(const PageRequest& request);

}  // namespace vigil::web::pages
