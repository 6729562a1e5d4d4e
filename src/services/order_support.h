#pragma once
// The embedded court order config as the services' default. Internal to
// services.

#include <memory>

#include "domain/court_order/order_config.h"

namespace vigil::services::internal {

// The embedded config/orders, parsed once; aborts if it is broken (the
// court_order tests rule that out).
std::shared_ptr<const domain::court_order::OrderConfig> DefaultOrderConfigOrDie();

}  // namespace vigil::services::internal
