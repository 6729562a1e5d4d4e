#pragma once
// Small helpers shared by the element evaluators (elements.cc and
// communication_elements.cc): three-valued truth over optional facts and
// finding builders. Internal to vigil_screening.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/screening/elements.h"

namespace vigil::domain::screening::internal {

enum class Tri { kFalse, kTrue, kUnknown };

inline Tri FromOptional(const std::optional<bool>& value) {
  if (!value) return Tri::kUnknown;
  return *value ? Tri::kTrue : Tri::kFalse;
}
inline Tri And(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kTrue;
}
inline Tri Or(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kFalse;
}

inline ElementFinding Finding(Element element, ElementStatus status, std::string because,
                              std::vector<int> occasions = {},
                              std::vector<std::string> open_facts = {}) {
  ElementFinding finding;
  finding.element = element;
  finding.status = status;
  finding.because = std::move(because);
  finding.occasions = std::move(occasions);
  finding.open_facts = std::move(open_facts);
  return finding;
}

// A finding read straight from one yes/no fact.
inline ElementFinding FromFact(Element element, const std::optional<bool>& fact,
                               const char* fact_path, std::string_view met,
                               std::string_view not_met, std::string_view unknown) {
  if (!fact) {
    return Finding(element, ElementStatus::kUnknown, std::string(unknown), {}, {fact_path});
  }
  if (*fact) return Finding(element, ElementStatus::kMet, std::string(met));
  return Finding(element, ElementStatus::kNotMet, std::string(not_met));
}

// The parts joined into one string with a single allocation (element
// reasons are built on every screening).
inline std::string Join(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (std::string_view part : parts) out.append(part);
  return out;
}

// "1 occasion", "3 occasions".
inline std::string Occasions(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " occasion" : " occasions");
}

inline void AddUnique(std::vector<std::string>& facts, const std::string& fact) {
  for (const std::string& existing : facts) {
    if (existing == fact) return;
  }
  facts.push_back(fact);
}

// The s.2A(2)-(3) element, given the course-of-conduct finding (for the
// Home Office Counting Rules ex-partner rule).
ElementFinding AssociatedWithStalking(const Facts& facts, const ElementFinding& course);

// Works out the communications elements (MCA s.1, CA s.127, OSA ss.179 and
// 181) into `findings`.
void EvaluateCommunicationElements(const Facts& facts, ElementFindings& findings);

}  // namespace vigil::domain::screening::internal
