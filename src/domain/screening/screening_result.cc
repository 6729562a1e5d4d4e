#include "domain/screening/screening_result.h"

#include <algorithm>

namespace vigil::domain::screening {

std::string_view CandidateStatusName(CandidateStatus status) {
  switch (status) {
    case CandidateStatus::kMet:
      return "met";
    case CandidateStatus::kPossible:
      return "possible";
    case CandidateStatus::kNotMet:
      return "not_met";
  }
  return "not_met";
}

const Candidate* ScreeningResult::FindCandidate(std::string_view offence) const {
  auto it = std::find_if(candidates.begin(), candidates.end(),
                         [&](const Candidate& candidate) { return candidate.offence == offence; });
  return it == candidates.end() ? nullptr : &*it;
}

bool ScreeningResult::HasWarning(std::string_view code) const {
  return std::any_of(warnings.begin(), warnings.end(),
                     [&](const Warning& warning) { return warning.code == code; });
}

}  // namespace vigil::domain::screening
