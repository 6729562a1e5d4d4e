#include "app/version.h"

namespace vigil::app {

std::string_view VersionString() { return "0.1.0"; }

}  // namespace vigil::app
