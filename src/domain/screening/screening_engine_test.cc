// End-to-end behaviour of the engine over the real config.

#include "domain/screening/screening_engine.h"

#include <gtest/gtest.h>

#include "domain/screening/explain.h"
#include "domain/screening/result_json.h"
#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using testing::Engine;
using testing::FactsFrom;

bool HasAction(const ScreeningResult& result, std::string_view id) {
  for (const PlannedAction& action : result.actions) {
    if (action.id == id) return true;
  }
  return false;
}

constexpr char kExPartnerStalking[] = R"({
  "facts_version": 1, "report_date": "2025-03-14", "relationship": "ex_partner",
  "occasions": [
    {"date": "2025-03-01", "behaviours": ["following"], "channel": "in_person",
     "victim_feared_violence": true},
    {"date": "2025-03-08", "behaviours": ["contacting"], "channel": "text_message",
     "victim_feared_violence": true,
     "message": {"indecent_or_grossly_offensive": false, "menacing": true,
                 "threat_of_death_or_serious_harm": false, "known_false": false,
                 "public_network": true}}
  ],
  "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": true,
             "changed_usual_activities": true},
  "suspect_knew_or_ought_to_know": true, "fixated_or_obsessive": true, "unwanted": true,
  "controlling_or_coercive_pattern": false, "purpose_to_cause_distress": true,
  "lawful_excuse": false,
  "risk_answers": {"victim_very_frightened": true, "threats_to_kill": true}
})";

TEST(ScreeningEngineTest, DefaultEngineMatchesTheConfigFiles) {
  auto embedded = ScreeningEngine::Default();
  ASSERT_TRUE(embedded.ok()) << embedded.status();
  EXPECT_EQ(embedded->rules_version(), "questionnaire@1;offences@1;risk@1;actions@1");
  EXPECT_EQ(embedded->rules_version(), Engine().rules_version());
  Facts facts = FactsFrom(kExPartnerStalking);
  EXPECT_EQ(ToJson(embedded->Screen(facts)), ToJson(Engine().Screen(facts)));
}

TEST(ScreeningEngineTest, ExPartnerStalkingWithFearIsStalkingFearOfViolence) {
  ScreeningResult result = Engine().Screen(FactsFrom(kExPartnerStalking));
  EXPECT_TRUE(result.stalking_indicated);
  EXPECT_FALSE(result.stalking_possible);
  ASSERT_TRUE(result.primary);
  EXPECT_EQ(result.primary->offence, "stalking_fear_of_violence");
  EXPECT_EQ(result.primary->hocr_classification, "8Q");
  EXPECT_EQ(result.primary->offence_code, "8/65");
  EXPECT_TRUE(result.primary->codes_verified);
  EXPECT_EQ(result.included, (std::vector<std::string>{"stalking_serious_alarm_distress",
                                                       "stalking", "harassment_fear_of_violence",
                                                       "harassment", "improper_use_of_network"}));
  EXPECT_TRUE(result.ask_next.empty());
  ASSERT_TRUE(result.risk);
  EXPECT_EQ(result.risk->level, "high");
  EXPECT_EQ(result.risk->item_bank_version, "vigil_stalking_risk@1");
  for (const char* action :
       {"consider_arrest", "preserve_digital_evidence", "secure_cctv_and_anpr",
        "check_suspect_history_and_linked_reports", "complete_stalking_risk_assessment",
        "safety_advice", "agree_safety_plan", "consider_stalking_protection_order",
        "consider_interim_stalking_protection_order", "refer_national_stalking_helpline",
        "refer_stalking_advocacy", "refer_idva", "refer_marac", "victims_code_needs_assessment",
        "supervisor_review"}) {
    EXPECT_TRUE(HasAction(result, action)) << action;
  }
  for (std::size_t index = 1; index < result.actions.size(); ++index) {
    EXPECT_LE(result.actions[index - 1].priority, result.actions[index].priority);
  }
}

TEST(ScreeningEngineTest, ScreeningIsDeterministic) {
  Facts facts = FactsFrom(kExPartnerStalking);
  EXPECT_EQ(ToJson(Engine().Screen(facts)), ToJson(Engine().Screen(facts)));
}

TEST(ScreeningEngineTest, ExplainNamesStatutesAndOccasionDates) {
  std::string text = Explain(Engine().Screen(FactsFrom(kExPartnerStalking)));
  EXPECT_NE(text.find("Stalking indicated: yes."), std::string::npos) << text;
  EXPECT_NE(text.find("Protection from Harassment Act 1997 s.4A(1)(b)(i)"), std::string::npos);
  EXPECT_NE(text.find("1 March 2025 (occasion 1), 8 March 2025 (occasion 2)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("HOCR 8Q, offence code 8/65"), std::string::npos);
  EXPECT_NE(text.find("Risk: high."), std::string::npos) << text;
}

}  // namespace
}  // namespace vigil::domain::screening
