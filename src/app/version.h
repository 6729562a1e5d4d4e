#pragma once
// The version of vigil, as printed by `vigil --version` and /healthz.

#include <string_view>

namespace vigil::app {

std::string_view VersionString();

}  // namespace vigil::app
