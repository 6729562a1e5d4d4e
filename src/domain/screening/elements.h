#pragma once
// The legal elements of the candidate offences, each worked out from the
// facts as met, not met or unknown, with the reason (naming the statute),
// the occasions that support it and, when unknown, the facts whose answers
// would settle it. The semantics are the team's agreed reading of the law,
// documented element by element in docs/reference/screening.md. Pure.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "domain/screening/facts.h"
#include "domain/screening/offence_law.h"

namespace vigil::domain::screening {

enum class ElementStatus { kMet, kNotMet, kUnknown };

// "met", "not_met", "unknown".
std::string_view ElementStatusName(ElementStatus status);

struct ElementFinding {
  Element element = Element::kCourseOfConduct;
  ElementStatus status = ElementStatus::kUnknown;
  std::string because;         // Plain English, naming the statute.
  std::vector<int> occasions;  // Indexes into facts.occasions that support it.
  // When unknown: the facts paths whose answers could settle it
  // ("impact.changed_usual_activities", "occasions[].victim_feared_violence").
  std::vector<std::string> open_facts;
};

using ElementFindings = std::array<ElementFinding, kElementCount>;

// Every element for `facts` (indexed by Element).
ElementFindings EvaluateElements(const Facts& facts);

// The s.2A(3) behaviours and the other behaviours the engine reads as
// showing fixation (behaviour ids from the lookups).
const std::vector<std::string>& StalkingBehaviours();
const std::vector<std::string>& FixationBehaviours();

// The relationships that are "personally connected" (Domestic Abuse Act 2021 s.2).
const std::vector<std::string>& PersonallyConnectedRelationships();

}  // namespace vigil::domain::screening
