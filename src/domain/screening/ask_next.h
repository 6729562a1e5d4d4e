#pragma once
// What to ask next: the unknown facts whose answers would change the
// outcome. A candidate offence that is "possible" (no element not met, some
// unknown) and would outrank the current primary if met (so it would change
// the primary, or the stalking / harassment / s.4A distinction) contributes
// the open facts of each of its unknown elements; each becomes the
// questionnaire's question for that fact, once, in questionnaire order. Pure.

#include <string>
#include <vector>

#include "domain/screening/offence_catalogue.h"
#include "domain/screening/questionnaire.h"
#include "domain/screening/screening_result.h"

namespace vigil::domain::screening {

// Every facts path the elements may report as open (the questionnaire must
// answer each; the config loader checks).
const std::vector<std::string>& AskableFacts();

// The questions for `result` (its candidates and primary must be final).
std::vector<NextQuestion> WhatToAskNext(const ScreeningResult& result,
                                        const Questionnaire& questionnaire,
                                        const OffenceCatalogue& catalogue);

}  // namespace vigil::domain::screening
