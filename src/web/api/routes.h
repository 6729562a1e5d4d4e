#pragma once
// The JSON API's routes under /api/v1/, one registration function per
// resource. Handlers parse and check the request, build nothing but the
// services call (they never decide authorisation: services do), and encode
// the result; failures are returned as Statuses for error_mapping.h. Every
// handler is thread-safe because Services is. docs/reference/api.md
// documents every route.

#include "services/services.h"
#include "web/router.h"

namespace vigil::web::api {

// POST /api/v1/persons, GET /api/v1/persons, GET and PUT /api/v1/persons/{id}.
void AddPersonRoutes(Router& router, services::Services& services);

// POST and GET /api/v1/reports, GET /api/v1/reports/{id} and the report's
// occasions, classifications and persons.
void AddReportRoutes(Router& router, services::Services& services);

// POST and GET /api/v1/cases, GET /api/v1/cases/{id} and the case's
// assignment, status, reports, tasks and notes.
void AddCaseRoutes(Router& router, services::Services& services);

// GET /api/v1/tasks and POST /api/v1/tasks/{id}/completion.
void AddTaskRoutes(Router& router, services::Services& services);

// POST /api/v1/screenings, GET /api/v1/screenings/{id},
// GET /api/v1/reports/{id}/screenings, GET /api/v1/screening-rules and
// POST /api/v1/screening-rules/reload.
void AddScreeningRoutes(Router& router, services::Services& services);

// GET /api/v1/audit?record_type=&record_id=: who did what to a record. The
// only audit route; none writes the audit log.
void AddAuditRoutes(Router& router, services::Services& services);

}  // namespace vigil::web::api
