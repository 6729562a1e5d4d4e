// The output contract (version 1) and the plain-English explanation.

#include "domain/screening/result_json.h"

#include <gtest/gtest.h>

#include "domain/screening/explain.h"
#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using nlohmann::json;
using testing::Engine;
using testing::FactsFrom;

constexpr char kFacts[] = R"({"facts_version": 1, "report_date": "2025-03-14",
  "relationship": "ex_partner",
  "occasions": [{"date": "2025-03-01", "behaviours": ["following"], "channel": "in_person"},
                {"date": "2025-03-08", "behaviours": ["contacting"], "channel": "text_message",
                 "message": {"menacing": true, "public_network": true}}],
  "unwanted": true, "impact": {"alarm_or_distress": true, "serious_alarm_or_distress": true},
  "suspect_knew_or_ought_to_know": true,
  "risk_answers": {"victim_very_frightened": true}})";

TEST(ResultJsonTest, ContractShape) {
  json out = ToJson(Engine().Screen(FactsFrom(kFacts)));
  for (const char* key : {"result_version", "rules_version", "stalking_indicated", "primary",
                          "included", "candidates", "ask_next", "warnings", "risk", "actions"}) {
    EXPECT_TRUE(out.contains(key)) << key;
  }
  EXPECT_EQ(out["result_version"], 1);
  EXPECT_EQ(out["rules_version"], "questionnaire@1;offences@1;risk@1;actions@1");
  EXPECT_EQ(out["stalking_indicated"], true);
  EXPECT_EQ(out["primary"], json({{"offence", "stalking"},
                                  {"hocr_classification", "8Q"},
                                  {"offence_code", "195/12"},
                                  {"codes_verified", true},
                                  {"aggravated", false}}));
  EXPECT_EQ(out["included"], json({"harassment", "improper_use_of_network"}));
  ASSERT_EQ(out["candidates"].size(), 11u);
  const json& stalking = out["candidates"][2];
  EXPECT_EQ(stalking["offence"], "stalking");
  EXPECT_EQ(stalking["statute"], "Protection from Harassment Act 1997 s.2A");
  EXPECT_EQ(stalking["status"], "met");
  EXPECT_EQ(stalking["max_penalty"], "6 months");
  EXPECT_EQ(stalking["mode_of_trial"], "summary");
  EXPECT_EQ(stalking["proceedings_by"], "2025-09-08");
  EXPECT_EQ(stalking["elements"][2]["element"], "associated_with_stalking");
  EXPECT_EQ(stalking["elements"][2]["status"], "met");
  EXPECT_EQ(stalking["elements"][2]["occasions"], json({0, 1}));
  EXPECT_FALSE(out["candidates"][0].contains("proceedings_by"));  // Either way.
  EXPECT_EQ(out["ask_next"][0]["fact"], "occasions[].victim_feared_violence");
  EXPECT_EQ(out["ask_next"][0]["question_id"], "occasion_feared_violence");
  EXPECT_EQ(out["risk"]["level"], "medium");
  EXPECT_EQ(out["risk"]["item_bank_version"], "vigil_stalking_risk@1");
  EXPECT_EQ(out["risk"]["items"][0], json({{"id", "victim_very_frightened"}, {"answer", true}}));
  EXPECT_EQ(out["risk"]["items"][1],
            json({{"id", "previous_stalking_or_harassment"}, {"answer", nullptr}}));
  EXPECT_EQ(out["actions"][0]["id"], "consider_arrest");
  EXPECT_EQ(out["actions"][0]["priority"], 1);
  EXPECT_FALSE(out.contains("override"));
}

TEST(ResultJsonTest, NoPrimaryIsNullAndNoRiskIsAbsent) {
  json out =
      ToJson(Engine().Screen(FactsFrom(R"({"facts_version": 1, "report_date": "2025-03-14"})")));
  EXPECT_TRUE(out["primary"].is_null());
  EXPECT_FALSE(out.contains("risk"));
  EXPECT_EQ(out["stalking_indicated"], false);
  EXPECT_TRUE(out["included"].empty());
}

TEST(ExplainTest, PlainEnglishWithStatutesAndDates) {
  std::string text = Explain(Engine().Screen(FactsFrom(kFacts)));
  for (const char* part : {
           "Screening of the report of 14 March 2025",
           "Stalking indicated: yes.",
           "Primary classification: Stalking, Protection from Harassment Act 1997 s.2A (HOCR 8Q, "
           "offence code 195/12).",
           "Included classifications: Harassment (Protection from Harassment Act 1997 s.2); ",
           "proceedings by 8 September 2025",
           "Occasions relied on: 1 March 2025 (occasion 1), 8 March 2025 (occasion 2).",
           "Offences possible (more information needed):",
           "Ask next:\n  - On this occasion, were you afraid that they would use violence against "
           "you? (occasions[].victim_feared_violence)",
           "Risk: medium.",
           "Actions, most urgent first:\n  1. ",
       }) {
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n---\n" << text;
  }
  std::string all = Explain(Engine().Screen(FactsFrom(kFacts)), true);
  EXPECT_GT(all.size(), text.size());
  EXPECT_NE(all.find("personally connected: met"), std::string::npos);
}

TEST(ExplainTest, OverrideAndNoOffence) {
  auto result = Engine().ApplyOverride(
      FactsFrom(kFacts), {"harassment", "Suspect was collecting belongings under a court order."});
  ASSERT_TRUE(result.ok());
  std::string text = Explain(*result);
  EXPECT_NE(text.find("Override: harassment chosen instead of stalking (a downgrade from "
                      "stalking). Reason: Suspect was collecting"),
            std::string::npos)
      << text;
  std::string none =
      Explain(Engine().Screen(FactsFrom(R"({"facts_version": 1, "report_date": "2025-03-14"})")));
  EXPECT_NE(none.find("Primary classification: none"), std::string::npos) << none;
  EXPECT_NE(none.find("Stalking indicated: possibly"), std::string::npos) << none;
}

}  // namespace
}  // namespace vigil::domain::screening
