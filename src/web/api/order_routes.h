#pragma once
// The court order routes of the JSON API (docs/reference/api.md, "Court
// orders"): POST /api/v1/orders, GET /api/v1/orders/{id},
// POST /api/v1/orders/{id}/events and GET /api/v1/cases/{id}/orders.

#include "services/services.h"
#include "web/router.h"

namespace vigil::web::api {

// Registers the court order routes; `services` must outlive `router`.
void AddOrderRoutes(Router& router, services::Services& services);

}  // namespace vigil::web::api
