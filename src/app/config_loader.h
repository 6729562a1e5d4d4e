#pragma once
// Loads vigil's configuration (the policy data in config/) in one place, for
// `vigil serve`, `vigil screen` and `vigil check-config`: the lookups
// (<config>/lookups/lookups.yaml), the screening rules
// (<config>/screening/{questionnaire,offences,risk,actions}.yaml) and the
// linkage nickname table (<config>/linkage/nicknames.yaml) and the court
// order policy (<config>/orders/{order_types,terms}.yaml). Every problem
// in every file is collected, never only the first. Thread-safe (no shared
// state); the result is immutable and may be shared.

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/court_order/order_config.h"
#include "domain/lookups.h"
#include "domain/screening/screening_engine.h"

namespace vigil::app {

// Everything loaded from the configuration folder.
struct AppConfig {
  domain::Lookups lookups;
  std::shared_ptr<const domain::screening::ScreeningEngine> screening;  // Never null.
  std::size_t nickname_pairs = 0;  // (Short form, formal name) pairs in the nickname table.
  std::int64_t nickname_version = 0;
  std::shared_ptr<const domain::court_order::OrderConfig> orders;  // Never null.
};

// The path of the lookups file under `config_dir`.
std::string LookupsPath(const std::string& config_dir);

// The paths of the four screening files under `config_dir`.
std::vector<std::string> ScreeningPaths(const std::string& config_dir);

// Builds a screening engine from the files under `config_dir`, checking
// facts against `lookups`. kInvalidArgument listing every problem as a
// field error "FILE:LINE: key" (a missing file is one such problem).
core::Result<domain::screening::ScreeningEngine> LoadScreeningEngine(
    const std::string& config_dir, const domain::Lookups& lookups);

// The paths of the court order files under `config_dir`.
std::vector<std::string> OrderConfigPaths(const std::string& config_dir);

// Loads and checks the configuration under `config_dir` (e.g. "config").
// kInvalidArgument listing every problem in every file as a field error
// whose field is "FILE:LINE: key" (a missing or unreadable file is one such
// problem). Screening files are checked only when the lookups load, as the
// facts they speak of come from the lookups.
core::Result<AppConfig> LoadConfig(const std::string& config_dir);

}  // namespace vigil::app
