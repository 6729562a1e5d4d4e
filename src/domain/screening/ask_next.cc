#include "domain/screening/ask_next.h"

#include <algorithm>

#include "domain/screening/identification.h"

namespace vigil::domain::screening {

const std::vector<std::string>& AskableFacts() {
  static const std::vector<std::string> facts = {
      "occasions",
      "relationship",
      "unwanted",
      "impact.alarm_or_distress",
      "impact.serious_alarm_or_distress",
      "impact.changed_usual_activities",
      "suspect_knew_or_ought_to_know",
      "fixated_or_obsessive",
      "occasions[].behaviours",
      "occasions[].channel",
      "occasions[].victim_feared_violence",
      "occasions[].message.indecent_or_grossly_offensive",
      "occasions[].message.menacing",
      "occasions[].message.threat_of_death_or_serious_harm",
      "occasions[].message.known_false",
      "occasions[].message.public_network",
      "controlling_or_coercive_pattern",
      "purpose_to_cause_distress",
      "intended_or_reckless_as_to_fear_of_threat",
      "intended_non_trivial_harm",
  };
  return facts;
}

std::vector<NextQuestion> WhatToAskNext(const ScreeningResult& result,
                                        const Questionnaire& questionnaire,
                                        const OffenceCatalogue& catalogue) {
  const Candidate* primary =
      result.primary ? result.FindCandidate(result.primary->offence) : nullptr;
  std::vector<std::string> facts;
  for (const Candidate& candidate : result.candidates) {
    if (candidate.status != CandidateStatus::kPossible) continue;
    if (primary != nullptr && !Outranks(candidate, *primary, catalogue)) continue;
    for (Element id : candidate.elements) {
      const ElementFinding& element = result.Finding(id);
      if (element.status != ElementStatus::kUnknown) continue;
      for (const std::string& fact : element.open_facts) {
        if (std::find(facts.begin(), facts.end(), fact) == facts.end()) facts.push_back(fact);
      }
    }
  }
  std::vector<NextQuestion> questions;
  for (const std::string& fact : facts) {
    const Question* question = questionnaire.FindByFact(fact);
    if (question == nullptr) continue;  // The loader guarantees one for every askable fact.
    questions.push_back({fact, question->id, question->text});
  }
  std::stable_sort(questions.begin(), questions.end(),
                   [&](const NextQuestion& a, const NextQuestion& b) {
                     return questionnaire.OrderOfFact(a.fact) < questionnaire.OrderOfFact(b.fact);
                   });
  return questions;
}

}  // namespace vigil::domain::screening
