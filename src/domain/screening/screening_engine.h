#pragma once
// ScreeningEngine: the national stalking screening tool as pure code. Given
// a ScreeningConfig (questionnaire, offence catalogue, risk item bank and
// action rules) it turns facts into a ScreeningResult: every candidate
// offence element by element, the primary and included classifications
// (stalking first), what to ask next, warnings, the risk assessment and the
// suggested actions. Deterministic: the same facts and config always give
// the same result, so an override is applied by screening again with it.
// Immutable after construction; Screen may be called from many threads.
//
// Typical use (the CLI and the HTTP API):
//   auto engine = ScreeningEngine::Default();             // or from files
//   auto facts = engine->ParseFactsText(body);            // kInvalidArgument per field
//   ScreeningResult result = engine->Screen(*facts);
//   nlohmann::json out = ToJson(result);                  // result_json.h
//   std::string text = Explain(result);                   // explain.h

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "domain/lookups.h"
#include "domain/screening/facts.h"
#include "domain/screening/screening_config.h"
#include "domain/screening/screening_result.h"

namespace vigil::domain::screening {

// Choices an officer or supervisor made about a screening.
struct Overrides {
  std::optional<ClassificationOverride> classification;
  std::optional<RiskOverride> risk;
};

class ScreeningEngine {
 public:
  // An engine over a parsed config (ParseScreeningConfig).
  explicit ScreeningEngine(ScreeningConfig config);

  // An engine over config files given as name (or path) → text, with
  // `lookups`. Errors as ParseScreeningConfig.
  static core::Result<ScreeningEngine> FromFiles(const std::map<std::string, std::string>& files,
                                                 const Lookups& lookups);
  // An engine over the config embedded in the binary (DefaultScreeningConfig).
  static core::Result<ScreeningEngine> Default();

  // The config it screens with, e.g. for rendering the questionnaire.
  const ScreeningConfig& config() const { return *config_; }
  // "questionnaire@1;offences@1;risk@1;actions@1", recorded in every result.
  const std::string& rules_version() const { return config_->rules_version; }

  // Facts checked against this engine's vocabulary (ParseFacts in facts.h).
  core::Result<Facts> ParseFacts(const nlohmann::json& json) const;
  core::Result<Facts> ParseFactsText(std::string_view text) const;

  // Screens `facts` (as parsed; facts built in code should satisfy the same
  // rules). Never fails.
  ScreeningResult Screen(const Facts& facts) const;

  // Screens with overrides. kInvalidArgument (field errors under
  // "override." and "risk_override.") for an unknown offence, a downgrade
  // from stalking without a reason of substance, an unknown risk level or
  // a missing rationale; kFailedPrecondition for a risk override when the
  // facts carry no risk answers.
  core::Result<ScreeningResult> Screen(const Facts& facts, const Overrides& overrides) const;

  // Shorthands for Screen with one override.
  core::Result<ScreeningResult> ApplyOverride(const Facts& facts,
                                              const ClassificationOverride& choice) const;
  core::Result<ScreeningResult> ApplyRiskOverride(const Facts& facts,
                                                  const RiskOverride& choice) const;

 private:
  // Shared with every result it produces (their texts point into it), so
  // results stay valid after the engine is replaced by a reload.
  std::shared_ptr<const ScreeningConfig> config_;
};

}  // namespace vigil::domain::screening
