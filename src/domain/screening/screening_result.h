#pragma once
// ScreeningResult: everything one screening produced (output contract
// version 1; result_json.h writes it as JSON): the candidate offences
// element by element, the primary and included classifications, what to
// ask next, warnings, the risk assessment (when risk answers were given),
// the suggested actions and any override an officer made. Values, safe to
// share between threads; the catalogue and action texts of candidates and
// actions point into the engine's config, which the result keeps alive
// (ScreeningResult::texts), so copy a Candidate or PlannedAction only with
// (or while holding) its result.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/screening/elements.h"

namespace vigil::domain::screening {

// The output contract version of ToJson.
inline constexpr int kResultVersion = 1;

enum class CandidateStatus { kMet, kPossible, kNotMet };

// "met", "possible", "not_met".
std::string_view CandidateStatusName(CandidateStatus status);

struct Candidate {
  std::string offence;  // Offence id.
  // The catalogue's texts (offences.yaml) for the form that applies.
  std::string_view label;
  std::string_view statute;  // Of the form that applies (aggravated or not).
  CandidateStatus status = CandidateStatus::kNotMet;
  bool aggravated = false;  // Racially or religiously aggravated (CDA 1998 s.32).
  // Its elements (OffenceElements); the findings are ScreeningResult::findings.
  std::span<const Element> elements;
  std::string_view max_penalty;  // "10 years".
  int max_penalty_months = 0;
  std::string_view mode_of_trial;  // "summary" or "either_way".
  bool summary_only = false;
  std::string_view hocr_classification;
  std::string_view offence_code;
  bool codes_verified = false;
  // Summary-only offences: last occasion + 6 months (Magistrates' Courts
  // Act 1980 s.127). Set for met and possible candidates with occasions.
  std::optional<core::Date> proceedings_by;
};

struct PrimaryClassification {
  std::string offence;
  std::string hocr_classification;
  std::string offence_code;
  bool codes_verified = false;
  bool aggravated = false;
};

// A question whose answer would change the outcome.
struct NextQuestion {
  std::string fact;         // Facts path, e.g. "impact.changed_usual_activities".
  std::string question_id;  // From the questionnaire.
  std::string question;     // The question's text.
};

struct Warning {
  std::string code;  // Stable, e.g. "single_occasion", "time_limit".
  std::string message;
};

struct RiskItemAnswer {
  std::string_view id;         // The item bank's id (risk.yaml).
  std::optional<bool> answer;  // nullopt: not answered or "don't know".
};

// A professional-judgement change of risk level (mandatory rationale).
struct RiskOverride {
  std::string level;  // "standard", "medium" or "high".
  std::string rationale;
};

struct RiskAssessment {
  std::string level;             // After any override.
  std::string calculated_level;  // From the answers and escalation factors.
  int yes_count = 0;             // "Yes" answers to scored items.
  std::vector<RiskItemAnswer> items;
  std::vector<std::string> escalation_factors;  // Ids of the factors that applied.
  std::string item_bank_version;                // "vigil_stalking_risk@1".
  std::optional<RiskOverride> override;
};

struct PlannedAction {
  std::string id;
  std::string_view text;  // The action rule's texts (actions.yaml).
  std::string_view kind;
  int priority = 1;
  int due_within_hours = 0;
  std::string_view owner_role;
};

// An officer's or supervisor's choice of a different primary
// classification (NPCC–CPS protocol: a reason is mandatory when it
// downgrades from stalking).
struct ClassificationOverride {
  std::string offence;  // The chosen primary offence id.
  std::string reason;
};

struct OverrideRecord {
  std::string offence;
  std::string reason;
  std::string previous_primary;  // Empty when the engine had none.
  bool downgrade_from_stalking = false;
};

struct ScreeningResult {
  std::string rules_version;  // "questionnaire@1;offences@1;risk@1;actions@1".
  core::Date report_date{};
  std::vector<core::Date> occasion_dates;  // For explanations, by occasion index.
  ElementFindings findings;                // Every element, once (indexed by Element).
  bool stalking_indicated = false;         // A stalking offence is met.
  bool stalking_possible = false;          // None met, but one is possible.
  std::optional<PrimaryClassification> primary;
  std::vector<std::string> included;  // Every other met offence, most serious first.
  std::vector<Candidate> candidates;  // In the catalogue's order.
  std::vector<NextQuestion> ask_next;
  std::vector<Warning> warnings;
  std::optional<RiskAssessment> risk;
  std::vector<PlannedAction> actions;  // By priority.
  std::optional<OverrideRecord> classification_override;
  // Keeps alive the config the candidates' and actions' texts point into
  // (set by ScreeningEngine::Screen; empty for results built by hand from
  // texts that outlive them).
  std::shared_ptr<const void> texts;

  // The finding for `element`.
  const ElementFinding& Finding(Element element) const {
    return findings[static_cast<std::size_t>(element)];
  }
  // The candidate for `offence`, or nullptr.
  const Candidate* FindCandidate(std::string_view offence) const;
  // True when `code` is among the warnings.
  bool HasWarning(std::string_view code) const;
};

}  // namespace vigil::domain::screening
