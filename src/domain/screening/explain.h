#pragma once
// A plain-English account of a screening for people (`vigil screen
// --format text`, printouts for a supervisor): whether stalking is
// indicated, the primary and included classifications with their statutes
// and HOCR codes, each candidate's elements with the reason and the
// occasions (by date) relied on, what to ask next, warnings, the risk level
// and the suggested actions. Dates are written "27 September 2024". Pure.

#include <string>

#include "domain/screening/screening_result.h"

namespace vigil::domain::screening {

// The account of `result`, several lines ending in a newline. Candidates
// that are not met are summarised in one line each, unless
// `all_elements` is true.
std::string Explain(const ScreeningResult& result, bool all_elements = false);

}  // namespace vigil::domain::screening
