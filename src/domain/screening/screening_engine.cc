#include "domain/screening/screening_engine.h"

#include "domain/screening/action_planner.h"
#include "domain/screening/ask_next.h"
#include "domain/screening/elements.h"
#include "domain/screening/fact_schema.h"
#include "domain/screening/identification.h"
#include "domain/screening/overrides.h"
#include "domain/screening/risk_assessment.h"

namespace vigil::domain::screening {

ScreeningEngine::ScreeningEngine(ScreeningConfig config) : config_(std::move(config)) {}

core::Result<ScreeningEngine> ScreeningEngine::FromFiles(
    const std::map<std::string, std::string>& files, const Lookups& lookups) {
  auto config = ParseScreeningConfig(files, lookups);
  if (!config.ok()) return config.status();
  return ScreeningEngine(std::move(config).value());
}

core::Result<ScreeningEngine> ScreeningEngine::Default() {
  auto config = DefaultScreeningConfig();
  if (!config.ok()) return config.status();
  return ScreeningEngine(std::move(config).value());
}

core::Result<Facts> ScreeningEngine::ParseFacts(const nlohmann::json& json) const {
  return screening::ParseFacts(json, config_.vocabulary);
}

core::Result<Facts> ScreeningEngine::ParseFactsText(std::string_view text) const {
  return screening::ParseFactsText(text, config_.vocabulary);
}

ScreeningResult ScreeningEngine::Screen(const Facts& facts) const {
  auto result = Screen(facts, Overrides{});
  VIGIL_CHECK(result.ok()) << "screening without overrides cannot fail: " << result.status();
  return std::move(result).value();
}

core::Result<ScreeningResult> ScreeningEngine::Screen(const Facts& facts,
                                                      const Overrides& overrides) const {
  ScreeningResult result;
  result.rules_version = config_.rules_version;
  result.report_date = facts.report_date;
  if (facts.occasions) {
    for (const FactOccasion& occasion : *facts.occasions) {
      result.occasion_dates.push_back(occasion.date);
    }
  }
  result.findings = EvaluateElements(facts);
  IdentifyOffences(facts, config_.offences, result);
  result.ask_next = WhatToAskNext(result, config_.questionnaire, config_.offences);

  core::ErrorCollector errors;
  if (overrides.classification) {
    errors.Merge(
        "", ValidateClassificationOverride(result, *overrides.classification, config_.offences));
  }
  if (overrides.risk) {
    core::Status status = ValidateRiskOverride(*overrides.risk, facts.risk_answers.has_value());
    if (status.code() == core::StatusCode::kFailedPrecondition) return status;
    errors.Merge("", status);
  }
  if (!errors.empty()) return errors.ToStatus("the override is not accepted");
  if (overrides.classification) ApplyClassificationOverride(*overrides.classification, result);
  WarnIfPrimaryCodesUnverified(result);

  nlohmann::json facts_document = FactsToJson(facts, config_.fact_keys_read);
  nlohmann::json derived = DerivedFacts(facts);
  rules::Context risk_context{&facts_document, &derived};
  result.risk = AssessRisk(facts, config_.risk, risk_context, overrides.risk);

  nlohmann::json outcome = OutcomeFacts(result, config_.actions.reads_candidates);
  rules::Context action_context{&facts_document, &derived, &outcome};
  result.actions = PlanActions(config_.actions, action_context, result, result.warnings);
  return result;
}

core::Result<ScreeningResult> ScreeningEngine::ApplyOverride(
    const Facts& facts, const ClassificationOverride& choice) const {
  return Screen(facts, Overrides{choice, std::nullopt});
}

core::Result<ScreeningResult> ScreeningEngine::ApplyRiskOverride(const Facts& facts,
                                                                 const RiskOverride& choice) const {
  return Screen(facts, Overrides{std::nullopt, choice});
}

}  // namespace vigil::domain::screening
