#include "domain/screening/overrides.h"

#include <cctype>
#include <set>

#include "domain/screening/offence_law.h"
#include "domain/screening/risk_config.h"

namespace vigil::domain::screening {
namespace {

constexpr std::size_t kMaximumReasonBytes = 2000;

}  // namespace

bool HasSubstance(std::string_view text) {
  std::size_t characters = 0;
  std::size_t words = 0;
  bool in_word = false;
  std::set<char> distinct;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    // Letters and digits, counting each non-ASCII code point once.
    bool letter = std::isalnum(byte) != 0 || (byte >= 0xC0);
    if (letter) {
      ++characters;
      distinct.insert(static_cast<char>(std::tolower(byte)));
      if (!in_word) ++words;
      in_word = true;
    } else if ((byte & 0xC0) != 0x80) {
      in_word = false;
    }
  }
  return characters >= kMinimumReasonCharacters && words >= 3 && distinct.size() >= 5;
}

core::Status ValidateClassificationOverride(const ScreeningResult& result,
                                            const ClassificationOverride& choice,
                                            const OffenceCatalogue& catalogue) {
  core::ErrorCollector errors;
  if (catalogue.Find(choice.offence) == nullptr) {
    errors.Add("override.offence", "invalid_value", "is not an offence the screening knows");
  }
  bool downgrade = result.stalking_indicated && !IsStalkingOffence(choice.offence);
  if (choice.reason.size() > kMaximumReasonBytes) {
    errors.Add("override.reason", "too_long",
               "must be at most " + std::to_string(kMaximumReasonBytes) + " characters");
  } else if (downgrade && !HasSubstance(choice.reason)) {
    errors.Add("override.reason", "required",
               "choosing a primary other than stalking when stalking is indicated needs a written "
               "reason saying why this is not stalking (at least " +
                   std::to_string(kMinimumReasonCharacters) +
                   " letters or digits, in words; NPCC–CPS protocol)");
  }
  return errors.ToStatus("the override is not accepted");
}

void ApplyClassificationOverride(const ClassificationOverride& choice, ScreeningResult& result) {
  const Candidate* chosen = result.FindCandidate(choice.offence);
  if (chosen == nullptr) return;
  OverrideRecord record;
  record.offence = choice.offence;
  record.reason = choice.reason;
  record.previous_primary = result.primary ? result.primary->offence : "";
  record.downgrade_from_stalking = result.stalking_indicated && !IsStalkingOffence(choice.offence);
  result.primary = PrimaryClassification{chosen->offence, std::string(chosen->hocr_classification),
                                         std::string(chosen->offence_code), chosen->codes_verified,
                                         chosen->aggravated};
  // Every other met offence is included, most serious first: the engine's
  // primary, then its included list (already ranked).
  std::vector<std::string> included;
  if (!record.previous_primary.empty() && record.previous_primary != choice.offence) {
    included.push_back(record.previous_primary);
  }
  for (const std::string& offence : result.included) {
    if (offence != choice.offence) included.push_back(offence);
  }
  result.included = std::move(included);
  if (record.downgrade_from_stalking) {
    result.warnings.push_back(
        {"stalking_downgrade",
         "Stalking is indicated but " + std::string(chosen->label) +
             " was chosen as the primary classification. The reason is recorded and a "
             "supervisor must review the decision (NPCC–CPS protocol)."});
  }
  if (chosen->status != CandidateStatus::kMet) {
    result.warnings.push_back(
        {"override_offence_not_met", "The screening did not find every element of " +
                                         std::string(chosen->label) +
                                         " met; make sure the evidence supports it."});
  }
  if (IsStalkingOffence(choice.offence)) result.stalking_indicated = true;
  if (result.stalking_indicated) result.stalking_possible = false;
  result.classification_override = std::move(record);
}

core::Status ValidateRiskOverride(const RiskOverride& choice, bool has_risk_answers) {
  if (!has_risk_answers) {
    return core::FailedPrecondition(
        "there is no risk assessment to override: the facts carry no risk_answers");
  }
  core::ErrorCollector errors;
  if (!ParseRiskLevel(choice.level)) {
    errors.Add("risk_override.level", "invalid_value", "must be standard, medium or high");
  }
  if (choice.rationale.size() > kMaximumReasonBytes) {
    errors.Add("risk_override.rationale", "too_long",
               "must be at most " + std::to_string(kMaximumReasonBytes) + " characters");
  } else if (!HasSubstance(choice.rationale)) {
    errors.Add(
        "risk_override.rationale", "required",
        "a professional-judgement change of risk level needs a written rationale (at least " +
            std::to_string(kMinimumReasonCharacters) + " letters or digits, in words)");
  }
  return errors.ToStatus("the risk override is not accepted");
}

}  // namespace vigil::domain::screening
