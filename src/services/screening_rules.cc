#include "services/screening_rules.h"

#include <utility>

#include "core/check.h"

namespace vigil::services {

ScreeningRules::ScreeningRules(std::shared_ptr<const domain::screening::ScreeningEngine> initial,
                               Loader loader)
    : current_(std::move(initial)), loader_(std::move(loader)) {
  VIGIL_CHECK(current_ != nullptr) << "ScreeningRules needs an initial engine";
}

std::unique_ptr<ScreeningRules> ScreeningRules::Embedded() {
  // Parsed once per process and shared: the engine is immutable.
  static const std::shared_ptr<const domain::screening::ScreeningEngine> embedded = [] {
    core::Result<domain::screening::ScreeningEngine> engine =
        domain::screening::ScreeningEngine::Default();
    // The embedded config is compiled in and tested: failing here is a build fault.
    VIGIL_CHECK(engine.ok()) << "the screening config embedded in this binary is invalid: "
                             << engine.status();
    return std::make_shared<const domain::screening::ScreeningEngine>(std::move(engine).value());
  }();
  return std::make_unique<ScreeningRules>(embedded);
}

std::shared_ptr<const domain::screening::ScreeningEngine> ScreeningRules::Current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return current_;
}

core::Result<std::string> ScreeningRules::Reload() {
  if (!loader_) {
    return core::FailedPrecondition(
        "the screening rules were not loaded from files, so they cannot be reloaded");
  }
  // Load outside the lock: screenings go on with the current rules meanwhile.
  core::Result<domain::screening::ScreeningEngine> loaded = loader_();
  if (!loaded.ok()) return loaded.status();
  auto engine =
      std::make_shared<const domain::screening::ScreeningEngine>(std::move(loaded).value());
  std::string version = engine->rules_version();
  std::lock_guard<std::mutex> lock(mutex_);
  current_ = std::move(engine);
  return version;
}

}  // namespace vigil::services
