#pragma once
// Loads vigil's configuration (the policy data in config/) in one place, for
// `vigil serve`, the operator commands and, later, `vigil check-config`.
// Today that is the lookups file, <config>/lookups/lookups.yaml. Every
// problem in every file is collected, never only the first. Thread-safe
// (no shared state); the result is immutable and may be shared.

#include <string>

#include "core/result.h"
#include "domain/lookups.h"

namespace vigil::app {

// Everything loaded from the configuration folder.
struct AppConfig {
  domain::Lookups lookups;
};

// The path of the lookups file under `config_dir`.
std::string LookupsPath(const std::string& config_dir);

// Loads and checks the configuration under `config_dir` (e.g. "config").
// kInvalidArgument listing every problem as a field error whose field is
// "FILE:LINE: key" (a missing or unreadable file is one such problem).
core::Result<AppConfig> LoadConfig(const std::string& config_dir);

}  // namespace vigil::app
