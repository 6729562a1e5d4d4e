#pragma once
// ScreeningRules: the screening engine vigil currently screens with, and
// the means to replace it without a restart. Readers take a shared pointer
// to the current engine (so a screening in flight finishes with the rules
// it started with); Reload builds a new engine with the loader and swaps it
// in only if it loaded cleanly — bad config never replaces good. Thread-safe.

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "core/result.h"
#include "domain/screening/screening_engine.h"

namespace vigil::services {

class ScreeningRules {
 public:
  // Builds an engine (for example from the files in config/screening);
  // kInvalidArgument listing every config problem.
  using Loader = std::function<core::Result<domain::screening::ScreeningEngine>()>;

  // Starts with `initial`. Without a loader Reload fails with
  // kFailedPrecondition (the rules were not loaded from files).
  explicit ScreeningRules(std::shared_ptr<const domain::screening::ScreeningEngine> initial,
                          Loader loader = nullptr);

  // The engine over the config embedded in the binary, with no loader.
  static std::unique_ptr<ScreeningRules> Embedded();

  // The engine to screen with now. Never null.
  std::shared_ptr<const domain::screening::ScreeningEngine> Current() const;

  // Loads the rules anew and, when they load cleanly, makes them current.
  // Returns the rules version now in force; on failure the old rules stay
  // and the loader's error is returned.
  core::Result<std::string> Reload();

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const domain::screening::ScreeningEngine> current_;
  Loader loader_;
};

}  // namespace vigil::services
