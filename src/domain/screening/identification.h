#pragma once
// Offence identification: from the element findings to candidate offences
// (met / possible / not met, aggravated or not, with penalties, HOCR codes
// and the summary-only time limit), the stalking flags, the primary and
// included classifications, and the warnings that go with them. Pure.

#include "domain/screening/elements.h"
#include "domain/screening/facts.h"
#include "domain/screening/offence_catalogue.h"
#include "domain/screening/screening_result.h"

namespace vigil::domain::screening {

// From result.findings (EvaluateElements), fills result.candidates (catalogue order),
// stalking_indicated, stalking_possible, primary, included and the warnings single_occasion,
// time_limit (near or passed), hostility_sentence_uplift and
// ex_partner_recorded_as_stalking.
void IdentifyOffences(const Facts& facts, const OffenceCatalogue& catalogue,
                      ScreeningResult& result);

// True when `a` should be chosen as primary before `b`: any stalking
// offence before any other (s.4A(1)(b)(i), then s.4A(1)(b)(ii), then s.2A);
// otherwise the higher maximum penalty of the form that applies, ties
// broken by the catalogue's order.
bool Outranks(const Candidate& a, const Candidate& b, const OffenceCatalogue& catalogue);

// Recomputes primary and included from the met candidates (the most
// serious met offence is primary; every other met offence is included).
void ChoosePrimary(const OffenceCatalogue& catalogue, ScreeningResult& result);

// Adds the warning codes_unverified when the primary's HOCR codes await
// confirmation (call once the primary is final, after any override).
void WarnIfPrimaryCodesUnverified(ScreeningResult& result);

// `date` plus `months` calendar months, clamped to the end of a shorter
// month (31 August + 6 months = 28 or 29 February).
core::Date AddMonths(core::Date date, int months);

}  // namespace vigil::domain::screening
