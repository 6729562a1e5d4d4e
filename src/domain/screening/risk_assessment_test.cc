// Risk identification: thresholds, escalation factors and the item-bank version.

#include "domain/screening/risk_assessment.h"

#include <gtest/gtest.h>

#include "domain/screening/test_support.h"

namespace vigil::domain::screening {
namespace {

using testing::Engine;
using testing::FactsFrom;
using Strings = std::vector<std::string>;

std::optional<RiskAssessment> Assess(const std::string& members, const std::string& answers) {
  std::string text = R"({"facts_version": 1, "report_date": "2025-03-14")";
  if (!members.empty()) text += ", " + members;
  if (!answers.empty()) text += R"(, "risk_answers": {)" + answers + "}";
  return Engine().Screen(FactsFrom(text + "}")).risk;
}

// `count` "yes" answers to scored items that escalate nothing.
std::string YesAnswers(int count) {
  const Strings items = {"previous_stalking_or_harassment",
                         "property_damaged",
                         "frequent_visits",
                         "loitering_near_victim",
                         "substance_misuse",
                         "recruited_others",
                         "threats_of_violence"};
  std::string answers;
  for (int index = 0; index < count; ++index) {
    answers += (index ? ", \"" : "\"") + items[static_cast<std::size_t>(index)] + "\": true";
  }
  return answers;
}

TEST(RiskAssessmentTest, OnlyWhenRiskAnswersAreGiven) {
  EXPECT_FALSE(Assess("", ""));
  auto empty = Engine()
                   .Screen(FactsFrom(
                       R"({"facts_version": 1, "report_date": "2025-03-14", "risk_answers": {}})"))
                   .risk;
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->level, "standard");
  EXPECT_EQ(empty->item_bank_version, "vigil_stalking_risk@1");
  EXPECT_EQ(empty->items.size(), 15u);
  EXPECT_FALSE(empty->items.front().answer);
}

TEST(RiskAssessmentTest, ThresholdsOnYesAnswers) {
  EXPECT_EQ(Assess("", YesAnswers(3))->level, "standard");
  EXPECT_EQ(Assess("", YesAnswers(4))->level, "medium");
  EXPECT_EQ(Assess("", YesAnswers(6))->level, "medium");
  EXPECT_EQ(Assess("", YesAnswers(7))->level, "high");
  EXPECT_EQ(Assess("", YesAnswers(7))->yes_count, 7);
  // Unscored items and "no" or "don't know" answers do not count.
  auto unscored = Assess("", R"("contact_increasing": false, "property_damaged": null,
                               "substance_misuse": false)");
  EXPECT_EQ(unscored->yes_count, 0);
  EXPECT_EQ(unscored->level, "standard");
}

TEST(RiskAssessmentTest, EscalationFactorsRaiseTheLevel) {
  struct Case {
    std::string members;
    std::string answers;
    std::string factor;
    std::string level;
  };
  for (const Case& test : std::vector<Case>{
           {"", R"("threats_to_kill": true)", "threats_to_kill", "high"},
           {R"("occasions": [{"date": "2025-03-01", "channel": "text_message",
                              "message": {"threat_of_death_or_serious_harm": true}}])",
            "", "threats_to_kill", "high"},
           {"", R"("violent_in_episode": true)", "violence", "high"},
           {"", R"("history_of_violence": true)", "violence", "high"},
           {R"("occasions": [{"date": "2025-03-01", "behaviours": ["sexual_violence"]}])", "",
            "violence", "high"},
           {"", R"("weapon_used_or_threatened": true)", "weapons", "high"},
           {"", R"("breach_of_order": true)", "breach_of_order", "high"},
           {R"("relationship": "ex_partner")", "", "ex_partner", "medium"},
           {"", R"("contact_increasing": true)", "escalating_frequency", "medium"},
           {R"("occasions": [{"date": "2025-03-01"}, {"date": "2025-03-05"}, {"date": "2025-03-10"},
                             {"date": "2025-01-20"}])",
            "", "escalating_frequency", "medium"},
           {"", R"("third_parties_targeted": true)", "fixation_on_third_parties", "medium"},
           {R"("occasions": [{"date": "2025-03-01", "behaviours": ["recruiting_others"]}])", "",
            "fixation_on_third_parties", "medium"},
           {"", R"("victim_very_frightened": true)", "victim_very_frightened", "medium"},
       }) {
    auto risk =
        Assess(test.members, test.answers.empty() ? R"("substance_misuse": false)" : test.answers);
    ASSERT_TRUE(risk) << test.factor;
    EXPECT_EQ(risk->level, test.level) << test.factor << " " << test.members;
    EXPECT_NE(
        std::find(risk->escalation_factors.begin(), risk->escalation_factors.end(), test.factor),
        risk->escalation_factors.end())
        << test.factor << " " << test.members;
  }
}

TEST(RiskAssessmentTest, EscalationNeverLowersTheLevel) {
  auto risk = Assess(R"("relationship": "ex_partner")", YesAnswers(7));
  EXPECT_EQ(risk->level, "high");
  EXPECT_EQ(risk->escalation_factors, Strings{"ex_partner"});
}

TEST(RiskAssessmentTest, FrequencyThatIsNotRisingDoesNotEscalate) {
  auto risk = Assess(R"("occasions": [{"date": "2025-03-01"}, {"date": "2025-03-05"},
                                      {"date": "2025-03-10"}, {"date": "2025-02-01"},
                                      {"date": "2025-02-02"}, {"date": "2025-02-03"}])",
                     R"("contact_increasing": false)");
  EXPECT_TRUE(risk->escalation_factors.empty());
  EXPECT_EQ(risk->level, "standard");
}

TEST(RiskAssessmentTest, LevelNames) {
  EXPECT_EQ(RiskLevelName(RiskLevel::kMedium), "medium");
  EXPECT_EQ(ParseRiskLevel("high"), RiskLevel::kHigh);
  EXPECT_FALSE(ParseRiskLevel("severe"));
}

}  // namespace
}  // namespace vigil::domain::screening
