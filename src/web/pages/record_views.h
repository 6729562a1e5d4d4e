#pragma once
// Template values for records shown on more than one page: an occasion,
// a person's name line, a screening in the history. Pure; thread-safe.

#include <mstch/mstch.hpp>
#include <vector>

#include "domain/lookups.h"
#include "domain/person.h"
#include "domain/report.h"
#include "domain/screening_record.h"

namespace vigil::web::pages {

// {date, date_iso, time, channel, behaviours, location, postcode, summary}.
mstch::map OccasionView(const domain::Occasion& occasion, const domain::Lookups& lookups);
// {href, name, born, aliases}.
mstch::map PersonLineView(const domain::Person& person);
// {screened, indicated, offence, risk, override, reason, rules_version, by}.
mstch::map ScreeningView(const domain::ScreeningRecord& record, const domain::Lookups& lookups);
// "Standard", "Medium", "High"; "Not assessed" when empty.
std::string RiskLabel(const std::string& risk_level);

}  // namespace vigil::web::pages
