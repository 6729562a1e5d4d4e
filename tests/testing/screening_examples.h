#pragma once
// Facts documents shared by the screening tests of several layers (services,
// API, command line), so each layer checks the same case. Text only: each
// test parses it with the JSON library it already uses.

namespace vigil::testing {

// docs/reference/screening.md, worked example 1: an ex-partner follows,
// then sends a menacing text; fear on the second occasion unknown. Stalking
// (s.2A) primary, harassment and s.127(1) included, risk medium.
inline constexpr const char* kExPartnerFactsJson = R"({
  "facts_version": 1, "report_date": "2026-06-15", "relationship": "ex_partner",
  "occasions": [
    {"date": "2026-05-30", "behaviours": ["following"], "channel": "in_person",
     "victim_feared_violence": true},
    {"date": "2026-06-09", "behaviours": ["contacting"], "channel": "text_message",
     "victim_feared_violence": null,
     "message": {"indecent_or_grossly_offensive": false, "menacing": true,
                 "threat_of_death_or_serious_harm": false, "known_false": false,
                 "public_network": true}}
  ],
  "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": true},
  "suspect_knew_or_ought_to_know": true, "unwanted": true, "purpose_to_cause_distress": true,
  "risk_answers": {"victim_very_frightened": true, "previous_stalking_or_harassment": true}
})";

}  // namespace vigil::testing
