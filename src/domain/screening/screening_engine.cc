#include "domain/screening/screening_engine.h"

#include "domain/screening/action_planner.h"
#include "domain/screening/ask_next.h"
#include "domain/screening/elements.h"
#include "domain/screening/facts_document.h"
#include "domain/screening/identification.h"
#include "domain/screening/overrides.h"
#include "domain/screening/risk_assessment.h"

namespace vigil::domain::screening {

ScreeningEngine::ScreeningEngine(ScreeningConfig config)
    : config_(std::make_shared<const ScreeningConfig>(std::move(config))) {}

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
  return screening::ParseFacts(json, config_->vocabulary);
}

core::Result<Facts> ScreeningEngine::ParseFactsText(std::string_view text) const {
  return screening::ParseFactsText(text, config_->vocabulary);
}

ScreeningResult ScreeningEngine::Screen(const Facts& facts) const {
  auto result = Screen(facts, Overrides{});
  VIGIL_CHECK(result.ok()) << "screening without overrides cannot fail: " << result.status();
  return std::move(result).value();
}

core::Result<ScreeningResult> ScreeningEngine::Screen(const Facts& facts,
                                                      const Overrides& overrides) const {
  const ScreeningConfig& config = *config_;
  ScreeningResult result;
  result.texts = config_;
  result.rules_version = config.rules_version;
  result.report_date = facts.report_date;
  if (facts.occasions) {
    for (const FactOccasion& occasion : *facts.occasions) {
      result.occasion_dates.push_back(occasion.date);
    }
  }
  result.findings = EvaluateElements(facts);
  IdentifyOffences(facts, config.offences, result);
  result.ask_next = WhatToAskNext(result, config.questionnaire, config.offences);

  core::ErrorCollector errors;
  if (overrides.classification) {
    errors.Merge(
        "", ValidateClassificationOverride(result, *overrides.classification, config.offences));
  }
  if (overrides.risk) {
    core::Status status = ValidateRiskOverride(*overrides.risk, facts.risk_answers.has_value());
    if (status.code() == core::StatusCode::kFailedPrecondition) return status;
    errors.Merge("", status);
  }
  if (!errors.empty()) return errors.ToStatus("the override is not accepted");
  if (overrides.classification) ApplyClassificationOverride(*overrides.classification, result);
  WarnIfPrimaryCodesUnverified(result);

  // The rules read the facts and the outcome in place (no JSON copy).
  FactsDocument rule_facts(facts);
  result.risk = AssessRisk(facts, config.risk, rule_facts, overrides.risk);
  rule_facts.SetOutcome(result);
  result.actions = PlanActions(config.actions, rule_facts, result, result.warnings);
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
